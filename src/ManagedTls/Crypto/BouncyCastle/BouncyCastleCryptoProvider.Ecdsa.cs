using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Math.EC;
using Org.BouncyCastle.Math.EC.Multiplier;
using Org.BouncyCastle.Utilities;

namespace ManagedTls.Crypto.BouncyCastle;

internal sealed partial class BouncyCastleCryptoProvider
{
    public EcParameters GenerateEcKey(EcCurve curve)
    {
        ECDomainParameters domain = BouncyCastleCurves.Get(curve);
        var generator = new ECKeyPairGenerator();
        generator.Init(new ECKeyGenerationParameters(domain, BouncyCastleEntropy.Random));
        var pair = generator.GenerateKeyPair();
        var d = ((ECPrivateKeyParameters)pair.Private).D;
        var q = ((ECPublicKeyParameters)pair.Public).Q;
        return new EcParameters
        {
            Curve = curve,
            Q = q.GetEncoded(false),
            D = BigIntegers.AsUnsignedByteArray(BouncyCastleCurves.OrderSize(domain), d),
        };
    }

    public byte[] DeriveEcPublicPoint(EcCurve curve, ReadOnlySpan<byte> scalar)
    {
        ECDomainParameters domain = BouncyCastleCurves.Get(curve);
        var d = new BigInteger(1, scalar.ToArray());
        if (d.SignValue <= 0 || d.CompareTo(domain.N) >= 0)
        {
            throw new ArgumentException("The private scalar must be in [1, n-1].", nameof(scalar));
        }

        return new FixedPointCombMultiplier().Multiply(domain.G, d).Normalize().GetEncoded(false);
    }

    public byte[] SignEcdsa(EcParameters key, HashAlgorithmId hash, ReadOnlySpan<byte> digest)
    {
        ArgumentNullException.ThrowIfNull(key);
        RequirePrivate(key.HasPrivateKey, nameof(key));
        ECDomainParameters domain = BouncyCastleCurves.Get(key.Curve);
        var signer = new ECDsaSigner(new HMacDsaKCalculator(BouncyCastleDigests.Create(hash))); // RFC 6979
        signer.Init(true, BouncyCastleKeyCache.EcPrivate(key, k => new ECPrivateKeyParameters(new BigInteger(1, k.D.ToArray()), domain)));
        BigInteger[] rs = signer.GenerateSignature(digest.ToArray());
        return Concatenate(rs[0], rs[1], BouncyCastleCurves.OrderSize(domain));
    }

    public bool VerifyEcdsa(EcParameters key, ReadOnlySpan<byte> digest, ReadOnlySpan<byte> signature)
    {
        ArgumentNullException.ThrowIfNull(key);
        ECDomainParameters domain = BouncyCastleCurves.Get(key.Curve);
        int size = BouncyCastleCurves.OrderSize(domain);
        if (signature.Length != 2 * size)
        {
            return false;
        }

        ECPublicKeyParameters? publicKey = BouncyCastleKeyCache.EcPublic(
            key,
            k => BouncyCastleCurves.TryDecodePoint(domain, k.Q.Span, out ECPoint? point) ? new ECPublicKeyParameters(point, domain) : null);
        if (publicKey is null)
        {
            return false;
        }

        var signer = new ECDsaSigner();
        signer.Init(false, publicKey);
        return signer.VerifySignature(digest.ToArray(), new BigInteger(1, signature[..size].ToArray()), new BigInteger(1, signature[size..].ToArray()));
    }

    /// <summary>The fixed-width <c>r || s</c> form shared by ECDSA and DSA.</summary>
    private static byte[] Concatenate(BigInteger r, BigInteger s, int size)
    {
        byte[] result = new byte[2 * size];
        BigIntegers.AsUnsignedByteArray(size, r).CopyTo(result, 0);
        BigIntegers.AsUnsignedByteArray(size, s).CopyTo(result, size);
        return result;
    }
}
