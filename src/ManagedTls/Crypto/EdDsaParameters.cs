namespace ManagedTls.Crypto;

/// <summary>Raw EdDSA key material (RFC 8032 §5.1.5/§5.2.5): the private seed and the encoded public point.</summary>
public sealed class EdDsaParameters
{
    /// <summary>The curve.</summary>
    public required EdwardsCurve Curve { get; init; }

    /// <summary>The public key (32 or 57 bytes).</summary>
    public required ReadOnlyMemory<byte> PublicKey { get; init; }

    /// <summary>The private seed (32 or 57 bytes), or empty for a public key.</summary>
    public ReadOnlyMemory<byte> PrivateKey { get; init; }

    /// <summary>True when <see cref="PrivateKey"/> is present.</summary>
    public bool HasPrivateKey => !PrivateKey.IsEmpty;

    /// <summary>Returns the public half.</summary>
    /// <returns>A key without the seed.</returns>
    public EdDsaParameters ToPublic() => new() { Curve = Curve, PublicKey = PublicKey };
}
