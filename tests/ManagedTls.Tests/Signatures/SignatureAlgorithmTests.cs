using ManagedTls.Asn1;
using ManagedTls.Crypto;
using ManagedTls.Signatures;

namespace ManagedTls.Tests.Signatures;

public class SignatureAlgorithmTests
{
    private const string OpenSslPssSha256 = "304106092a864886f70d01010a3034a00f300d06096086480165030402010500a11c301a06092a864886f70d010108300d06096086480165030402010500a203020120";

    public static TheoryData<string, SignatureAlgorithmKind, HashAlgorithmId?, string> Accepted() => new()
    {
        { "300d06092a864886f70d01010b0500", SignatureAlgorithmKind.RsaPkcs1, HashAlgorithmId.Sha256, "sha256WithRSAEncryption" },
        { "300b06092a864886f70d01010b", SignatureAlgorithmKind.RsaPkcs1, HashAlgorithmId.Sha256, "sha256WithRSAEncryption" }, // absent NULL, as OpenSSL accepts
        { "300d06092a864886f70d0101040500", SignatureAlgorithmKind.RsaPkcs1, HashAlgorithmId.Md5, "md5WithRSAEncryption" },
        { "300d06092a864886f70d0101050500", SignatureAlgorithmKind.RsaPkcs1, HashAlgorithmId.Sha1, "sha1WithRSAEncryption" },
        { "300d06092a864886f70d01010d0500", SignatureAlgorithmKind.RsaPkcs1, HashAlgorithmId.Sha512, "sha512WithRSAEncryption" },
        { "300d060960864801650304030e0500", SignatureAlgorithmKind.RsaPkcs1, HashAlgorithmId.Sha3_256, "RSA-SHA3-256" },
        { "300a06082a8648ce3d040302", SignatureAlgorithmKind.Ecdsa, HashAlgorithmId.Sha256, "ecdsa-with-SHA256" },
        { "300906072a8648ce3d0401", SignatureAlgorithmKind.Ecdsa, HashAlgorithmId.Sha1, "ecdsa-with-SHA1" },
        { "300a06082a8648ce3d040304", SignatureAlgorithmKind.Ecdsa, HashAlgorithmId.Sha512, "ecdsa-with-SHA512" },
        { "300906072a8648ce380403", SignatureAlgorithmKind.Dsa, HashAlgorithmId.Sha1, "dsaWithSHA1" },
        { "300b0609608648016503040302", SignatureAlgorithmKind.Dsa, HashAlgorithmId.Sha256, "dsa_with_SHA256" },
        { "300506032b6570", SignatureAlgorithmKind.Ed25519, null, "ED25519" },
        { "300506032b6571", SignatureAlgorithmKind.Ed448, null, "ED448" },
        { OpenSslPssSha256, SignatureAlgorithmKind.RsaPss, HashAlgorithmId.Sha256, "rsassaPss" },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Decode_SupportedIdentifiers_Parsed(string hex, SignatureAlgorithmKind kind, HashAlgorithmId? hash, string name)
    {
        byte[] der = Convert.FromHexString(hex);
        SignatureAlgorithm algorithm = SignatureAlgorithm.Decode(der);
        algorithm.Kind.ShouldBe(kind);
        algorithm.Hash.ShouldBe(hash);
        algorithm.Name.ShouldBe(name);
        algorithm.Encoded.ToArray().ShouldBe(der); // the exact bytes are kept
    }

    [Theory]
    [InlineData("301206092a864886f70d01010a3005a303020101", HashAlgorithmId.Sha1, HashAlgorithmId.Sha1, 20)]       // explicit trailerField 1
    [InlineData("300d06092a864886f70d01010a3000", HashAlgorithmId.Sha1, HashAlgorithmId.Sha1, 20)]                 // all RFC 4055 defaults
    [InlineData(OpenSslPssSha256, HashAlgorithmId.Sha256, HashAlgorithmId.Sha256, 32)]
    [InlineData("303d06092a864886f70d01010a3030a00d300b0609608648016503040201a11a301806092a864886f70d010108300b0609608648016503040201a203020120", HashAlgorithmId.Sha256, HashAlgorithmId.Sha256, 32)] // digest parameters absent (RFC 4055 §2.1)
    [InlineData("303806092a864886f70d01010a302ba00f300d06096086480165030402010500a118301606092a864886f70d010108300906052b0e03021a0500", HashAlgorithmId.Sha256, HashAlgorithmId.Sha1, 20)] // MGF1 digest differs
    public void Decode_PssParameters_Parsed(string hex, HashAlgorithmId hash, HashAlgorithmId mgfHash, int saltLength)
    {
        SignatureAlgorithm algorithm = SignatureAlgorithm.Decode(Convert.FromHexString(hex));
        algorithm.Kind.ShouldBe(SignatureAlgorithmKind.RsaPss);
        algorithm.Hash.ShouldBe(hash);
        algorithm.MgfHash.ShouldBe(mgfHash);
        algorithm.SaltLength.ShouldBe(saltLength);
        algorithm.RsaPadding!.Value.IsPss.ShouldBeTrue();
        algorithm.RsaPadding!.Value.SaltLength.ShouldBe(saltLength);
    }

    [Theory]
    [InlineData("300e06092a864886f70d01010b020100", SignatureError.InvalidParameters)]                     // RSA with INTEGER parameters
    [InlineData("300c06082a8648ce3d0403020500", SignatureError.InvalidParameters)]                         // ECDSA with NULL (RFC 5758 §3.2)
    [InlineData("300b06072a8648ce3804030500", SignatureError.InvalidParameters)]                           // DSA with NULL (RFC 3279 §2.2.2)
    [InlineData("300706032b65700500", SignatureError.InvalidParameters)]                                   // Ed25519 with NULL (RFC 8410 §3)
    [InlineData("300b06092a864886f70d01010a", SignatureError.InvalidParameters)]                           // PSS without parameters
    [InlineData("301206092a864886f70d01010a3005a303020102", SignatureError.InvalidTrailerField)]
    [InlineData("301c06092a864886f70d01010a300fa10d300b06092a864886f70d010109", SignatureError.UnsupportedMaskGeneration)]
    [InlineData("301c06092a864886f70d01010a300fa10d300b06092a864886f70d010108", SignatureError.UnsupportedMaskGeneration)]
    [InlineData("301d06092a864886f70d01010a3010a00e300c06082a864886f70d02020500", SignatureError.UnsupportedDigest)]
    [InlineData("301206092a864886f70d01010a3005a2030201ff", SignatureError.InvalidSaltLength)]
    [InlineData("301606092a864886f70d01010a3009a20702050100000000", SignatureError.InvalidSaltLength)]
    [InlineData("301f06092a864886f70d01010a3012a010300e0609608648016503040201020100", SignatureError.InvalidParameters)]
    [InlineData("302c06092a864886f70d01010a301fa11d301b06092a864886f70d010108300e0609608648016503040201020100", SignatureError.InvalidParameters)]
    [InlineData("30050603 2a0304", SignatureError.UnsupportedAlgorithm)]                                  // 1.2.3.4
    [InlineData("300b06092a864886f70d010101", SignatureError.UnsupportedAlgorithm)]                       // rsaEncryption is a key OID
    public void Decode_RejectedIdentifiers_TypedReason(string hex, SignatureError reason)
    {
        byte[] der = Convert.FromHexString(hex.Replace(" ", string.Empty));
        Should.Throw<SignatureException>(() => SignatureAlgorithm.Decode(der)).Reason.ShouldBe(reason);
    }

    [Theory]
    [InlineData("301406092a864886f70d01010a3007a2030201200500")] // trailing element in RSASSA-PSS-params
    [InlineData("301406092a864886f70d01010a3007a2050201200500")] // trailing element inside [2]
    [InlineData("300f06092a864886f70d01010b05000500")]           // two parameters
    [InlineData("300d06092a864886f70d01010b050000")]             // trailing byte after the SEQUENCE
    [InlineData("300d06092a864886f70d01010a0500")]               // NULL where RSASSA-PSS-params (a SEQUENCE) is required
    public void Decode_MalformedDer_ThrowsDecodeException(string hex) =>
        Should.Throw<DecodeException>(() => SignatureAlgorithm.Decode(Convert.FromHexString(hex)));

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Decode_EveryProperPrefix_Throws(string hex, SignatureAlgorithmKind kind, HashAlgorithmId? hash, string name)
    {
        _ = (kind, hash, name);
        byte[] der = Convert.FromHexString(hex);
        for (int length = 0; length < der.Length; length++)
        {
            byte[] prefix = der[..length];
            Should.Throw<Exception>(() => SignatureAlgorithm.Decode(prefix)).ShouldBeAssignableTo<DecodeException>();
        }
    }

    [Fact]
    public void Decode_BerReader_FollowsTheCallersRules()
    {
        byte[] indefinite = Convert.FromHexString("308006092a864886f70d01010b05000000"); // sha256WithRSAEncryption, indefinite length
        var ber = new DerReader(indefinite, DerMode.Ber);
        SignatureAlgorithm.Decode(ref ber).Hash.ShouldBe(HashAlgorithmId.Sha256);
        Should.Throw<DecodeException>(() => SignatureAlgorithm.Decode(indefinite));
    }

    [Fact]
    public void RsaPss_Sha256_EncodesAsOpenSsl() =>
        Convert.ToHexStringLower(SignatureAlgorithm.RsaPss(HashAlgorithmId.Sha256).Encoded.Span).ShouldBe(OpenSslPssSha256);

    [Fact]
    public void RsaPss_Defaults_EncodeEmptyParameters()
    {
        SignatureAlgorithm algorithm = SignatureAlgorithm.RsaPss(HashAlgorithmId.Sha1, HashAlgorithmId.Sha1, 20);
        Convert.ToHexStringLower(algorithm.Encoded.Span).ShouldBe("300d06092a864886f70d01010a3000");
    }

    public static TheoryData<SignatureAlgorithmKind, HashAlgorithmId> Pairs()
    {
        var data = new TheoryData<SignatureAlgorithmKind, HashAlgorithmId>();
        foreach (HashAlgorithmId hash in Enum.GetValues<HashAlgorithmId>())
        {
            data.Add(SignatureAlgorithmKind.RsaPkcs1, hash);
            data.Add(SignatureAlgorithmKind.RsaPss, hash);
            data.Add(SignatureAlgorithmKind.Ecdsa, hash);
            data.Add(SignatureAlgorithmKind.Dsa, hash);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Factories_EncodeDecode_RoundTrip(SignatureAlgorithmKind kind, HashAlgorithmId hash)
    {
        SignatureAlgorithm algorithm;
        try
        {
            algorithm = kind switch
            {
                SignatureAlgorithmKind.RsaPkcs1 => SignatureAlgorithm.RsaPkcs1(hash),
                SignatureAlgorithmKind.RsaPss => SignatureAlgorithm.RsaPss(hash),
                SignatureAlgorithmKind.Ecdsa => SignatureAlgorithm.Ecdsa(hash),
                _ => SignatureAlgorithm.Dsa(hash),
            };
        }
        catch (SignatureException e)
        {
            // Only these pairs lack an OID (RFC 5758, NIST CSOR): ECDSA/DSA with MD5 or SHA-512/t.
            e.Reason.ShouldBe(SignatureError.UnsupportedDigest);
            kind.ShouldBeOneOf(SignatureAlgorithmKind.Ecdsa, SignatureAlgorithmKind.Dsa);
            hash.ShouldBeOneOf(HashAlgorithmId.Md5, HashAlgorithmId.Sha512_224, HashAlgorithmId.Sha512_256);
            return;
        }

        using var writer = new DerWriter();
        algorithm.Encode(writer);
        SignatureAlgorithm decoded = SignatureAlgorithm.Decode(writer.ToArray());
        decoded.ShouldBe(algorithm);
        decoded.Kind.ShouldBe(kind);
        decoded.Hash.ShouldBe(hash);
        decoded.HasNullParameters.ShouldBe(kind == SignatureAlgorithmKind.RsaPkcs1);
    }

    [Fact]
    public void Equals_NullVersusAbsentParameters_Differ()
    {
        SignatureAlgorithm withNull = SignatureAlgorithm.Decode(Convert.FromHexString("300d06092a864886f70d01010b0500"));
        SignatureAlgorithm absent = SignatureAlgorithm.Decode(Convert.FromHexString("300b06092a864886f70d01010b"));
        withNull.ShouldBe(SignatureAlgorithm.RsaPkcs1(HashAlgorithmId.Sha256));
        absent.ShouldNotBe(withNull); // as X509_ALGOR_cmp: the certificate's two copies must match byte for byte
        absent.HasNullParameters.ShouldBeFalse();
    }
}
