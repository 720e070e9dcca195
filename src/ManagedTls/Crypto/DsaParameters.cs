namespace ManagedTls.Crypto;

/// <summary>Raw DSA material (FIPS 186-4): domain P, Q, G; public Y; private X. Big-endian unsigned integers.</summary>
public sealed class DsaParameters
{
    /// <summary>The prime modulus p.</summary>
    public required ReadOnlyMemory<byte> P { get; init; }

    /// <summary>The prime divisor q of p-1.</summary>
    public required ReadOnlyMemory<byte> Q { get; init; }

    /// <summary>The generator g.</summary>
    public required ReadOnlyMemory<byte> G { get; init; }

    /// <summary>The public key y, or empty for bare domain parameters.</summary>
    public ReadOnlyMemory<byte> Y { get; init; }

    /// <summary>The private key x, or empty.</summary>
    public ReadOnlyMemory<byte> X { get; init; }

    /// <summary>True when <see cref="X"/> is present.</summary>
    public bool HasPrivateKey => !X.IsEmpty;

    /// <summary>Returns the public half.</summary>
    /// <returns>Domain and Y.</returns>
    public DsaParameters ToPublic() => new() { P = P, Q = Q, G = G, Y = Y };
}
