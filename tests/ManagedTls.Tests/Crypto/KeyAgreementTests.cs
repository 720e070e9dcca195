using ManagedTls.Crypto;
using Xunit.Abstractions;

namespace ManagedTls.Tests.Crypto;

public class KeyAgreementTests(ITestOutputHelper output)
{
    private static readonly ICryptoProvider s_provider = CryptoProviders.Default;

    [SkippableTheory]
    [InlineData("x25519_test.json", KeyAgreementAlgorithmId.X25519)]
    [InlineData("x448_test.json", KeyAgreementAlgorithmId.X448)]
    [InlineData("ecdh_secp256r1_ecpoint_test.json", KeyAgreementAlgorithmId.EcdhP256)]
    [InlineData("ecdh_secp384r1_ecpoint_test.json", KeyAgreementAlgorithmId.EcdhP384)]
    [InlineData("ecdh_secp521r1_ecpoint_test.json", KeyAgreementAlgorithmId.EcdhP521)]
    public void TryDeriveSharedSecret_WycheproofVectors_Agree(string file, KeyAgreementAlgorithmId algorithm)
    {
        using var document = Wycheproof.Load(file);
        var tally = new WycheproofTally();
        foreach (var (_, test) in Wycheproof.Tests(document))
        {
            using IKeyAgreement key = s_provider.ImportKeyAgreement(algorithm, test.Hex("private"));
            byte[] secret = new byte[key.SharedSecretSize];
            bool derived = key.TryDeriveSharedSecret(test.Hex("public"), secret);
            byte[] expected = test.Hex("shared");
            bool ok = test.Result() switch
            {
                "valid" => derived && secret.AsSpan().SequenceEqual(expected),
                "invalid" => !derived,
                // "acceptable": rejecting is fine (e.g. the all-zero X25519 secret, RFC 8446 §7.4.2); a result must be right.
                _ => !derived || secret.AsSpan().SequenceEqual(expected),
            };
            tally.Record(test, ok, $"derived={derived}");
        }

        output.WriteLine(tally.Summary(file));
        tally.Failures.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(KeyAgreementAlgorithmId.X25519, 32, 32)]
    [InlineData(KeyAgreementAlgorithmId.X448, 56, 56)]
    [InlineData(KeyAgreementAlgorithmId.EcdhP256, 65, 32)]
    [InlineData(KeyAgreementAlgorithmId.EcdhP384, 97, 48)]
    [InlineData(KeyAgreementAlgorithmId.EcdhP521, 133, 66)]
    public void GenerateKeyAgreement_TwoParties_DeriveSameSecret(KeyAgreementAlgorithmId algorithm, int publicSize, int secretSize)
    {
        using IKeyAgreement alice = s_provider.GenerateKeyAgreement(algorithm);
        using IKeyAgreement bob = s_provider.GenerateKeyAgreement(algorithm);
        alice.PublicKey.Length.ShouldBe(publicSize);
        alice.SharedSecretSize.ShouldBe(secretSize);

        byte[] s1 = new byte[secretSize];
        byte[] s2 = new byte[secretSize];
        alice.TryDeriveSharedSecret(bob.PublicKey, s1).ShouldBeTrue();
        bob.TryDeriveSharedSecret(alice.PublicKey, s2).ShouldBeTrue();
        s1.ShouldBe(s2);
    }

    [Fact]
    public void TryDeriveSharedSecret_X25519LowOrderPoint_ReturnsFalse()
    {
        using IKeyAgreement key = s_provider.GenerateKeyAgreement(KeyAgreementAlgorithmId.X25519);
        byte[] secret = new byte[32];
        key.TryDeriveSharedSecret(new byte[32], secret).ShouldBeFalse(); // u = 0 gives the all-zero secret
        secret.ShouldAllBe(b => b == 0);
    }

    [Theory]
    [InlineData(KeyAgreementAlgorithmId.EcdhP256, 64)]
    [InlineData(KeyAgreementAlgorithmId.X25519, 31)]
    public void TryDeriveSharedSecret_MalformedPeerKey_ReturnsFalse(KeyAgreementAlgorithmId algorithm, int length)
    {
        using IKeyAgreement key = s_provider.GenerateKeyAgreement(algorithm);
        byte[] peer = new byte[length];
        peer[0] = 4;
        key.TryDeriveSharedSecret(peer, new byte[key.SharedSecretSize]).ShouldBeFalse();
    }
}
