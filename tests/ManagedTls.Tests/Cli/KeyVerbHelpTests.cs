// `-help` of each key verb equals `openssl VERB -help` byte for byte (OpenSSL 3.0.19).
using ManagedTls.Tests.TestSupport;

namespace ManagedTls.Tests.Cli;

public class KeyVerbHelpTests
{
    [SkippableTheory]
    [InlineData("genpkey")]
    [InlineData("pkey")]
    [InlineData("rsa")]
    [InlineData("dgst")]
    [InlineData("pkeyutl")]
    public void Help_KeyVerb_EqualsOpenSslHelp(string verb)
    {
        ProcessResult theirs = OpenSslPeer.TryRun(null, verb, "-help");

        ProcessResult ours = Mtls.Run(verb, "-help");

        ours.ExitCode.ShouldBe(0);
        ours.Stderr.ShouldBe(theirs.Stderr);
        ours.StdoutBytes.ShouldBeEmpty();
    }
}
