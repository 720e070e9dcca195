using System.Text;
using ManagedTls.Keys;
using ManagedTls.Tls;

namespace ManagedTls.Tests.Tls.Handshake.Tls12;

public sealed class Tls12HandshakeTests
{
    public static TheoryData<TlsCipherSuite, string> Suites => new()
    {
        { TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, "ecdsa-p256" },
        { TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384, "ecdsa-p256" },
        { TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256, "ecdsa-p256" },
        { TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, "rsa2048" },
        { TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384, "rsa2048" },
        { TlsCipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256, "rsa2048" },
        { TlsCipherSuite.TLS_DHE_RSA_WITH_AES_128_GCM_SHA256, "rsa2048" },
        { TlsCipherSuite.TLS_DHE_RSA_WITH_AES_256_GCM_SHA384, "rsa2048" },
        { TlsCipherSuite.TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256, "rsa2048" },
    };

    [Theory]
    [MemberData(nameof(Suites))]
    public void Handshake_InMemory_NegotiatesSuiteAndExchangesData(TlsCipherSuite suite, string identity)
    {
        TlsClientOptions clientOptions = TlsTestKit.Client(o => { o.MaxVersion = TlsProtocolVersion.Tls12; o.CipherSuites = [suite]; });
        TlsServerOptions serverOptions = TlsTestKit.Server(identity);

        (TlsConnection client, TlsConnection server) = TlsTestKit.Handshake(clientOptions, serverOptions);

        client.Failure.ShouldBeNull();
        server.Failure.ShouldBeNull();
        client.IsHandshakeComplete.ShouldBeTrue();
        server.IsHandshakeComplete.ShouldBeTrue();
        client.NegotiatedVersion.ShouldBe(TlsProtocolVersion.Tls12);
        client.NegotiatedCipherSuite.ShouldBe(suite);
        server.NegotiatedCipherSuite.ShouldBe(suite);
        client.MasterSecret.ShouldBe(server.MasterSecret);
        client.LocalFinished.ShouldBe(server.PeerFinished);
        server.LocalFinished.ShouldBe(client.PeerFinished);
        client.PeerVerifyResult.ShouldBe(ManagedTls.X509.Verification.X509VerifyError.Ok);
        client.SessionId.ShouldNotBeNull().Length.ShouldBe(32);
        client.NegotiatedGroup.ShouldBe(suite.ToString().Contains("DHE_RSA", StringComparison.Ordinal) && !suite.ToString().Contains("ECDHE", StringComparison.Ordinal) ? TlsNamedGroup.Ffdhe2048 : TlsNamedGroup.X25519);

        client.Write(Encoding.ASCII.GetBytes("ping"));
        server.Write(new byte[40000]);
        TlsTestKit.Pump(client, server);
        Encoding.ASCII.GetString(TlsTestKit.ReadAll(server)).ShouldBe("ping");
        TlsTestKit.ReadAll(client).Length.ShouldBe(40000);

        client.ExportKeyingMaterial("EXPORTER-test", [1, 2], true, 32).ShouldBe(server.ExportKeyingMaterial("EXPORTER-test", [1, 2], true, 32));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    public void Handshake_ByteFragmented_Completes(int chunk)
    {
        TlsClientOptions clientOptions = TlsTestKit.Client(o => o.MaxVersion = TlsProtocolVersion.Tls12);
        var random = new System.Random(chunk);

        (TlsConnection client, TlsConnection server) = TlsTestKit.Handshake(clientOptions, TlsTestKit.Server(), chunk == 1 ? () => 1 : () => random.Next(1, 64));

        client.IsHandshakeComplete.ShouldBeTrue();
        server.IsHandshakeComplete.ShouldBeTrue();
    }

    // RFC 7627: the server echoes extended_master_secret only when the client offered it; both ends agree either way.
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ExtendedMasterSecret_EchoedOnlyWhenOffered(bool clientOffers)
    {
        TlsClientOptions clientOptions = TlsTestKit.Client(o =>
        {
            o.MaxVersion = TlsProtocolVersion.Tls12;
            if (!clientOffers)
            {
                o.ClientHelloExtensionsHook = list => list.Where(e => e.Type != TlsExtensionType.ExtendedMasterSecret).ToList();
            }
        });
        TlsConnection client = TlsConnection.CreateClient(clientOptions);
        TlsConnection server = TlsConnection.CreateServer(TlsTestKit.Server());
        byte[] buffer = new byte[1 << 16];
        TlsTestKit.Move(client, server, buffer);
        int count = server.WriteTls(buffer);
        byte[] serverHello = ServerHelloBody(buffer.AsSpan(0, count));
        client.ReadTls(buffer.AsSpan(0, count));
        client.ProcessNewPackets();
        TlsTestKit.Pump(client, server);

        HasExtension(serverHello, 0x0017).ShouldBe(clientOffers);
        HasExtension(serverHello, 0xff01).ShouldBeTrue();
        client.IsHandshakeComplete.ShouldBeTrue();
        client.MasterSecret.ShouldBe(server.MasterSecret);
    }

    private static byte[] ServerHelloBody(ReadOnlySpan<byte> records)
    {
        // first record: handshake; first message: ServerHello
        records[0].ShouldBe((byte)22);
        int length = (records[6] << 16) | (records[7] << 8) | records[8];
        records[5].ShouldBe((byte)2);
        return records.Slice(9, length).ToArray();
    }

    private static bool HasExtension(byte[] serverHello, int type)
    {
        int offset = 2 + 32;
        offset += 1 + serverHello[offset];
        offset += 3;
        int end = offset + 2 + ((serverHello[offset] << 8) | serverHello[offset + 1]);
        for (offset += 2; offset < end; offset += 4 + ((serverHello[offset + 2] << 8) | serverHello[offset + 3]))
        {
            if (((serverHello[offset] << 8) | serverHello[offset + 1]) == type)
            {
                return true;
            }
        }

        return false;
    }

    [Fact]
    public void RequireExtendedMasterSecret_ClientWithoutEms_HandshakeFailure()
    {
        TlsClientOptions clientOptions = TlsTestKit.Client(o =>
        {
            o.MaxVersion = TlsProtocolVersion.Tls12;
            o.ClientHelloExtensionsHook = list => list.Where(e => e.Type != TlsExtensionType.ExtendedMasterSecret).ToList();
        });
        TlsServerOptions serverOptions = TlsTestKit.Server(configure: o => o.RequireExtendedMasterSecret = true);

        TlsConnection client = TlsConnection.CreateClient(clientOptions);
        TlsConnection server = TlsConnection.CreateServer(serverOptions);
        Should.Throw<TlsException>(() => TlsTestKit.Pump(client, server)).Alert.ShouldBe(TlsAlertDescription.HandshakeFailure);
        server.Failure.ShouldNotBeNull().Error.ShouldBe(TlsError.MissingExtension);
    }

    [Fact]
    public void Tls13CapableServer_NegotiatingTls12_WritesDowngradeSentinel_AndTls13ClientRefusesIt()
    {
        // Our 1.3-capable server meets a client limited to 1.2: the server random ends in DOWNGRD\x01.
        TlsClientOptions clientOptions = TlsTestKit.Client(o => o.MaxVersion = TlsProtocolVersion.Tls12);
        (TlsConnection client, TlsConnection server) = TlsTestKit.Handshake(clientOptions, TlsTestKit.Server());

        client.ServerRandom.ShouldNotBeNull().AsSpan(24).ToArray().ShouldBe("DOWNGRD\x01"u8.ToArray());
        server.IsHandshakeComplete.ShouldBeTrue();
    }

    [Fact]
    public void Tls12OnlyServer_WritesNoSentinel()
    {
        TlsServerOptions serverOptions = TlsTestKit.Server(configure: o => o.MaxVersion = TlsProtocolVersion.Tls12);
        (TlsConnection client, _) = TlsTestKit.Handshake(TlsTestKit.Client(), serverOptions);

        client.NegotiatedVersion.ShouldBe(TlsProtocolVersion.Tls12);
        client.ServerRandom.ShouldNotBeNull().AsSpan(24).ToArray().ShouldNotBe("DOWNGRD\x01"u8.ToArray());
    }

    [Theory]
    [InlineData(TlsVerifyMode.Peer, true)]
    [InlineData(TlsVerifyMode.Peer | TlsVerifyMode.FailIfNoPeerCertificate, false)]
    public void ClientAuthentication_CertificateAndVerify(TlsVerifyMode mode, bool clientHasCertificate)
    {
        TlsClientOptions clientOptions = TlsTestKit.Client(o =>
        {
            o.MaxVersion = TlsProtocolVersion.Tls12;
            if (clientHasCertificate)
            {
                o.Certificate = TlsTestKit.Identity("rsa2048");
            }
        });
        TlsServerOptions serverOptions = TlsTestKit.Server(configure: o => o.VerifyMode = mode);
        TlsConnection client = TlsConnection.CreateClient(clientOptions);
        TlsConnection server = TlsConnection.CreateServer(serverOptions);

        if (clientHasCertificate)
        {
            TlsTestKit.Pump(client, server);
            server.IsHandshakeComplete.ShouldBeTrue();
            server.PeerCertificates.Count.ShouldBe(1);
            server.PeerSignatureScheme.ShouldNotBeNull();
        }
        else
        {
            Should.Throw<TlsException>(() => TlsTestKit.Pump(client, server));
            server.Failure.ShouldNotBeNull().Alert.ShouldBe(TlsAlertDescription.HandshakeFailure);
        }
    }

    // RFC 8422 §5.1: an ECDSA certificate on a curve the client did not list cannot be used in TLS 1.2.
    [Fact]
    public void EcdsaCertificate_CurveNotInClientGroups_NoSharedSuite()
    {
        TlsClientOptions clientOptions = TlsTestKit.Client(o =>
        {
            o.MaxVersion = TlsProtocolVersion.Tls12;
            o.CipherSuites = [TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256];
            o.Groups = [TlsNamedGroup.X25519];
        });
        TlsConnection client = TlsConnection.CreateClient(clientOptions);
        TlsConnection server = TlsConnection.CreateServer(TlsTestKit.Server("ecdsa-p256"));

        Should.Throw<TlsException>(() => TlsTestKit.Pump(client, server));

        server.Failure.ShouldNotBeNull().Error.ShouldBe(TlsError.NoCommonCipherSuite);
        Should.Throw<TlsException>(() => TlsTestKit.Move(server, client, new byte[4096]));
        client.Failure.ShouldNotBeNull().Alert.ShouldBe(TlsAlertDescription.HandshakeFailure);
    }

    [Fact]
    public void LoadedDhParameters_UsedWhenClientListsNoFfdheGroup()
    {
        DhParameters dh = DhParameters.Load(ManagedTls.Tests.Keys.DhParametersTests.Dh1024Pem);
        TlsClientOptions clientOptions = TlsTestKit.Client(o =>
        {
            o.MaxVersion = TlsProtocolVersion.Tls12;
            o.CipherSuites = [TlsCipherSuite.TLS_DHE_RSA_WITH_AES_128_GCM_SHA256];
            o.Groups = [TlsNamedGroup.X25519];
        });
        TlsServerOptions serverOptions = TlsTestKit.Server("rsa2048", o => o.DhParameters = dh);

        (TlsConnection client, TlsConnection server) = TlsTestKit.Handshake(clientOptions, serverOptions);

        client.IsHandshakeComplete.ShouldBeTrue();
        server.NegotiatedGroup.ShouldBeNull(); // not a named group
    }

    [Fact]
    public void Renegotiation_ClientHelloAfterHandshake_RefusedWithWarningAndConnectionSurvives()
    {
        (TlsConnection client, TlsConnection server) = TlsTestKit.Handshake(TlsTestKit.Client(o => o.MaxVersion = TlsProtocolVersion.Tls12), TlsTestKit.Server());
        TlsConnection fresh = TlsConnection.CreateClient(TlsTestKit.Client(o => o.MaxVersion = TlsProtocolVersion.Tls12));
        byte[] hello = new byte[fresh.PendingTlsBytes];
        fresh.WriteTls(hello);
        var context = (ManagedTls.Tls.Handshake.HandshakeContext)typeof(TlsConnection).GetField("_context", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.GetValue(client)!;

        // The client's protected record layer carries a new ClientHello (the handshake message inside the first record).
        context.Send(ManagedTls.Tls.Messages.ClientHello.Decode(hello.AsSpan(9)), addToTranscript: false);
        byte[] buffer = new byte[1 << 16];
        TlsTestKit.Move(client, server, buffer);
        int answer = server.PendingTlsBytes;
        TlsTestKit.Pump(client, server);

        answer.ShouldBe(5 + 2 + 8 + 16); // one protected alert record: header, alert, explicit nonce, tag
        server.Failure.ShouldBeNull();
        client.Failure.ShouldBeNull();
        client.Write([42]);
        TlsTestKit.Pump(client, server);
        TlsTestKit.ReadAll(server).ShouldBe(new byte[] { 42 });
    }

    private sealed class HelloRequest : ManagedTls.Tls.Messages.IHandshakeBody
    {
        public TlsHandshakeType Type => TlsHandshakeType.HelloRequest;

        public void EncodeBody(ManagedTls.Tls.Wire.TlsWriter writer)
        {
        }
    }

    [Fact]
    public void Renegotiation_HelloRequestToClient_RefusedWithWarningAndConnectionSurvives()
    {
        (TlsConnection client, TlsConnection server) = TlsTestKit.Handshake(TlsTestKit.Client(o => o.MaxVersion = TlsProtocolVersion.Tls12), TlsTestKit.Server());
        var context = (ManagedTls.Tls.Handshake.HandshakeContext)typeof(TlsConnection).GetField("_context", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.GetValue(server)!;

        context.Send(new HelloRequest(), addToTranscript: false);
        TlsTestKit.Move(server, client, new byte[4096]);
        int answer = client.PendingTlsBytes;
        TlsTestKit.Pump(client, server);

        answer.ShouldBe(5 + 2 + 8 + 16); // one protected no_renegotiation warning
        client.Failure.ShouldBeNull();
        server.Failure.ShouldBeNull();
        server.Write([7]);
        TlsTestKit.Pump(client, server);
        TlsTestKit.ReadAll(client).ShouldBe(new byte[] { 7 });
    }
}
