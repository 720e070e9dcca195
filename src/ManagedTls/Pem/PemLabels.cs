namespace ManagedTls.Pem;

/// <summary>The PEM labels used by PKIX, PKCS and OpenSSL (RFC 7468 §5-§13 and OpenSSL's <c>pem.h</c>).</summary>
public static class PemLabels
{
    /// <summary>An X.509 certificate (RFC 7468 §5).</summary>
    public const string Certificate = "CERTIFICATE";

    /// <summary>An OpenSSL "trusted certificate": a certificate followed by trust settings.</summary>
    public const string TrustedCertificate = "TRUSTED CERTIFICATE";

    /// <summary>An X.509 certificate revocation list (RFC 7468 §6).</summary>
    public const string X509Crl = "X509 CRL";

    /// <summary>A PKCS #10 certification request (RFC 7468 §7).</summary>
    public const string CertificateRequest = "CERTIFICATE REQUEST";

    /// <summary>A PKCS #10 certification request under the older Netscape label, still read by OpenSSL (RFC 7468 §7).</summary>
    public const string NewCertificateRequest = "NEW CERTIFICATE REQUEST";

    /// <summary>A PKCS #7 structure (RFC 7468 §8).</summary>
    public const string Pkcs7 = "PKCS7";

    /// <summary>A CMS structure (RFC 7468 §9).</summary>
    public const string Cms = "CMS";

    /// <summary>An unencrypted PKCS #8 private key (RFC 7468 §10).</summary>
    public const string PrivateKey = "PRIVATE KEY";

    /// <summary>An encrypted PKCS #8 private key (RFC 7468 §11).</summary>
    public const string EncryptedPrivateKey = "ENCRYPTED PRIVATE KEY";

    /// <summary>An attribute certificate (RFC 7468 §12).</summary>
    public const string AttributeCertificate = "ATTRIBUTE CERTIFICATE";

    /// <summary>A SubjectPublicKeyInfo (RFC 7468 §13).</summary>
    public const string PublicKey = "PUBLIC KEY";

    /// <summary>A PKCS #1 RSAPrivateKey, possibly with Proc-Type/DEK-Info headers (OpenSSL "traditional").</summary>
    public const string RsaPrivateKey = "RSA PRIVATE KEY";

    /// <summary>A PKCS #1 RSAPublicKey.</summary>
    public const string RsaPublicKey = "RSA PUBLIC KEY";

    /// <summary>A SEC 1 ECPrivateKey, possibly with Proc-Type/DEK-Info headers.</summary>
    public const string EcPrivateKey = "EC PRIVATE KEY";

    /// <summary>SEC 1 ECParameters (usually a named-curve OID).</summary>
    public const string EcParameters = "EC PARAMETERS";

    /// <summary>An OpenSSL DSA private key, possibly with Proc-Type/DEK-Info headers.</summary>
    public const string DsaPrivateKey = "DSA PRIVATE KEY";

    /// <summary>DSA domain parameters.</summary>
    public const string DsaParameters = "DSA PARAMETERS";

    /// <summary>PKCS #3 Diffie-Hellman parameters.</summary>
    public const string DhParameters = "DH PARAMETERS";

    /// <summary>X9.42 Diffie-Hellman domain parameters.</summary>
    public const string X942DhParameters = "X9.42 DH PARAMETERS";

    /// <summary>A TLS session (OpenSSL <c>sess_id</c>).</summary>
    public const string SslSessionParameters = "SSL SESSION PARAMETERS";

    /// <summary>An OpenSSH-format private key (not DER, but PEM-armoured).</summary>
    public const string OpenSshPrivateKey = "OPENSSH PRIVATE KEY";
}
