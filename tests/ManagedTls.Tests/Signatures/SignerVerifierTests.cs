using ManagedTls.Crypto;
using ManagedTls.Keys;
using ManagedTls.Signatures;
using ManagedTls.Tests.Crypto;

namespace ManagedTls.Tests.Signatures;

/// <summary>Signer/Verifier over the key model with provider-generated keys (DSA and openssl keys: SignatureOpenSslInteropTests).</summary>
public class SignerVerifierTests
{
    private static readonly ICryptoProvider s_provider = CryptoProviders.Default;
    private static readonly Lazy<RsaPrivateKey> s_rsa = new(() => KeyMaterial.FromCrypto(s_provider.GenerateRsaKey(2048)));
    private static readonly byte[] s_message = "signed message"u8.ToArray();

    private static readonly Lazy<RsaPrivateKey> s_rsa512 = new(() => KeyMaterial.FromCrypto(s_provider.GenerateRsaKey(512)));

    private static RsaPrivateKey Rsa => s_rsa.Value;

    private static RsaPrivateKey RestrictedPss => Rsa.AsPss(RsaPssParameters.Create("2.16.840.1.101.3.4.2.1", "2.16.840.1.101.3.4.2.1", 32));

    // A 512-bit modulus: k = 64 octets for PKCS#1 v1.5, emLen = 64 for PSS (emBits 511).
    [Theory]
    [InlineData(HashAlgorithmId.Sha256, false, 0, null)]                               // 32 + 19 + 11 = 62 <= 64
    [InlineData(HashAlgorithmId.Sha384, false, 0, SignatureError.KeyTooSmall)]         // 48 + 19 + 11 = 78
    [InlineData(HashAlgorithmId.Sha512, false, 0, SignatureError.KeyTooSmall)]         // 64 + 19 + 11 = 94
    [InlineData(HashAlgorithmId.Sha1, true, 20, null)]                                 // 20 + 20 + 2 = 42
    [InlineData(HashAlgorithmId.Sha256, true, -1, SignatureError.InvalidSaltLength)]   // 32 + 32 + 2 = 66
    [InlineData(HashAlgorithmId.Sha256, true, 30, null)]                               // 32 + 30 + 2 = 64
    [InlineData(HashAlgorithmId.Sha256, true, 31, SignatureError.InvalidSaltLength)]   // 65
    public void Sign_RsaModulusTooShortForEncoding_TypedErrorBeforeTheProvider(HashAlgorithmId hash, bool pss, int salt, SignatureError? expected)
    {
        RsaSignaturePadding padding = !pss ? RsaSignaturePadding.Pkcs1 : salt < 0 ? RsaSignaturePadding.PssDigestLengthSalt : RsaSignaturePadding.Pss(salt);

        if (expected is null)
        {
            byte[] signature = Signer.Sign(s_rsa512.Value, s_message, hash, padding);
            Verifier.Verify(s_rsa512.Value.PublicKey, s_message, signature, hash, padding).ShouldBeTrue();
        }
        else
        {
            Should.Throw<SignatureException>(() => Signer.Sign(s_rsa512.Value, s_message, hash, padding)).Reason.ShouldBe(expected.Value);
        }
    }

    [Theory]
    [MemberData(nameof(HashTests.AllAlgorithms), MemberType = typeof(HashTests))]
    public void SignVerify_RsaPkcs1EveryDigest_RoundTrip(HashAlgorithmId hash)
    {
        byte[] signature = Signer.Sign(Rsa, s_message, hash);
        signature.Length.ShouldBe(256);
        Verifier.Verify(Rsa.PublicKey, s_message, signature, hash).ShouldBeTrue();
        Verifier.Verify(Rsa.PublicKey, SignatureAlgorithm.RsaPkcs1(hash), s_message, signature).ShouldBeTrue();
        Verifier.Verify(Rsa.PublicKey, s_message, signature, hash, RsaSignaturePadding.PssDigestLengthSalt).ShouldBeFalse();
        Verifier.Verify(Rsa.PublicKey, "other message"u8, signature, hash).ShouldBeFalse();
    }

