namespace ManagedTls.Crypto;

/// <summary>
/// Raw RSA key material as unsigned big-endian integers (RFC 8017 §3), the shape the Keys layer encodes to PKCS#1.
/// A public key has only <see cref="Modulus"/> and <see cref="Exponent"/>.
/// </summary>
public sealed class RsaParameters
{
    /// <summary>n.</summary>
    public required ReadOnlyMemory<byte> Modulus { get; init; }

    /// <summary>e.</summary>
    public required ReadOnlyMemory<byte> Exponent { get; init; }

    /// <summary>d, or empty for a public key.</summary>
    public ReadOnlyMemory<byte> D { get; init; }

    /// <summary>p, or empty.</summary>
    public ReadOnlyMemory<byte> P { get; init; }

    /// <summary>q, or empty.</summary>
    public ReadOnlyMemory<byte> Q { get; init; }

    /// <summary>d mod (p-1), or empty.</summary>
    public ReadOnlyMemory<byte> DP { get; init; }

    /// <summary>d mod (q-1), or empty.</summary>
    public ReadOnlyMemory<byte> DQ { get; init; }

    /// <summary>q^-1 mod p, or empty.</summary>
    public ReadOnlyMemory<byte> InverseQ { get; init; }

    /// <summary>True when <see cref="D"/> is present.</summary>
    public bool HasPrivateKey => !D.IsEmpty;

    /// <summary>Returns the public half.</summary>
    /// <returns>A key with only the modulus and exponent.</returns>
    public RsaParameters ToPublic() => new() { Modulus = Modulus, Exponent = Exponent };
}
