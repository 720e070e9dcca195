using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto.EC;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math.EC;

namespace ManagedTls.Crypto.BouncyCastle;

/// <summary>Domain parameters for <see cref="EcCurve"/>, built once (BouncyCastle's custom fast implementations).</summary>
internal static class BouncyCastleCurves
{
    private static readonly Lazy<ECDomainParameters>[] s_domains =
    [
        new(() => Build("P-256")),
        new(() => Build("P-384")),
        new(() => Build("P-521")),
        new(() => Build("secp256k1")),
        new(() => Build("brainpoolP256r1")),
        new(() => Build("brainpoolP384r1")),
        new(() => Build("brainpoolP512r1")),
        new(() => Build("brainpoolP256t1")),
        new(() => Build("brainpoolP384t1")),
        new(() => Build("brainpoolP512t1")),
    ];

    public static ECDomainParameters Get(EcCurve curve) => (uint)curve < (uint)s_domains.Length
        ? s_domains[(int)curve].Value
        : throw new NotSupportedException($"Curve {curve} is not supported.");

    /// <summary>Bytes in a scalar (the order n) of the curve.</summary>
    public static int OrderSize(ECDomainParameters domain) => (domain.N.BitLength + 7) / 8;

    /// <summary>Bytes in a field element (an x coordinate, the ECDH secret).</summary>
    public static int FieldSize(ECDomainParameters domain) => (domain.Curve.FieldSize + 7) / 8;

    /// <summary>
    /// Decodes a SEC 1 §2.3.4 point: uncompressed (04) or compressed (02/03), never hybrid, never infinity, and
    /// checked to be on the curve. False for anything else, without letting BouncyCastle index past the input.
    /// </summary>
    public static bool TryDecodePoint(ECDomainParameters domain, ReadOnlySpan<byte> encoded, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ECPoint? point)
    {
        point = null;
        int field = FieldSize(domain);
        bool wellFormed = encoded.Length switch
        {
            _ when encoded.Length == 1 + (2 * field) => encoded[0] == 0x04,
            _ when encoded.Length == 1 + field => encoded[0] is 0x02 or 0x03,
            _ => false,
        };
        if (!wellFormed)
        {
            return false;
        }

        try
        {
            point = domain.Curve.DecodePoint(encoded.ToArray());
        }
        catch (ArgumentException)
        {
            return false; // a coordinate >= p, or no square root for a compressed x
        }

        return !point.IsInfinity && point.IsValid();
    }

    private static ECDomainParameters Build(string name)
    {
        // CustomNamedCurves holds the fast special-form implementations (NIST, secp256k1); the Brainpool curves are
        // only in the generic table.
        X9ECParameters x9 = CustomNamedCurves.GetByName(name) ?? ECNamedCurveTable.GetByName(name)
            ?? throw new NotSupportedException($"BouncyCastle lacks curve {name}.");
        return new ECDomainParameters(x9.Curve, x9.G, x9.N, x9.H, x9.GetSeed());
    }
}