    [Theory]
    [InlineData(HashAlgorithmId.Sha1, -1)]
    [InlineData(HashAlgorithmId.Sha256, -1)]
    [InlineData(HashAlgorithmId.Sha384, 0)]
    [InlineData(HashAlgorithmId.Sha512, 64)]
    [InlineData(HashAlgorithmId.Sha3_256, 20)]
    public void SignVerify_RsaPss_RoundTrip(HashAlgorithmId hash, int saltLength)
    {
        RsaSignaturePadding padding = RsaSignaturePadding.Pss(saltLength);
        byte[] signature = Signer.Sign(Rsa, s_message, hash, padding);
        Verifier.Verify(Rsa.PublicKey, s_message, signature, hash, padding).ShouldBeTrue();
        Verifier.Verify(Rsa.PublicKey, SignatureAlgorithm.RsaPss(hash, saltLength: saltLength), s_message, signature).ShouldBeTrue();
        Verifier.Verify(Rsa.PublicKey, s_message, signature, hash).ShouldBeFalse(); // PKCS#1 v1.5 is the rsaEncryption default
        Verifier.Verify(Rsa.PublicKey, SignatureAlgorithm.RsaPss(hash, saltLength: saltLength + 2), s_message, signature).ShouldBeFalse();
    }

    [Theory]
    [InlineData(223)]   // one byte more than a 2048-bit key can hold with SHA-256 (emLen 256 - 32 - 2)
    [InlineData(4096)]  // far beyond the modulus
    public void Verify_PssSaltTooLongForKey_FalseNotException(int saltLength)
    {
        byte[] signature = Signer.Sign(Rsa, s_message, HashAlgorithmId.Sha256, RsaSignaturePadding.PssDigestLengthSalt);
        Verifier.Verify(Rsa.PublicKey, SignatureAlgorithm.RsaPss(HashAlgorithmId.Sha256, saltLength: saltLength), s_message, signature).ShouldBeFalse();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(255)]
    [InlineData(257)]
    public void Verify_RsaSignatureOfWrongLength_False(int length) =>
        Verifier.Verify(Rsa.PublicKey, s_message, new byte[length], HashAlgorithmId.Sha256).ShouldBeFalse();

    [Fact]
    public void Sign_RsaPssWithMgf1Sha1_VerifiesOnlyWithThatMgf()
    {
        SignatureAlgorithm algorithm = SignatureAlgorithm.RsaPss(HashAlgorithmId.Sha256, HashAlgorithmId.Sha1, 32);
        byte[] signature = Signer.Sign(Rsa, algorithm, s_message);
        Verifier.Verify(Rsa.PublicKey, algorithm, s_message, signature).ShouldBeTrue();
        Verifier.Verify(Rsa.PublicKey, SignatureAlgorithm.RsaPss(HashAlgorithmId.Sha256), s_message, signature).ShouldBeFalse();
    }

