using ManagedTls.Crypto;
using Xunit.Abstractions;

namespace ManagedTls.Tests.Crypto;

/// <summary>Wycheproof vectors for HMAC and the AEADs.</summary>
public class MacAndAeadVectorTests(ITestOutputHelper output)
{
    private static readonly ICryptoProvider s_provider = CryptoProviders.Default;

    [SkippableTheory]
    [InlineData("hmac_sha256_test.json", HashAlgorithmId.Sha256)]
    [InlineData("hmac_sha384_test.json", HashAlgorithmId.Sha384)]
    public void Hmac_WycheproofVectors_Agree(string file, HashAlgorithmId algorithm)
    {
        using var document = Wycheproof.Load(file);
        var tally = new WycheproofTally();
        foreach (var (_, test) in Wycheproof.Tests(document))
        {
            using IHmac hmac = s_provider.CreateHmac(algorithm, test.Hex("key"));
            hmac.Append(test.Hex("msg"));
            byte[] mac = new byte[hmac.HashSize];
            hmac.GetHashAndReset(mac);
            byte[] tag = test.Hex("tag"); // truncated-tag groups compare a prefix
            bool matches = tag.Length <= mac.Length && ConstantTime.FixedTimeEquals(mac.AsSpan(0, tag.Length), tag);
            tally.Record(test, matches == (test.Result() == "valid"));
        }

        output.WriteLine(tally.Summary(file));
        tally.Failures.ShouldBeEmpty();
        tally.Passed.ShouldBeGreaterThan(100);
    }

    [SkippableTheory]
    [InlineData("aes_gcm_test.json")]
    [InlineData("chacha20_poly1305_test.json")]
    public void Aead_WycheproofVectors_Agree(string file)
    {
        using var document = Wycheproof.Load(file);
        var tally = new WycheproofTally();
        foreach (var (group, test) in Wycheproof.Tests(document))
        {
            byte[] key = test.Hex("key"), iv = test.Hex("iv"), aad = test.Hex("aad"), msg = test.Hex("msg"), ct = test.Hex("ct"), tag = test.Hex("tag");
            if (iv.Length != AeadAlgorithms.NonceSize || group.GetProperty("tagSize").GetInt32() != 8 * AeadAlgorithms.TagSize)
            {
                tally.Skip(); // IAead fixes a 12-byte nonce and 16-byte tag, as TLS does
                continue;
            }

            AeadAlgorithmId algorithm = file.StartsWith("chacha", StringComparison.Ordinal)
                ? AeadAlgorithmId.ChaCha20Poly1305
                : key.Length switch { 16 => AeadAlgorithmId.Aes128Gcm, 24 => AeadAlgorithmId.Aes192Gcm, _ => AeadAlgorithmId.Aes256Gcm };
            if (key.Length != AeadAlgorithms.KeySize(algorithm))
            {
                tally.Skip();
                continue;
            }

            using IAead aead = s_provider.CreateAead(algorithm, key);
            byte[] plaintext = new byte[ct.Length];
            bool opened = aead.TryOpen(iv, ct, tag, aad, plaintext);
            if (test.Result() == "valid")
            {
                byte[] sealedCt = new byte[msg.Length];
                byte[] sealedTag = new byte[aead.TagSize];
                aead.Seal(iv, msg, aad, sealedCt, sealedTag);
                tally.Record(test, opened && plaintext.AsSpan().SequenceEqual(msg) && sealedCt.AsSpan().SequenceEqual(ct) && sealedTag.AsSpan().SequenceEqual(tag));
            }
            else
            {
                tally.Record(test, !opened && plaintext.All(b => b == 0), "opened an invalid ciphertext");
            }
        }

        output.WriteLine(tally.Summary(file));
        tally.Failures.ShouldBeEmpty();
        tally.Passed.ShouldBeGreaterThan(150);
    }
}
