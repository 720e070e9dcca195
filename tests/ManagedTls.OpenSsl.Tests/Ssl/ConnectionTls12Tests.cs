namespace ManagedTls.OpenSsl.Tests;

/// <summary>TLS 1.2 through the facade: <c>TLSv1_2_METHOD</c>, <c>OP_NO_TLSv1_3</c>, ECDHE and DHE with <c>load_tmp_dh</c>.</summary>
public sealed class ConnectionTls12Tests
{
    private static SslPki Pki => SslPki.Instance;

    [Theory]
    [InlineData(SslMethod.Tlsv1_2, SslOptions.None)]
    [InlineData(SslMethod.Tls, SslOptions.NoTlsv1_3)]
    public void Tls12_PinnedOrTls13Disabled_NegotiatesTls12(SslMethod method, SslOptions options)
    {
        Context clientContext = Pki.ClientContext(method);
        clientContext.SetOptions(options);
        var client = new Connection(clientContext);
        var server = new Connection(Pki.ServerContext());

        MemoryPump.Handshake(client, server);

        client.GetProtocolVersionName().ShouldBe("TLSv1.2");
        server.GetProtocolVersion().ShouldBe(SslVersion.Tls1_2);
        client.GetCipherName().ShouldBe("ECDHE-ECDSA-AES256-GCM-SHA384");
        client.GetCipherVersion().ShouldBe("TLSv1.2");
        client.GetCipherBits().ShouldBe(256);
        client.GetFinished().ShouldNotBeNull().Length.ShouldBe(12);
        client.GetFinished().ShouldBe(server.GetPeerFinished());
        client.MasterKey().ShouldNotBeNull().Length.ShouldBe(48);
        client.MasterKey().ShouldBe(server.MasterKey());
        client.ExportKeyingMaterial("EXPERIMENTAL-facade", 20).ShouldBe(server.ExportKeyingMaterial("EXPERIMENTAL-facade", 20));
        client.ExportKeyingMaterial("EXPERIMENTAL-facade", 20, []).ShouldNotBe(client.ExportKeyingMaterial("EXPERIMENTAL-facade", 20));
    }

    [Fact]
    public void Tls12_CipherList_PicksTheListedSuite()
    {
        Context serverContext = Pki.ServerContext(SslMethod.Tlsv1_2);
        serverContext.SetCipherList("ECDHE-ECDSA-CHACHA20-POLY1305");

        (Connection client, Connection server) = Loopback12(Pki.ClientContext(SslMethod.Tlsv1_2), serverContext);

        client.GetCipherName().ShouldBe("ECDHE-ECDSA-CHACHA20-POLY1305");
        server.GetCipherName().ShouldBe("ECDHE-ECDSA-CHACHA20-POLY1305");
    }

    [Fact]
    public void Tls12_DheWithLoadTmpDh_NegotiatesDheRsa()
    {
        var serverContext = new Context(SslMethod.Tlsv1_2);
        serverContext.UseCertificate(Pki.RsaServer);
        serverContext.UsePrivatekey(Pki.RsaKey);
        serverContext.LoadTmpDh(Pki.DhPem);
        serverContext.SetCipherList("DHE-RSA-AES128-GCM-SHA256");
        var clientContext = new Context(SslMethod.Tlsv1_2);
        clientContext.SetCipherList("DHE-RSA-AES128-GCM-SHA256");

        (Connection client, _) = Loopback12(clientContext, serverContext);

        client.GetCipherName().ShouldBe("DHE-RSA-AES128-GCM-SHA256");
        client.GetPeerCertificate()!.GetSubject().CN.ShouldBe("rsa.localhost");
    }

    [Fact]
    public void Tls12_Shutdown_FollowsSslShutdown()
    {
        (Connection client, Connection server) = Loopback12(Pki.ClientContext(SslMethod.Tlsv1_2), Pki.ServerContext());

        client.Shutdown().ShouldBeFalse();
        MemoryPump.Transfer(client, server);
        Should.Throw<ZeroReturnException>(() => server.Recv(10));
        server.Shutdown().ShouldBeTrue();
        MemoryPump.Transfer(server, client);
        client.Shutdown().ShouldBeTrue();
        client.GetShutdown().ShouldBe(ShutdownState.Sent | ShutdownState.Received);
    }

    private static (Connection Client, Connection Server) Loopback12(Context clientContext, Context serverContext)
    {
        var client = new Connection(clientContext);
        var server = new Connection(serverContext);
        MemoryPump.Handshake(client, server);
        return (client, server);
    }
}
