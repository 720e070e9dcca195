using ManagedTls.Pem;
using ManagedTls.X509;
using ManagedTls.X509.Verification;

namespace ManagedTls.OpenSsl;

/// <summary>
/// pyOpenSSL's <c>X509Store</c>: the description of a verification context — trusted certificates, CRLs, CA files
/// and hashed CA directories, flags and time. Verification itself is done by <see cref="X509StoreContext"/>.
/// </summary>
/// <remarks>
/// Adding a certificate that is already in the store is accepted silently, as OpenSSL 1.1.1 and later do
/// (pyOpenSSL 16.1 on OpenSSL 1.0 raised "cert already in hash table"). CA directories are read when a
/// verification runs, as OpenSSL's lazy <c>hash_dir</c> look-up reads them, so files added later are seen.
/// </remarks>
public sealed class X509Store
{
    private readonly TrustStore _trusted = new();
    private readonly List<CertificateDirectory> _directories = [];
    private X509StoreFlags _flags = X509StoreFlags.TrustedFirst;
    private DateTimeOffset? _time;

    /// <summary>Creates an empty store (no trusted certificates; OpenSSL's default flags: <see cref="X509StoreFlags.TrustedFirst"/>).</summary>
    public X509Store()
    {
    }

    /// <summary>The flags set so far (an addition: pyOpenSSL has no getter).</summary>
    public X509StoreFlags Flags => _flags;

    /// <summary>The verification time set by <see cref="SetTime"/>, or null for "now" (an addition).</summary>
    public DateTimeOffset? Time => _time;

    /// <summary>The certificates and CRLs added directly or from CA files (an addition; CA directories are read at verification).</summary>
    public TrustStore TrustStore => _trusted;

    /// <summary>Adds a trusted certificate (<c>add_cert</c>).</summary>
    /// <param name="cert">The certificate.</param>
    /// <exception cref="ArgumentNullException"><paramref name="cert"/> is null (pyOpenSSL's TypeError).</exception>
    /// <exception cref="CryptoException">The certificate was never signed or was changed since.</exception>
    public void AddCert(X509 cert)
    {
        ArgumentNullException.ThrowIfNull(cert);
        _trusted.AddCertificate(Unwrap(cert));
    }

    /// <summary>Adds a CRL (<c>add_crl</c>), used when <see cref="X509StoreFlags.CrlCheck"/> is set.</summary>
    /// <param name="crl">The CRL.</param>
    /// <exception cref="ArgumentNullException"><paramref name="crl"/> is null (pyOpenSSL's TypeError).</exception>
    /// <exception cref="CryptoException">The CRL was never signed or was changed since.</exception>
    public void AddCrl(CRL crl)
    {
        ArgumentNullException.ThrowIfNull(crl);
        try
        {
            _trusted.AddCrl(crl.ToCertificateRevocationList());
        }
        catch (InvalidOperationException e)
        {
            throw new CryptoException("x509 certificate routines", "X509_STORE_add_crl", "invalid CRL", e);
        }
    }

    /// <summary>Adds verification flags (<c>set_flags</c>; OpenSSL ORs them into the flags already set).</summary>
    /// <param name="flags">The flags.</param>
    public void SetFlags(X509StoreFlags flags) => _flags |= flags;

    /// <summary>Sets the time at which certificates must be valid (<c>set_time</c>, pyOpenSSL 17.0; OpenSSL's <c>X509_VERIFY_PARAM_set_time</c>).</summary>
    /// <param name="verificationTime">The time.</param>
    public void SetTime(DateTimeOffset verificationTime)
    {
        _time = verificationTime;
        _flags |= X509StoreFlags.UseCheckTime;
    }

    /// <summary>
    /// Adds a CA file and/or a hashed CA directory (<c>load_locations</c>, pyOpenSSL 20.0; OpenSSL's
    /// <c>X509_STORE_load_locations</c>). The file's certificates and CRLs are read now; the directory, in
    /// <c>openssl rehash</c> layout (<c>&lt;hash&gt;.N</c>, CRLs <c>&lt;hash&gt;.rN</c>), when verifying.
    /// </summary>
    /// <param name="cafile">A PEM file of certificates and CRLs, or null.</param>
    /// <param name="capath">A directory (or a <see cref="Path.PathSeparator"/>-separated list), or null.</param>
    /// <exception cref="CryptoException">Both are null, or the file cannot be read or holds no certificate or CRL.</exception>
    public void LoadLocations(string? cafile, string? capath = null)
    {
        if (cafile is null && capath is null)
        {
            throw new CryptoException("x509 certificate routines", "X509_STORE_load_locations", "passed invalid argument");
        }

        if (cafile is not null)
        {
            LoadFile(cafile);
        }

        if (capath is not null)
        {
            if (capath.Length == 0)
            {
                throw new CryptoException("x509 certificate routines", "X509_STORE_load_locations", "passed invalid argument");
            }

            _directories.Add(new CertificateDirectory(capath));
        }
    }

