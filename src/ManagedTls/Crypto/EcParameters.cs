namespace ManagedTls.Crypto;

/// <summary>Raw EC key material: the curve, the public point and optionally the private scalar (SEC 1 §2.3).</summary>
public sealed class EcParameters
{
    /// <summary>The curve.</summary>
    public required EcCurve Curve { get; init; }

    /// <summary>The public point Q as a SEC 1 octet string (uncompressed <c>04 || X || Y</c> when generated; compressed accepted).</summary>
    public required ReadOnlyMemory<byte> Q { get; init; }

    /// <summary>The private scalar d, big-endian and as long as the curve order, or empty for a public key.</summary>
    public ReadOnlyMemory<byte> D { get; init; }

    /// <summary>True when <see cref="D"/> is present.</summary>
    public bool HasPrivateKey => !D.IsEmpty;

    /// <summary>Returns the public half.</summary>
    /// <returns>A key without <see cref="D"/>.</returns>
    public EcParameters ToPublic() => new() { Curve = Curve, Q = Q };
}
