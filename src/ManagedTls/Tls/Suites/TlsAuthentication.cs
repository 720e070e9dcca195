namespace ManagedTls.Tls.Suites;

/// <summary>The server authentication a cipher suite names (OpenSSL's "Au=" column).</summary>
public enum TlsAuthentication
{
    /// <summary>TLS 1.3: the suite does not fix the certificate type (negotiated through signature_algorithms; "Au=any").</summary>
    Any,

    /// <summary>An ECDSA certificate ("Au=ECDSA").</summary>
    Ecdsa,

    /// <summary>An RSA certificate ("Au=RSA").</summary>
    Rsa,
}
