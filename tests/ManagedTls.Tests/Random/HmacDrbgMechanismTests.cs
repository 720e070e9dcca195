using ManagedTls.Crypto;
using ManagedTls.Random;

namespace ManagedTls.Tests.Random;

/// <summary>
/// NIST CAVP known answers for HMAC_DRBG (SP 800-90A), [SHA-256], EntropyInputLen 256, NonceLen 128,
/// ReturnedBitsLen 1024. CAVP procedure: instantiate, (reseed), generate 1024 bits and discard, generate again and
/// compare. Vectors from drbgvectors_no_reseed and drbgvectors_pr_false/HMAC_DRBG.rsp.
/// </summary>
public class HmacDrbgMechanismTests
{
    private static readonly ICryptoProvider s_provider = CryptoProviders.Default;

    public static TheoryData<string, string, string, string> NoReseedVectors => new()
    {
        // [PersonalizationStringLen = 0] COUNT = 0
        {
            "ca851911349384bffe89de1cbdc46e6831e44d34a4fb935ee285dd14b71a7488", "659ba96c601dc69fc902940805ec0ca8", "",
            "e528e9abf2dece54d47c7e75e5fe302149f817ea9fb4bee6f4199697d04d5b89d54fbb978a15b5c443c9ec21036d2460b6f73ebad0dc2aba6e624abf07745bc107694bb7547bb0995f70de25d6b29e2d3011bb19d27676c07162c8b5ccde0668961df86803482cb37ed6d5c0bb8d50cf1f50d476aa0458bdaba806f48be9dcb8"
        },
        // [PersonalizationStringLen = 0] COUNT = 1
        {
            "79737479ba4e7642a221fcfd1b820b134e9e3540a35bb48ffae29c20f5418ea3", "3593259c092bef4129bc2c6c9e19f343", "",
            "cf5ad5984f9e43917aa9087380dac46e410ddc8a7731859c84e9d0f31bd43655b924159413e2293b17610f211e09f770f172b8fb693a35b85d3b9e5e63b1dc252ac0e115002e9bedfb4b5b6fd43f33b8e0eafb2d072e1a6fee1f159df9b51e6c8da737e60d5032dd30544ec51558c6f080bdbdab1de8a939e961e06b5f1aca37"
        },
        // [PersonalizationStringLen = 256] COUNT = 0
        {
            "5cacc68165a2e2ee20812f35ec73a79dbf30fd475476ac0c44fc6174cdac2b55", "6f885496c1e63af620becd9e71ecb824",
            "e72dd8590d4ed5295515c35ed6199e9d211b8f069b3058caa6670b96ef1208d0",
            "f1012cf543f94533df27fedfbf58e5b79a3dc517a9c402bdbfc9a0c0f721f9d53faf4aafdc4b8f7a1b580fcaa52338d4bd95f58966a243cdcd3f446ed4bc546d9f607b190dd69954450d16cd0e2d6437067d8b44d19a6af7a7cfa8794e5fbd728e8fb2f2e8db5dd4ff1aa275f35886098e80ff844886060da8b1e7137846b23b"
        },
    };

    [Theory]
    [MemberData(nameof(NoReseedVectors))]
    public void Generate_CavpNoReseed_MatchesReturnedBits(string entropy, string nonce, string personalization, string expected)
    {
        using var drbg = new HmacDrbgMechanism(s_provider, HashAlgorithmId.Sha256);
        drbg.Instantiate(Convert.FromHexString(entropy), Convert.FromHexString(nonce), Convert.FromHexString(personalization));
        byte[] output = new byte[128];

        drbg.Generate(output, [], 1000).ShouldBeTrue();
        drbg.Generate(output, [], 1000).ShouldBeTrue();

        Convert.ToHexStringLower(output).ShouldBe(expected);
    }

