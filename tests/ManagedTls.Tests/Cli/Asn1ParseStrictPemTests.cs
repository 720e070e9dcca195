using System.Text;
using ManagedTls.Tests.TestSupport;

namespace ManagedTls.Tests.Cli;

/// <summary><c>asn1parse -strictpem</c> reads through the shared PEM codec and fails the way openssl does.</summary>
public class Asn1ParseStrictPemTests
{
    [Theory]
    [InlineData("text before\n-----BEGIN X-----\nMAA=\n-----END X-----\n", 0, "    0:d=0  hl=2 l=   0 cons: SEQUENCE          \n", "")]
    [InlineData("", 1, "", "no start line")]
    [InlineData("-----BEGIN X-----\nMAA=\n-----END Y-----\n", 1, "", "bad end line")]
    [InlineData("-----BEGIN X-----\nM!A=\n-----END X-----\n", 1, "", "bad base64 decode")]
    public void StrictPem_Input_MatchesOpenSslOutcome(string input, int exitCode, string stdout, string stderrFragment)
    {
        ProcessResult result = Mtls.RunWithInput(Encoding.ASCII.GetBytes(input), "asn1parse", "-strictpem");

        result.ExitCode.ShouldBe(exitCode);
        result.Stdout.ShouldBe(stdout);
        result.Stderr.ShouldContain(stderrFragment);
        if (exitCode != 0)
        {
            result.Stderr.ShouldStartWith("Error reading PEM file\n");
        }
    }

    [SkippableTheory]
    [InlineData("text before\n-----BEGIN X-----\nMAA=\n-----END X-----\n")]
    [InlineData("-----BEGIN X-----\nMAA=\n-----END Y-----\n")]
    [InlineData("-----BEGIN X-----\nM!A=\n-----END X-----\n")]
    public void StrictPem_Input_SameStdoutAndExitCodeAsOpenSsl(string input)
    {
        byte[] bytes = Encoding.ASCII.GetBytes(input);
        ProcessResult openssl = OpenSslPeer.TryRun(bytes, "asn1parse", "-strictpem");
        ProcessResult ours = Mtls.RunWithInput(bytes, "asn1parse", "-strictpem");

        ours.ExitCode.ShouldBe(openssl.ExitCode);
        ours.Stdout.ShouldBe(openssl.Stdout);
    }
}
