// Wycheproof vectors (../shared/vectors/wycheproof, schemas/pbkdf_test_schema.json and pbe_test_schema.json):
// PBKDF2-HMAC-SHA256 and PBES2 (PBKDF2 + AES-CBC with PKCS#7 padding). Every "valid" vector must be reproduced,
// every "invalid" one rejected, and "acceptable" ones must not crash. No openssl commands are used here.
using System.Text.Json;
using ManagedTls.Crypto;
using ManagedTls.Pkcs;
using ManagedTls.Tests.TestSupport;
using Xunit.Abstractions;

namespace ManagedTls.Tests.Pkcs;

public sealed class WycheproofPbeTests(ITestOutputHelper output)
{
    private static readonly ICryptoProvider s_provider = CryptoProviders.Default;

    [SkippableFact]
    public void Pbkdf2_WycheproofHmacSha256_AllVectorsHonoured()
    {
        var counts = new Dictionary<string, int>();
        foreach (JsonElement test in Tests("wycheproof/pbkdf2_hmacsha256_test.json"))
        {
            string result = test.GetProperty("result").GetString()!;
            byte[] password = Hex(test, "password");
            byte[] salt = Hex(test, "salt");
            int iterations = test.GetProperty("iterationCount").GetInt32();
            byte[] expected = Hex(test, "dk");
            byte[] dk = new byte[test.GetProperty("dkLen").GetInt32()];
            Pbkdf2.DeriveKey(s_provider, HashAlgorithmId.Sha256, password, salt, iterations, dk);
            bool matches = dk.AsSpan().SequenceEqual(expected);
            Check(result, matches, test);
            counts[result] = counts.GetValueOrDefault(result) + 1;
        }

        Report("pbkdf2_hmacsha256", counts);
    }

    [SkippableTheory]
    [InlineData("wycheproof/pbes2_hmacsha256_aes_256_test.json", HashAlgorithmId.Sha256, "aes-256-cbc")]
    [InlineData("wycheproof/pbes2_hmacsha1_aes_128_test.json", HashAlgorithmId.Sha1, "aes-128-cbc")]
    public void Pbes2_Wycheproof_AllVectorsHonoured(string file, HashAlgorithmId prf, string cipherName)
    {
        PbeCipher cipher = PbeCipher.FromName(cipherName)!;
        var counts = new Dictionary<string, int>();
        foreach (JsonElement test in Tests(file))
        {
            string result = test.GetProperty("result").GetString()!;
            Pbes2Scheme scheme = Pbes2Scheme.Create(cipher, prf, Hex(test, "salt"), test.GetProperty("iterationCount").GetInt32(), Hex(test, "iv"));
            byte[] password = Hex(test, "password");
            byte[] message = Hex(test, "msg");
            byte[] ciphertext = Hex(test, "ct");

            bool encryptMatches = scheme.Encrypt(s_provider, password, message).AsSpan().SequenceEqual(ciphertext);
            bool decryptMatches;
            try
            {
                decryptMatches = scheme.Decrypt(s_provider, password, ciphertext).AsSpan().SequenceEqual(message);
            }
            catch (PbeException)
            {
                decryptMatches = false;
            }

            Check(result, encryptMatches && decryptMatches, test);
            counts[result] = counts.GetValueOrDefault(result) + 1;
        }

        Report(Path.GetFileNameWithoutExtension(file), counts);
    }

    private static void Check(string result, bool matches, JsonElement test)
    {
        int id = test.GetProperty("tcId").GetInt32();
        switch (result)
        {
            case "valid":
                matches.ShouldBeTrue($"tcId {id} ({test.GetProperty("comment").GetString()}) is valid but was not reproduced");
                break;
            case "invalid":
                matches.ShouldBeFalse($"tcId {id} is invalid but was accepted");
                break;
            default:
                break; // "acceptable": reaching here without an unexpected exception is the requirement
        }
    }

    private void Report(string name, Dictionary<string, int> counts) =>
        output.WriteLine($"{name}: {string.Join(", ", counts.OrderBy(p => p.Key).Select(p => $"{p.Value} {p.Key}"))}");

    private static IEnumerable<JsonElement> Tests(string relative)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(SharedVectors.Require(relative)));
        var tests = new List<JsonElement>();
        foreach (JsonElement group in document.RootElement.GetProperty("testGroups").EnumerateArray())
        {
            foreach (JsonElement test in group.GetProperty("tests").EnumerateArray())
            {
                tests.Add(test.Clone());
            }
        }

        tests.Count.ShouldBe(document.RootElement.GetProperty("numberOfTests").GetInt32());
        return tests;
    }

    private static byte[] Hex(JsonElement test, string name) => Convert.FromHexString(test.GetProperty(name).GetString()!);
}
