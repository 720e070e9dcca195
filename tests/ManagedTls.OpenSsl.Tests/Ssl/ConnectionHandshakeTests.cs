using System.Net.Sockets;
using System.Text;
using ManagedTls.X509.Verification;

namespace ManagedTls.OpenSsl.Tests;

/// <summary>
/// pyOpenSSL's memory-BIO connection tests, ported (<c>test_memory_connect</c>, shutdown, want-read, Finished,
/// exporters, cipher info, verify callbacks, client certificates, SNI, ALPN, key log), over ManagedTls's engine.
/// </summary>
public sealed class ConnectionHandshakeTests
{
    private static SslPki Pki => SslPki.Instance;

    /// <summary>pyOpenSSL's <c>_server(None)</c>: server identity, requires and verifies a client certificate.</summary>
    private static Connection Server(Context? context = null)
    {
        context ??= Pki.ServerContext();
        context.SetVerify(VerifyMode.Peer | VerifyMode.FailIfNoPeerCert | VerifyMode.ClientOnce, (_, _, _, _, ok) => ok == 1);
        context.GetCertStore().AddCert(Pki.Root);
        var connection = new Connection(context);
        connection.SetAcceptState();
        return connection;
    }

    /// <summary>pyOpenSSL's <c>_client(None)</c>: client identity, verifies the server.</summary>
    private static Connection Client(Context? context = null)
    {
        context ??= Pki.ClientContext();
        context.UseCertificate(Pki.Client);
        context.AddExtraChainCert(Pki.Intermediate);
        context.UsePrivatekey(Pki.ClientKey);
        var connection = new Connection(context);
        connection.SetConnectState();
        return connection;
    }

    private static (Connection Client, Connection Server) Loopback(Context? clientContext = null, Context? serverContext = null)
    {
        var client = new Connection(clientContext ?? Pki.ClientContext());
        var server = new Connection(serverContext ?? Pki.ServerContext());
        MemoryPump.Handshake(client, server);
        return (client, server);
    }

    [Fact]
    public void MemoryConnect_HandshakeAndDataBothWays_AsPyOpenSsl()
    {
        Connection server = Server();
        Connection client = Client();
        server.MasterKey().ShouldBeNull();
        server.ClientRandom().ShouldBeNull();
        server.ServerRandom().ShouldBeNull();

        MemoryPump.Interact(client, server).ShouldBeNull();

        server.MasterKey().ShouldNotBeNull();
        server.ClientRandom().ShouldBe(client.ClientRandom());
        server.ServerRandom().ShouldBe(client.ServerRandom());
        server.MasterKey().ShouldBe(client.MasterKey());
        server.ClientRandom().ShouldNotBe(server.ServerRandom());
        byte[] message = Encoding.ASCII.GetBytes("One if by land, two if by sea.");
        server.Send(message).ShouldBe(message.Length);
        (Connection reader, byte[] data) = MemoryPump.Interact(client, server)!.Value;
        reader.ShouldBeSameAs(client);
        data.ShouldBe(message);
        client.Send([.. message.Reverse()]);
        (reader, data) = MemoryPump.Interact(client, server)!.Value;
        reader.ShouldBeSameAs(server);
        data.ShouldBe([.. message.Reverse()]);
    }

    [Fact]
    public void DoHandshake_NoInputYet_ThrowsWantReadAndWantReadIsTrue()
    {
        var client = new Connection(Pki.ClientContext());
        client.SetConnectState();

        Should.Throw<WantReadException>(client.DoHandshake);

        client.WantRead().ShouldBeTrue();
        client.GetStateString().ShouldNotBe("before SSL initialization");
        var server = new Connection(Pki.ServerContext());
        server.SetAcceptState();
        Should.Throw<WantReadException>(server.DoHandshake);
    }

