using ManagedTls.Crypto;
using ManagedTls.Crypto.BouncyCastle;

namespace ManagedTls.Tests.Guard;

public class BouncyCastleEntropyTests
{
    [Fact]
    public void Install_AtModuleLoad_RedirectsMasterGeneratorToOsEntropy()
    {
        _ = CryptoProviders.Default; // the module initializer has run by the time any ManagedTls type is used

        BouncyCastleEntropy.Installed.ShouldBeTrue();
        BouncyCastleEntropy.MasterGenerator().ShouldBeOfType<OsEntropyRandomGenerator>();
    }

    [Fact]
    public void Install_CalledAgain_IsIdempotent()
    {
        BouncyCastleEntropy.Install();
        BouncyCastleEntropy.MasterGenerator().ShouldBeOfType<OsEntropyRandomGenerator>();
    }

    [Fact]
    public void Random_NextBytes_ReturnsFreshBytes()
    {
        byte[] a = new byte[32];
        byte[] b = new byte[32];
        BouncyCastleEntropy.Random.NextBytes(a);
        BouncyCastleEntropy.Random.NextBytes(b);
        a.ShouldNotBe(b);
    }
}
