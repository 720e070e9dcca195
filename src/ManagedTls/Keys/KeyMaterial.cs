using ManagedTls.Crypto;

namespace ManagedTls.Keys;

/// <summary>
/// Converts between the key model and the crypto provider's raw key-material bags, so the signing step and key
/// generation (<c>PKey.generate_key</c>) can go model → provider → model without the provider knowing Keys types.
/// </summary>
internal static class KeyMaterial
{
    public static RsaParameters ToCrypto(RsaPublicKey key) => new() { Modulus = key.Modulus, Exponent = key.Exponent };

    /// <summary>Two-prime keys carry their CRT values; multi-prime keys go as (n, e, d) since the bag holds two primes only.</summary>
    public static RsaParameters ToCrypto(RsaPrivateKey key) => key.OtherPrimes.IsEmpty
        ? new() { Modulus = key.Modulus, Exponent = key.Exponent, D = key.D, P = key.P, Q = key.Q, DP = key.DP, DQ = key.DQ, InverseQ = key.QInv }
        : new() { Modulus = key.Modulus, Exponent = key.Exponent, D = key.D };

    public static DsaParameters ToCrypto(DsaPublicKey key) =>
        new() { P = key.Parameters.P, Q = key.Parameters.Q, G = key.Parameters.G, Y = key.Y };

    public static DsaParameters ToCrypto(DsaPrivateKey key) =>
        new() { P = key.Parameters.P, Q = key.Parameters.Q, G = key.Parameters.G, Y = key.Y, X = key.X };

    public static EcParameters ToCrypto(EcPublicKey key) => new() { Curve = ToCryptoCurve(key.Curve), Q = key.Point };

    public static EcParameters ToCrypto(EcPrivateKey key) =>
        new() { Curve = ToCryptoCurve(key.Curve), Q = key.PublicKey.Point, D = key.Scalar };

    public static EdDsaParameters ToCrypto(EcxPublicKey key) => new() { Curve = ToEdwardsCurve(key.Algorithm), PublicKey = key.Key };

    public static EdDsaParameters ToCrypto(EcxPrivateKey key) =>
        new() { Curve = ToEdwardsCurve(key.Algorithm), PublicKey = key.PublicKey.Key, PrivateKey = key.Key };

    /// <exception cref="KeyFormatException">The provider produced an invalid key.</exception>
    public static RsaPrivateKey FromCrypto(RsaParameters key) =>
        new(new RsaPublicKey(key.Modulus.Span, key.Exponent.Span), key.D.Span, key.P.Span, key.Q.Span, key.DP.Span, key.DQ.Span, key.InverseQ.Span);

    public static DsaPrivateKey FromCrypto(DsaParameters key) =>
        new(new DsaDomainParameters(key.P.Span, key.Q.Span, key.G.Span), key.X.Span, key.Y.Span);

    public static EcPrivateKey FromCrypto(EcParameters key) => new(FromCryptoCurve(key.Curve), key.D.Span, key.Q.Span);

    public static EcxPrivateKey FromCrypto(EdDsaParameters key) =>
        new(key.Curve == EdwardsCurve.Ed25519 ? KeyAlgorithm.Ed25519 : KeyAlgorithm.Ed448, key.PrivateKey.Span, key.PublicKey.Span);

    // Index i of this table is provider curve (EcCurve)i; the two enumerations list the curves in the same order.
    private static readonly EcNamedCurve[] s_curves =
    [
        EcNamedCurve.P256, EcNamedCurve.P384, EcNamedCurve.P521, EcNamedCurve.Secp256k1,
        EcNamedCurve.BrainpoolP256r1, EcNamedCurve.BrainpoolP384r1, EcNamedCurve.BrainpoolP512r1,
        EcNamedCurve.BrainpoolP256t1, EcNamedCurve.BrainpoolP384t1, EcNamedCurve.BrainpoolP512t1,
    ];

    /// <exception cref="NotSupportedException">The provider has no primitives for this curve.</exception>
    public static EcCurve ToCryptoCurve(EcNamedCurve curve)
    {
        int index = Array.IndexOf(s_curves, curve);
        return index >= 0 ? (EcCurve)index : throw new NotSupportedException($"the crypto provider has no primitives for {curve.Name}");
    }

    public static EcNamedCurve FromCryptoCurve(EcCurve curve) => (uint)curve < (uint)s_curves.Length
        ? s_curves[(int)curve]
        : throw new ArgumentOutOfRangeException(nameof(curve), curve, "unknown provider curve");

    private static EdwardsCurve ToEdwardsCurve(KeyAlgorithm algorithm) => algorithm switch
    {
        KeyAlgorithm.Ed25519 => EdwardsCurve.Ed25519,
        KeyAlgorithm.Ed448 => EdwardsCurve.Ed448,
        _ => throw new NotSupportedException($"{algorithm} is a key-agreement key, not a signature key"),
    };
}
