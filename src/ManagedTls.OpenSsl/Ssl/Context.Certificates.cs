using ManagedTls.Keys;
using ManagedTls.X509;

namespace ManagedTls.OpenSsl;

/// <summary>The local identity: <c>use_certificate*</c>, <c>add_extra_chain_cert</c>, <c>use_privatekey*</c>, <c>check_privatekey</c>, <c>set_passwd_cb</c>.</summary>
/// <remarks>
/// As in OpenSSL, certificates and keys live in one slot per key type (RSA, RSA-PSS, EC, Ed25519, Ed448, DSA) and the
/// last one set picks the current slot, which <see cref="CheckPrivatekey"/> checks and connections present. Setting a
/// certificate whose key does not match the slot's private key drops that key (OpenSSL 3.0's <c>ssl_set_cert</c>);
/// setting a private key that does not match the slot's certificate is refused ("key values mismatch").
/// </remarks>
public sealed partial class Context
{
    private readonly Dictionary<KeyAlgorithm, IdentitySlot> _slots = [];
    private readonly List<Certificate> _extraChain = [];
    private IdentitySlot? _current;
    private PasswordCallback? _passwordCallback;
    private object? _passwordUserData;

    /// <summary>Uses a certificate as this side's certificate (<c>use_certificate</c>).</summary>
    /// <param name="cert">The certificate.</param>
    /// <exception cref="SslException">The certificate's key type cannot authenticate TLS ("unknown certificate type"), or the object was changed and not signed again.</exception>
    public void UseCertificate(X509 cert)
    {
        ArgumentNullException.ThrowIfNull(cert);
        SetCertificate(Unwrap(cert, "SSL_CTX_use_certificate"), "SSL_CTX_use_certificate");
    }

    /// <summary>Loads the first certificate of a file as this side's certificate (<c>use_certificate_file</c>).</summary>
    /// <param name="certfile">The file's path.</param>
    /// <param name="filetype"><see cref="FileType.Pem"/> (the default) or <see cref="FileType.Asn1"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="filetype"/> is neither PEM nor ASN1.</exception>
    /// <exception cref="SslException">The file cannot be read (<c>("system library", "fopen", ...)</c> first) or holds no usable certificate (<c>"PEM lib"</c>/<c>"ASN1 lib"</c> last).</exception>
    public void UseCertificateFile(string certfile, FileType filetype = FileType.Pem)
    {
        const string Function = "SSL_CTX_use_certificate_file";
        CheckFileType(filetype);
        byte[] data = ReadFile(certfile, Function);
        X509 cert;
        try
        {
            cert = Crypto.LoadCertificate(filetype, data);
        }
        catch (CryptoException e)
        {
            throw SslErrors.FromCrypto(e, Function, filetype == FileType.Pem);
        }

        SetCertificate(cert.ToCertificate(), Function);
    }

    /// <summary>
    /// Loads a PEM certificate chain (<c>use_certificate_chain_file</c>): the first certificate becomes this side's
    /// certificate, the rest (issuer first) its chain, replacing the current slot's chain.
    /// </summary>
    /// <param name="certfile">The file's path.</param>
    /// <exception cref="SslException">The file cannot be read or holds no certificate.</exception>
    public void UseCertificateChainFile(string certfile)
    {
        const string Function = "SSL_CTX_use_certificate_chain_file";
        byte[] data = ReadFile(certfile, Function);
        IReadOnlyList<Certificate> certificates;
        try
        {
            certificates = Certificate.LoadAll(data);
        }
        catch (Exception e) when (e is X509FormatException or Pem.PemException)
        {
            throw new SslException([new("PEM routines", "get_name", "no start line"), new(SslErrors.Ssl, Function, "PEM lib")], e);
        }

        if (certificates.Count == 0)
        {
            throw new SslException([new("PEM routines", "get_name", "no start line"), new(SslErrors.Ssl, Function, "PEM lib")]);
        }

        IdentitySlot slot = SetCertificate(certificates[0], Function);
        slot.Chain.Clear();
        for (int i = 1; i < certificates.Count; i++)
        {
            slot.Chain.Add(certificates[i]);
        }
    }