    [Fact]
    public void BioRead_SmallBufsiz_ReturnsAtMostThatAndKeepsTheRest()
    {
        var client = new Connection(Pki.ClientContext());
        client.SetConnectState();
        Should.Throw<WantReadException>(client.DoHandshake);

        byte[] first = client.BioRead(5);
        var rest = new List<byte>();
        while (true)
        {
            try
            {
                byte[] chunk = client.BioRead(7);
                chunk.Length.ShouldBeLessThanOrEqualTo(7);
                rest.AddRange(chunk);
            }
            catch (WantReadException)
            {
                break;
            }
        }

        first.Length.ShouldBe(5);
        first[0].ShouldBe((byte)22); // handshake record
        int recordLength = (first[3] << 8) | first[4];
        rest.Count.ShouldBe(recordLength);
        rest[0].ShouldBe((byte)1); // ClientHello
    }

    [Fact]
    public void HandshakeStrict_ByteForByteDelivery_Completes()
    {
        var client = new Connection(Pki.ClientContext());
        var server = new Connection(Pki.ServerContext());
        client.SetConnectState();
        server.SetAcceptState();

        for (int round = 0; round < 10000 && !(Done(client) & Done(server)); round++)
        {
            MoveOneByte(client, server);
            MoveOneByte(server, client);
        }

        client.GetCipherName().ShouldNotBeNull();
        server.GetCipherName().ShouldBe(client.GetCipherName());

        static bool Done(Connection c)
        {
            try
            {
                c.DoHandshake();
                return true;
            }
            catch (WantReadException)
            {
                return false;
            }
        }

        static void MoveOneByte(Connection from, Connection to)
        {
            try
            {
                to.BioWrite(from.BioRead(1));
            }
            catch (WantReadException)
            {
            }
        }
    }

    [Fact]
    public void Recv_NoApplicationData_ThrowsWantRead_ThenPeekKeepsTheData()
    {
        (Connection client, Connection server) = Loopback();

        Should.Throw<WantReadException>(() => client.Recv(100));
        server.Send("hello, world"u8);
        MemoryPump.Transfer(server, client);

        client.Recv(5, SocketFlags.Peek).ShouldBe("hello"u8.ToArray());
        var buffer = new byte[64];
        client.RecvInto(buffer, 5, SocketFlags.Peek).ShouldBe(5);
        client.Pending().ShouldBe(12);
        client.RecvInto(buffer, 7).ShouldBe(7);
        buffer[..7].ShouldBe("hello, "u8.ToArray());
        client.Recv(100).ShouldBe("world"u8.ToArray());
        Should.Throw<WantReadException>(() => client.Recv(100));
    }

    [Fact]
    public void Send_SmallWrite_IsOneRecord_LargeWriteIsSplitAt16KiB()
    {
        (Connection client, Connection server) = Loopback();

        client.Send(new byte[100]).ShouldBe(100);
        byte[] one = client.BioRead(1 << 20);
        client.Sendall(new byte[40000]).ShouldBe(40000);
        byte[] many = client.BioRead(1 << 20);

        Records(one).ShouldBe(1);
        Records(many).ShouldBe(3);
        server.BioWrite(one);
        server.Recv(1000).Length.ShouldBe(100);
        server.BioWrite(many);
        int total = 0;
        while (total < 40000)
        {
            total += server.Recv(65536).Length;
        }

        total.ShouldBe(40000);

        static int Records(byte[] tls)
        {
            int count = 0;
            for (int i = 0; i < tls.Length; i += 5 + ((tls[i + 3] << 8) | tls[i + 4]))
            {
                count++;
            }

            return count;
        }
    }

    [Fact]
    public void Shutdown_BothSides_FollowsSslShutdown()
    {
        // pyOpenSSL's test_shutdown, over memory BIOs.
        (Connection client, Connection server) = Loopback();

        server.Shutdown().ShouldBeFalse();
        server.GetShutdown().ShouldBe(ShutdownState.Sent);
        Should.Throw<WantReadException>(() => server.Shutdown());
        MemoryPump.Transfer(server, client);
        Should.Throw<ZeroReturnException>(() => client.Recv(1024));
        client.GetShutdown().ShouldBe(ShutdownState.Received);
        client.Shutdown().ShouldBeTrue();
        client.GetShutdown().ShouldBe(ShutdownState.Sent | ShutdownState.Received);
        MemoryPump.Transfer(client, server);
        Should.Throw<ZeroReturnException>(() => server.Recv(1024));
        server.GetShutdown().ShouldBe(ShutdownState.Sent | ShutdownState.Received);
        server.Shutdown().ShouldBeTrue();
        Should.Throw<SslException>(() => server.Send("late"u8)).Errors[0].Reason.ShouldBe("protocol is shutdown");
    }

