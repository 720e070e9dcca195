using ManagedTls.Keys;
using ManagedTls.OpenSsl.Tests.TestSupport;

namespace ManagedTls.OpenSsl.Tests;

/// <summary><c>PKey.Check</c> reports the reasons <c>openssl rsa -check</c> (RSA_check_key) reports for the same key.</summary>
public sealed class RsaCheckInteropTests
{
    public static TheoryData<string> Components => ["d", "dp", "dq", "qinv", "d+dp", "none"];

    [SkippableTheory]
    [MemberData(nameof(Components))]
    public void Check_MutatedComponent_SameReasonsAsOpenSslRsaCheck(string component)
    {
        var key = Mutate((RsaPrivateKey)TestKeys.Get("rsa").PrivateKey!, component);
        string path = TempFiles.Write(KeyEncoder.EncodeTraditional(key), ".der");

        ProcessResult openssl = OpenSslPeer.TryRun(null, "rsa", "-inform", "DER", "-in", path, "-check", "-noout");
        string[] expected = ReasonsOf(openssl.Stdout + openssl.Stderr);

        if (component == "none")
        {
            openssl.Stdout.ShouldContain("RSA key ok");
            new PKey(key).Check().ShouldBeTrue();
            return;
        }

        var e = Should.Throw<CryptoException>(() => new PKey(key).Check());
        expected.ShouldNotBeEmpty();
        e.Errors.Select(x => x.Reason).Order().ShouldBe(expected.Order());
    }

    [SkippableFact]
    public void Check_OpenSslMultiPrimeKey_IsConsistent()
    {
        byte[] pem = OpenSslPeer.Run("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:1024", "-pkeyopt", "rsa_keygen_primes:3").StdoutBytes;

        PKey key = Crypto.LoadPrivateKey(FileType.Pem, pem);

        ((RsaPrivateKey)key.PrivateKey!).OtherPrimes.Length.ShouldBe(1);
        key.Check().ShouldBeTrue();
    }

    private static string[] ReasonsOf(string output) =>
        [.. output.Split('\n')
            .Select(line => line.Split(':'))
            .Where(f => f.Length > 6 && f[3] == "rsa routines")
            .Select(f => f[5])];

    private static RsaPrivateKey Mutate(RsaPrivateKey k, string component)
    {
        byte[] d = k.D.ToArray(), dp = k.DP.ToArray(), dq = k.DQ.ToArray(), qinv = k.QInv.ToArray();
        foreach (string name in component.Split('+'))
        {
            byte[]? target = name switch { "d" => d, "dp" => dp, "dq" => dq, "qinv" => qinv, _ => null };
            if (target is not null)
            {
                target[^1] ^= 2;
            }
        }

        return new RsaPrivateKey(k.PublicKey, d, k.P.Span, k.Q.Span, dp, dq, qinv);
    }
}
