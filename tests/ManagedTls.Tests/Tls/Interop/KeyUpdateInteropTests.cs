using ManagedTls.Net;
using ManagedTls.Tests.TestSupport;
using ManagedTls.Tls;

namespace ManagedTls.Tests.Tls.Interop;

/// <summary>
/// TLS 1.3 KeyUpdate both ways with openssl: its s_server/s_client send one on a "K" line (update_requested) or "k"
/// line (not requested) read from stdin; data exchanged afterwards proves both sides switched keys in step.
/// </summary>
public sealed class KeyUpdateInteropTests(InteropIdentities ids) : IClassFixture<InteropIdentities>
{
    [SkippableTheory]
    [InlineData("K")]
    [InlineData("k")]
    public async Task OurClient_OpenSslServerUpdates_ThenOurClientUpdates_DataFlowsBothWays(string command)
    {
        using OpenSslProcess server = OpenSslProcess.StartServer(ids.Directory,
            ["-cert", "ecdsa.pem", "-key", "ecdsa.key", "-naccept", "1", "-tls1_3"]);
        await using TlsStream tls = await LoopbackTls.ConnectAsync(server.Port, LoopbackTls.ClientOptions(ids, TlsProtocolVersion.Tls13));
        await tls.WriteAsync("hello before\n"u8.ToArray());
        server.WaitForOutput("hello before", LoopbackTls.Timeout).ShouldBeTrue(server.Transcript);

        server.Send(command + "\n");
        server.Send("server after update\n");
        (await LoopbackTls.ReadUntilAsync(tls, "server after update\n")).ShouldContain("server after update");
        await tls.WriteAsync("client after peer update\n"u8.ToArray());
        server.WaitForOutput("client after peer update", LoopbackTls.Timeout).ShouldBeTrue(server.Transcript);

        await tls.SendKeyUpdateAsync(requestPeerUpdate: true);
        await tls.WriteAsync("client after own update\n"u8.ToArray());
        server.WaitForOutput("client after own update", LoopbackTls.Timeout).ShouldBeTrue(server.Transcript);
        server.Send("server after client update\n");
        (await LoopbackTls.ReadUntilAsync(tls, "server after client update\n")).ShouldContain("server after client update");
        server.Stderr.ShouldNotContain("error", Case.Insensitive);
    }

    [SkippableTheory]
    [InlineData("K")]
    [InlineData("k")]
    public async Task OpenSslClientUpdates_ThenOurServerUpdates_DataFlowsBothWays(string command)
    {
        OpenSslPeer.Require();
        using var listener = new LoopbackTls.Server();
        Task<TlsStream> accept = listener.AcceptAsync(LoopbackTls.ServerOptions(ids[InteropKey.EcdsaP256], TlsProtocolVersion.Tls13));
        // No -ign_eof: s_client only obeys stdin commands without it.
        using OpenSslProcess client = OpenSslProcess.StartClient(ids.Directory, listener.Port,
            ["-CAfile", "ca.pem", "-servername", "localhost", "-verify_return_error"]);

        await using TlsStream tls = await accept;
        client.Send("hello before\n");
        (await LoopbackTls.ReadUntilAsync(tls, "hello before\n")).ShouldContain("hello before");
        client.Send(command + "\n");
        client.Send("client after update\n");
        (await LoopbackTls.ReadUntilAsync(tls, "client after update\n")).ShouldBe("client after update\n");

        await tls.SendKeyUpdateAsync(requestPeerUpdate: true);
        await tls.WriteAsync("server after own update\n"u8.ToArray());
        client.WaitForOutput("server after own update", LoopbackTls.Timeout).ShouldBeTrue(client.Transcript);
        client.Send("client after server update\n");
        (await LoopbackTls.ReadUntilAsync(tls, "client after server update\n")).ShouldBe("client after server update\n");
        client.Stderr.ShouldNotContain(":error:", Case.Insensitive);
    }
}