    [Fact]
    public void Reseed_CavpPrFalseCount0_MatchesIntermediateStatesAndReturnedBits()
    {
        // drbgvectors_pr_false/HMAC_DRBG.rsp [SHA-256] COUNT = 0, with the V/Key values CAVP prints after each step.
        using var drbg = new HmacDrbgMechanism(s_provider, HashAlgorithmId.Sha256);
        byte[] output = new byte[128];

        drbg.Instantiate(
            Convert.FromHexString("06032cd5eed33f39265f49ecb142c511da9aff2af71203bffaf34a9ca5bd9c0d"),
            Convert.FromHexString("0e66f71edc43e42a45ad3c6fc6cdc4df"),
            []);
        Convert.ToHexStringLower(drbg.V).ShouldBe("81e0d8830ed2d16f9b288a1cb289c5fab3f3c5c28131be7cafedcc7734604d34");
        Convert.ToHexStringLower(drbg.Key).ShouldBe("17dc11c2389f5eeb9d0f6a5148a1ea83ee8a828f4f140ac78272a0da435fa121");

        drbg.Reseed(Convert.FromHexString("01920a4e669ed3a85ae8a33b35a74ad7fb2a6bb4cf395ce00334a9c9a5a5d552"), []);
        Convert.ToHexStringLower(drbg.V).ShouldBe("c246fa97570ba2b9d9e5b453fe4632366f146fbd8491146563eb463c9eafe50c");
        Convert.ToHexStringLower(drbg.Key).ShouldBe("ca43e73325de43c41d7e0a7a3163fb04061b09fcee4c7b8884e969e3bdfdff9a");

        drbg.Generate(output, [], 1000).ShouldBeTrue();
        Convert.ToHexStringLower(drbg.V).ShouldBe("df67d0816d6a8f3b73ba7638ea113bef0e33a1da451272ef1472211fb31c1cd6");
        Convert.ToHexStringLower(drbg.Key).ShouldBe("8be4c7f9f249d5af2c6345a8f07af14be1d7adc2b9892286ffe37760d8aa5a1b");

        drbg.Generate(output, [], 1000).ShouldBeTrue();
        Convert.ToHexStringLower(output).ShouldBe(
            "76fc79fe9b50beccc991a11b5635783a83536add03c157fb30645e611c2898bb2b1bc215000209208cd506cb28da2a51bdb03826aaf2bd2335d576d519160842e7158ad0949d1a9ec3e66ea1b1a064b005de914eac2e9d4f2d72a8616a80225422918250ff66a41bd2f864a6a38cc5b6499dc43f7f2bd09e1e0f8f5885935124");
        Convert.ToHexStringLower(drbg.V).ShouldBe("80524881711e89a61e6fe7169581e50fb9ad642f3dff48fba5773352fa04cec3");
        Convert.ToHexStringLower(drbg.Key).ShouldBe("5ed31bc06cc4f3a97f7f34929b0558b0c34de1f4bd1cef456a8364140e2d9f41");
    }

    [Fact]
    public void Generate_CounterPastInterval_RefusesWithoutTouchingState()
    {
        using var drbg = new HmacDrbgMechanism(s_provider, HashAlgorithmId.Sha256);
        drbg.Instantiate(new byte[32], new byte[16], []);
        byte[] output = new byte[16];
        drbg.Generate(output, [], reseedInterval: 1).ShouldBeTrue();
        byte[] v = drbg.V.ToArray();

        drbg.Generate(output, [], reseedInterval: 1).ShouldBeFalse();

        drbg.V.ToArray().ShouldBe(v);
        drbg.ReseedCounter.ShouldBe(2);
    }

    [Fact]
    public void Generate_MoreThan2To19Bits_Throws()
    {
        using var drbg = new HmacDrbgMechanism(s_provider, HashAlgorithmId.Sha256);
        drbg.Instantiate(new byte[32], new byte[16], []);

        Should.Throw<ArgumentOutOfRangeException>(() => drbg.Generate(new byte[HmacDrbgMechanism.MaxBytesPerRequest + 1], [], 10));
    }

    [Theory]
    [InlineData(HashAlgorithmId.Sha256, 32)]
    [InlineData(HashAlgorithmId.Sha384, 48)]
    [InlineData(HashAlgorithmId.Sha512, 64)]
    public void Uninstantiate_Always_ZeroesKeyAndV(HashAlgorithmId algorithm, int outlen)
    {
        var drbg = new HmacDrbgMechanism(s_provider, algorithm);
        drbg.Instantiate(new byte[32], new byte[16], []);
        drbg.OutputLength.ShouldBe(outlen);
        drbg.Key.ToArray().ShouldNotBe(new byte[outlen]);

        drbg.Dispose();

        drbg.Key.ToArray().ShouldBe(new byte[outlen]);
        drbg.V.ToArray().ShouldBe(new byte[outlen]);
        drbg.IsInstantiated.ShouldBeFalse();
    }
}
