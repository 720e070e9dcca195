using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math;

namespace ManagedTls.Crypto.BouncyCastle;

internal sealed partial class BouncyCastleCryptoProvider
{
    private const int RsaPrimeCertainty = 112; // Miller-Rabin rounds target, as BouncyCastle's own default key generation

    public RsaParameters GenerateRsaKey(int keySizeInBits, int publicExponent = 65537)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(keySizeInBits, 512);
        if (publicExponent < 3 || publicExponent % 2 == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(publicExponent), publicExponent, "The public exponent must be odd and at least 3.");
        }

        var generator = new RsaKeyPairGenerator();
        generator.Init(new RsaKeyGenerationParameters(BigInteger.ValueOf(publicExponent), BouncyCastleEntropy.Random, keySizeInBits, RsaPrimeCertainty));
        var key = (RsaPrivateCrtKeyParameters)generator.GenerateKeyPair().Private;
        return new RsaParameters
        {
            Modulus = key.Modulus.ToByteArrayUnsigned(),
            Exponent = key.PublicExponent.ToByteArrayUnsigned(),
            D = key.Exponent.ToByteArrayUnsigned(),
            P = key.P.ToByteArrayUnsigned(),
            Q = key.Q.ToByteArrayUnsigned(),
            DP = key.DP.ToByteArrayUnsigned(),
            DQ = key.DQ.ToByteArrayUnsigned(),
            InverseQ = key.QInv.ToByteArrayUnsigned(),
        };
    }

    public byte[] SignRsa(RsaParameters key, HashAlgorithmId hash, RsaSignaturePadding padding, ReadOnlySpan<byte> digest)
    {
        ArgumentNullException.ThrowIfNull(key);
        RequirePrivate(key.HasPrivateKey, nameof(key));
        RequireDigestLength(hash, digest);
        ISigner signer = CreateRsaSigner(hash, padding);
        signer.Init(true, new ParametersWithRandom(BouncyCastleKeyCache.RsaPrivate(key, ToPrivate), BouncyCastleEntropy.Random));
        signer.BlockUpdate(digest.ToArray(), 0, digest.Length);
        return signer.GenerateSignature();
    }

    public bool VerifyRsa(RsaParameters key, HashAlgorithmId hash, RsaSignaturePadding padding, ReadOnlySpan<byte> digest, ReadOnlySpan<byte> signature)
    {
        ArgumentNullException.ThrowIfNull(key);
        RsaKeyParameters publicKey = BouncyCastleKeyCache.RsaPublic(key, static k => new RsaKeyParameters(false, new BigInteger(1, k.Modulus.ToArray()), new BigInteger(1, k.Exponent.ToArray())));
        if (digest.Length != BouncyCastleDigests.Size(hash) || signature.Length != (publicKey.Modulus.BitLength + 7) / 8)
        {
            return false; // RFC 8017 §8.2.2 step 1: the signature is exactly k octets
        }

        ISigner signer = CreateRsaSigner(hash, padding);
        signer.Init(false, publicKey);
        signer.BlockUpdate(digest.ToArray(), 0, digest.Length);
        try
        {
            return signer.VerifySignature(signature.ToArray());
        }
        catch (CryptoException)
        {
            return false; // the representative is out of range
        }
    }

    private static ISigner CreateRsaSigner(HashAlgorithmId hash, RsaSignaturePadding padding)
    {
        if (!padding.IsPss)
        {
            // The NullDigest passes our precomputed digest through; BouncyCastle adds the DigestInfo (RFC 8017 §9.2).
            return new RsaDigestSigner(new NullDigest(), BouncyCastleDigests.Oid(hash));
        }

        int saltLength = padding.SaltLength < 0 ? BouncyCastleDigests.Size(hash) : padding.SaltLength;
        IDigest mgfDigest = BouncyCastleDigests.Create(padding.MgfHash ?? hash);
        return PssSigner.CreateRawSigner(new RsaBlindedEngine(), BouncyCastleDigests.Create(hash), mgfDigest, saltLength, PssSigner.TrailerImplicit);
    }

    private static RsaKeyParameters ToPrivate(RsaParameters key)
    {
        static BigInteger N(ReadOnlyMemory<byte> value) => new(1, value.ToArray());

        if (key.P.IsEmpty || key.Q.IsEmpty || key.DP.IsEmpty || key.DQ.IsEmpty || key.InverseQ.IsEmpty)
        {
            return new RsaKeyParameters(true, N(key.Modulus), N(key.D));
        }

        return new RsaPrivateCrtKeyParameters(N(key.Modulus), N(key.Exponent), N(key.D), N(key.P), N(key.Q), N(key.DP), N(key.DQ), N(key.InverseQ));
    }
}
