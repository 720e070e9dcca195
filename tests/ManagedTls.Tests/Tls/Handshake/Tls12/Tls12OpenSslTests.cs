using System.Net;
using System.Net.Sockets;
using System.Text;
using ManagedTls.Keys;
using ManagedTls.Tls;
using ManagedTls.X509.Verification;

namespace ManagedTls.Tests.Tls.Handshake.Tls12;

/// <summary>TLS 1.2 against the real openssl both ways over loopback (the full matrix is the cli engineer's, Tls/Interop).</summary>
public sealed class Tls12OpenSslTests
{
    [SkippableTheory]
    [InlineData("ecdsa-p256", "ECDHE-ECDSA-AES128-GCM-SHA256", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", null, true)]
    [InlineData("ecdsa-p256", "ECDHE-ECDSA-CHACHA20-POLY1305", "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", null, false)]
    [InlineData("rsa2048", "ECDHE-RSA-AES256-GCM-SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", null, true)]
    [InlineData("rsa2048", "ECDHE-RSA-CHACHA20-POLY1305", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256", null, true)]
    [InlineData("rsa2048", "DHE-RSA-AES128-GCM-SHA256", "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256", null, true)]
    [InlineData("rsa2048", "DHE-RSA-CHACHA20-POLY1305", "TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256", "dh2048", false)]
    public void Client_AgainstOpenSslServer_ReadsWwwPage(string identity, string cipher, string suite, string? dhparam, bool offerEms)
    {
        string? dhFile = null;
        var args = new List<string> { "s_server", "-accept", "0", "-www", "-tls1_2", "-cipher", cipher,
            "-cert", TlsTestKit.VectorPath(identity + ".pem"), "-key", TlsTestKit.VectorPath(identity + ".key") };
        int port = OpenSslProcess.FreePort();
        args[2] = port.ToString();
        if (dhparam is not null)
        {
            dhFile = Path.GetTempFileName();
            File.WriteAllText(dhFile, ManagedTls.Tests.Keys.DhParametersTests.Dh2048Pem);
            args.AddRange(["-dhparam", dhFile]);
        }

        try
        {
            using OpenSslProcess server = OpenSslProcess.Start([.. args]);
            server.WaitFor("ACCEPT");
            TlsClientOptions options = TlsTestKit.Client(o =>
            {
                o.MaxVersion = TlsProtocolVersion.Tls12;
                if (!offerEms)
                {
                    o.ClientHelloExtensionsHook = list => list.Where(e => e.Type != TlsExtensionType.ExtendedMasterSecret).ToList();
                }
            });
            using TlsConnection client = TlsConnection.CreateClient(options);
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            socket.Connect(IPAddress.Loopback, port);
            string page = OpenSslProcess.FetchPage(client, socket);

            client.Failure.ShouldBeNull();
            client.NegotiatedVersion.ShouldBe(TlsProtocolVersion.Tls12);
            client.NegotiatedCipherSuite.ToString().ShouldBe(suite);
            client.PeerVerifyResult.ShouldBe(X509VerifyError.Ok);
            page.ShouldContain("Protocol  : TLSv1.2");
            page.ShouldContain(cipher);
            page.ShouldContain($"Extended master secret: {(offerEms ? "yes" : "no")}");
        }
        finally
        {
            if (dhFile is not null)
            {
                File.Delete(dhFile);
            }
        }
    }

    [SkippableTheory]
    [InlineData("ecdsa-p256", "ECDHE-ECDSA-AES256-GCM-SHA384", "X25519:P-256", null)]
    [InlineData("ecdsa-p256", "ECDHE-ECDSA-CHACHA20-POLY1305", "P-256", "ECDSA+SHA256")]
    [InlineData("rsa2048", "ECDHE-RSA-AES128-GCM-SHA256", "P-384", "RSA-PSS+SHA256")]
    [InlineData("rsa2048", "ECDHE-RSA-CHACHA20-POLY1305", "X25519", "RSA+SHA384")]
    [InlineData("rsa2048", "DHE-RSA-AES256-GCM-SHA384", "X25519", null)] // OpenSSL 3.0 lists no ffdhe group for TLS 1.2: ffdhe2048
    [InlineData("rsa2048", "DHE-RSA-CHACHA20-POLY1305", "P-521", null)] // and here our loaded 2048-bit parameters
    public void Server_AgainstOpenSslClient_EchoesAndReportsEms(string identity, string cipher, string groups, string? sigalgs)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var args = new List<string> { "s_client", "-connect", "127.0.0.1:" + port, "-tls1_2", "-cipher", cipher, "-groups", groups,
            "-CAfile", TlsTestKit.VectorPath("ca.pem"), "-verify_return_error", "-servername", "localhost" };
        if (sigalgs is not null)
        {
            args.AddRange(["-sigalgs", sigalgs]);
        }

        using OpenSslProcess client = OpenSslProcess.Start([.. args]);
        using Socket socket = listener.AcceptSocket();
        listener.Stop();
        bool ignoreEms = groups == "P-384";
        using TlsConnection server = TlsConnection.CreateServer(TlsTestKit.Server(identity, o =>
        {
            o.DhParameters = groups == "P-521" ? DhParameters.Load(ManagedTls.Tests.Keys.DhParametersTests.Dh2048Pem) : null;
            o.IgnoreExtendedMasterSecret = ignoreEms;
        }));

        try
        {
            OpenSslProcess.Drive(server, socket, () => server.IsHandshakeComplete);
        }
        catch (TlsException e)
        {
            Thread.Sleep(300);
            throw new InvalidOperationException($"{e.Message}; openssl said:\n{client.Output}", e);
        }

        server.Failure.ShouldBeNull();
        client.WaitFor("Extended master secret");
        client.WriteStdin("hello from openssl\n");
        var received = new StringBuilder();
        OpenSslProcess.Drive(server, socket, () =>
        {
            if (server.PlaintextAvailable > 0)
            {
                received.Append(Encoding.ASCII.GetString(TlsTestKit.ReadAll(server)));
            }

            return received.ToString().Contains('\n');
        });
        server.Write(Encoding.ASCII.GetBytes("hello from ManagedTls\n"));
        server.SendCloseNotify();
        OpenSslProcess.Drive(server, socket, () => true);
        client.WaitFor("hello from ManagedTls");

        received.ToString().ShouldBe("hello from openssl\n");
        server.NegotiatedVersion.ShouldBe(TlsProtocolVersion.Tls12);
        client.Output.ShouldContain("Protocol  : TLSv1.2");
        client.Output.ShouldContain("Cipher    : " + cipher);
        client.Output.ShouldContain("Verify return code: 0 (ok)");
        client.Output.ShouldContain($"Extended master secret: {(ignoreEms ? "no" : "yes")}");
        if (cipher.StartsWith("DHE", StringComparison.Ordinal))
        {
            server.NegotiatedGroup.ShouldBe(groups == "P-521" ? null : TlsNamedGroup.Ffdhe2048);
        }
    }

    [SkippableFact]
    public void Client_ServerWithUntrustedCertificate_FailsWithUnknownCaAndOpenSslSeesTheAlert()
    {
        int port = OpenSslProcess.FreePort();
        using OpenSslProcess server = OpenSslProcess.Start("s_server", "-accept", port.ToString(), "-www", "-tls1_2",
            "-cert", TlsTestKit.VectorPath("rsa2048.pem"), "-key", TlsTestKit.VectorPath("rsa2048.key"));
        server.WaitFor("ACCEPT");
        using TlsConnection client = TlsConnection.CreateClient(TlsTestKit.Client(o => { o.MaxVersion = TlsProtocolVersion.Tls12; o.TrustStore = new TrustStore(); }));
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Connect(IPAddress.Loopback, port);

        Should.Throw<TlsException>(() => OpenSslProcess.Drive(client, socket, () => client.IsHandshakeComplete));

        client.Failure.ShouldNotBeNull().Alert.ShouldBe(TlsAlertDescription.UnknownCa);
        OpenSslProcess.Drive(client, socket, () => true);
        server.WaitFor("alert unknown ca");
    }
}