    /// <summary>
    /// Uses the system's trusted certificates (<c>set_default_paths</c>): <c>SSL_CERT_FILE</c> / <c>SSL_CERT_DIR</c>
    /// when set, else the first existing of the Debian, RHEL, Alpine/macOS and SUSE bundle files and the hashed
    /// <c>/etc/ssl/certs</c> (or RHEL's <c>/etc/pki/tls/certs</c>) directory (<see cref="DefaultVerifyLocations"/>).
    /// A missing default file is not an error (as in OpenSSL).
    /// </summary>
    public void SetDefaultPaths()
    {
        string? file = DefaultVerifyLocations.GetCertificateFile();
        if (file is not null && File.Exists(file))
        {
            try
            {
                CertificateDirectory.LoadFile(_trusted, file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or X509FormatException or PemException)
            {
                // OpenSSL's X509_STORE_set_default_paths ignores an unusable default file.
            }
        }

        string? directory = DefaultVerifyLocations.GetCertificateDirectory();
        if (!string.IsNullOrEmpty(directory))
        {
            _directories.Add(new CertificateDirectory(directory));
        }
    }

    /// <summary>The trust store for one verification: the added certificates and CRLs plus the CA directories' contents.</summary>
    internal TrustStore BuildTrustStore()
    {
        if (_directories.Count == 0)
        {
            return _trusted;
        }

        var store = new TrustStore();
        foreach (TrustAnchor anchor in _trusted.Anchors)
        {
            store.AddAnchor(anchor);
        }

        foreach (CertificateRevocationList crl in _trusted.Crls)
        {
            store.AddCrl(crl);
        }

        foreach (CertificateDirectory directory in _directories)
        {
            directory.LoadAll(store);
        }

        return store;
    }

    /// <summary>The verification options the flags and time describe.</summary>
    internal VerificationOptions BuildOptions()
    {
        var options = new VerificationOptions { Flags = X509VerifyFlags.None, Time = _time };
        X509VerifyFlags flags = X509VerifyFlags.None;
        if (Has(X509StoreFlags.CrlCheck))
        {
            flags |= X509VerifyFlags.CrlCheck;
        }

        if (Has(X509StoreFlags.CrlCheckAll))
        {
            flags |= X509VerifyFlags.CrlCheckAll;
        }

        if (Has(X509StoreFlags.IgnoreCritical))
        {
            flags |= X509VerifyFlags.IgnoreCritical;
        }

        if (Has(X509StoreFlags.X509Strict))
        {
            flags |= X509VerifyFlags.X509Strict;
        }

        // X509_VERIFY_PARAM_set_flags: any of the policy flags turns policy checking on.
        if ((_flags & (X509StoreFlags.PolicyCheck | X509StoreFlags.ExplicitPolicy | X509StoreFlags.InhibitAny | X509StoreFlags.InhibitMap)) != 0)
        {
            flags |= X509VerifyFlags.PolicyCheck;
        }

        if (Has(X509StoreFlags.ExplicitPolicy))
        {
            flags |= X509VerifyFlags.ExplicitPolicy;
        }

        if (Has(X509StoreFlags.InhibitAny))
        {
            flags |= X509VerifyFlags.InhibitAny;
        }

        if (Has(X509StoreFlags.InhibitMap))
        {
            flags |= X509VerifyFlags.InhibitMap;
        }

        if (Has(X509StoreFlags.UseDeltas))
        {
            flags |= X509VerifyFlags.UseDeltas;
        }

        if (Has(X509StoreFlags.CheckSsSignature))
        {
            flags |= X509VerifyFlags.CheckSelfSignedSignature;
        }

        if (Has(X509StoreFlags.TrustedFirst))
        {
            flags |= X509VerifyFlags.TrustedFirst;
        }

        if (Has(X509StoreFlags.PartialChain))
        {
            flags |= X509VerifyFlags.PartialChain;
        }

        // x509_check_cert_time: a set time (USE_CHECK_TIME) wins over NO_CHECK_TIME.
        if (Has(X509StoreFlags.NoCheckTime) && !Has(X509StoreFlags.UseCheckTime))
        {
            flags |= X509VerifyFlags.NoCheckTime;
        }

        options.Flags = flags;
        return options;
    }

    internal static Certificate Unwrap(X509 cert)
    {
        try
        {
            return cert.ToCertificate();
        }
        catch (InvalidOperationException e)
        {
            throw new CryptoException("x509 certificate routines", "X509_STORE_add_cert", "invalid certificate", e);
        }
    }

    private bool Has(X509StoreFlags flag) => (_flags & flag) == flag;

    private void LoadFile(string cafile)
    {
        try
        {
            CertificateDirectory.LoadFile(_trusted, cafile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CryptoException("system library", "fopen", "No such file or directory", e);
        }
        catch (X509FormatException e) when (e.Reason == X509FormatError.NoPemBlock)
        {
            throw new CryptoException("x509 certificate routines", "X509_load_cert_crl_file", "no certificate or crl found", e);
        }
        catch (Exception e) when (e is X509FormatException or PemException)
        {
            throw new CryptoException("PEM routines", "X509_load_cert_crl_file", "bad base64 decode", e);
        }
    }
}
