namespace ManagedTls.OpenSsl.Tests.TestSupport;

/// <summary>
/// The <c>openssl</c> binary as a test peer. <see cref="Require"/> skips the test with the reason printed when it
/// is not installed (a user's bare machine); <c>.ci/run</c> installs it, so in CI these tests always run.
/// </summary>
internal static class OpenSslPeer
{
    private static readonly Lazy<string?> s_path = new(() => ProcessRunner.FindOnPath("openssl"));

    public static string Require()
    {
        Skip.If(s_path.Value is null, "the openssl binary is not on PATH; this interop test needs it as a peer (.ci/run installs it).");
        return s_path.Value!;
    }

    /// <summary>Runs <c>openssl</c> with the arguments and fails the test on a non-zero exit.</summary>
    public static ProcessResult Run(params string[] args) => RunWithInput(null, args);

    public static ProcessResult RunWithInput(byte[]? stdin, params string[] args)
    {
        string path = Require();
        ProcessResult result = ProcessRunner.Run(path, args, stdin);
        result.ExitCode.ShouldBe(0, $"openssl {string.Join(' ', args)} failed: {result.Stderr}");
        return result;
    }

    /// <summary>Runs <c>openssl</c> and returns the result whatever the exit code.</summary>
    public static ProcessResult TryRun(byte[]? stdin, params string[] args) => ProcessRunner.Run(Require(), args, stdin);
}
