using ManagedTls.Tests.TestSupport;

namespace ManagedTls.Tests.Cli;

/// <summary>Checks a hand-written expectation against the openssl binary too, when it is installed (no skip otherwise).</summary>
internal static class OpenSslAgreement
{
    private static readonly Lazy<bool> s_present = new(() => ProcessRunner.FindOnPath("openssl") is not null);

    /// <summary>openssl's stderr for the same arguments starts with <paramref name="expected"/> and it exits 1.</summary>
    public static void StderrStartsWith(string[] args, string expected)
    {
        if (s_present.Value)
        {
            ProcessResult theirs = OpenSslPeer.TryRun([], args);
            theirs.Stderr.ShouldStartWith(expected, customMessage: $"openssl {string.Join(' ', args)}");
            theirs.ExitCode.ShouldBe(1);
        }
    }
}
