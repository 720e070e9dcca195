using ManagedTls.Tests.TestSupport;
using ManagedTls.Tls.Suites;
using Shouldly;
using Xunit;

namespace ManagedTls.Tests.Cli;

/// <summary>
/// <c>mtls ciphers</c> against <c>openssl ciphers</c>: identical output once openssl's output is restricted to the
/// suites ManagedTls knows (names in the colon list, lines in the -v/-V/-stdname listings).
/// </summary>
public class CiphersCommandTests
{
    private const string AllTls13 = "TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256:TLS_AES_128_CCM_SHA256:TLS_AES_128_CCM_8_SHA256";

    public static TheoryData<string[]> AgreeingArguments => new()
    {
        Array.Empty<string>(),
        new[] { "-v" },
        new[] { "-V" },
        new[] { "-stdname" },
        new[] { "-V", "-stdname" },
        new[] { "-s" },
        new[] { "-s", "-tls1_2" },
        new[] { "-s", "-tls1_3" },
        new[] { "-s", "-tls1" },
        new[] { "-s", "-tls1_1", "-v" },
        new[] { "-s", "-tls1_3", "-tls1_2" },
        new[] { "-tls1_3" },
        new[] { "-v", "ALL" },
        new[] { "-V", "ALL:COMPLEMENTOFALL" },
        new[] { "-V", "-s", "-tls1_2", "HIGH:!aRSA" },
        new[] { "-ciphersuites", "TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_CCM_SHA256", "-v" },
        new[] { "-ciphersuites", "TLS_AES_128_GCM_SHA256", "-s", "ECDHE+AESGCM" },
        new[] { "-ciphersuites", "", "-V", "kRSA" },
        new[] { "-s", "ALL@SECLEVEL=4" },
        new[] { "-s", "-V", "-ciphersuites", AllTls13, "ALL:@SECLEVEL=5" },
        new[] { "-s", "-stdname", "-ciphersuites", AllTls13, "DEFAULT:@SECLEVEL=3" },
        new[] { "-psk", "-srp", "-s", "-tls1_2" },
        new[] { "-stdname", "ECDHE-RSA-AES128-GCM-SHA256" },
        new[] { "-s", "-tls1_3", "-ciphersuites", "", "kRSA" },
        new[] { "-v", "--", "-ALL:AES128-SHA" },
        new[] { "-V", "AES128-SHA256:CHACHA20:@STRENGTH" },
        new[] { "-convert", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256" },
        new[] { "-convert", "TLS_AES_128_GCM_SHA256" },
        new[] { "-convert", "NOT_A_SUITE" },
        new[] { "-convert", "ECDHE-RSA-AES128-GCM-SHA256" },
    };

    [SkippableTheory]
    [MemberData(nameof(AgreeingArguments))]
    public void Ciphers_MatchesOpenSslRestrictedToKnownSuites(string[] args)
    {
        ProcessResult theirs = OpenSslPeer.Run(["ciphers", .. args]);
        ProcessResult ours = Mtls.Run(["ciphers", .. args]);
        ours.ExitCode.ShouldBe(0, ours.Stderr);
        ours.Stderr.ShouldBeEmpty();
        ours.Stdout.ShouldBe(RestrictToKnown(theirs.Stdout), "openssl ciphers " + string.Join(' ', args));
    }

    [SkippableTheory]
    [InlineData("BOGUS")]
    [InlineData("HIGH+")]
    [InlineData("HIGH:@SECLEVEL=7")]
    [InlineData("-ciphersuites", "BOGUS")]
    [InlineData("-ciphersuites")]
    [InlineData("HIGH", "extra")]
    [InlineData("-nosuchflag")]
    public void Ciphers_Failures_MatchOpenSsl(params string[] args)
    {
        CliAgreement.SameFailure(["ciphers", .. args]);
    }

    [Fact]
    public void Ciphers_OnlyUnknownSuitesSelected_FailsWithNoCipherMatch()
    {
        // openssl lists Camellia suites here; this library does not know them, so nothing is left.
        ProcessResult ours = Mtls.Run("ciphers", "CAMELLIA");
        ours.ExitCode.ShouldBe(1);
        ours.Stderr.ShouldStartWith("Error in cipher list\nciphers: no cipher match");
    }

    [Fact]
    public void Ciphers_Help_ListsTheFlags()
    {
        ProcessResult ours = Mtls.Run("ciphers", "-help");
        ours.ExitCode.ShouldBe(0);
        ours.Stderr.ShouldStartWith("Usage: ciphers [options] [cipher]\n");
        foreach (string flag in new[] { "-v ", "-V ", "-stdname ", "-convert val ", "-s ", "-tls1_2 ", "-tls1_3 ", "-ciphersuites val " })
        {
            ours.Stderr.ShouldContain(" " + flag);
        }
    }

    private static string RestrictToKnown(string output)
    {
        if (output.StartsWith("OpenSSL cipher name:", StringComparison.Ordinal))
        {
            return output;
        }

        if (output.Contains("Kx=", StringComparison.Ordinal))
        {
            var lines = new List<string>();
            foreach (string line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                foreach (string token in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    if (TlsCipherSuites.FindByName(token) is not null)
                    {
                        lines.Add(line + "\n");
                        break;
                    }
                }
            }

            return string.Concat(lines);
        }

        var names = new List<string>();
        foreach (string name in output.TrimEnd('\n').Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            if (TlsCipherSuites.FindByName(name) is not null)
            {
                names.Add(name);
            }
        }

        return string.Join(':', names) + "\n";
    }
}
