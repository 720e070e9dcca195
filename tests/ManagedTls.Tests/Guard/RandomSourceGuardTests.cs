using ManagedTls.Crypto;
using ManagedTls.Random;
using ManagedTls.Tests.TestSupport;

namespace ManagedTls.Tests.Guard;

/// <summary>Decision 0003: the crypto layer reads randomness only through SecureRandomSource.</summary>
public class RandomSourceGuardTests
{
    [Fact]
    public void CryptoFolder_NeverCallsOsEntropyDirectly()
    {
        string crypto = Path.Combine(SharedVectors.RepositoryRoot, "src", "ManagedTls", "Crypto");
        var offenders = new List<string>();
        foreach (string file in Directory.EnumerateFiles(crypto, "*.cs", SearchOption.AllDirectories))
        {
            foreach (string line in File.ReadLines(file))
            {
                string code = line.TrimStart();
                if (!code.StartsWith("//", StringComparison.Ordinal) && code.Contains("OsEntropy.", StringComparison.Ordinal))
                {
                    offenders.Add($"{Path.GetRelativePath(crypto, file)}: {code}");
                }
            }
        }

        offenders.ShouldBeEmpty("Crypto/ must draw from SecureRandomSource so the selected engine governs all randomness");
    }

    [Fact]
    public void BuiltinDrbg_Active_BouncyCastleKeyGenerationStillWorks()
    {
        // Key generation goes BouncyCastle -> SecureRandom.master -> SecureRandomSource -> HMAC_DRBG (-> BouncyCastle HMAC).
        // Other test classes may run concurrently: the engine switch is race-free by design and both engines are secure.
        ICryptoProvider provider = CryptoProviders.Default;
        SecureRandomSource.UseBuiltinDrbg(provider);
        try
        {
            SecureRandomSource.Engine.ShouldBe(RandomEngine.BuiltinDrbg);
            EcParameters key = provider.GenerateEcKey(EcCurve.P256);
            byte[] digest = new byte[32];
            byte[] signature = provider.SignEcdsa(key, HashAlgorithmId.Sha256, digest);
            provider.VerifyEcdsa(key.ToPublic(), digest, signature).ShouldBeTrue();
        }
        finally
        {
            SecureRandomSource.UseOsRandom();
        }
    }
}
