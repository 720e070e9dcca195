using ManagedTls.Net;
using ManagedTls.Tests.TestSupport;
using ManagedTls.Tls;
using ManagedTls.X509.Verification;

namespace ManagedTls.Tests.Tls.Interop;

/// <summary>
/// TLS 1.3 against the openssl binary over loopback. Our client against <c>openssl s_server</c>: the full cross of
/// suites × groups × server certificate kinds (27 handshakes). <c>openssl s_client</c> against our server: a Latin
/// square over the same axes (9 handshakes; every pair of axis values appears once).
/// </summary>
public sealed class Tls13InteropTests(InteropIdentities ids) : IClassFixture<InteropIdentities>
{
    private static readonly TlsCipherSuite[] s_suites =
        [TlsCipherSuite.TLS_AES_128_GCM_SHA256, TlsCipherSuite.TLS_AES_256_GCM_SHA384, TlsCipherSuite.TLS_CHACHA20_POLY1305_SHA256];

    private static readonly TlsNamedGroup[] s_groups = [TlsNamedGroup.X25519, TlsNamedGroup.Secp256r1, TlsNamedGroup.Secp384r1];

    private static readonly InteropKey[] s_keys = [InteropKey.EcdsaP256, InteropKey.RsaPss2048, InteropKey.Ed25519];

    public static TheoryData<TlsCipherSuite, TlsNamedGroup, InteropKey> FullCross()
    {
        var data = new TheoryData<TlsCipherSuite, TlsNamedGroup, InteropKey>();
        foreach (TlsCipherSuite suite in s_suites)
        {
            foreach (TlsNamedGroup group in s_groups)
            {
                foreach (InteropKey key in s_keys)
                {
                    data.Add(suite, group, key);
                }
            }
        }

        return data;
    }

