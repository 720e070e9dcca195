using ManagedTls.Keys;
using ManagedTls.X509;
using ModelExtension = ManagedTls.X509.X509Extension;

namespace ManagedTls.OpenSsl;

/// <summary>
/// pyOpenSSL's <c>OpenSSL.crypto.CRL</c>: a mutable certificate revocation list. A loaded CRL keeps its DER untouched
/// until a setter runs; <see cref="Sign"/> and <see cref="Export"/> build and sign a new one with ManagedTls's
/// <see cref="CertificateRevocationListBuilder"/>.
/// </summary>
public sealed class CRL
{
    private readonly List<Revoked> _revoked = [];
    private readonly List<ModelExtension> _extensions = [];
    private CertificateRevocationList? _crl;
    private bool _modified;
    private int _version;
    private DistinguishedName? _issuer;
    private DateTimeOffset? _lastUpdate;
    private DateTimeOffset? _nextUpdate;
    private string? _lastUpdateText;
    private string? _nextUpdateText;

    /// <summary>Creates an empty CRL (<c>CRL()</c>): version 0 (v1), empty issuer, no dates, no entries.</summary>
    public CRL()
    {
    }

    /// <summary>Wraps a ManagedTls CRL (an addition, like <c>from_cryptography</c>).</summary>
    /// <param name="crl">The CRL; its DER is what <see cref="Crypto.DumpCrl"/> writes until a setter runs.</param>
    public CRL(CertificateRevocationList crl)
    {
        ArgumentNullException.ThrowIfNull(crl);
        Load(crl);
    }

    /// <summary>The CRL as a ManagedTls <see cref="CertificateRevocationList"/> (an addition, like <c>to_cryptography</c>).</summary>
    /// <returns>The loaded or last signed CRL.</returns>
    /// <exception cref="InvalidOperationException">The CRL was changed (or never signed) since it was loaded: call Sign first.</exception>
    public CertificateRevocationList ToCertificateRevocationList() => !_modified && _crl is not null
        ? _crl
        : throw new InvalidOperationException("The CRL was changed (or never signed) since it was loaded: call Sign or Export first.");

    /// <summary>Copies of the entries (<c>get_revoked</c>): changing them does not change the CRL.</summary>
    /// <returns>The entries, or null when there are none (pyOpenSSL returns <c>None</c>, not an empty tuple).</returns>
    public Revoked[]? GetRevoked() => _revoked.Count == 0 ? null : _revoked.ConvertAll(r => r.Copy()).ToArray();

    /// <summary>Adds a copy of <paramref name="revoked"/> (<c>add_revoked</c>): changing it afterwards does not change the CRL.</summary>
    /// <param name="revoked">The entry.</param>
    public void AddRevoked(Revoked revoked)
    {
        ArgumentNullException.ThrowIfNull(revoked);
        _revoked.Add(revoked.Copy());
        _modified = true;
    }

    /// <summary>A copy of the issuer name (<c>get_issuer</c>; unlike <see cref="X509.GetIssuer"/> not a live view).</summary>
    /// <returns>The issuer.</returns>
    public X509Name GetIssuer() => new(_issuer ?? new X509NameStore().ToDistinguishedName());

