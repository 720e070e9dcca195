using System.Text.Json;
using ManagedTls.Crypto;
using Xunit.Abstractions;

namespace ManagedTls.Tests.Crypto;

/// <summary>Wycheproof verification vectors at the raw level: EdDSA over messages, ECDSA in IEEE P1363 form.</summary>
public class SignatureVectorTests(ITestOutputHelper output)
{
    private static readonly ICryptoProvider s_provider = CryptoProviders.Default;

    [SkippableTheory]
    [InlineData("ed25519_test.json", EdwardsCurve.Ed25519)]
    [InlineData("ed448_test.json", EdwardsCurve.Ed448)]
    public void VerifyEdDsa_WycheproofVectors_Agree(string file, EdwardsCurve curve)
    {
        using var document = Wycheproof.Load(file);
        var tally = new WycheproofTally();
        foreach (var (group, test) in Wycheproof.Tests(document))
        {
            var key = new EdDsaParameters { Curve = curve, PublicKey = group.GetProperty("publicKey").Hex("pk") };
            bool verified = s_provider.VerifyEdDsa(key, test.Hex("msg"), test.Hex("sig"));
            tally.Record(test, verified == (test.Result() == "valid"), $"verified={verified}");
        }

        output.WriteLine(tally.Summary(file));
        tally.Failures.ShouldBeEmpty();
    }

    [SkippableTheory]
    [InlineData("ecdsa_secp256r1_sha256_p1363_test.json", EcCurve.P256, HashAlgorithmId.Sha256)]
    public void VerifyEcdsa_WycheproofP1363Vectors_Agree(string file, EcCurve curve, HashAlgorithmId hash)
    {
        using var document = Wycheproof.Load(file);
        var tally = new WycheproofTally();
        foreach (var (group, test) in Wycheproof.Tests(document))
        {
            var key = new EcParameters { Curve = curve, Q = group.GetProperty("publicKey").Hex("uncompressed") };
            bool verified = s_provider.VerifyEcdsa(key, HashTests.OneShot(hash, test.Hex("msg")), test.Hex("sig"));
            tally.Record(test, verified == (test.Result() == "valid"), $"verified={verified}");
        }

        output.WriteLine(tally.Summary(file));
        tally.Failures.ShouldBeEmpty();
    }
}
