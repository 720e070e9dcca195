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

    /// <summary>SEC 2 secp256k1 (the Koblitz curve Bitcoin uses).</summary>
    Secp256k1,

    /// <summary>RFC 5639 brainpoolP256r1.</summary>
    BrainpoolP256r1,

    /// <summary>RFC 5639 brainpoolP384r1.</summary>
    BrainpoolP384r1,

    /// <summary>RFC 5639 brainpoolP512r1.</summary>
    BrainpoolP512r1,

    /// <summary>RFC 5639 brainpoolP256t1 (twisted, a = -3).</summary>
    BrainpoolP256t1,

    /// <summary>RFC 5639 brainpoolP384t1.</summary>
    BrainpoolP384t1,

    /// <summary>RFC 5639 brainpoolP512t1.</summary>
    BrainpoolP512t1,
}
