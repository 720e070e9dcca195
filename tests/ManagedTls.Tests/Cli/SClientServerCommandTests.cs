using System.Text;
using ManagedTls.Tests.TestSupport;
using ManagedTls.Tests.Tls.Interop;

namespace ManagedTls.Tests.Cli;

/// <summary>
/// <c>mtls s_client</c> and <c>mtls s_server</c>: their flags, and their output beside the real openssl's against the
/// same peer (the lines both print must be equal).
/// </summary>
public sealed class SClientServerCommandTests(InteropIdentities ids) : IClassFixture<InteropIdentities>
{
    private static readonly byte[] s_get = Encoding.ASCII.GetBytes("GET / HTTP/1.0\r\n\r\n");

    [Theory]
    [InlineData("s_client", "-connect -servername -CAfile -CApath -verify_return_error -cert -key -tls1_2 -tls1_3 -ciphersuites -cipher -groups -sigalgs -brief -quiet -ign_eof")]
    [InlineData("s_server", "-accept -cert -key -cert_chain -CAfile -Verify -verify -www -tls1_2 -tls1_3 -ciphersuites -cipher -groups -naccept")]
    public void Help_ListsExactlyTheIssuesFlags(string verb, string flags)
    {
        ProcessResult result = Mtls.Run(verb, "-help");

        result.ExitCode.ShouldBe(0);
        string[] listed = result.Stderr.Split('\n')
            .Where(l => l.StartsWith(" -", StringComparison.Ordinal))
            .Select(l => l.Trim().Split(' ')[0])
            .Where(f => f != "-help")
            .ToArray();
        listed.OrderBy(f => f, StringComparer.Ordinal).ShouldBe(flags.Split(' ').OrderBy(f => f, StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("s_client", "-bogus", "Unknown option: -bogus")]
    [InlineData("s_client", "-groups", "Option -groups needs a value")]
    [InlineData("s_server", "-naccept", "Option -naccept needs a value")]
    public void BadFlags_AreUsageErrors(string verb, string flag, string message)
    {
        ProcessResult result = Mtls.Run(verb, flag);

        result.ExitCode.ShouldBe(1);
        result.Stderr.ShouldContain(message);
    }

    [Fact]
    public void SClient_UnknownGroup_FailsBeforeConnecting()
    {
        ProcessResult result = Mtls.Run("s_client", "-connect", "127.0.0.1:1", "-groups", "X25519:bogus");

        result.ExitCode.ShouldBe(1);
        result.Stderr.ShouldContain("Error setting groups: unknown name \"bogus\"");
    }

    [Fact]
    public void SClient_NothingListening_ConnectError()
    {
        int port = OpenSslProcess.FreePort();

        ProcessResult result = Mtls.Run("s_client", "-connect", $"127.0.0.1:{port}");

        result.ExitCode.ShouldBe(1);
        result.Stderr.ShouldContain("connect:errno=");
    }

    [SkippableTheory]
    [InlineData("-tls1_3", "TLS_AES_256_GCM_SHA384", "ecdsa")]
    [InlineData("-tls1_3", "TLS_CHACHA20_POLY1305_SHA256", "ed25519")]
    [InlineData("-tls1_2", "ECDHE-RSA-AES128-GCM-SHA256", "rsa")]
    public void SClient_AgainstOpenSslServer_PrintsWhatOpenSslPrints(string version, string cipher, string stem)
    {
        OpenSslPeer.Require();

        string[] cipherArgs = version == "-tls1_3" ? ["-ciphersuites", cipher] : ["-cipher", cipher];
        using OpenSslProcess server = OpenSslProcess.StartServer(ids.Directory,
            ["-cert", stem + ".pem", "-key", stem + ".key", "-www", "-naccept", "2", version, .. cipherArgs]);
        string[] clientArgs = ["-connect", $"127.0.0.1:{server.Port}", "-servername", "localhost", "-CAfile", ids.Path("ca.pem"), "-ign_eof"];

        ProcessResult ours = Mtls.RunWithInput(s_get, ["s_client", .. clientArgs]);
        ProcessResult theirs = OpenSslPeer.RunWithInput(s_get, ["s_client", .. clientArgs]);

        ours.ExitCode.ShouldBe(0, ours.Stderr);
        string text = ours.Text();
        text.ShouldStartWith("CONNECTED(");
        text.ShouldContain("HTTP/1.0 200 ok");
        string protocol = version == "-tls1_3" ? "TLSv1.3" : "TLSv1.2";
        text.ShouldContain($"New, {protocol}, Cipher is {cipher}");
        text.ShouldContain($"    Protocol  : {protocol}");
        foreach (string prefix in new[] { "Certificate chain", " 0 s:", "   i:", "   a:PKEY:", "   v:NotBefore:", "subject=", "issuer=", "Peer signing digest:",
            "Peer signature type:", "Server Temp Key:", "Verification:", "New, ", "Server public key is", "Secure Renegotiation", "Compression:",
            "Expansion:", "No ALPN", "Verify return code:" })
        {
            Lines(text, prefix).ShouldBe(Lines(theirs.Stdout, prefix), $"lines starting with \"{prefix}\"\n--- ours\n{text}\n--- openssl\n{theirs.Stdout}");
        }

        ours.Stderr.ShouldContain("depth=0 CN = localhost\nverify return:1");
    }

    [SkippableFact]
    public void SClient_Brief_SummaryOnStderrLikeOpenSsl()
    {
        using OpenSslProcess server = OpenSslProcess.StartServer(ids.Directory,
            ["-cert", "ecdsa.pem", "-key", "ecdsa.key", "-www", "-naccept", "2", "-tls1_3", "-ciphersuites", "TLS_AES_128_GCM_SHA256"]);
        string[] clientArgs = ["s_client", "-connect", $"127.0.0.1:{server.Port}", "-servername", "localhost", "-CAfile", ids.Path("ca.pem"), "-brief", "-ign_eof"];

        ProcessResult ours = Mtls.RunWithInput(s_get, clientArgs);
        ProcessResult theirs = OpenSslPeer.RunWithInput(s_get, clientArgs);

        ours.ExitCode.ShouldBe(0, ours.Stderr);
        string expected = Block(theirs.Stderr, "CONNECTION ESTABLISHED", "Server Temp Key:");
        Block(ours.Stderr, "CONNECTION ESTABLISHED", "Server Temp Key:").ShouldBe(expected);
        expected.ShouldContain("Ciphersuite: TLS_AES_128_GCM_SHA256");
        ours.Text().ShouldStartWith("HTTP/1.0 200 ok");
    }

    [SkippableFact]
    public void SClient_Quiet_OnlyTheData()
    {
        using OpenSslProcess server = OpenSslProcess.StartServer(ids.Directory, ["-cert", "ecdsa.pem", "-key", "ecdsa.key", "-www", "-naccept", "1"]);

        ProcessResult ours = Mtls.RunWithInput(s_get, "s_client", "-connect", $"127.0.0.1:{server.Port}", "-CAfile", ids.Path("ca.pem"), "-quiet");

        ours.ExitCode.ShouldBe(0, ours.Stderr);
        ours.Text().ShouldStartWith("HTTP/1.0 200 ok\r\n");
        ours.Text().ShouldEndWith("</pre></BODY></HTML>\r\n\r\n");
    }

    [SkippableFact]
    public void SClient_VerifyReturnError_UntrustedServer_FailsAndOpenSslSeesUnknownCa()
    {
        using OpenSslProcess server = OpenSslProcess.StartServer(ids.Directory, ["-cert", "rogue.pem", "-key", "rogue.key", "-www", "-naccept", "1"]);

        ProcessResult ours = Mtls.RunWithInput(s_get, "s_client", "-connect", $"127.0.0.1:{server.Port}", "-servername", "localhost",
            "-CAfile", ids.Path("ca.pem"), "-verify_return_error");

        ours.ExitCode.ShouldBe(1);
        ours.Stderr.ShouldContain("verify error:num=18:self-signed certificate");
        ours.Stderr.ShouldContain("verify return:0");
        server.WaitForOutput("alert unknown ca", LoopbackTls.Timeout).ShouldBeTrue(server.Transcript);
    }

    [SkippableTheory]
    [InlineData("-tls1_3", "TLS_AES_128_GCM_SHA256", "ecdsa")]
    [InlineData("-tls1_2", "ECDHE-ECDSA-AES128-GCM-SHA256", "ecdsa")]
    [InlineData("-tls1_2", "DHE-RSA-CHACHA20-POLY1305", "rsa")]
    public async Task SServer_Www_OpenSslClientGetsThePage(string version, string cipher, string stem)
    {
        OpenSslPeer.Require();

        int port = OpenSslProcess.FreePort();
        string[] cipherArgs = version == "-tls1_3" ? ["-ciphersuites", cipher] : ["-cipher", cipher];
        Task<ProcessResult> server = Task.Run(() => Mtls.Run(["s_server", "-accept", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-cert", ids.Path(stem + ".pem"), "-key", ids.Path(stem + ".key"), "-www", "-naccept", "1", version, .. cipherArgs]));
        OpenSslProcess.WaitForListener(port, LoopbackTls.Timeout, () => server.IsCompleted).ShouldBeTrue();

        ProcessResult client = OpenSslPeer.RunWithInput(s_get, "s_client", "-connect", $"127.0.0.1:{port}", "-servername", "localhost",
            "-CAfile", ids.Path("ca.pem"), "-verify_return_error", "-ign_eof");
        ProcessResult served = await server.WaitAsync(LoopbackTls.Timeout);

        served.ExitCode.ShouldBe(0, served.Stderr);
        served.Text().ShouldStartWith("ACCEPT\n");
        string protocol = version == "-tls1_3" ? "TLSv1.3" : "TLSv1.2";
        client.Stdout.ShouldContain($"New, {protocol}, Cipher is {cipher}"); // openssl's own summary
        string page = client.Stdout[client.Stdout.IndexOf("HTTP/1.0 200 ok", StringComparison.Ordinal)..];
        page.ShouldContain($"New, {protocol}, Cipher is {cipher}");
        page.ShouldContain($"    Protocol  : {protocol}");
        page.ShouldContain($"    Cipher    : {cipher}");
        page.ShouldContain("no client certificate available");
    }

    [SkippableFact]
    public async Task SServer_VerifyUppercase_ClientWithoutCertificate_GetsCertificateRequired()
    {
        OpenSslPeer.Require();
        int port = OpenSslProcess.FreePort();
        Task<ProcessResult> server = Task.Run(() => Mtls.Run("s_server", "-accept", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-cert", ids.Path("ecdsa.pem"), "-key", ids.Path("ecdsa.key"), "-CAfile", ids.Path("ca.pem"), "-Verify", "1", "-www", "-naccept", "1", "-tls1_3"));
        OpenSslProcess.WaitForListener(port, LoopbackTls.Timeout, () => server.IsCompleted).ShouldBeTrue();

        ProcessResult client = OpenSslPeer.TryRun(s_get, "s_client", "-connect", $"127.0.0.1:{port}", "-CAfile", ids.Path("ca.pem"), "-ign_eof");
        ProcessResult served = await server.WaitAsync(LoopbackTls.Timeout);

        client.Stderr.ShouldContain("alert certificate required");
        served.Stderr.ShouldContain("ERROR");
    }

    [SkippableFact]
    public async Task SServer_VerifyUppercase_ClientCertificate_ShownOnThePage()
    {
        OpenSslPeer.Require();
        int port = OpenSslProcess.FreePort();
        Task<ProcessResult> server = Task.Run(() => Mtls.Run("s_server", "-accept", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-cert", ids.Path("ecdsa.pem"), "-key", ids.Path("ecdsa.key"), "-CAfile", ids.Path("ca.pem"), "-Verify", "1", "-www", "-naccept", "1"));
        OpenSslProcess.WaitForListener(port, LoopbackTls.Timeout, () => server.IsCompleted).ShouldBeTrue();

        ProcessResult client = OpenSslPeer.RunWithInput(s_get, "s_client", "-connect", $"127.0.0.1:{port}", "-CAfile", ids.Path("ca.pem"),
            "-cert", ids.Path("client.pem"), "-key", ids.Path("client.key"), "-ign_eof");
        ProcessResult served = await server.WaitAsync(LoopbackTls.Timeout);

        served.ExitCode.ShouldBe(0, served.Stderr);
        served.Stderr.ShouldContain("depth=0 CN = interop client\nverify return:1");
        client.Stdout.ShouldContain("Client certificate\n", Case.Sensitive);
        client.Stdout.ShouldContain("Subject: CN = interop client", Case.Sensitive); // `openssl x509 -text`'s name form
    }

    // The summary only: the -www page that follows comes from the server and describes its own view.
    private static string[] Lines(string text, string prefix) =>
        text[..Math.Max(0, text.IndexOf("HTTP/1.0 200 ok", StringComparison.Ordinal))].Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Where(l => l.StartsWith(prefix, StringComparison.Ordinal))
            .Select(l => l.StartsWith("   v:", StringComparison.Ordinal) || l.StartsWith("SSL handshake", StringComparison.Ordinal) ? prefix : l).ToArray();

    private static string Block(string text, string first, string lastPrefix)
    {
        int start = text.IndexOf(first, StringComparison.Ordinal);
        start.ShouldBeGreaterThanOrEqualTo(0, text);
        int last = text.IndexOf(lastPrefix, start, StringComparison.Ordinal);
        int end = text.IndexOf('\n', last);
        return text[start..end];
    }
}
