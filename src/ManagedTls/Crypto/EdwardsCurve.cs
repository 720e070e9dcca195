namespace ManagedTls.Crypto;

/// <summary>The EdDSA instances of RFC 8032.</summary>
public enum EdwardsCurve
{
    /// <summary>Ed25519: 32-byte keys, 64-byte signatures.</summary>
    Ed25519,

    /// <summary>Ed448: 57-byte keys, 114-byte signatures.</summary>
    Ed448,
}