    [Fact]
    public void Shutdown_DataBeforeCloseNotify_IsReadFirst()
    {
        (Connection client, Connection server) = Loopback();

        server.Send("last words"u8);
        server.Shutdown().ShouldBeFalse();
        MemoryPump.Transfer(server, client);

        client.GetShutdown().ShouldBe(ShutdownState.None);
        client.Recv(100).ShouldBe("last words"u8.ToArray());
        Should.Throw<ZeroReturnException>(() => client.Recv(100));
        client.GetShutdown().ShouldBe(ShutdownState.Received);
    }

    [Fact]
    public void SetShutdown_Sent_MakesShutdownQuiet()
    {
        (Connection client, _) = Loopback();

        client.SetShutdown(ShutdownState.Sent);

        Should.Throw<WantReadException>(() => client.Shutdown());
        Should.Throw<WantReadException>(() => client.BioRead(100));
    }

    [Fact]
    public void BioShutdown_NoCloseNotify_RecvThrowsUnexpectedEof()
    {
        (Connection client, _) = Loopback();

        client.BioShutdown();

        SysCallException e = Should.Throw<SysCallException>(() => client.Recv(1024));
        e.Errno.ShouldBe(-1);
        e.ErrorString.ShouldBe("Unexpected EOF");
    }

    [Fact]
    public void BioShutdown_DuringHandshake_DoHandshakeThrowsUnexpectedEof()
    {
        var client = new Connection(Pki.ClientContext());
        client.SetConnectState();
        Should.Throw<WantReadException>(client.DoHandshake);

        client.BioShutdown();

        Should.Throw<SysCallException>(client.DoHandshake).ErrorString.ShouldBe("Unexpected EOF");
    }

    [Fact]
    public void BioShutdown_IgnoreUnexpectedEofOption_RecvThrowsZeroReturn()
    {
        Context clientContext = Pki.ClientContext();
        clientContext.SetOptions(SslOptions.IgnoreUnexpectedEof);
        (Connection client, _) = Loopback(clientContext);

        client.BioShutdown();

        Should.Throw<ZeroReturnException>(() => client.Recv(1024));
    }

    [Fact]
    public void Shutdown_DuringHandshake_ThrowsShutdownWhileInInit()
    {
        var client = new Connection(Pki.ClientContext());
        client.SetConnectState();
        Should.Throw<WantReadException>(client.DoHandshake);

        Should.Throw<SslException>(() => client.Shutdown()).Errors[0].Reason.ShouldBe("shutdown while in init");
    }

    [Fact]
    public void GetFinished_AfterHandshake_EachSidesIsThePeersPeerFinished()
    {
        (Connection client, Connection server) = Loopback();

        client.GetFinished().ShouldNotBeNull().ShouldBe(server.GetPeerFinished());
        server.GetFinished().ShouldNotBeNull().ShouldBe(client.GetPeerFinished());
        client.GetFinished().ShouldNotBe(server.GetFinished());
    }

    [Fact]
    public void ExportKeyingMaterial_BothSides_Agree()
    {
        (Connection client, Connection server) = Loopback();

        byte[] a = client.ExportKeyingMaterial("EXPERIMENTAL-facade", 32);
        byte[] b = server.ExportKeyingMaterial("EXPERIMENTAL-facade", 32);
        byte[] withContext = client.ExportKeyingMaterial("EXPERIMENTAL-facade", 32, "ctx"u8.ToArray());

        a.Length.ShouldBe(32);
        a.ShouldBe(b);
        withContext.ShouldBe(server.ExportKeyingMaterial("EXPERIMENTAL-facade", 32, "ctx"u8.ToArray()));
        withContext.ShouldNotBe(a);
        client.ExportKeyingMaterial("EXPERIMENTAL-other", 32).ShouldNotBe(a);
    }

