// Missing or unreadable inputs: the first stderr line equals openssl's (3.0.19) and both exit 1. openssl's
// following lines (its error queue) are not reproduced.
using ManagedTls.Tests.TestSupport;

namespace ManagedTls.Tests.Cli;

public class KeyVerbFileErrorTests
{
    private const string Missing = "/nonexistent/mtls-missing";

    public static TheoryData<string[]> Cases => new()
    {
        { ["pkey", "-in", Missing] },
        { ["pkey", "-pubin", "-in", Missing] },
        { ["rsa", "-in", Missing] },
        { ["dgst", "-sign", Missing, "@message"] },
        { ["dgst", "-verify", Missing, "-signature", Missing, "@message"] },
        { ["dgst", "-sha256", "-verify", "@rsa.pub.pem", "-signature", Missing, "@message"] },
        { ["pkeyutl", "-sign", "-inkey", Missing] },
        { ["pkeyutl", "-derive", "-inkey", "@ec-p256.pem", "-peerkey", Missing] },
        { ["pkeyutl", "-verify", "-inkey", "@ec-p256.pem", "-sigfile", Missing, "-in", "@message"] },
        { ["genpkey", "-paramfile", Missing] },
        { ["pkeyutl", "-verify", "-certin", "-inkey", Missing, "-sigfile", Missing] },
        { ["pkeyutl", "-verify", "-certin", "-inkey", "@message", "-sigfile", Missing] },
        { ["pkey", "-in", "@message"] },
        { ["pkey", "-pubin", "-in", "@message"] },
        { ["rsa", "-in", "@rsa.pub.pem"] },
        { ["dgst", "-sha256", "-verify", "@rsa.pem", "-signature", "@message", "@message"] },
    };

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public void KeyVerb_UnreadableInput_FirstLineAsOpenSslExit1(string[] template)
    {
        OpenSslPeer.Require();
        string[] args = template.Select(a => a == "@message" ? CliKeyFiles.Message
            : a.StartsWith('@') ? Path.Combine(CliKeyFiles.Directory, a[1..]) : a).ToArray();

        ProcessResult ours = Mtls.Run(args);
        ProcessResult theirs = OpenSslPeer.TryRun([], args);

        ours.ExitCode.ShouldBe(1);
        theirs.ExitCode.ShouldBe(1);
        ours.Stderr.Split('\n')[0].ShouldBe(theirs.Stderr.Split('\n')[0]);
    }
}