    /// <summary>Sets the version, zero-based (<c>set_version</c>): 0 is v1, 1 is v2.</summary>
    /// <param name="version">0 or 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">Not 0 or 1.</exception>
    /// <remarks>A CRL with extensions is written as v2 whatever the version, as RFC 5280 §5.1.2.1 requires.</remarks>
    public void SetVersion(int version)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(version);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(version, 1);
        _version = version;
        _modified = true;
    }

    /// <summary>The zero-based version (an addition): 1 for a v2 CRL.</summary>
    /// <returns>0 or 1.</returns>
    public int GetVersion() => _version;

    /// <summary>Sets thisUpdate (<c>set_lastUpdate</c>) from <c>YYYYMMDDhhmmssZ</c> or an offset form.</summary>
    /// <param name="when">The timestamp.</param>
    /// <exception cref="ArgumentException">Not a timestamp ("Invalid string").</exception>
    public void SetLastUpdate(string when)
    {
        _lastUpdate = Asn1TimeText.Parse(when);
        _lastUpdateText = when;
        _modified = true;
    }

    /// <summary>Sets nextUpdate (<c>set_nextUpdate</c>).</summary>
    /// <param name="when">The timestamp.</param>
    /// <exception cref="ArgumentException">Not a timestamp ("Invalid string").</exception>
    public void SetNextUpdate(string when)
    {
        _nextUpdate = Asn1TimeText.Parse(when);
        _nextUpdateText = when;
        _modified = true;
    }

    /// <summary>thisUpdate as <c>YYYYMMDDhhmmssZ</c> (an addition; a string set is returned as given); null when unset.</summary>
    /// <returns>The timestamp or null.</returns>
    public string? GetLastUpdate() => _lastUpdateText ?? (_lastUpdate is { } t ? Asn1TimeText.Format(t) : null);

    /// <summary>nextUpdate as <c>YYYYMMDDhhmmssZ</c> (an addition); null when absent.</summary>
    /// <returns>The timestamp or null.</returns>
    public string? GetNextUpdate() => _nextUpdateText ?? (_nextUpdate is { } t ? Asn1TimeText.Format(t) : null);

    /// <summary>
    /// Signs the CRL (<c>sign</c>): sets the issuer to <paramref name="issuerCert"/>'s subject, sorts the entries by serial
    /// number (<c>X509_CRL_sort</c>) and signs with <paramref name="issuerKey"/>.
    /// </summary>
    /// <param name="issuerCert">The issuer's certificate.</param>
    /// <param name="issuerKey">The issuer's key pair.</param>
    /// <param name="digest">An OpenSSL digest name.</param>
    /// <exception cref="CryptoException">An unknown digest (pyOpenSSL asserts here), a key that cannot sign, an entry without a date.</exception>
    /// <remarks>An unset thisUpdate is set to now (OpenSSL would write an empty time).</remarks>
    public void Sign(X509 issuerCert, PKey issuerKey, string digest)
    {
        ArgumentNullException.ThrowIfNull(issuerCert);
        ArgumentNullException.ThrowIfNull(issuerKey);
        ArgumentNullException.ThrowIfNull(digest);
        if (!Signatures.DigestNames.TryParse(digest, out ManagedTls.Crypto.HashAlgorithmId hash))
        {
            throw new CryptoException("digital envelope routines", "EVP_get_digestbyname", "unknown digest");
        }

        _issuer = issuerCert.GetSubject().ToDistinguishedName();
        _revoked.Sort((a, b) => a.Serial.CompareTo(b.Serial));
        SignWith(issuerKey, hash, "X509_CRL_sign");
    }

    /// <summary>
    /// Sets thisUpdate to now, nextUpdate to now plus <paramref name="days"/>, the issuer to <paramref name="cert"/>'s
    /// subject, signs, and dumps the CRL (<c>export</c>). Unlike <see cref="Sign"/> it does not sort the entries.
    /// </summary>
    /// <param name="cert">The issuer's certificate.</param>
    /// <param name="key">The issuer's key pair.</param>
    /// <param name="type">PEM, ASN1 or TEXT.</param>
    /// <param name="days">Days until nextUpdate.</param>
    /// <param name="digest">An OpenSSL digest name; null uses <c>md5</c>, pyOpenSSL 16.1's deprecated default.</param>
    /// <returns>The encoded CRL.</returns>
    /// <exception cref="ArgumentException">An unknown digest ("No such digest method"), an unknown type, a public-only or empty key.</exception>
    /// <exception cref="CryptoException">The key cannot sign with that digest.</exception>
    public byte[] Export(X509 cert, PKey key, FileType type = FileType.Pem, int days = 100, string? digest = null)
    {
        ArgumentNullException.ThrowIfNull(cert);
        ArgumentNullException.ThrowIfNull(key);
        ManagedTls.Crypto.HashAlgorithmId hash = Crypto.ParseDigestName(digest ?? "md5");
        DateTimeOffset now = DateTimeOffset.UtcNow;
        now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond));
        _lastUpdate = now;
        _nextUpdate = now.AddDays(days);
        _lastUpdateText = _nextUpdateText = null;
        _issuer = cert.GetSubject().ToDistinguishedName();
        SignWith(key, hash, "X509_CRL_sign");
        return Crypto.DumpCrl(type, this);
    }

    internal void Load(CertificateRevocationList crl)
    {
        _crl = crl;
        _version = crl.Version - 1;
        _issuer = crl.Issuer;
        _lastUpdate = crl.ThisUpdate;
        _nextUpdate = crl.NextUpdate;
        _lastUpdateText = _nextUpdateText = null;
        _revoked.Clear();
        foreach (RevokedCertificate entry in crl.RevokedCertificates)
        {
            _revoked.Add(new Revoked(entry));
        }

        _extensions.Clear();
        _extensions.AddRange(crl.Extensions);
        _modified = false;
    }

    private void SignWith(PKey pkey, ManagedTls.Crypto.HashAlgorithmId hash, string function)
    {
        if (pkey.OnlyPublic)
        {
            throw new ArgumentException("Key has only public part", nameof(pkey));
        }

        PrivateKey key = pkey.PrivateKey ?? throw new ArgumentException("Key is uninitialized", nameof(pkey));
        var builder = new CertificateRevocationListBuilder
        {
            Version = _version + 1,
            Issuer = _issuer ?? new X509NameStore().ToDistinguishedName(),
            ThisUpdate = _lastUpdate ?? DateTimeOffset.UtcNow,
            NextUpdate = _nextUpdate,
        };
        foreach (Revoked revoked in _revoked)
        {
            builder.Revoked.Add(revoked.ToEntry());
        }

        foreach (ModelExtension extension in _extensions)
        {
            builder.Extensions.Add(extension);
        }

        _crl = Crypto.BuildSigned(() => builder.Sign(key, Crypto.DigestFor(key, hash)), function);
        _lastUpdate = _crl.ThisUpdate;
        _modified = false;
    }
}