    [Fact]
    public void CipherAndProtocol_AfterTls13Handshake_AreOpenSslsNames()
    {
        (Connection client, Connection server) = Loopback();

        client.GetCipherName().ShouldBe(server.GetCipherName());
        client.GetCipherName().ShouldBe("TLS_AES_256_GCM_SHA384");
        client.GetCipherBits().ShouldBe(256);
        client.GetCipherVersion().ShouldBe("TLSv1.3");
        client.GetProtocolVersionName().ShouldBe("TLSv1.3");
        server.GetProtocolVersion().ShouldBe(SslVersion.Tls1_3);
        client.GetStateString().ShouldBe("SSL negotiation finished successfully");
    }

    [Fact]
    public void SetCiphersuites_OneSuite_IsNegotiated()
    {
        Context serverContext = Pki.ServerContext();
        serverContext.SetCiphersuites("TLS_CHACHA20_POLY1305_SHA256");

        (Connection client, _) = Loopback(serverContext: serverContext);

        client.GetCipherName().ShouldBe("TLS_CHACHA20_POLY1305_SHA256");
        client.GetCipherBits().ShouldBe(256);
    }

    [Fact]
    public void PeerCertificates_Client_SeesTheServersChainAndTheVerifiedChain()
    {
        (Connection client, Connection server) = Loopback();

        client.GetPeerCertificate()!.GetSubject().CN.ShouldBe("localhost");
        client.GetPeerCertChain()!.Select(c => c.GetSubject().CN).ShouldBe(["localhost", "Facade Test Intermediate"]);
        client.GetVerifiedChain()!.Select(c => c.GetSubject().CN).ShouldBe(["localhost", "Facade Test Intermediate", "Facade Test Root"]);
        client.GetVerifyResult().ShouldBe(X509VerifyError.Ok);
        server.GetPeerCertificate().ShouldBeNull();
        server.GetPeerCertChain().ShouldBeNull();
        server.GetCertificate()!.GetSubject().CN.ShouldBe("localhost");
    }

    [Fact]
    public void ClientCertificate_Requested_ServerSeesItAndItsChainWithoutTheLeaf()
    {
        Connection server = Server();
        Connection client = Client();

        MemoryPump.Interact(client, server).ShouldBeNull();

        server.GetPeerCertificate()!.GetSubject().CN.ShouldBe("Facade Test Client");
        server.GetPeerCertChain()!.Select(c => c.GetSubject().CN).ShouldBe(["Facade Test Intermediate"]);
        server.GetVerifiedChain()!.Count.ShouldBe(3);
    }

    [Fact]
    public void ClientCertificate_RequiredButNotSent_ServerFailsPeerDidNotReturnACertificate()
    {
        Connection server = Server();
        var client = new Connection(Pki.ClientContext());
        client.SetConnectState();

        SslException e = Should.Throw<SslException>(() => MemoryPump.Interact(client, server));

        e.Errors.ShouldBe([new OpenSslErrorEntry("SSL routines", "tls_process_client_certificate", "peer did not return a certificate")]);
        MemoryPump.Transfer(server, client);
        Should.Throw<SslException>(() => client.Recv(10)).Errors[0].Reason.ShouldBe("tlsv13 alert certificate required");
    }

    [Fact]
    public void Verify_UntrustedServer_ClientFailsCertificateVerifyFailed_ServerGetsTheAlert()
    {
        var clientContext = new Context(SslMethod.Tls);
        clientContext.SetVerify(VerifyMode.Peer);
        var client = new Connection(clientContext);
        var server = new Connection(Pki.ServerContext());
        client.SetConnectState();
        server.SetAcceptState();

        SslException clientError = Should.Throw<SslException>(() => MemoryPump.Interact(client, server));
        clientError.Errors[0].Reason.ShouldBe("certificate verify failed");
        clientError.InnerException.ShouldBeOfType<ManagedTls.Tls.TlsException>();
        MemoryPump.Transfer(client, server);
        SslException serverError = Should.Throw<SslException>(server.DoHandshake);

        // unknown_ca: OpenSSL's ssl_verify_alarm_type for an untrusted root, read by the server as OpenSSL words it.
        serverError.Errors.ShouldBe([new OpenSslErrorEntry("SSL routines", "ssl3_read_bytes", "tlsv1 alert unknown ca")]);
        Should.Throw<SslException>(client.DoHandshake).Errors[0].Reason.ShouldBe("certificate verify failed");
    }

