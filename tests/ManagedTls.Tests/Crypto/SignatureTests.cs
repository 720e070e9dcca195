using ManagedTls.Crypto;
using Bcl = System.Security.Cryptography;

namespace ManagedTls.Tests.Crypto;

/// <summary>Round trips through the provider, and cross-checks against .NET's own implementations as a peer.</summary>
public class SignatureTests
{
    private static readonly ICryptoProvider s_provider = CryptoProviders.Default;
    private static readonly byte[] s_message = "ManagedTls signature test"u8.ToArray();
    private static readonly Lazy<RsaParameters> s_rsaKey = new(() => s_provider.GenerateRsaKey(2048));

    public static TheoryData<string> RsaPaddings() => new("pkcs1", "pss");

    [Theory]
    [MemberData(nameof(RsaPaddings))]
    public void SignRsa_VerifiedByDotNet_AndViceVersa(string paddingName)
    {
        RsaParameters key = s_rsaKey.Value;
        (RsaSignaturePadding ours, Bcl.RSASignaturePadding theirs) = paddingName == "pss"
            ? (RsaSignaturePadding.PssDigestLengthSalt, Bcl.RSASignaturePadding.Pss)
            : (RsaSignaturePadding.Pkcs1, Bcl.RSASignaturePadding.Pkcs1);
        byte[] digest = HashTests.OneShot(HashAlgorithmId.Sha256, s_message);
        using var peer = Bcl.RSA.Create();
        peer.ImportParameters(new Bcl.RSAParameters
        {
            Modulus = key.Modulus.ToArray(), Exponent = key.Exponent.ToArray(), D = Pad(key.D, key.Modulus.Length),
            P = key.P.ToArray(), Q = key.Q.ToArray(), DP = Pad(key.DP, key.P.Length), DQ = Pad(key.DQ, key.Q.Length), InverseQ = Pad(key.InverseQ, key.P.Length),
        });

        byte[] signature = s_provider.SignRsa(key, HashAlgorithmId.Sha256, ours, digest);
        signature.Length.ShouldBe(256);
        peer.VerifyHash(digest, signature, Bcl.HashAlgorithmName.SHA256, theirs).ShouldBeTrue();

        byte[] theirSignature = peer.SignHash(digest, Bcl.HashAlgorithmName.SHA256, theirs);
        s_provider.VerifyRsa(key.ToPublic(), HashAlgorithmId.Sha256, ours, digest, theirSignature).ShouldBeTrue();
        theirSignature[10] ^= 1;
        s_provider.VerifyRsa(key.ToPublic(), HashAlgorithmId.Sha256, ours, digest, theirSignature).ShouldBeFalse();
        s_provider.VerifyRsa(key.ToPublic(), HashAlgorithmId.Sha256, ours, digest, signature.AsSpan(1)).ShouldBeFalse();
    }

    [Fact]
    public void SignRsa_PublicKeyOnly_Throws() => Should.Throw<ArgumentException>(() =>
        s_provider.SignRsa(s_rsaKey.Value.ToPublic(), HashAlgorithmId.Sha256, RsaSignaturePadding.Pkcs1, new byte[32]));

    [Fact]
    public void SignRsa_WrongDigestLength_Throws() => Should.Throw<ArgumentException>(() =>
        s_provider.SignRsa(s_rsaKey.Value, HashAlgorithmId.Sha256, RsaSignaturePadding.Pkcs1, new byte[20]));