    /// <summary>
    /// Adds a certificate to the chain sent after this side's certificate (<c>add_extra_chain_cert</c>), used when the
    /// current slot has no chain of its own (from <see cref="UseCertificateChainFile"/>).
    /// </summary>
    /// <param name="certobj">The certificate (an intermediate CA, issuer order).</param>
    /// <exception cref="SslException">The object was changed and not signed again.</exception>
    public void AddExtraChainCert(X509 certobj)
    {
        ArgumentNullException.ThrowIfNull(certobj);
        _extraChain.Add(Unwrap(certobj, "SSL_CTX_add_extra_chain_cert"));
    }

    /// <summary>Uses a private key as this side's key (<c>use_privatekey</c>).</summary>
    /// <param name="pkey">The key pair.</param>
    /// <exception cref="ArgumentException">The key is public-only ("Key has only public part") or empty ("Key is uninitialized").</exception>
    /// <exception cref="SslException">The key does not match the slot's certificate (<c>("x509 certificate routines", "X509_check_private_key", "key values mismatch")</c>) or its type cannot authenticate TLS.</exception>
    public void UsePrivatekey(PKey pkey)
    {
        ArgumentNullException.ThrowIfNull(pkey);
        if (pkey.OnlyPublic)
        {
            throw new ArgumentException("Key has only public part", nameof(pkey));
        }

        SetPrivateKey(pkey.PrivateKey ?? throw new ArgumentException("Key is uninitialized", nameof(pkey)), "SSL_CTX_use_PrivateKey");
    }

    /// <summary>
    /// Loads the first private key of a file as this side's key (<c>use_privatekey_file</c>). An encrypted key asks the
    /// callback set by <see cref="SetPasswdCb"/>; with none, loading it fails (OpenSSL's default callback would prompt
    /// on a terminal).
    /// </summary>
    /// <param name="keyfile">The file's path.</param>
    /// <param name="filetype"><see cref="FileType.Pem"/> (the default) or <see cref="FileType.Asn1"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="filetype"/> is neither PEM nor ASN1.</exception>
    /// <exception cref="SslException">The file cannot be read, holds no key, or the passphrase is missing or wrong (the crypto entries, then <c>("SSL routines", "SSL_CTX_use_PrivateKey_file", "PEM lib")</c>); the key does not match the certificate.</exception>
    /// <remarks>An exception thrown by the passphrase callback propagates unchanged.</remarks>
    public void UsePrivatekeyFile(string keyfile, FileType filetype = FileType.Pem)
    {
        const string Function = "SSL_CTX_use_PrivateKey_file";
        CheckFileType(filetype);
        byte[] data = ReadFile(keyfile, Function);
        PKey key;
        try
        {
            key = Crypto.LoadPrivateKey(filetype, data, _passwordCallback is null ? null : Passphrase.FromCallback(AskPassphrase));
        }
        catch (CryptoException e)
        {
            throw SslErrors.FromCrypto(e, Function, filetype == FileType.Pem);
        }

        SetPrivateKey(key.PrivateKey!, Function);
    }

    /// <summary>
    /// Checks that this side's private key matches its certificate (<c>check_privatekey</c>): returns normally when
    /// they match.
    /// </summary>
    /// <exception cref="SslException">
    /// No certificate (<c>("SSL routines", "SSL_CTX_check_private_key", "no certificate assigned")</c>), no key
    /// (<c>"no private key assigned"</c>), or a mismatch (<c>("x509 certificate routines", "X509_check_private_key", "key values mismatch")</c>).
    /// </exception>
    public void CheckPrivatekey()
    {
        if (_current?.Certificate is not { } certificate)
        {
            throw new SslException(SslErrors.Ssl, "SSL_CTX_check_private_key", "no certificate assigned");
        }

        if (_current.Key is not { } key)
        {
            throw new SslException(SslErrors.Ssl, "SSL_CTX_check_private_key", "no private key assigned");
        }

        if (!Matches(certificate, key))
        {
            throw KeyMismatch();
        }
    }

    /// <summary>
    /// Sets the passphrase callback for encrypted key files (<c>set_passwd_cb</c>). It is called with the maximum length
    /// (1024), false (reading) and <paramref name="userdata"/>; a longer result is truncated.
    /// </summary>
    /// <param name="callback">The callback.</param>
    /// <param name="userdata">Passed to every call of the callback.</param>
    public void SetPasswdCb(PasswordCallback callback, object? userdata = null)
    {
        ArgumentNullException.ThrowIfNull(callback);
        _passwordCallback = callback;
        _passwordUserData = userdata;
    }

