using ManagedTls.Net;
using ManagedTls.Tests.TestSupport;
using ManagedTls.Tls;

namespace ManagedTls.Tests.Tls.Interop;

/// <summary>Certificate verification failures surface the right alert on both ends, with openssl as the other end.</summary>
public sealed class VerificationAlertInteropTests(InteropIdentities ids) : IClassFixture<InteropIdentities>
{
    [SkippableTheory]
    [InlineData(TlsProtocolVersion.Tls13)]
    [InlineData(TlsProtocolVersion.Tls12)]
    public async Task OurClient_UntrustedServerCertificate_SendsUnknownCa(TlsProtocolVersion version)
    {
        using OpenSslProcess server = OpenSslProcess.StartServer(ids.Directory,
            ["-cert", "rogue.pem", "-key", "rogue.key", "-www", "-naccept", "1"]);

        TlsException e = await Should.ThrowAsync<TlsException>(() => LoopbackTls.ConnectAsync(server.Port, LoopbackTls.ClientOptions(ids, version)));

        e.Error.ShouldBe(TlsError.CertificateVerifyFailed);
        e.Alert.ShouldBe(TlsAlertDescription.UnknownCa);
        server.WaitForOutput("alert unknown ca", LoopbackTls.Timeout).ShouldBeTrue(server.Transcript);
    }

    [SkippableTheory]
    [InlineData("-tls1_3")]
    [InlineData("-tls1_2")]
    public async Task OpenSslClient_UntrustedServerCertificate_OurServerReceivesUnknownCa(string versionFlag)
    {
        OpenSslPeer.Require();
        using var listener = new LoopbackTls.Server();
        Task<TlsStream> accept = listener.AcceptAsync(new TlsServerOptions { Certificate = ids.Rogue });
        using OpenSslProcess client = OpenSslProcess.StartClient(ids.Directory, listener.Port,
            ["-CAfile", "ca.pem", "-servername", "localhost", "-verify_return_error", versionFlag]);

        TlsException e = await Should.ThrowAsync<TlsException>(() => accept);

        e.IsPeerAlert.ShouldBeTrue(e.Message);
        e.Alert.ShouldBe(TlsAlertDescription.UnknownCa);
        client.WaitForExit(LoopbackTls.Timeout).ShouldBeTrue(client.Transcript);
        client.Transcript.ShouldContain("verify error:num=18:self-signed certificate");
    }

    [SkippableFact]
    public async Task OurClient_NoCertificateForServerThatRequiresOne_ReceivesCertificateRequired()
    {
        using OpenSslProcess server = OpenSslProcess.StartServer(ids.Directory,
            ["-cert", "ecdsa.pem", "-key", "ecdsa.key", "-www", "-naccept", "1", "-Verify", "2", "-CAfile", "ca.pem", "-tls1_3"]);

        Exception e = await Should.ThrowAsync<Exception>(async () =>
        {
            // In TLS 1.3 the client finishes first; the alert arrives on the first read.
            await using TlsStream tls = await LoopbackTls.ConnectAsync(server.Port, LoopbackTls.ClientOptions(ids, TlsProtocolVersion.Tls13));
            await tls.WriteAsync("GET / HTTP/1.0\r\n\r\n"u8.ToArray());
            await LoopbackTls.ReadToEndAsync(tls);
        });

        TlsException tlsError = e as TlsException ?? (e.InnerException as TlsException).ShouldNotBeNull(e.ToString());
        tlsError.IsPeerAlert.ShouldBeTrue();
        tlsError.Alert.ShouldBe(TlsAlertDescription.CertificateRequired);
        server.WaitForOutput("peer did not return a certificate", LoopbackTls.Timeout).ShouldBeTrue(server.Transcript);
    }

    [SkippableFact]
    public async Task OurClient_CertificateForServerThatRequiresOne_Accepted()
    {
        using OpenSslProcess server = OpenSslProcess.StartServer(ids.Directory,
            ["-cert", "ecdsa.pem", "-key", "ecdsa.key", "-www", "-naccept", "1", "-Verify", "2", "-CAfile", "ca.pem", "-tls1_3"]);
        TlsClientOptions options = LoopbackTls.ClientOptions(ids, TlsProtocolVersion.Tls13);
        options.Certificate = ids.Client;

        await using TlsStream tls = await LoopbackTls.ConnectAsync(server.Port, options);
        await tls.WriteAsync("GET / HTTP/1.0\r\n\r\n"u8.ToArray());
        string page = await LoopbackTls.ReadToEndAsync(tls);

        page.ShouldContain("Client certificate", customMessage: server.Transcript);
        page.ShouldContain("CN = interop client");
    }

    [SkippableFact]
    public async Task OurServer_RequiresClientCertificate_UntrustedOneGetsUnknownCa()
    {
        OpenSslPeer.Require();
        using var listener = new LoopbackTls.Server();
        TlsServerOptions options = LoopbackTls.ServerOptions(ids[InteropKey.EcdsaP256], TlsProtocolVersion.Tls13);
        options.TrustStore = ids.TrustStore();
        options.VerifyMode = TlsVerifyMode.Peer | TlsVerifyMode.FailIfNoPeerCertificate;
        Task<TlsStream> accept = listener.AcceptAsync(options);
        using OpenSslProcess client = OpenSslProcess.StartClient(ids.Directory, listener.Port,
            ["-CAfile", "ca.pem", "-servername", "localhost", "-cert", "rogue.pem", "-key", "rogue.key", "-ign_eof"]);
        client.Send("hello\n");

        TlsException e = await Should.ThrowAsync<TlsException>(() => accept);

        e.Error.ShouldBe(TlsError.CertificateVerifyFailed);
        e.Alert.ShouldBe(TlsAlertDescription.UnknownCa);
        client.CloseStdin();
        client.WaitForExit(LoopbackTls.Timeout).ShouldBeTrue(client.Transcript);
        client.Transcript.ShouldContain("alert unknown ca");
    }
}
