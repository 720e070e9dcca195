using ManagedTls.Tests.TestSupport;

namespace ManagedTls.Tests.Cli;

/// <summary>Runs the same arguments through mtls (in-process) and the openssl binary and compares what they print.</summary>
internal static class CliAgreement
{
    /// <summary>Standard output (bytes), standard error and exit code are identical.</summary>
    public static ProcessResult Same(params string[] args) => SameWithInput(null, args);

    /// <summary>As <see cref="Same"/>, with bytes on standard input.</summary>
    public static ProcessResult SameWithInput(byte[]? stdin, params string[] args)
    {
        OpenSslPeer.Require();
        ProcessResult ours = Mtls.RunWithInput(stdin, args);
        ProcessResult theirs = OpenSslPeer.TryRun(stdin, args);
        string command = "openssl " + string.Join(' ', args);
        ours.Stderr.ShouldBe(theirs.Stderr, customMessage: command);
        ours.Stdout.ShouldBe(theirs.Stdout, customMessage: command);
        ours.StdoutBytes.ShouldBe(theirs.StdoutBytes, customMessage: command);
        ours.ExitCode.ShouldBe(theirs.ExitCode, customMessage: command);
        return ours;
    }

    /// <summary>
    /// A failure: the exit codes and standard output agree, and so do the first and last lines of standard error
    /// (mtls prints one reason line where openssl dumps its error queue in between).
    /// </summary>
    public static ProcessResult SameFailure(params string[] args)
    {
        OpenSslPeer.Require();
        ProcessResult ours = Mtls.Run(args);
        ProcessResult theirs = OpenSslPeer.TryRun(null, args);
        string command = "openssl " + string.Join(' ', args);
        ours.ExitCode.ShouldBe(theirs.ExitCode, customMessage: command);
        ours.ExitCode.ShouldNotBe(0, customMessage: command);
        ours.Stdout.ShouldBe(theirs.Stdout, customMessage: command);
        string[] mine = Lines(ours.Stderr);
        string[] openssl = Lines(theirs.Stderr);
        mine[0].ShouldBe(openssl[0], customMessage: command);
        if (!IsErrorQueueLine(openssl[^1]))
        {
            mine[^1].ShouldBe(openssl[^1], customMessage: command);
        }

        return ours;
    }

    // OpenSSL's error-queue lines start with the thread id: "40C7AFB3D07F0000:error:...".
    private static bool IsErrorQueueLine(string line) => line.Contains(":error:", StringComparison.Ordinal);

    private static string[] Lines(string text) => text.TrimEnd('\n').Split('\n');
}
