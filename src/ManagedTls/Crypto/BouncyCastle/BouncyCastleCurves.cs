using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto.EC;
using Org.BouncyCastle.Crypto.Parameters;

namespace ManagedTls.Crypto.BouncyCastle;

/// <summary>Domain parameters for <see cref="EcCurve"/>, built once (BouncyCastle's custom fast implementations).</summary>
internal static class BouncyCastleCurves
{
    private static readonly Lazy<ECDomainParameters> s_p256 = new(() => Build("P-256"));
    private static readonly Lazy<ECDomainParameters> s_p384 = new(() => Build("P-384"));
    private static readonly Lazy<ECDomainParameters> s_p521 = new(() => Build("P-521"));

    public static ECDomainParameters Get(EcCurve curve) => curve switch
    {
        EcCurve.P256 => s_p256.Value,
        EcCurve.P384 => s_p384.Value,
        EcCurve.P521 => s_p521.Value,
        _ => throw new NotSupportedException($"Curve {curve} is not supported."),
    };

    /// <summary>Bytes in a scalar (the order n) of the curve.</summary>
    public static int OrderSize(ECDomainParameters domain) => (domain.N.BitLength + 7) / 8;

    /// <summary>Bytes in a field element (an x coordinate, the ECDH secret).</summary>
    public static int FieldSize(ECDomainParameters domain) => (domain.Curve.FieldSize + 7) / 8;

    private static ECDomainParameters Build(string name)
    {
        X9ECParameters x9 = CustomNamedCurves.GetByName(name) ?? throw new NotSupportedException($"BouncyCastle lacks curve {name}.");
        return new ECDomainParameters(x9.Curve, x9.G, x9.N, x9.H, x9.GetSeed());
    }
}