    [Fact]
    public void Verify_NoneMode_UntrustedServer_CompletesAndRecordsTheResult()
    {

        (Connection client, _) = Loopback(new Context(SslMethod.Tls));

        client.GetVerifyResult().ShouldBe(X509VerifyError.UnableToGetIssuerCertLocally);
        client.GetPeerCertificate().ShouldNotBeNull();
    }

    [Fact]
    public void SetVerify_Callback_SeesEveryDepthWithPyOpenSslsArguments()
    {
        var calls = new List<(Connection Connection, string? Cn, int Errno, int Depth, int Ok)>();
        Context clientContext = Pki.ClientContext();
        clientContext.SetVerify(VerifyMode.Peer, (conn, cert, errno, depth, ok) =>
        {
            calls.Add((conn, cert.GetSubject().CN, errno, depth, ok));
            return ok == 1;
        });
        var client = new Connection(clientContext);

        MemoryPump.Handshake(client, new Connection(Pki.ServerContext()));

        calls.ShouldAllBe(c => c.Connection == client && c.Errno == 0 && c.Ok == 1);
        calls.Select(c => (c.Cn, c.Depth)).ShouldBe([("Facade Test Root", 2), ("Facade Test Intermediate", 1), ("localhost", 0)]);
    }

    [Fact]
    public void SetVerify_CallbackAcceptsAnUntrustedChain_HandshakeCompletes()
    {
        var clientContext = new Context(SslMethod.Tls);
        var errors = new List<int>();
        clientContext.SetVerify(VerifyMode.Peer, (_, _, errno, _, _) =>
        {
            errors.Add(errno);
            return true;
        });

        (Connection client, _) = Loopback(clientContext);

        errors.ShouldContain((int)X509VerifyError.UnableToGetIssuerCertLocally);
        client.GetCipherName().ShouldNotBeNull();
    }

    [Fact]
    public void SetVerify_CallbackRejects_HandshakeFails()
    {
        Context clientContext = Pki.ClientContext();
        clientContext.SetVerify(VerifyMode.Peer, (_, _, _, depth, _) => depth != 0);
        var client = new Connection(clientContext);
        var server = new Connection(Pki.ServerContext());
        client.SetConnectState();
        server.SetAcceptState();

        Should.Throw<SslException>(() => MemoryPump.Interact(client, server)).Errors[0].Reason.ShouldBe("certificate verify failed");
    }

    [Fact]
    public void SetVerify_CallbackThrows_TheExceptionComesOutOfTheIoCall()
    {
        // pyOpenSSL's test_verify_callback_exception: the callback's exception is re-raised by do_handshake/recv.
        Context clientContext = Pki.ClientContext();
        var boom = new InvalidOperationException("silly verify failure");
        clientContext.SetVerify(VerifyMode.Peer, (_, _, _, _, _) => throw boom);
        var client = new Connection(clientContext);
        var server = new Connection(Pki.ServerContext());
        client.SetConnectState();
        server.SetAcceptState();

        Should.Throw<InvalidOperationException>(() => MemoryPump.Interact(client, server)).ShouldBeSameAs(boom);
    }

    [Fact]
    public void Servername_Callback_SeesTheNameAndCanSwitchContext()
    {
        Context rsaContext = new(SslMethod.Tls);
        rsaContext.UseCertificate(Pki.RsaServer);
        rsaContext.UsePrivatekey(Pki.RsaKey);
        Context serverContext = Pki.ServerContext();
        var seen = new List<string?>();
        serverContext.SetTlsextServernameCallback(conn =>
        {
            seen.Add(conn.GetServername());
            if (conn.GetServername() == "rsa.localhost")
            {
                conn.SetContext(rsaContext);
            }
        });
        var client = new Connection(new Context(SslMethod.Tls));
        client.SetTlsextHostName("rsa.localhost");
        var server = new Connection(serverContext);

        MemoryPump.Handshake(client, server);

        seen.ShouldBe(["rsa.localhost"]);
        server.GetServername().ShouldBe("rsa.localhost");
        client.GetPeerCertificate()!.GetSubject().CN.ShouldBe("rsa.localhost");
    }

