namespace ManagedTls.Crypto;

/// <summary>Key-agreement groups (TLS "supported_groups" names in comments).</summary>
public enum KeyAgreementAlgorithmId
{
    /// <summary>X25519 (RFC 7748): 32-byte keys and secret.</summary>
    X25519,

    /// <summary>X448 (RFC 7748): 56-byte keys and secret.</summary>
    X448,

    /// <summary>ECDH over NIST P-256 (secp256r1): uncompressed 65-byte public points, 32-byte secret.</summary>
    EcdhP256,

    /// <summary>ECDH over NIST P-384 (secp384r1).</summary>
    EcdhP384,

    /// <summary>ECDH over NIST P-521 (secp521r1).</summary>
    EcdhP521,
}
