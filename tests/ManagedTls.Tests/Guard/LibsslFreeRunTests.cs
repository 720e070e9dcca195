using System.Runtime.InteropServices;
using ManagedTls.Cli;
using ManagedTls.Tests.TestSupport;
using Xunit.Abstractions;

namespace ManagedTls.Tests.Guard;

/// <summary>
/// The proof behind "no native OpenSSL, ever": the built <c>mtls</c> runs in a private mount namespace where every
/// libssl/libcrypto file has /dev/null bind-mounted over it. The script (Guard/libssl-free-run.sh) first proves
/// the sabotage bites — <c>openssl version</c> fails, and the same <c>dotnet</c> with a startup hook calling
/// <c>RandomNumberGenerator</c> aborts — then runs the verbs, which must all succeed.
/// </summary>
public class LibsslFreeRunTests(ITestOutputHelper output)
{
    private static readonly string s_script = Path.Combine(SharedVectors.RepositoryRoot, "tests", "ManagedTls.Tests", "Guard", "libssl-free-run.sh");

    [SkippableFact]
    public void Mtls_WithoutLibsslAndLibcrypto_RunsDemo()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "the libssl-less run needs Linux mount namespaces");
        string? unshare = ProcessRunner.FindOnPath("unshare");
        Skip.If(unshare is null, "unshare (util-linux) is not on PATH; .ci/run installs it");
        string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? ProcessRunner.FindOnPath("dotnet")
            ?? throw new InvalidOperationException("dotnet host not found");
        string[] unshareFlags = NamespaceFlags(unshare!);

        // Control: outside the namespace the probe hook works, so its failure inside is the sabotage, not the hook.
        string probe = typeof(StartupHook).Assembly.Location;
        ProcessResult control = ProcessRunner.Run(dotnet, [Mtls.AssemblyPath, "version"], environment: new Dictionary<string, string>
        {
            ["DOTNET_STARTUP_HOOKS"] = probe,
            ["MTLS_GUARD_PROBE"] = "RandomNumberGenerator",
        });
        control.ExitCode.ShouldBe(0, control.Stderr);
        control.Stderr.ShouldContain("guard probe: RandomNumberGenerator returned 16 bytes");

        string runtimeDir = RuntimeEnvironment.GetRuntimeDirectory();
        string dotnetRoot = Path.GetFullPath(Path.Combine(runtimeDir, "..", "..", ".."));
        List<string> args = [.. unshareFlags, "bash", s_script, dotnet, Mtls.AssemblyPath, probe,
            "/usr/lib", "/lib", "/usr/lib64", "/lib64", "/usr/local/lib", "/opt", dotnetRoot, runtimeDir, "--"];
        args.AddRange(!CommandLine.Commands.Any(c => c.Name == "rand") ? ["version"] : ["rand -hex 16", "version"]);
        args.Add("demo");

        ProcessResult run = ProcessRunner.Run(unshare!, args, timeout: TimeSpan.FromMinutes(3));
        output.WriteLine(run.Stdout);
        output.WriteLine(run.Stderr);

        run.ExitCode.ShouldBe(0, $"{run.Stdout}\n{run.Stderr}");
        run.Stdout.ShouldContain("guard: masked ");
        run.Stdout.ShouldContain("proof: RandomNumberGenerator aborts the process");
        run.Stdout.ShouldContain("sign/verify RSA-2048");
        run.Stdout.ShouldNotContain("FAILED");
        run.Stdout.ShouldContain("guard: all commands succeeded without libssl/libcrypto");
    }

    private static string[] NamespaceFlags(string unshare)
    {
        // Root (CI) uses a plain mount namespace; an unprivileged user needs a user namespace too.
        string[][] candidates = [["-m"], ["-r", "-m"]];
        string reasons = string.Empty;
        foreach (string[] flags in candidates)
        {
            ProcessResult probe = ProcessRunner.Run(unshare, [.. flags, "mount", "--bind", "/dev/null", "/dev/null"]);
            if (probe.ExitCode == 0)
            {
                return flags;
            }

            reasons += $" unshare {string.Join(' ', flags)}: {probe.Stderr.Trim()};";
        }

        Skip.If(true, $"cannot create a mount namespace with bind mounts here (not root, or EPERM in a container):{reasons}");
        return [];
    }
}
