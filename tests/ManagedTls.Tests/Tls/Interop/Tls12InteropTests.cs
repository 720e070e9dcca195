using ManagedTls.Net;
using ManagedTls.Tests.TestSupport;
using ManagedTls.Tls;
using ManagedTls.X509.Verification;

namespace ManagedTls.Tests.Tls.Interop;

/// <summary>TLS 1.2 × {ECDHE-ECDSA, ECDHE-RSA, DHE-RSA} × {AES-GCM, ChaCha20-Poly1305}, both directions, against openssl.</summary>
public sealed class Tls12InteropTests(InteropIdentities ids) : IClassFixture<InteropIdentities>
{
    public static TheoryData<TlsCipherSuite, string, InteropKey> Suites() => new()
    {
        { TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, "ECDHE-ECDSA-AES128-GCM-SHA256", InteropKey.EcdsaP256 },
        { TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256, "ECDHE-ECDSA-CHACHA20-POLY1305", InteropKey.EcdsaP256 },
        { TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384, "ECDHE-RSA-AES256-GCM-SHA384", InteropKey.Rsa2048 },
        { TlsCipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256, "ECDHE-RSA-CHACHA20-POLY1305", InteropKey.Rsa2048 },
        { TlsCipherSuite.TLS_DHE_RSA_WITH_AES_128_GCM_SHA256, "DHE-RSA-AES128-GCM-SHA256", InteropKey.Rsa2048 },
        { TlsCipherSuite.TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256, "DHE-RSA-CHACHA20-POLY1305", InteropKey.Rsa2048 },
    };

    [SkippableTheory]
    [MemberData(nameof(Suites))]
    public async Task OurClient_OpenSslServer_NegotiatesAndExchangesData(TlsCipherSuite suite, string openSslName, InteropKey key)
    {
        string stem = InteropIdentities.Stem(key);
        using OpenSslProcess server = OpenSslProcess.StartServer(ids.Directory,
            ["-cert", stem + ".pem", "-key", stem + ".key", "-www", "-naccept", "1", "-tls1_2", "-cipher", openSslName]);
        TlsClientOptions options = LoopbackTls.ClientOptions(ids, TlsProtocolVersion.Tls12);
        LoopbackTls.Set(options.CipherSuites, suite);

        await using TlsStream tls = await LoopbackTls.ConnectAsync(server.Port, options);
        await tls.WriteAsync("GET / HTTP/1.0\r\n\r\n"u8.ToArray());
        string page = await LoopbackTls.ReadToEndAsync(tls);

        tls.NegotiatedVersion.ShouldBe(TlsProtocolVersion.Tls12);
        tls.NegotiatedCipherSuite.ShouldBe(suite);
        tls.PeerVerifyResult.ShouldBe(X509VerifyError.Ok);
        page.ShouldContain($"New, TLSv1.2, Cipher is {openSslName}", customMessage: server.Transcript);
    }

    [SkippableTheory]
    [MemberData(nameof(Suites))]
    public async Task OpenSslClient_OurServer_NegotiatesAndExchangesData(TlsCipherSuite suite, string openSslName, InteropKey key)
    {
        OpenSslPeer.Require();
        using var listener = new LoopbackTls.Server();
        TlsServerOptions options = LoopbackTls.ServerOptions(ids[key], TlsProtocolVersion.Tls12);
        LoopbackTls.Set(options.CipherSuites, suite);
        Task<TlsStream> accept = listener.AcceptAsync(options);
        using OpenSslProcess client = OpenSslProcess.StartClient(ids.Directory, listener.Port,
            ["-CAfile", "ca.pem", "-servername", "localhost", "-verify_return_error", "-ign_eof", "-tls1_2", "-cipher", openSslName]);
        client.Send("ping from openssl\n");

        await using (TlsStream tls = await accept)
        {
            (await LoopbackTls.ReadUntilAsync(tls, "\n")).ShouldBe("ping from openssl\n");
            tls.NegotiatedCipherSuite.ShouldBe(suite);
            await tls.WriteAsync("pong\n"u8.ToArray());
            await tls.ShutdownAsync();
        }

        client.CloseStdin();
        client.WaitForExit(LoopbackTls.Timeout).ShouldBeTrue(client.Transcript);
        client.Stdout.ShouldContain($"New, TLSv1.2, Cipher is {openSslName}", customMessage: client.Transcript);
        client.Stdout.ShouldContain("Verify return code: 0 (ok)", customMessage: client.Transcript);
        client.Stdout.ShouldContain("pong", customMessage: client.Transcript);
    }
}
