using ManagedTls.Tests.TestSupport;

namespace ManagedTls.Tests.Guard;

/// <summary><c>mtls demo</c> in-process (the libssl-less run repeats it as a separate process).</summary>
public class DemoCommandTests
{
    [Fact]
    public void Run_NoArguments_EveryStepOkWithTiming()
    {
        ProcessResult result = Mtls.Run("demo");

        result.ExitCode.ShouldBe(0, result.Stderr);
        string[] lines = result.Text().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBeGreaterThanOrEqualTo(12);
        lines.ShouldAllBe(line => System.Text.RegularExpressions.Regex.IsMatch(line, @"^.{44} ok +\d+\.\d ms(  \S.*)?$"));
        result.Text().ShouldContain("sign/verify RSA-2048");
        result.Text().ShouldContain("sign/verify Ed25519");
        result.Text().ShouldContain("chain and host name verification ........... ok");
        result.Text().ShouldContain("3 certificates to the root");
        lines.ShouldContain(line => line.StartsWith("TLS 1.3 handshake over loopback TCP ...", StringComparison.Ordinal)
            && line.Contains(" ok ", StringComparison.Ordinal) && line.Contains("TLSv1.3 TLS_", StringComparison.Ordinal));
        result.Text().ShouldContain("1 MiB each way compared byte for byte");
        lines.ShouldContain(line => line.StartsWith("TLS 1.2 handshake over loopback TCP ...", StringComparison.Ordinal) && line.Contains("TLSv1.2 ECDHE-", StringComparison.Ordinal));
        result.Text().ShouldContain("keys updated both ways; close_notify sent and received by both ends");
    }

    [Fact]
    public void Run_UnknownFlag_IsUsageError()
    {
        ProcessResult result = Mtls.Run("demo", "-bogus");

        result.ExitCode.ShouldBe(1);
        result.Stderr.ShouldContain("Unknown option: -bogus");
    }

    [Fact]
    public void Help_ListsDemo() => Mtls.Run("help").Text().ShouldContain("demo");
}
