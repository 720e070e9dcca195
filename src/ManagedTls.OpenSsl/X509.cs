using System.Numerics;
using ManagedTls.Crypto;
using ManagedTls.Keys;
using ManagedTls.Signatures;
using ManagedTls.X509;
using ModelExtension = ManagedTls.X509.X509Extension;

namespace ManagedTls.OpenSsl;

/// <summary>
/// pyOpenSSL's <c>OpenSSL.crypto.X509</c>: a mutable certificate. A loaded certificate keeps its DER untouched until a
/// setter runs (<c>DumpCertificate(LoadCertificate(x))</c> is byte-identical); <see cref="Sign"/> then builds and signs a
/// new certificate with ManagedTls's <see cref="CertificateBuilder"/>.
/// </summary>
/// <remarks>
/// <para><see cref="GetSubject"/> and <see cref="GetIssuer"/> return live <see cref="X509Name"/> views;
/// <see cref="SetSubject"/>/<see cref="SetIssuer"/> copy the name given.</para>
/// <para>Errors: pyOpenSSL's <c>ValueError</c>/<c>TypeError</c> for bad arguments are <see cref="ArgumentException"/>s with
/// its message; a <c>ValueError</c> about the object's own state ("Undefined signature algorithm", "Unable to determine
/// notAfter") is an <see cref="InvalidOperationException"/>; <c>crypto.Error</c> is <see cref="CryptoException"/>.</para>
/// </remarks>
public sealed class X509
{
    private readonly X509NameStore _issuer = new();
    private readonly X509NameStore _subject = new();
    private readonly List<ModelExtension> _extensions = [];
    private Certificate? _certificate;
    private bool _modified;
    private int _version;
    private BigInteger _serial;
    private DateTimeOffset? _notBefore;
    private DateTimeOffset? _notAfter;
    private string? _notBeforeText;
    private string? _notAfterText;
    private ReadOnlyMemory<byte>? _spki;
    private ReadOnlyMemory<byte>? _issuerUniqueId;
    private ReadOnlyMemory<byte>? _subjectUniqueId;
    private string? _tbsSignatureOid;

    /// <summary>Creates an empty certificate (<c>X509()</c>): version 0 (v1), serial 0, empty names, no validity, no key.</summary>
    public X509()
    {
        _issuer.Changed = MarkModified;
        _subject.Changed = MarkModified;
    }

    /// <summary>Wraps a ManagedTls certificate (an addition; pyOpenSSL's <c>from_cryptography</c> plays this role).</summary>
    /// <param name="certificate">The certificate; its DER is what <see cref="Crypto.DumpCertificate"/> writes until a setter runs.</param>
    public X509(Certificate certificate)
        : this()
    {
        ArgumentNullException.ThrowIfNull(certificate);
        Load(certificate);
    }

    /// <summary>
    /// The certificate as a ManagedTls <see cref="Certificate"/> (an addition, like <c>to_cryptography</c>): the loaded or
    /// last signed one.
    /// </summary>
    /// <returns>The certificate.</returns>
    /// <exception cref="InvalidOperationException">The object was never signed, or was changed after loading or signing.</exception>
    public Certificate ToCertificate() => !_modified && _certificate is not null
        ? _certificate
        : throw new InvalidOperationException("The certificate was changed (or never signed) since it was loaded: call Sign first.");