    [Theory]
    [InlineData(EcCurve.P256, HashAlgorithmId.Sha256, 64)]
    [InlineData(EcCurve.P384, HashAlgorithmId.Sha384, 96)]
    [InlineData(EcCurve.P521, HashAlgorithmId.Sha512, 132)]
    public void SignEcdsa_VerifiedByDotNet_AndViceVersa(EcCurve curve, HashAlgorithmId hash, int signatureSize)
    {
        EcParameters key = s_provider.GenerateEcKey(curve);
        byte[] digest = HashTests.OneShot(hash, s_message);
        int coordinate = (key.Q.Length - 1) / 2;
        using var peer = Bcl.ECDsa.Create(new Bcl.ECParameters
        {
            Curve = curve switch { EcCurve.P256 => Bcl.ECCurve.NamedCurves.nistP256, EcCurve.P384 => Bcl.ECCurve.NamedCurves.nistP384, _ => Bcl.ECCurve.NamedCurves.nistP521 },
            Q = new Bcl.ECPoint { X = key.Q.Span.Slice(1, coordinate).ToArray(), Y = key.Q.Span[(1 + coordinate)..].ToArray() },
            D = key.D.ToArray(),
        });

        byte[] signature = s_provider.SignEcdsa(key, hash, digest);
        signature.Length.ShouldBe(signatureSize);
        s_provider.SignEcdsa(key, hash, digest).ShouldBe(signature, "RFC 6979 nonces are deterministic");
        peer.VerifyHash(digest, signature).ShouldBeTrue();
        s_provider.VerifyEcdsa(key.ToPublic(), digest, peer.SignHash(digest)).ShouldBeTrue();
        digest[0] ^= 1;
        s_provider.VerifyEcdsa(key.ToPublic(), digest, signature).ShouldBeFalse();
    }

    [Fact]
    public void SignDsa_VerifiedByDotNet_AndViceVersa()
    {
        DsaParameters domain = s_provider.GenerateDsaDomain(1024, 160);
        DsaParameters key = s_provider.GenerateDsaKey(domain);
        byte[] digest = HashTests.OneShot(HashAlgorithmId.Sha1, s_message);
        using var peer = Bcl.DSA.Create();
        peer.ImportParameters(new Bcl.DSAParameters
        {
            P = key.P.ToArray(), Q = key.Q.ToArray(), G = Pad(key.G, key.P.Length), Y = Pad(key.Y, key.P.Length), X = Pad(key.X, key.Q.Length),
        });

        byte[] signature = s_provider.SignDsa(key, HashAlgorithmId.Sha1, digest);
        signature.Length.ShouldBe(40);
        peer.VerifySignature(digest, signature).ShouldBeTrue();
        s_provider.VerifyDsa(key.ToPublic(), digest, peer.CreateSignature(digest)).ShouldBeTrue();
        digest[0] ^= 1;
        s_provider.VerifyDsa(key.ToPublic(), digest, signature).ShouldBeFalse();
    }

    [Fact]
    public void SignEdDsa_Rfc8032Test1_MatchesKnownAnswer()
    {
        // RFC 8032 §7.1 TEST 1 (empty message).
        var key = new EdDsaParameters
        {
            Curve = EdwardsCurve.Ed25519,
            PrivateKey = Convert.FromHexString("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"),
            PublicKey = Convert.FromHexString("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"),
        };
        byte[] signature = s_provider.SignEdDsa(key, []);
        Convert.ToHexStringLower(signature).ShouldBe(
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
        s_provider.VerifyEdDsa(key.ToPublic(), [], signature).ShouldBeTrue();
    }

    [Theory]
    [InlineData(EdwardsCurve.Ed25519, 32, 64)]
    [InlineData(EdwardsCurve.Ed448, 57, 114)]
    public void GenerateEdDsaKey_SignVerify_RoundTrips(EdwardsCurve curve, int keySize, int signatureSize)
    {
        EdDsaParameters key = s_provider.GenerateEdDsaKey(curve);
        key.PublicKey.Length.ShouldBe(keySize);
        key.PrivateKey.Length.ShouldBe(keySize);
        byte[] signature = s_provider.SignEdDsa(key, s_message);
        signature.Length.ShouldBe(signatureSize);
        s_provider.VerifyEdDsa(key.ToPublic(), s_message, signature).ShouldBeTrue();
        s_provider.VerifyEdDsa(key.ToPublic(), s_message.AsSpan(1), signature).ShouldBeFalse();
        s_provider.VerifyEdDsa(key.ToPublic(), s_message, signature.AsSpan(1)).ShouldBeFalse();
    }

    private static byte[] Pad(ReadOnlyMemory<byte> value, int length)
    {
        byte[] result = new byte[length];
        value.Span.CopyTo(result.AsSpan(length - value.Length));
        return result;
    }
}
