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
        client.Write(Encoding.ASCII.GetBytes("GET / HTTP/1.0\r\n\r\n"));
        var page = new StringBuilder();
        OpenSslProcess.Drive(client, socket, () =>
        {
            if (client.PlaintextAvailable > 0)
            {
                page.Append(Encoding.ASCII.GetString(TlsTestKit.ReadAll(client)));
            }

            return client.ReceivedCloseNotify;
        });

        client.Failure.ShouldBeNull();
        client.NegotiatedVersion.ShouldBe(TlsProtocolVersion.Tls13);
        client.NegotiatedCipherSuite.ToString().ShouldBe(suite);
        client.PeerVerifyResult.ShouldBe(X509VerifyError.Ok);
        page.ToString().ShouldContain("Protocol  : TLSv1.3");
        page.ToString().ShouldContain(suite);
    }
}