    /// <summary>Sets the version, zero-based as in the DER (<c>set_version</c>): 0 is v1, 2 is v3.</summary>
    /// <param name="version">0, 1 or 2.</param>
    /// <exception cref="ArgumentOutOfRangeException">Not 0, 1 or 2 (OpenSSL 3's <c>X509_set_version</c> refuses other values).</exception>
    public void SetVersion(int version)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(version);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(version, 2);
        _version = version;
        MarkModified();
    }

    /// <summary>The zero-based version (<c>get_version</c>): 2 for an X.509 v3 certificate.</summary>
    /// <returns>0, 1 or 2.</returns>
    public int GetVersion() => _version;

    /// <summary>Sets the serial number (<c>set_serial_number</c>); any size.</summary>
    /// <param name="serial">The serial.</param>
    public void SetSerialNumber(BigInteger serial)
    {
        _serial = serial;
        MarkModified();
    }

    /// <summary>The serial number (<c>get_serial_number</c>).</summary>
    /// <returns>The serial.</returns>
    public BigInteger GetSerialNumber() => _serial;

    /// <summary>A live view of the subject (<c>get_subject</c>): changing it changes this certificate.</summary>
    /// <returns>The subject.</returns>
    public X509Name GetSubject() => new(_subject);

    /// <summary>Replaces the subject with a copy of <paramref name="subject"/> (<c>set_subject</c>).</summary>
    /// <param name="subject">The name.</param>
    public void SetSubject(X509Name subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        _subject.Assign(subject.ToDistinguishedName());
    }

    /// <summary>A live view of the issuer (<c>get_issuer</c>).</summary>
    /// <returns>The issuer.</returns>
    public X509Name GetIssuer() => new(_issuer);

    /// <summary>Replaces the issuer with a copy of <paramref name="issuer"/> (<c>set_issuer</c>).</summary>
    /// <param name="issuer">The name.</param>
    public void SetIssuer(X509Name issuer)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        _issuer.Assign(issuer.ToDistinguishedName());
    }

    /// <summary>
    /// The start of the validity period (<c>get_notBefore</c>) as GeneralizedTime text <c>YYYYMMDDhhmmssZ</c>; a string
    /// given to <see cref="SetNotBefore"/> is returned as given (with its offset), as OpenSSL keeps it; null when unset.
    /// </summary>
    /// <returns>The timestamp or null.</returns>
    public string? GetNotBefore() => _notBeforeText ?? (_notBefore is { } t ? Asn1TimeText.Format(t) : null);

    /// <summary>The end of the validity period (<c>get_notAfter</c>), as <see cref="GetNotBefore"/>.</summary>
    /// <returns>The timestamp or null.</returns>
    public string? GetNotAfter() => _notAfterText ?? (_notAfter is { } t ? Asn1TimeText.Format(t) : null);

    /// <summary>
    /// Sets the start of the validity period (<c>set_notBefore</c>) from <c>YYYYMMDDhhmmssZ</c>, <c>YYYYMMDDhhmmss+hhmm</c>
    /// or <c>YYYYMMDDhhmmss-hhmm</c> (and the other forms <c>ASN1_TIME_set_string</c> accepts). The certificate stores
    /// the instant in UTC, as RFC 5280 requires.
    /// </summary>
    /// <param name="when">The timestamp.</param>
    /// <exception cref="ArgumentException">Not a timestamp ("Invalid string").</exception>
    public void SetNotBefore(string when)
    {
        _notBefore = Asn1TimeText.Parse(when);
        _notBeforeText = when;
        MarkModified();
    }

    /// <summary>Sets the end of the validity period (<c>set_notAfter</c>), as <see cref="SetNotBefore"/>.</summary>
    /// <param name="when">The timestamp.</param>
    /// <exception cref="ArgumentException">Not a timestamp ("Invalid string").</exception>
    public void SetNotAfter(string when)
    {
        _notAfter = Asn1TimeText.Parse(when);
        _notAfterText = when;
        MarkModified();
    }

    /// <summary>Sets notBefore to now plus <paramref name="amount"/> seconds (<c>gmtime_adj_notBefore</c>, <c>X509_gmtime_adj</c>).</summary>
    /// <param name="amount">Seconds from now; may be negative.</param>
    public void GmtimeAdjNotBefore(long amount)
    {
        _notBefore = Now().AddSeconds(amount);
        _notBeforeText = null;
        MarkModified();
    }

    /// <summary>Sets notAfter to now plus <paramref name="amount"/> seconds (<c>gmtime_adj_notAfter</c>).</summary>
    /// <param name="amount">Seconds from now; may be negative.</param>
    public void GmtimeAdjNotAfter(long amount)
    {
        _notAfter = Now().AddSeconds(amount);
        _notAfterText = null;
        MarkModified();
    }

    /// <summary>Whether notAfter is in the past (<c>has_expired</c>).</summary>
    /// <returns>True when expired.</returns>
    /// <exception cref="InvalidOperationException">notAfter is unset ("Unable to determine notAfter").</exception>
    public bool HasExpired() => _notAfter is { } notAfter
        ? notAfter < DateTimeOffset.UtcNow
        : throw new InvalidOperationException("Unable to determine notAfter");

    /// <summary>The subject public key (<c>get_pubkey</c>), public-only.</summary>
    /// <returns>The key.</returns>
    /// <exception cref="CryptoException">No key was set, or its algorithm is not supported.</exception>
    public PKey GetPubkey() => new(DecodeSpki(_spki, "X509_get_pubkey"));

    /// <summary>Sets the subject public key (<c>set_pubkey</c>) from a key pair or a public key.</summary>
    /// <param name="pkey">The key.</param>
    /// <exception cref="ArgumentException">An empty key ("Key is uninitialized").</exception>
    public void SetPubkey(PKey pkey)
    {
        ArgumentNullException.ThrowIfNull(pkey);
        Keys.PublicKey key = pkey.PublicKey ?? throw new ArgumentException("Key is uninitialized", nameof(pkey));
        _spki = key.SubjectPublicKeyInfo;
        MarkModified();
    }

    /// <summary>
    /// Signs the certificate (<c>sign</c>, <c>X509_sign</c>): builds the TBSCertificate from the current fields and signs
    /// it with <paramref name="pkey"/>; the result is what <see cref="Crypto.DumpCertificate"/> writes from now on.
    /// </summary>
    /// <param name="pkey">The issuer's key pair.</param>
    /// <param name="digest">An OpenSSL digest name (<c>sha256</c>, ...); ignored for Ed25519/Ed448 keys, which sign without one.</param>
    /// <exception cref="ArgumentException">
    /// A public-only key ("Key only has public part"), an empty one ("Key is uninitialized"), an unknown digest ("No such
    /// digest method").
    /// </exception>
    /// <exception cref="CryptoException">The fields do not form a certificate (no public key, duplicate extensions) or the digest does not fit the key.</exception>
    /// <remarks>
    /// A certificate with extensions is written as v3 even when <see cref="SetVersion"/> left it at 0 or 1 (OpenSSL writes
    /// such a v1 certificate; RFC 5280 and ManagedTls's builder do not); <see cref="GetVersion"/> keeps the value set.
    /// </remarks>
    public void Sign(PKey pkey, string digest)
    {
        ArgumentNullException.ThrowIfNull(pkey);
        if (pkey.OnlyPublic)
        {
            throw new ArgumentException("Key only has public part", nameof(pkey));
        }

        PrivateKey key = pkey.PrivateKey ?? throw new ArgumentException("Key is uninitialized", nameof(pkey));
        HashAlgorithmId hash = Crypto.ParseDigestName(digest);
        var builder = new CertificateBuilder
        {
            Version = _extensions.Count > 0 ? 3 : _version + 1,
            SerialNumber = _serial,
            Issuer = _issuer.ToDistinguishedName(),
            Subject = _subject.ToDistinguishedName(),
            NotBefore = _notBefore ?? throw MissingField("notBefore"),
            NotAfter = _notAfter ?? throw MissingField("notAfter"),
            SubjectPublicKeyInfo = _spki ?? throw new CryptoException("x509 certificate routines", "X509_sign", "unable to get public key"),
            IssuerUniqueId = _issuerUniqueId,
            SubjectUniqueId = _subjectUniqueId,
        };
        foreach (ModelExtension extension in _extensions)
        {
            builder.Extensions.Add(extension);
        }

        Certificate signed = Crypto.BuildSigned(() => builder.Sign(key, Crypto.DigestFor(key, hash)), "X509_sign");
        _certificate = signed;
        _tbsSignatureOid = signed.TbsSignatureAlgorithm.Oid;
        _modified = false;
    }

    /// <summary>
    /// The signature algorithm named in the TBSCertificate, as OpenSSL's long name (<c>get_signature_algorithm</c>,
    /// <c>OBJ_nid2ln</c>): <c>sha256WithRSAEncryption</c>, <c>ecdsa-with-SHA384</c>, <c>ED25519</c>, <c>rsassaPss</c>, ...
    /// </summary>
    /// <returns>The name.</returns>
    /// <exception cref="InvalidOperationException">The certificate was never signed, or names an algorithm OpenSSL does not know ("Undefined signature algorithm").</exception>
    public string GetSignatureAlgorithm() =>
        _tbsSignatureOid is not null && Asn1.OidRegistry.TryGetByDotted(_tbsSignatureOid, out Asn1.OidInfo? info)
            ? info.LongName
            : throw new InvalidOperationException("Undefined signature algorithm");

    /// <summary>The fingerprint (<c>digest</c>, <c>X509_digest</c>): the hash of the DER as upper-case hex pairs joined by colons.</summary>
    /// <param name="digestName">An OpenSSL digest name (<c>sha256</c>, <c>SHA1</c>, <c>md5</c>, ...).</param>
    /// <returns>E.g. <c>3A:0F:...</c>.</returns>
    /// <exception cref="ArgumentException">Unknown digest ("No such digest method").</exception>
    /// <exception cref="InvalidOperationException">The certificate was changed since it was loaded or signed.</exception>
    public string Digest(string digestName)
    {
        HashAlgorithmId hash = Crypto.ParseDigestName(digestName);
        return Crypto.ColonHex(HashAlgorithms.HashData(hash, ToCertificate().RawData.Span));
    }

    /// <summary>The subject name hash (<c>subject_name_hash</c>, <c>X509_subject_name_hash</c>): the value <c>openssl x509 -subject_hash</c> prints in hex.</summary>
    /// <returns>The hash.</returns>
    public uint SubjectNameHash() => _subject.ToDistinguishedName().OpenSslHash;

    /// <summary>The number of extensions (<c>get_extension_count</c>).</summary>
    /// <returns>The count.</returns>
    public int GetExtensionCount() => _extensions.Count;

    /// <summary>A copy of the extension at <paramref name="index"/> (<c>get_extension</c>), in certificate order.</summary>
    /// <param name="index">Zero-based.</param>
    /// <returns>The extension.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Out of bounds ("extension index out of bounds", pyOpenSSL's <c>IndexError</c>).</exception>
    public X509Extension GetExtension(int index) => index >= 0 && index < _extensions.Count
        ? new X509Extension(_extensions[index])
        : throw new ArgumentOutOfRangeException(nameof(index), index, "extension index out of bounds");

    /// <summary>Appends extensions (<c>add_extensions</c>, <c>X509_add_ext(..., -1)</c>).</summary>
    /// <param name="extensions">The extensions, in order.</param>
    /// <exception cref="ArgumentException">An element is null ("One of the elements is not an X509Extension").</exception>
    public void AddExtensions(IEnumerable<X509Extension> extensions)
    {
        ArgumentNullException.ThrowIfNull(extensions);
        foreach (X509Extension extension in extensions)
        {
            if (extension is null)
            {
                throw new ArgumentException("One of the elements is not an X509Extension", nameof(extensions));
            }

            _extensions.Add(extension.Model);
            MarkModified();
        }
    }

    internal void Load(Certificate certificate)
    {
        _certificate = certificate;
        _version = certificate.Version - 1;
        _serial = certificate.SerialNumberValue;
        _issuer.Reset(certificate.Issuer);
        _subject.Reset(certificate.Subject);
        _notBefore = certificate.NotBefore;
        _notAfter = certificate.NotAfter;
        _notBeforeText = _notAfterText = null;
        _spki = certificate.SubjectPublicKeyInfo;
        _issuerUniqueId = certificate.IssuerUniqueId;
        _subjectUniqueId = certificate.SubjectUniqueId;
        _extensions.Clear();
        _extensions.AddRange(certificate.Extensions);
        _tbsSignatureOid = certificate.TbsSignatureAlgorithm.Oid;
        _modified = false;
    }

    /// <summary>The DER to dump: the loaded or signed bytes.</summary>
    internal ReadOnlyMemory<byte> GetDer() => ToCertificate().RawData;

    internal Keys.PublicKey GetPublicKey() => DecodeSpki(_spki, "X509_get_pubkey");

    internal static Keys.PublicKey DecodeSpki(ReadOnlyMemory<byte>? spki, string function)
    {
        if (spki is not { } der)
        {
            throw new CryptoException("x509 certificate routines", function, "unable to get public key");
        }

        try
        {
            return KeyDecoder.DecodeSubjectPublicKeyInfo(der.Span);
        }
        catch (KeyFormatException e)
        {
            throw CryptoErrors.FromKeyFormat(e, function);
        }
    }

    private static DateTimeOffset Now()
    {
        DateTimeOffset now = DateTimeOffset.UtcNow;
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond));
    }

    private static CryptoException MissingField(string field) =>
        new("asn1 encoding routines", "ASN1_item_sign", $"{field} is not set");

    private void MarkModified() => _modified = true;
}
