using ManagedTls.Limbo;
using ManagedTls.Tests.TestSupport;
using Xunit.Abstractions;

namespace ManagedTls.Tests.X509.Verification;

public sealed class LimboTests(ITestOutputHelper output)
{
    // Ratchet: the measured score of this branch (pyca/cryptography 48 scores 9,719 on the same file). Raise it as
    // failures are fixed; never lower it.
    private const int PassFloor = 9773;

    [SkippableFact]
    public void Limbo_WholeSuite_BeatsFloorWithoutHangs()
    {
        string path = SharedVectors.Require("x509-limbo/limbo.json.gz");
        using var suite = LimboRunner.Load(path);
        List<LimboResult> results = LimboRunner.Run(suite, TimeSpan.FromSeconds(20));
        foreach (string line in LimboRunner.Summarize(results))
        {
            output.WriteLine(line);
        }

        foreach (LimboResult failure in results.Where(r => !r.Passed))
        {
            output.WriteLine($"{failure.Id}: expected {failure.Expected}, got {failure.Actual} ({failure.Context})");
        }

        results.Count(r => r.TimedOut).ShouldBe(0);
        results.Count(r => r.Passed).ShouldBeGreaterThanOrEqualTo(PassFloor);
        results.Where(r => r.Family == "crl").ShouldAllBe(r => r.Actual != "SKIPPED");
    }
}
