using ManagedTls.Keys;
using ManagedTls.Pkcs.Pkcs12;
using ManagedTls.X509;

namespace ManagedTls.OpenSsl;

/// <summary>
/// pyOpenSSL's <c>OpenSSL.crypto.PKCS12</c>: a mutable holder of a private key, a certificate, CA certificates and a
/// friendly name, loaded with <see cref="Crypto.LoadPkcs12"/> or filled by the setters and written with
/// <see cref="Export"/>. Built on ManagedTls's <see cref="Pkcs12Archive"/> and <see cref="Pkcs12Builder"/>.
/// </summary>
/// <remarks>
/// <para>Getters return exactly what was set (the same objects), or <c>null</c> — <see cref="GetCaCertificates"/>
/// returns <c>null</c> when there are none, otherwise a read-only snapshot (pyOpenSSL's tuple).</para>
/// <para><see cref="Export"/> writes what OpenSSL 3's <c>openssl pkcs12 -export</c> writes (PBES2 AES-256-CBC for keys and
/// certificates, an HMAC-SHA256 MAC) unless <c>legacy</c> asks for the profile old consumers need (3DES keys, RC2-40
/// certificates, an HMAC-SHA1 MAC). pyOpenSSL 16.1 on OpenSSL 1.x wrote 3DES for both with an SHA-1 MAC; see decision
/// 0022.</para>
/// </remarks>
public sealed class PKCS12
{
    private PKey? _pkey;
    private X509? _cert;
    private List<X509>? _cacerts;
    private string? _friendlyname;

    /// <summary>Creates an empty object: no key, certificate, CA certificates or friendly name.</summary>
    public PKCS12()
    {
    }

    /// <summary>The certificate (<c>get_certificate</c>).</summary>
    /// <returns>The certificate, or null.</returns>
    public X509? GetCertificate() => _cert;

    /// <summary>Sets or (with null) unsets the certificate (<c>set_certificate</c>).</summary>
    /// <param name="cert">The certificate or null.</param>
    public void SetCertificate(X509? cert) => _cert = cert;

    /// <summary>The private key (<c>get_privatekey</c>).</summary>
    /// <returns>The key, or null.</returns>
    public PKey? GetPrivatekey() => _pkey;

    /// <summary>Sets or (with null) unsets the private key (<c>set_privatekey</c>).</summary>
    /// <param name="pkey">The key or null.</param>
    public void SetPrivatekey(PKey? pkey) => _pkey = pkey;

    /// <summary>The CA certificates (<c>get_ca_certificates</c>).</summary>
    /// <returns>A read-only snapshot in order, or null when none are set.</returns>
    public IReadOnlyList<X509>? GetCaCertificates() => _cacerts is null ? null : _cacerts.ToArray();

    /// <summary>Replaces or (with null) removes the CA certificates (<c>set_ca_certificates</c>).</summary>
    /// <param name="cacerts">The certificates, or null.</param>
    /// <exception cref="ArgumentException">An element is null ("iterable must only contain X509 instances").</exception>
    public void SetCaCertificates(IEnumerable<X509>? cacerts)
    {
        if (cacerts is null)
        {
            _cacerts = null;
            return;
        }

        List<X509> list = [.. cacerts];
        if (list.Exists(c => c is null))
        {
            throw new ArgumentException("iterable must only contain X509 instances", nameof(cacerts));
        }

        _cacerts = list;
    }

    /// <summary>The friendly name (<c>get_friendlyname</c>).</summary>
    /// <returns>The name, or null.</returns>
    public string? GetFriendlyname() => _friendlyname;

    /// <summary>Sets or (with null) unsets the friendly name (<c>set_friendlyname</c>).</summary>
    /// <param name="name">The name or null.</param>
    public void SetFriendlyname(string? name) => _friendlyname = name;

    /// <summary>Writes the archive (<c>export</c>, OpenSSL's <c>PKCS12_create</c>).</summary>
    /// <param name="passphrase">The password: bytes or text (UTF-8), not a callback; null for no password (OpenSSL's <c>NULL</c>, readable with an empty or no passphrase).</param>
    /// <param name="iter">The encryption iteration count; 0 means 2048.</param>
    /// <param name="maciter">The MAC iteration count; -1 writes no MAC, 0 means 1.</param>
    /// <param name="legacy">An addition: true for the legacy 3DES/RC2-40/SHA-1 profile, false for OpenSSL 3's defaults.</param>
    /// <returns>The DER of the PKCS#12 archive.</returns>
    /// <exception cref="ArgumentException">A callback passphrase, a public-only key, or a certificate that was changed and not re-signed.</exception>
    /// <exception cref="CryptoException">Nothing to export ("invalid null argument"), or the key does not match the certificate ("key values mismatch").</exception>
    public byte[] Export(Passphrase? passphrase = null, int iter = 2048, int maciter = 1, bool legacy = false)
    {
        if (passphrase is { IsCallback: true })
        {
            throw new ArgumentException("passphrase must be bytes or text, not a callback", nameof(passphrase));
        }

        if (iter < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(iter), iter, "iter must not be negative");
        }

        byte[]? password = passphrase?.Resolve(writing: true);
        PrivateKey? key = null;
        if (_pkey is not null)
        {
            if (_pkey.OnlyPublic)
            {
                throw new ArgumentException("Key has only public part", nameof(_pkey));
            }

            key = _pkey.PrivateKey ?? throw new ArgumentException("Key is uninitialized", nameof(_pkey));
        }

        Certificate? certificate = _cert?.ToCertificate();
        List<Certificate>? cas = _cacerts?.ConvertAll(c => c.ToCertificate());
        if (key is null && certificate is null && (cas is null || cas.Count == 0))
        {
            throw new CryptoException("PKCS12 routines", "PKCS12_create", "invalid null argument");
        }

        if (key is not null && certificate is not null
            && !(certificate.TryGetPublicKey(out Keys.PublicKey? certKey, out _) && certKey.Equals(key.PublicKey)))
        {
            throw new CryptoException("x509 certificate routines", "X509_check_private_key", "key values mismatch");
        }

        Pkcs12ExportOptions options = legacy ? Pkcs12ExportOptions.Legacy(iter, maciter) : Pkcs12ExportOptions.Modern(iter, maciter);
        return Pkcs12Builder.Export(key, certificate, cas, _friendlyname, password, options);
    }

    /// <summary>Fills a new object from a loaded archive, as pyOpenSSL's <c>load_pkcs12</c> does.</summary>
    internal static PKCS12 From(Pkcs12Archive archive) => new()
    {
        _pkey = archive.PrivateKey is { } key ? new PKey(key) : null,
        _cert = archive.Certificate is { } cert ? new X509(cert) : null,
        _friendlyname = archive.Certificate is null ? null : archive.FriendlyName,
        _cacerts = archive.CaCertificates.Count == 0 ? null : archive.CaCertificates.Select(c => new X509(c)).ToList(),
    };
}
