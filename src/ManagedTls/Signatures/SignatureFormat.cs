namespace ManagedTls.Signatures;

/// <summary>How an ECDSA or DSA signature (r, s) is encoded. Other algorithms have one encoding and ignore this.</summary>
public enum SignatureFormat
{
    /// <summary><c>SEQUENCE { r INTEGER, s INTEGER }</c> in DER (RFC 3279 §2.2.2/§2.2.3): X.509, CMS, TLS, OpenSSL.</summary>
    Der,

    /// <summary>IEEE P1363: <c>r || s</c>, each left-padded to the group order's length (JOSE, WebCrypto, PKCS#11).</summary>
    IeeeP1363,
}
