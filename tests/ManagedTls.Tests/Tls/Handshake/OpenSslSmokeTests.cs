using System.Net;
using System.Net.Sockets;
using System.Text;
using ManagedTls.Tls;
using ManagedTls.X509.Verification;

namespace ManagedTls.Tests.Tls.Handshake;

/// <summary>Early wire-format smoke tests against the real openssl (the big interop matrix lives in Tls/Interop).</summary>
public class OpenSslSmokeTests
{
    [SkippableTheory]
    [InlineData("ecdsa-p256", "TLS_AES_128_GCM_SHA256", "X25519")]
    [InlineData("rsapss2048", "TLS_AES_256_GCM_SHA384", "P-256")]
    [InlineData("ed25519", "TLS_CHACHA20_POLY1305_SHA256", "P-384")]
    public void Client_AgainstOpenSslServer_CompletesAndReadsWwwPage(string identity, string suite, string group)
    {
        int port = OpenSslProcess.FreePort();
        using OpenSslProcess server = OpenSslProcess.Start("s_server", "-accept", port.ToString(), "-www", "-tls1_3",
            "-cert", TlsTestKit.VectorPath(identity + ".pem"), "-key", TlsTestKit.VectorPath(identity + ".key"),
            "-ciphersuites", suite, "-groups", group);
        server.WaitFor("ACCEPT");

        TlsClientOptions options = TlsTestKit.Client(o => o.Groups = [TlsNamedGroup.X25519, TlsNamedGroup.Secp256r1, TlsNamedGroup.Secp384r1]);
        using TlsConnection client = TlsConnection.CreateClient(options);
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Connect(IPAddress.Loopback, port);
        string page = OpenSslProcess.FetchPage(client, socket);

        client.Failure.ShouldBeNull();
        client.NegotiatedVersion.ShouldBe(TlsProtocolVersion.Tls13);
        client.NegotiatedCipherSuite.ToString().ShouldBe(suite);
        client.PeerVerifyResult.ShouldBe(X509VerifyError.Ok);
        page.ShouldContain("Protocol  : TLSv1.3");
        page.ShouldContain(suite);
    }

    [SkippableTheory]
    [InlineData("ecdsa-p256", "TLS_AES_256_GCM_SHA384", "X25519")]
    [InlineData("rsa2048", "TLS_CHACHA20_POLY1305_SHA256", "P-256")]
    [InlineData("ed448", "TLS_AES_128_GCM_SHA256", "P-521")]
    public void Server_AgainstOpenSslClient_CompletesAndEchoes(string identity, string suite, string group)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using OpenSslProcess client = OpenSslProcess.Start("s_client", "-connect", "127.0.0.1:" + port, "-brief", "-tls1_3",
            "-CAfile", TlsTestKit.VectorPath("ca.pem"), "-verify_return_error", "-servername", "localhost",
            "-ciphersuites", suite, "-groups", group);
        using Socket socket = listener.AcceptSocket();
        listener.Stop();

        using TlsConnection server = TlsConnection.CreateServer(TlsTestKit.Server(identity, o => o.Groups = [TlsNamedGroup.X25519, TlsNamedGroup.Secp256r1, TlsNamedGroup.Secp521r1]));
        OpenSslProcess.Drive(server, socket, () => server.IsHandshakeComplete);
        server.Failure.ShouldBeNull();
        client.WaitFor("CONNECTION ESTABLISHED");
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
        server.NegotiatedCipherSuite.ToString().ShouldBe(suite);
        server.ServerName.ShouldBe("localhost");
        client.Output.ShouldContain("Protocol version: TLSv1.3");
        client.Output.ShouldContain("Ciphersuite: " + suite);
        client.Output.ShouldContain("Verification: OK");
    }

    [SkippableFact]
    public void Client_AgainstOpenSslServer_HelloRetryRequestAndKeyUpdateThenReadsPage()
    {
        int port = OpenSslProcess.FreePort();
        using OpenSslProcess server = OpenSslProcess.Start("s_server", "-accept", port.ToString(), "-www", "-tls1_3",
            "-cert", TlsTestKit.VectorPath("ecdsa-p256.pem"), "-key", TlsTestKit.VectorPath("ecdsa-p256.key"), "-groups", "P-384");
        server.WaitFor("ACCEPT");

        using TlsConnection client = TlsConnection.CreateClient(TlsTestKit.Client(o => o.Groups = [TlsNamedGroup.X25519, TlsNamedGroup.Secp384r1]));
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Connect(IPAddress.Loopback, port);
        OpenSslProcess.Drive(client, socket, () => client.IsHandshakeComplete);
        client.HelloRetryRequested.ShouldBeTrue();
        client.NegotiatedGroup.ShouldBe(TlsNamedGroup.Secp384r1);

        client.SendKeyUpdate(requestPeerUpdate: true);
        string page = OpenSslProcess.FetchPage(client, socket);

        client.Failure.ShouldBeNull();
        page.ShouldContain("Protocol  : TLSv1.3");
    }

    [SkippableFact]
    public void Server_AgainstOpenSslClient_HelloRetryRequestAndClientCertificate()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using OpenSslProcess client = OpenSslProcess.Start("s_client", "-connect", "127.0.0.1:" + port, "-brief", "-tls1_3",
            "-CAfile", TlsTestKit.VectorPath("ca.pem"), "-verify_return_error", "-groups", "X25519:P-256",
            "-cert", TlsTestKit.VectorPath("ed25519.pem"), "-key", TlsTestKit.VectorPath("ed25519.key"));
        using Socket socket = listener.AcceptSocket();
        listener.Stop();

        using TlsConnection server = TlsConnection.CreateServer(TlsTestKit.Server("rsapss2048", o =>
        {
            o.Groups = [TlsNamedGroup.Secp256r1];
            o.VerifyMode = TlsVerifyMode.Peer | TlsVerifyMode.FailIfNoPeerCertificate;
        }));
        OpenSslProcess.Drive(server, socket, () => server.IsHandshakeComplete);
        server.Failure.ShouldBeNull();
        server.HelloRetryRequested.ShouldBeTrue();
        server.NegotiatedGroup.ShouldBe(TlsNamedGroup.Secp256r1);
        server.PeerCertificates[0].ShouldBe(TlsTestKit.Identity("ed25519").Leaf); // openssl appends the CA it found
        server.PeerVerifyResult.ShouldBe(X509VerifyError.Ok);
        server.PeerSignatureScheme.ShouldBe(TlsSignatureScheme.Ed25519);
        client.WaitFor("CONNECTION ESTABLISHED");
        server.SendKeyUpdate(requestPeerUpdate: true);
        server.Write(Encoding.ASCII.GetBytes("after key update\n"));
        OpenSslProcess.Drive(server, socket, () => true);
        client.WaitFor("after key update");
        client.WriteStdin("reply\n");
        var received = new StringBuilder();
        OpenSslProcess.Drive(server, socket, () =>
        {
            if (server.PlaintextAvailable > 0)
            {
                received.Append(Encoding.ASCII.GetString(TlsTestKit.ReadAll(server)));
            }

            return received.ToString().Contains('\n');
        });
        received.ToString().ShouldBe("reply\n");
    }
}