    public static TheoryData<TlsCipherSuite, TlsNamedGroup, InteropKey> LatinSquare()
    {
        var data = new TheoryData<TlsCipherSuite, TlsNamedGroup, InteropKey>();
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                data.Add(s_suites[i], s_groups[j], s_keys[(i + j) % 3]);
            }
        }

        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(FullCross))]
    public async Task OurClient_OpenSslServer_NegotiatesAndExchangesData(TlsCipherSuite suite, TlsNamedGroup group, InteropKey key)
    {
        string stem = InteropIdentities.Stem(key);
        using OpenSslProcess server = OpenSslProcess.StartServer(ids.Directory,
            ["-cert", stem + ".pem", "-key", stem + ".key", "-www", "-naccept", "1", "-tls1_3",
             "-ciphersuites", suite.ToString(), "-groups", LoopbackTls.OpenSslGroup(group)]);
        TlsClientOptions options = LoopbackTls.ClientOptions(ids, TlsProtocolVersion.Tls13);
        LoopbackTls.Set(options.Tls13CipherSuites, suite);
        LoopbackTls.Set(options.Groups, group);

        await using TlsStream tls = await LoopbackTls.ConnectAsync(server.Port, options);
        await tls.WriteAsync("GET / HTTP/1.0\r\n\r\n"u8.ToArray());
        string page = await LoopbackTls.ReadToEndAsync(tls);

        tls.NegotiatedVersion.ShouldBe(TlsProtocolVersion.Tls13);
        tls.NegotiatedCipherSuite.ShouldBe(suite);
        tls.NegotiatedGroup.ShouldBe(group);
        tls.PeerVerifyResult.ShouldBe(X509VerifyError.Ok);
        tls.RemoteCertificate!.Subject.ToString().ShouldBe("CN = localhost");
        page.ShouldStartWith("HTTP/1.0 200 ok");
        page.ShouldContain($"New, TLSv1.3, Cipher is {suite}", customMessage: server.Transcript);
    }

    [SkippableTheory]
    [MemberData(nameof(LatinSquare))]
    public async Task OpenSslClient_OurServer_NegotiatesAndExchangesData(TlsCipherSuite suite, TlsNamedGroup group, InteropKey key)
    {
        OpenSslPeer.Require();
        using var listener = new LoopbackTls.Server();
        TlsServerOptions options = LoopbackTls.ServerOptions(ids[key], TlsProtocolVersion.Tls13);
        LoopbackTls.Set(options.Tls13CipherSuites, suite);
        LoopbackTls.Set(options.Groups, group);
        Task<TlsStream> accept = listener.AcceptAsync(options);
        using OpenSslProcess client = OpenSslProcess.StartClient(ids.Directory, listener.Port,
            ["-CAfile", "ca.pem", "-servername", "localhost", "-verify_return_error", "-ign_eof", "-tls1_3",
             "-ciphersuites", suite.ToString(), "-groups", LoopbackTls.OpenSslGroup(group)]);
        client.Send("ping from openssl\n");

        await using (TlsStream tls = await accept)
        {
            (await LoopbackTls.ReadUntilAsync(tls, "\n")).ShouldBe("ping from openssl\n");
            await tls.WriteAsync(System.Text.Encoding.ASCII.GetBytes($"pong {tls.NegotiatedCipherSuite}\n"));
            await tls.ShutdownAsync();
            tls.NegotiatedCipherSuite.ShouldBe(suite);
            tls.NegotiatedGroup.ShouldBe(group);
        }

        client.CloseStdin();
        client.WaitForExit(LoopbackTls.Timeout).ShouldBeTrue(client.Transcript);
        client.Stdout.ShouldContain($"New, TLSv1.3, Cipher is {suite}", customMessage: client.Transcript);
        client.Stdout.ShouldContain("Verify return code: 0 (ok)", customMessage: client.Transcript);
        client.Stdout.ShouldContain("Server Temp Key: " + LoopbackTls.OpenSslTempKey(group), customMessage: client.Transcript);
        client.Stdout.ShouldContain($"pong {suite}", customMessage: client.Transcript);
    }

    [SkippableFact]
    public async Task OurClient_ServerPrefersUnsharedKeyShare_HelloRetryRequest()
    {
        using OpenSslProcess server = OpenSslProcess.StartServer(ids.Directory,
            ["-cert", "ecdsa.pem", "-key", "ecdsa.key", "-www", "-naccept", "1", "-tls1_3", "-groups", "P-384"]);
        TlsClientOptions options = LoopbackTls.ClientOptions(ids, TlsProtocolVersion.Tls13);
        LoopbackTls.Set(options.Groups, TlsNamedGroup.X25519, TlsNamedGroup.Secp384r1);
        options.KeyShareGroups = [TlsNamedGroup.X25519];

        await using TlsStream tls = await LoopbackTls.ConnectAsync(server.Port, options);
        await tls.WriteAsync("GET / HTTP/1.0\r\n\r\n"u8.ToArray());
        string page = await LoopbackTls.ReadToEndAsync(tls);

        tls.Connection!.HelloRetryRequested.ShouldBeTrue();
        tls.NegotiatedGroup.ShouldBe(TlsNamedGroup.Secp384r1);
        page.ShouldContain("New, TLSv1.3, Cipher is ");
    }

    [SkippableFact]
    public async Task OpenSslClient_OurServerLacksItsKeyShareGroup_HelloRetryRequest()
    {
        OpenSslPeer.Require();
        using var listener = new LoopbackTls.Server();
        TlsServerOptions options = LoopbackTls.ServerOptions(ids[InteropKey.EcdsaP256], TlsProtocolVersion.Tls13);
        LoopbackTls.Set(options.Groups, TlsNamedGroup.Secp256r1);
        Task<TlsStream> accept = listener.AcceptAsync(options);
        // openssl 3.0 sends a key share for the first listed group only (X25519), so P-256 needs a HelloRetryRequest.
        using OpenSslProcess client = OpenSslProcess.StartClient(ids.Directory, listener.Port,
            ["-CAfile", "ca.pem", "-servername", "localhost", "-verify_return_error", "-ign_eof", "-groups", "X25519:P-256"]);

        await using (TlsStream tls = await accept)
        {
            tls.Connection!.HelloRetryRequested.ShouldBeTrue();
            tls.NegotiatedGroup.ShouldBe(TlsNamedGroup.Secp256r1);
            await tls.WriteAsync("after hrr\n"u8.ToArray());
            await tls.ShutdownAsync();
        }

        client.CloseStdin();
        client.WaitForExit(LoopbackTls.Timeout).ShouldBeTrue(client.Transcript);
        client.Stdout.ShouldContain("Server Temp Key: ECDH, prime256v1, 256 bits", customMessage: client.Transcript);
        client.Stdout.ShouldContain("after hrr", customMessage: client.Transcript);
    }
}
