using ManagedTls.Tests.TestSupport;
using ManagedTls.Tls;
using ManagedTls.Tls.Suites;
using Shouldly;
using Xunit;

namespace ManagedTls.Tests.Tls.Suites;

public class OpenSslCipherStringTests
{
    [Theory]
    [InlineData("HIGH", null)]
    [InlineData("HIGH@SECLEVEL=0", 0)]
    [InlineData("DEFAULT:@SECLEVEL=2", 2)]
    [InlineData("@SECLEVEL=1:ALL:@SECLEVEL=5", 5)]
    [InlineData("ECDHE+AESGCM @SECLEVEL=3", 3)]
    public void Parse_SecLevel_IsReported(string cipherString, int? expected)
    {
        OpenSslCipherString.Parse(cipherString, out int? level);
        level.ShouldBe(expected);
    }

    [Theory]
    [InlineData("ECDHE-RSA-AES128-GCM-SHA256", new[] { TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 })]
    [InlineData("ECDHE-ECDSA-CHACHA20-POLY1305:AES128-SHA", new[] { TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256, TlsCipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA })]
    [InlineData("ECDHE+AESGCM+aECDSA", new[] { TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384, TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 })]
    [InlineData("CHACHA20:!DHE", new[] { TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256, TlsCipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256 })]
    [InlineData("AES128-SHA:AES256-SHA:@STRENGTH", new[] { TlsCipherSuite.TLS_RSA_WITH_AES_256_CBC_SHA, TlsCipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA })]
    [InlineData("SUITEB128ONLY:AES128-SHA", new[] { TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 })]
    public void Parse_KnownStrings_GiveOpenSslOrder(string cipherString, TlsCipherSuite[] expected)
    {
        OpenSslCipherString.Parse(cipherString).ShouldBe(expected);
    }

    [Theory]
    [InlineData("", false)]
    [InlineData("MEDIUM", false)]
    [InlineData("CAMELLIA:ARIA", false)]
    [InlineData("TLS_AES_128_GCM_SHA256", false)]
    [InlineData("HIGH:!HIGH", false)]
    [InlineData("HIGH+", true)]
    [InlineData("HIGH:(AES)", true)]
    [InlineData("HIGH:@SECLEVEL=9", true)]
    [InlineData("HIGH:@RANDOM", true)]
    public void Parse_Rejections_AreTyped(string cipherString, bool invalidCommand)
    {
        TlsCipherStringException e = Should.Throw<TlsCipherStringException>(() => OpenSslCipherString.Parse(cipherString));
        e.IsInvalidCommand.ShouldBe(invalidCommand);
        e.Message.ShouldStartWith(invalidCommand ? "invalid command" : "no cipher match");
    }

    [Theory]
    [InlineData("TLS_AES_128_GCM_SHA256", new[] { TlsCipherSuite.TLS_AES_128_GCM_SHA256 })]
    [InlineData("TLS_CHACHA20_POLY1305_SHA256:TLS_AES_256_GCM_SHA384", new[] { TlsCipherSuite.TLS_CHACHA20_POLY1305_SHA256, TlsCipherSuite.TLS_AES_256_GCM_SHA384 })]
    [InlineData(" TLS_AES_128_CCM_SHA256 :nonsense:TLS_AES_128_GCM_SHA256", new[] { TlsCipherSuite.TLS_AES_128_CCM_SHA256, TlsCipherSuite.TLS_AES_128_GCM_SHA256 })]
    [InlineData("TLS_AES_128_GCM_SHA256:TLS_AES_128_GCM_SHA256", new[] { TlsCipherSuite.TLS_AES_128_GCM_SHA256, TlsCipherSuite.TLS_AES_128_GCM_SHA256 })]
    [InlineData("", new TlsCipherSuite[0])]
    public void ParseTls13_KeepsOrderAndSkipsUnknownNames(string ciphersuites, TlsCipherSuite[] expected)
    {
        OpenSslCipherString.ParseTls13(ciphersuites).ShouldBe(expected);
    }

    [Theory]
    [InlineData("nonsense")]
    [InlineData("ECDHE-RSA-AES128-GCM-SHA256")]
    [InlineData("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256")]
    [InlineData(":")]
    public void ParseTls13_NothingKnown_ThrowsNoCipherMatch(string ciphersuites)
    {
        TlsCipherStringException e = Should.Throw<TlsCipherStringException>(() => OpenSslCipherString.ParseTls13(ciphersuites));
        e.IsInvalidCommand.ShouldBeFalse();
    }

    /// <summary>ParseTls13 against <c>openssl ciphers -s -tls1_3 -ciphersuites LIST</c>.</summary>
    [SkippableTheory]
    [InlineData("TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256")]
    [InlineData("TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384")]
    [InlineData("TLS_AES_128_CCM_8_SHA256:TLS_AES_128_CCM_SHA256:TLS_CHACHA20_POLY1305_SHA256")]
    [InlineData("TLS_AES_128_GCM_SHA256: TLS_AES_128_GCM_SHA256 :bogus")]
    [InlineData("bogus")]
    public void ParseTls13_MatchesOpenSsl(string ciphersuites)
    {
        ProcessResult result = OpenSslPeer.TryRun(null, "ciphers", "-s", "-tls1_3", "-ciphersuites", ciphersuites);
        if (result.ExitCode != 0)
        {
            result.Stderr.ShouldContain("no cipher match");
            Should.Throw<TlsCipherStringException>(() => OpenSslCipherString.ParseTls13(ciphersuites));
            return;
        }

        string.Join(':', OpenSslCipherString.ParseTls13(ciphersuites)).ShouldBe(result.Stdout.Trim());
    }
}
