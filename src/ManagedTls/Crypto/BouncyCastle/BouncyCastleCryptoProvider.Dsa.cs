using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math;
using BcDsaParameters = Org.BouncyCastle.Crypto.Parameters.DsaParameters;

namespace ManagedTls.Crypto.BouncyCastle;

internal sealed partial class BouncyCastleCryptoProvider
{
    private const int DsaPrimeCertainty = 80;

    public DsaParameters GenerateDsaDomain(int pBits, int qBits)
    {
        var generator = new DsaParametersGenerator(qBits > 160 ? new Sha256Digest() : new Sha1Digest());
        generator.Init(new DsaParameterGenerationParameters(pBits, qBits, DsaPrimeCertainty, BouncyCastleEntropy.Random));
        BcDsaParameters domain = generator.GenerateParameters();
        return new DsaParameters
        {
            P = domain.P.ToByteArrayUnsigned(),
            Q = domain.Q.ToByteArrayUnsigned(),
            G = domain.G.ToByteArrayUnsigned(),
        };
    }

    public DsaParameters GenerateDsaKey(DsaParameters domain)
    {
        ArgumentNullException.ThrowIfNull(domain);
        var generator = new DsaKeyPairGenerator();
        generator.Init(new DsaKeyGenerationParameters(BouncyCastleEntropy.Random, ToDomain(domain)));
        var pair = generator.GenerateKeyPair();
        return new DsaParameters
        {
            P = domain.P,
            Q = domain.Q,
            G = domain.G,
            Y = ((DsaPublicKeyParameters)pair.Public).Y.ToByteArrayUnsigned(),
            X = ((DsaPrivateKeyParameters)pair.Private).X.ToByteArrayUnsigned(),
        };
    }

    public byte[] SignDsa(DsaParameters key, HashAlgorithmId hash, ReadOnlySpan<byte> digest)
    {
        ArgumentNullException.ThrowIfNull(key);
        RequirePrivate(key.HasPrivateKey, nameof(key));
        BcDsaParameters domain = ToDomain(key);
        var signer = new DsaSigner(new HMacDsaKCalculator(BouncyCastleDigests.Create(hash))); // RFC 6979
        signer.Init(true, new DsaPrivateKeyParameters(new BigInteger(1, key.X.ToArray()), domain));
        BigInteger[] rs = signer.GenerateSignature(digest.ToArray());
        return Concatenate(rs[0], rs[1], (domain.Q.BitLength + 7) / 8);
    }

    public bool VerifyDsa(DsaParameters key, ReadOnlySpan<byte> digest, ReadOnlySpan<byte> signature)
    {
        ArgumentNullException.ThrowIfNull(key);
        BcDsaParameters domain = ToDomain(key);
        int size = (domain.Q.BitLength + 7) / 8;
        if (signature.Length != 2 * size || key.Y.IsEmpty)
        {
            return false;
        }

        var signer = new DsaSigner();
        signer.Init(false, new DsaPublicKeyParameters(new BigInteger(1, key.Y.ToArray()), domain));
        return signer.VerifySignature(digest.ToArray(), new BigInteger(1, signature[..size].ToArray()), new BigInteger(1, signature[size..].ToArray()));
    }

    private static BcDsaParameters ToDomain(DsaParameters key) =>
        new(new BigInteger(1, key.P.ToArray()), new BigInteger(1, key.Q.ToArray()), new BigInteger(1, key.G.ToArray()));
}