    public static TheoryData<EcCurve, HashAlgorithmId, SignatureFormat> EcdsaCases()
    {
        var data = new TheoryData<EcCurve, HashAlgorithmId, SignatureFormat>();
        foreach (EcCurve curve in Enum.GetValues<EcCurve>())
        {
            foreach (HashAlgorithmId hash in new[] { HashAlgorithmId.Sha1, HashAlgorithmId.Sha256, HashAlgorithmId.Sha512, HashAlgorithmId.Sha3_384, HashAlgorithmId.Sha512_256 })
            {
                data.Add(curve, hash, SignatureFormat.Der);
            }

            data.Add(curve, HashAlgorithmId.Sha256, SignatureFormat.IeeeP1363);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EcdsaCases))]
    public void SignVerify_Ecdsa_RoundTrip(EcCurve curve, HashAlgorithmId hash, SignatureFormat format)
    {
        EcPrivateKey key = KeyMaterial.FromCrypto(s_provider.GenerateEcKey(curve));
        byte[] signature = Signer.Sign(key, s_message, hash, format: format);
        Verifier.Verify(key.PublicKey, s_message, signature, hash, format: format).ShouldBeTrue();
        Verifier.Verify(key.PublicKey, "other"u8, signature, hash, format: format).ShouldBeFalse();
        if (format == SignatureFormat.Der)
        {
            EcdsaSignature parsed = EcdsaSignature.DecodeDer(signature, key.Curve);
            parsed.EncodeDer().ShouldBe(signature);
            Verifier.Verify(key.PublicKey, s_message, parsed.ToP1363(key.Curve.OrderSize), hash, format: SignatureFormat.IeeeP1363).ShouldBeTrue();
            Verifier.Verify(key.PublicKey, s_message, [.. signature, 0], hash).ShouldBeFalse(); // trailing byte: not DER
        }
        else
        {
            signature.Length.ShouldBe(2 * key.Curve.OrderSize);
            Verifier.Verify(key.PublicKey, s_message, signature, hash).ShouldBeFalse(); // P1363 bytes are not DER
        }
    }

    [Theory]
    [InlineData(EdwardsCurve.Ed25519, 64)]
    [InlineData(EdwardsCurve.Ed448, 114)]
    public void SignVerify_EdDsa_RoundTrip(EdwardsCurve curve, int length)
    {
        EcxPrivateKey key = KeyMaterial.FromCrypto(s_provider.GenerateEdDsaKey(curve));
        byte[] signature = Signer.Sign(key, s_message);
        signature.Length.ShouldBe(length);
        Signer.Sign(key, s_message).ShouldBe(signature); // PureEdDSA is deterministic
        Verifier.Verify(key.PublicKey, s_message, signature).ShouldBeTrue();
        Verifier.Verify(key.PublicKey, SignatureAlgorithm.ForKey(key.PublicKey), s_message, signature).ShouldBeTrue();
        signature[0] ^= 1;
        Verifier.Verify(key.PublicKey, s_message, signature).ShouldBeFalse();
    }

    [Fact]
    public void Sign_DefaultDigest_IsSha256()
    {
        EcPrivateKey key = KeyMaterial.FromCrypto(s_provider.GenerateEcKey(EcCurve.P256));
        Verifier.Verify(key.PublicKey, s_message, Signer.Sign(key, s_message), HashAlgorithmId.Sha256).ShouldBeTrue();
        Verifier.Verify(Rsa.PublicKey, s_message, Signer.Sign(Rsa, s_message), HashAlgorithmId.Sha256, RsaSignaturePadding.Pkcs1).ShouldBeTrue();
    }

    [Fact]
    public void SignHash_SameAsSign()
    {
        EcPrivateKey key = KeyMaterial.FromCrypto(s_provider.GenerateEcKey(EcCurve.P384));
        SignatureAlgorithm algorithm = SignatureAlgorithm.Ecdsa(HashAlgorithmId.Sha384);
        byte[] digest = HashTests.OneShot(HashAlgorithmId.Sha384, s_message);
        byte[] signature = Signer.SignHash(key, algorithm, digest);
        signature.ShouldBe(Signer.Sign(key, algorithm, s_message)); // RFC 6979: same digest, same signature
        Verifier.VerifyHash(key.PublicKey, algorithm, digest, signature).ShouldBeTrue();
        Verifier.VerifyHash(key.PublicKey, algorithm, digest[..^1], signature).ShouldBeFalse();
        Should.Throw<ArgumentException>(() => Signer.SignHash(key, algorithm, digest[..^1]));

        byte[] rsaDigest = HashTests.OneShot(HashAlgorithmId.Sha256, s_message);
        byte[] rsaSignature = Signer.SignHash(Rsa, SignatureAlgorithm.RsaPkcs1(HashAlgorithmId.Sha256), rsaDigest);
        Verifier.Verify(Rsa.PublicKey, s_message, rsaSignature, HashAlgorithmId.Sha256).ShouldBeTrue();
    }

    [Fact]
    public void RestrictedPssKey_Defaults_FollowKeyParameters()
    {
        RsaPrivateKey key = RestrictedPss;
        SignatureAlgorithm algorithm = SignatureAlgorithm.ForKey(key.PublicKey);
        algorithm.Kind.ShouldBe(SignatureAlgorithmKind.RsaPss);
        algorithm.Hash.ShouldBe(HashAlgorithmId.Sha256);
        algorithm.SaltLength.ShouldBe(32);
        byte[] signature = Signer.Sign(key, s_message);
        Verifier.Verify(key.PublicKey, s_message, signature).ShouldBeTrue();
        Verifier.Verify(key.PublicKey, algorithm, s_message, signature).ShouldBeTrue();
        Verifier.Verify(Rsa.PublicKey, algorithm, s_message, signature).ShouldBeTrue(); // an rsaEncryption key may verify PSS
    }

    public static TheoryData<string, SignatureError> RejectedRequests() => new()
    {
        { "PKCS#1 v1.5 with an RSA-PSS key", SignatureError.KeyMismatch },
        { "PSS key, other digest", SignatureError.KeyRestriction },
        { "PSS key, other MGF1 digest", SignatureError.KeyRestriction },
        { "PSS key, salt below minimum", SignatureError.InvalidSaltLength },
        { "salt too long for the modulus", SignatureError.InvalidSaltLength },
        { "ECDSA algorithm with an RSA key", SignatureError.KeyMismatch },
        { "RSA padding with an EC key", SignatureError.InvalidRequest },
        { "digest with Ed25519", SignatureError.InvalidRequest },
        { "SignHash with Ed25519", SignatureError.InvalidRequest },
        { "Ed448 algorithm with an Ed25519 key", SignatureError.KeyMismatch },
        { "X25519 key", SignatureError.KeyMismatch },
        { "ECDSA with MD5 has no OID", SignatureError.UnsupportedDigest },
    };

    [Theory]
    [MemberData(nameof(RejectedRequests))]
    public void SignOrVerify_RequestsThatDoNotFitTheKey_TypedReason(string request, SignatureError reason)
    {
        EcxPrivateKey ed25519 = KeyMaterial.FromCrypto(s_provider.GenerateEdDsaKey(EdwardsCurve.Ed25519));
        EcPrivateKey p256 = KeyMaterial.FromCrypto(s_provider.GenerateEcKey(EcCurve.P256));
        Action action = request switch
        {
            "PKCS#1 v1.5 with an RSA-PSS key" => () => Signer.Sign(RestrictedPss, s_message, padding: RsaSignaturePadding.Pkcs1),
            "PSS key, other digest" => () => Verifier.Verify(RestrictedPss.PublicKey, SignatureAlgorithm.RsaPss(HashAlgorithmId.Sha384), s_message, new byte[256]),
            "PSS key, other MGF1 digest" => () => Signer.Sign(RestrictedPss, SignatureAlgorithm.RsaPss(HashAlgorithmId.Sha256, HashAlgorithmId.Sha1, 32), s_message),
            "PSS key, salt below minimum" => () => Signer.Sign(RestrictedPss, s_message, padding: RsaSignaturePadding.Pss(20)),
            "salt too long for the modulus" => () => Signer.Sign(Rsa, s_message, HashAlgorithmId.Sha512, RsaSignaturePadding.Pss(200)),
            "ECDSA algorithm with an RSA key" => () => Verifier.Verify(Rsa.PublicKey, SignatureAlgorithm.Ecdsa(HashAlgorithmId.Sha256), s_message, new byte[8]),
            "RSA padding with an EC key" => () => Signer.Sign(p256, s_message, padding: RsaSignaturePadding.Pkcs1),
            "digest with Ed25519" => () => Signer.Sign(ed25519, s_message, HashAlgorithmId.Sha512),
            "SignHash with Ed25519" => () => Signer.SignHash(ed25519, SignatureAlgorithm.Ed25519, new byte[64]),
            "Ed448 algorithm with an Ed25519 key" => () => Verifier.Verify(ed25519.PublicKey, SignatureAlgorithm.Ed448, s_message, new byte[114]),
            "X25519 key" => () => Signer.Sign(new EcxPrivateKey(KeyAlgorithm.X25519, new byte[32]), s_message),
            "ECDSA with MD5 has no OID" => () => SignatureAlgorithm.ForKey(p256.PublicKey, HashAlgorithmId.Md5),
            _ => throw new InvalidOperationException(request),
        };
        Should.Throw<SignatureException>(action).Reason.ShouldBe(reason);
    }

    [Fact]
    public void ForKey_EachKeyType_OpenSslDefaultAlgorithm()
    {
        SignatureAlgorithm.ForKey(Rsa.PublicKey).Name.ShouldBe("sha256WithRSAEncryption");
        SignatureAlgorithm.ForKey(Rsa.PublicKey, HashAlgorithmId.Sha384, RsaSignaturePadding.PssDigestLengthSalt).ShouldBe(SignatureAlgorithm.RsaPss(HashAlgorithmId.Sha384));
        SignatureAlgorithm.ForKey(KeyMaterial.FromCrypto(s_provider.GenerateEcKey(EcCurve.P521)).PublicKey, HashAlgorithmId.Sha512).Name.ShouldBe("ecdsa-with-SHA512");
        SignatureAlgorithm.ForKey(KeyMaterial.FromCrypto(s_provider.GenerateEdDsaKey(EdwardsCurve.Ed448)).PublicKey).ShouldBe(SignatureAlgorithm.Ed448);
    }
}
