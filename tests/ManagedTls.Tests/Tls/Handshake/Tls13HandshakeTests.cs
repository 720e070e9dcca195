using System.Text;
using ManagedTls.Tls;
using ManagedTls.X509.Verification;

namespace ManagedTls.Tests.Tls.Handshake;

public class Tls13HandshakeTests
{
    [Fact]
    public void Handshake_DefaultOptions_CompletesWithTls13AndExchangesData()
    {
        (TlsConnection client, TlsConnection server) = TlsTestKit.Handshake(TlsTestKit.Client(), TlsTestKit.Server());
        client.IsHandshakeComplete.ShouldBeTrue();
        server.IsHandshakeComplete.ShouldBeTrue();
        client.NegotiatedVersion.ShouldBe(TlsProtocolVersion.Tls13);
        client.NegotiatedCipherSuite.ShouldBe(TlsCipherSuite.TLS_AES_256_GCM_SHA384);
        server.NegotiatedCipherSuite.ShouldBe(TlsCipherSuite.TLS_AES_256_GCM_SHA384);
        client.NegotiatedGroup.ShouldBe(TlsNamedGroup.X25519);
        client.PeerVerifyResult.ShouldBe(X509VerifyError.Ok);
        client.PeerSignatureScheme.ShouldBe(TlsSignatureScheme.EcdsaSecp256r1Sha256);
        server.ServerName.ShouldBe("localhost");
        client.LocalFinished.ShouldBe(server.PeerFinished);
        server.LocalFinished.ShouldBe(client.PeerFinished);
        client.StateString.ShouldBe("SSL negotiation finished successfully");

        client.Write(Encoding.ASCII.GetBytes("ping"));
        TlsTestKit.Pump(client, server);
        Encoding.ASCII.GetString(TlsTestKit.ReadAll(server)).ShouldBe("ping");
        server.Write(Encoding.ASCII.GetBytes("pong"));
        TlsTestKit.Pump(client, server);
        Encoding.ASCII.GetString(TlsTestKit.ReadAll(client)).ShouldBe("pong");
    }
}
