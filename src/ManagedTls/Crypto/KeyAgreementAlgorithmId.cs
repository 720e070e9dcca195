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

    /// <summary>RFC 7919 ffdhe2048: finite-field DH; public values and the secret are as long as p (256 bytes), left-padded.</summary>
    Ffdhe2048,

    /// <summary>RFC 7919 ffdhe3072.</summary>
    Ffdhe3072,

    /// <summary>RFC 7919 ffdhe4096.</summary>
    Ffdhe4096,

    /// <summary>RFC 7919 ffdhe6144.</summary>
    Ffdhe6144,

    /// <summary>RFC 7919 ffdhe8192.</summary>
    Ffdhe8192,

    /// <summary>Finite-field DH over caller-supplied parameters (PKCS#3 / <c>openssl dhparam</c>); see <see cref="ICryptoProvider.GenerateFiniteFieldDh"/>.</summary>
    FiniteFieldDh,
}
