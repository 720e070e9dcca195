namespace ManagedTls.Crypto;

/// <summary>Named short-Weierstrass curves for ECDSA and ECDH.</summary>
public enum EcCurve
{
    /// <summary>NIST P-256 (secp256r1, prime256v1).</summary>
    P256,

    /// <summary>NIST P-384 (secp384r1).</summary>
    P384,

    /// <summary>NIST P-521 (secp521r1).</summary>
    P521,
}
