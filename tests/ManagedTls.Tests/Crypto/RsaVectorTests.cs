using ManagedTls.Crypto;
using Xunit.Abstractions;

namespace ManagedTls.Tests.Crypto;

/// <summary>Wycheproof RSA verification vectors, with the key taken from the raw modulus/exponent fields.</summary>
public class RsaVectorTests(ITestOutputHelper output)
{
    private static readonly ICryptoProvider s_provider = CryptoProviders.Default;

    [SkippableTheory]
    [InlineData("rsa_signature_2048_sha256_test.json")]
    [InlineData("rsa_signature_3072_sha384_test.json")]
    [InlineData("rsa_pss_2048_sha256_mgf1_32_test.json")]
    [InlineData("rsa_pss_misc_params_test.json")]
    public void VerifyRsa_WycheproofVectors_Agree(string file)
    {
        using var document = Wycheproof.Load(file);
        var tally = new WycheproofTally();
        foreach (var (group, test) in Wycheproof.Tests(document))
        {
            HashAlgorithmId hash = Hash(group.GetProperty("sha").GetString()!);
            bool pss = group.TryGetProperty("sLen", out var saltLength);
            var publicKey = group.GetProperty("publicKey");
            var key = new RsaParameters { Modulus = TrimZero(publicKey.Hex("modulus")), Exponent = TrimZero(publicKey.Hex("publicExponent")) };
            RsaSignaturePadding padding = pss ? RsaSignaturePadding.Pss(saltLength.GetInt32(), Hash(group.GetProperty("mgfSha").GetString()!)) : RsaSignaturePadding.Pkcs1;
            bool verified = s_provider.VerifyRsa(key, hash, padding, HashTests.OneShot(hash, test.Hex("msg")), test.Hex("sig"));
            bool ok = test.Result() switch
            {
                "valid" => verified,
                "invalid" => !verified,
                _ => true, // "acceptable": legacy encodings either way
            };
            tally.Record(test, ok, $"verified={verified}");
        }

        output.WriteLine(tally.Summary(file));
        tally.Failures.ShouldBeEmpty();
        tally.NotApplicable.ShouldBe(0);
    }

    private static HashAlgorithmId Hash(string name) => name switch
    {
        "SHA-1" => HashAlgorithmId.Sha1,
        "SHA-224" => HashAlgorithmId.Sha224,
        "SHA-256" => HashAlgorithmId.Sha256,
        "SHA-384" => HashAlgorithmId.Sha384,
        "SHA-512" => HashAlgorithmId.Sha512,
        _ => throw new NotSupportedException(name),
    };

    private static byte[] TrimZero(byte[] value) => value.Length > 1 && value[0] == 0 ? value[1..] : value;
}