    [Fact]
    public void SetTlsextHostName_OtherThanTheCertificate_IsNotCheckedAsInPyOpenSsl()
    {
        var client = new Connection(Pki.ClientContext());
        client.SetTlsextHostName("not-the-certificate-name.example");

        MemoryPump.Handshake(client, new Connection(Pki.ServerContext()));

        client.GetPeerCertificate()!.GetSubject().CN.ShouldBe("localhost");
    }

    [Fact]
    public void Alpn_ClientAndServerLists_AgreeOnTheServersChoice()
    {
        Context clientContext = Pki.ClientContext();
        clientContext.SetAlpnProtos(["h2", "http/1.1"]);
        Context serverContext = Pki.ServerContext();
        serverContext.SetAlpnProtos(["http/1.1"]);

        (Connection client, Connection server) = Loopback(clientContext, serverContext);

        client.GetAlpnProtoNegotiated().ShouldBe("http/1.1");
        server.GetAlpnProtoNegotiated().ShouldBe("http/1.1");
    }

    [Fact]
    public void KeylogCallback_Tls13Handshake_LogsNssLinesForTheConnection()
    {
        var lines = new List<(Connection Connection, string Line)>();
        Context clientContext = Pki.ClientContext();
        clientContext.SetKeylogCallback((conn, line) => lines.Add((conn, line)));

        (Connection client, _) = Loopback(clientContext);

        string random = Convert.ToHexStringLower(client.ClientRandom()!);
        lines.ShouldAllBe(l => l.Connection == client && l.Line.Split(' ', StringSplitOptions.None)[1] == random);
        lines.Select(l => l.Line.Split(' ')[0]).ShouldBe(
            ["CLIENT_HANDSHAKE_TRAFFIC_SECRET", "SERVER_HANDSHAKE_TRAFFIC_SECRET", "CLIENT_TRAFFIC_SECRET_0", "SERVER_TRAFFIC_SECRET_0", "EXPORTER_SECRET"],
            ignoreOrder: true);
    }

    [Fact]
    public void SetTmpEcdh_Secp384r1_IsTheGroupUsed()
    {
        Context serverContext = Pki.ServerContext();
        serverContext.SetTmpEcdh(Crypto.GetEllipticCurve("secp384r1"));

        (Connection client, Connection server) = Loopback(serverContext: serverContext);

        client.GetCipherName().ShouldNotBeNull();
        server.GetCipherName().ShouldBe(client.GetCipherName());
    }

    [Fact]
    public void ClientAndServerMethods_NoStateCalls_StartAsTheirSide()
    {
        Context serverContext = Pki.ServerContext(SslMethod.TlsServer);
        var client = new Connection(Pki.ClientContext(SslMethod.TlsClient));
        var server = new Connection(serverContext);

        MemoryPump.Interact(client, server).ShouldBeNull();
        client.Write("over the alias"u8).ShouldBe(14);
        MemoryPump.Transfer(client, server);

        server.Read(100).ShouldBe("over the alias"u8.ToArray());
        client.GetCipherName().ShouldBe(server.GetCipherName());
    }

    [Fact]
    public void ClientCertificate_RequestedNotRequired_ServerChainIsEmptyNotNull()
    {
        // OpenSSL's server keeps an empty peer chain when it asked and got no certificate; pyOpenSSL returns [].
        Context serverContext = Pki.ServerContext();
        serverContext.SetVerify(VerifyMode.Peer);
        serverContext.GetCertStore().AddCert(Pki.Root);

        (_, Connection server) = Loopback(serverContext: serverContext);

        server.GetPeerCertificate().ShouldBeNull();
        server.GetPeerCertChain().ShouldNotBeNull().ShouldBeEmpty();
    }
}
