namespace ManagedTls.OpenSsl.Tests;

/// <summary>pyOpenSSL's <c>TestConnection</c> parts that need no handshake: construction, states, results before the handshake.</summary>
public sealed class ConnectionTests
{
    [Fact]
    public void Connection_WithASocket_IsNotSupported()
    {
        Should.Throw<NotSupportedException>(() => new Connection(new Context(SslMethod.Tls), new object()));
    }

    [Fact]
    public void Context_GetAndSet_SwitchesTheContext()
    {
        var first = new Context(SslMethod.Tls);
        var second = new Context(SslMethod.Tls);
        var connection = new Connection(first);

        connection.GetContext().ShouldBeSameAs(first);
        connection.SetContext(second);

        connection.GetContext().ShouldBeSameAs(second);
    }

    [Fact]
    public void AppData_Default_IsNull_ThenWhatWasSet()
    {
        var connection = new Connection(new Context(SslMethod.Tls));
        object data = new();

        connection.GetAppData().ShouldBeNull();
        connection.SetAppData(data);

        connection.GetAppData().ShouldBeSameAs(data);
    }

    [Fact]
    public void BeforeHandshake_Results_AreNullOrPyOpenSslsEmptyValues()
    {
        var connection = new Connection(new Context(SslMethod.Tls));

        connection.GetPeerCertificate().ShouldBeNull();
        connection.GetPeerCertChain().ShouldBeNull();
        connection.GetVerifiedChain().ShouldBeNull();
        connection.GetCipherName().ShouldBeNull();
        connection.GetCipherBits().ShouldBeNull();
        connection.GetCipherVersion().ShouldBeNull();
        connection.GetFinished().ShouldBeNull();
        connection.GetPeerFinished().ShouldBeNull();
        connection.ClientRandom().ShouldBeNull();
        connection.ServerRandom().ShouldBeNull();
        connection.MasterKey().ShouldBeNull();
        connection.GetAlpnProtoNegotiated().ShouldBe("");
        connection.GetProtocolVersionName().ShouldBe("unknown");
        connection.GetProtocolVersion().ShouldBe(SslVersion.TlsAnyVersion);
        connection.GetStateString().ShouldBe("before SSL initialization");
        connection.GetShutdown().ShouldBe(ShutdownState.None);
        connection.Pending().ShouldBe(0);
        connection.WantRead().ShouldBeFalse();
        connection.WantWrite().ShouldBeFalse();
        connection.RenegotiatePending().ShouldBeFalse();
        connection.TotalRenegotiations().ShouldBe(0);
        connection.GetServername().ShouldBeNull();
    }

    [Fact]
    public void GetProtocolVersion_Tlsv12Method_IsTls12FromTheStart()
    {
        var connection = new Connection(new Context(SslMethod.Tlsv1_2));

        connection.GetProtocolVersion().ShouldBe(SslVersion.Tls1_2);
        connection.GetProtocolVersionName().ShouldBe("TLSv1.2");
    }

    [Fact]
    public void GetCertificate_BeforeHandshake_IsTheContextsCertificate()
    {
        var connection = new Connection(SslPki.Instance.ServerContext());

        connection.GetCertificate()!.Digest("sha256").ShouldBe(SslPki.Instance.Server.Digest("sha256"));
        new Connection(new Context(SslMethod.Tls)).GetCertificate().ShouldBeNull();
    }

    [Fact]
    public void DoHandshake_NoConnectOrAcceptState_ThrowsConnectionTypeNotSet()
    {
        Should.Throw<SslException>(new Connection(new Context(SslMethod.Tls)).DoHandshake).Errors
            .ShouldBe([new OpenSslErrorEntry("SSL routines", "SSL_do_handshake", "connection type not set")]);
    }

    [Fact]
    public void RecvAndSend_NoConnectOrAcceptState_ThrowUninitialized()
    {
        var connection = new Connection(new Context(SslMethod.Tls));

        Should.Throw<SslException>(() => connection.Recv(10)).Errors[0].ShouldBe(new OpenSslErrorEntry("SSL routines", "SSL_read", "uninitialized"));
        Should.Throw<SslException>(() => connection.Send("x"u8)).Errors[0].ShouldBe(new OpenSslErrorEntry("SSL routines", "SSL_write", "uninitialized"));
    }

    [Fact]
    public void Shutdown_BeforeAnyHandshake_ThrowsUninitialized()
    {
        Should.Throw<SslException>(() => new Connection(new Context(SslMethod.Tls)).Shutdown()).Errors
            .ShouldBe([new OpenSslErrorEntry("SSL routines", "SSL_shutdown", "uninitialized")]);
    }

    [Fact]
    public void BioRead_NothingQueued_ThrowsWantRead()
    {
        Should.Throw<WantReadException>(() => new Connection(new Context(SslMethod.Tls)).BioRead(100));
    }

    [Fact]
    public void BioRead_NotPositive_ThrowsArgumentOutOfRange()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new Connection(new Context(SslMethod.Tls)).BioRead(0));
    }

    [Fact]
    public void BioWrite_BeforeAnyState_TakesEverything()
    {
        new Connection(new Context(SslMethod.Tls)).BioWrite(new byte[1000]).ShouldBe(1000);
    }

    [Fact]
    public void SetShutdown_State_IsReturnedByGetShutdown()
    {
        var connection = new Connection(new Context(SslMethod.Tls));

        connection.SetShutdown(ShutdownState.Received);
        connection.GetShutdown().ShouldBe(ShutdownState.Received);
        connection.SetShutdown(ShutdownState.Sent | ShutdownState.Received);
        ((int)connection.GetShutdown()).ShouldBe(3);
    }

    [Fact]
    public void SetTlsextHostName_Name_IsTheClientsServername()
    {
        var connection = new Connection(new Context(SslMethod.TlsClient));

        connection.SetTlsextHostName("example.com");

        connection.GetServername().ShouldBe("example.com");
        Should.Throw<ArgumentException>(() => connection.SetTlsextHostName("exam\0ple.com")).Message.ShouldStartWith("name must not contain NUL byte");
    }

    [Fact]
    public void Renegotiate_Always_ThrowsNoRenegotiation()
    {
        Should.Throw<SslException>(() => new Connection(new Context(SslMethod.Tls)).Renegotiate()).Errors[0].Reason.ShouldBe("no renegotiation");
    }

    [Fact]
    public void ExportKeyingMaterial_BeforeHandshake_ThrowsSslException()
    {
        Should.Throw<SslException>(() => new Connection(new Context(SslMethod.Tls)).ExportKeyingMaterial("EXPERIMENTAL-test", 32));
    }
}