    /// <summary>The certificate of the current slot (an addition: OpenSSL's <c>SSL_CTX_get0_certificate</c>).</summary>
    /// <returns>The certificate, or null when none was set.</returns>
    public X509? GetCertificate() => _current?.Certificate is { } c ? new X509(c) : null;

    /// <summary>The current slot's certificate, chain and key, when both are set.</summary>
    internal (Certificate Leaf, IReadOnlyList<Certificate> Chain, PrivateKey Key)? Identity =>
        _current is { Certificate: { } leaf, Key: { } key } slot
            ? (leaf, slot.Chain.Count > 0 ? slot.Chain.ToArray() : _extraChain.ToArray(), key)
            : null;

    private static bool Matches(Certificate certificate, PrivateKey key) =>
        certificate.TryGetPublicKey(out PublicKey? publicKey, out _) && publicKey.Equals(key.PublicKey);

    private static SslException KeyMismatch() => new("x509 certificate routines", "X509_check_private_key", "key values mismatch");

    private static Certificate Unwrap(X509 cert, string function)
    {
        try
        {
            return cert.ToCertificate();
        }
        catch (InvalidOperationException e)
        {
            throw new SslException(SslErrors.Ssl, function, "passed invalid argument", e);
        }
    }

    private static void CheckFileType(FileType filetype)
    {
        if (filetype is not FileType.Pem and not FileType.Asn1)
        {
            throw new ArgumentException("filetype must be FILETYPE_PEM or FILETYPE_ASN1", nameof(filetype));
        }
    }

    private static byte[] ReadFile(string path, string function)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw SslErrors.FileOpen(function, e);
        }
    }

    private static KeyAlgorithm SlotOf(KeyAlgorithm algorithm, string function) => algorithm switch
    {
        KeyAlgorithm.Rsa or KeyAlgorithm.RsaPss or KeyAlgorithm.Dsa or KeyAlgorithm.Ec or KeyAlgorithm.Ed25519 or KeyAlgorithm.Ed448 => algorithm,
        _ => throw new SslException(SslErrors.Ssl, function, "unknown certificate type"),
    };

    private IdentitySlot GetSlot(KeyAlgorithm algorithm)
    {
        if (!_slots.TryGetValue(algorithm, out IdentitySlot? slot))
        {
            slot = new IdentitySlot();
            _slots.Add(algorithm, slot);
        }

        return slot;
    }

    private IdentitySlot SetCertificate(Certificate certificate, string function)
    {
        if (!certificate.TryGetPublicKey(out PublicKey? publicKey, out Exception? error))
        {
            throw new SslException("x509 certificate routines", "X509_get0_pubkey", "unsupported algorithm", error);
        }

        IdentitySlot slot = GetSlot(SlotOf(publicKey.Algorithm, function));
        if (slot.Key is { } key && !publicKey.Equals(key.PublicKey))
        {
            // OpenSSL 3.0 ssl_set_cert: a private key that does not match the new certificate is dropped.
            slot.Key = null;
        }

        slot.Certificate = certificate;
        _current = slot;
        return slot;
    }

    private void SetPrivateKey(PrivateKey key, string function)
    {
        IdentitySlot slot = GetSlot(SlotOf(key.Algorithm, function));
        if (slot.Certificate is { } certificate && !Matches(certificate, key))
        {
            throw KeyMismatch();
        }

        slot.Key = key;
        _current = slot;
    }

    private byte[] AskPassphrase(bool writing)
    {
        // pyOpenSSL's _PassphraseHelper(truncate=True): a false result is "no passphrase", a long one is cut to maxlen.
        byte[]? result = _passwordCallback?.Invoke(Passphrase.MaxLength, writing, _passwordUserData);
        if (result is null)
        {
            return [];
        }

        return result.Length > Passphrase.MaxLength ? result[..Passphrase.MaxLength] : result;
    }

    private sealed class IdentitySlot
    {
        public Certificate? Certificate { get; set; }

        public PrivateKey? Key { get; set; }

        public List<Certificate> Chain { get; } = [];
    }
}
