using ManagedTls.Tls;

namespace ManagedTls.OpenSsl.Tests;

/// <summary>pyOpenSSL's test helpers over memory BIOs: <c>interact_in_memory</c>, <c>handshake_in_memory</c>, <c>_loopback</c>.</summary>
internal static class MemoryPump
{
    private static readonly Lazy<string?> s_engineMissing = new(() =>
    {
        try
        {
            using TlsConnection probe = TlsConnection.CreateClient(new TlsClientOptions());
            return probe.PendingTlsBytes > 0 ? null : "the engine queued no ClientHello";
        }
        catch (NotImplementedException)
        {
            return "the engine's handshake has not landed yet (TlsConnection throws NotImplementedException)";
        }
    });

    private static readonly Lazy<string?> s_tls12Missing = new(() =>
    {
        // The TLS 1.2 engine lands separately (wt/tls12); until then the engine says so in its failure message.
        var client = new Connection(SslPki.Instance.ClientContext(SslMethod.Tlsv1_2));
        var server = new Connection(SslPki.Instance.ServerContext(SslMethod.Tlsv1_2));
        try
        {
            Handshake(client, server);
            return null;
        }
        catch (SslException e) when (e.InnerException is TlsException inner && inner.Message.Contains("not available in this build", StringComparison.Ordinal))
        {
            return "the TLS 1.2 engine has not landed yet: " + inner.Message;
        }
    });

    /// <summary>Skips a TLS 1.2 test when the engine cannot start a TLS 1.2-only client yet.</summary>
    public static void RequireTls12()
    {
        RequireEngine();
        Skip.If(s_tls12Missing.Value is not null, s_tls12Missing.Value);
    }

    /// <summary>Skips a test that needs a working handshake when the engine does not have one yet.</summary>
    public static void RequireEngine() => Skip.If(s_engineMissing.Value is not null, s_engineMissing.Value);

    /// <summary>
    /// Moves bytes between the two until one of them has application data (returned) or neither has anything more to
    /// say (null), as pyOpenSSL's <c>interact_in_memory</c>.
    /// </summary>
    public static (Connection Reader, byte[] Data)? Interact(Connection client, Connection server)
    {
        bool wrote = true;
        while (wrote)
        {
            wrote = false;
            foreach ((Connection read, Connection write) in new[] { (client, server), (server, client) })
            {
                try
                {
                    return (read, read.Recv(65536));
                }
                catch (WantReadException)
                {
                }

                while (true)
                {
                    byte[] dirty;
                    try
                    {
                        dirty = read.BioRead(4096);
                    }
                    catch (WantReadException)
                    {
                        break;
                    }

                    wrote = true;
                    write.BioWrite(dirty);
                }
            }
        }

        return null;
    }

    /// <summary>pyOpenSSL's <c>handshake_in_memory</c>: connect/accept states, one handshake attempt each, then interact.</summary>
    public static void Handshake(Connection client, Connection server)
    {
        client.SetConnectState();
        server.SetAcceptState();
        foreach (Connection connection in new[] { client, server })
        {
            try
            {
                connection.DoHandshake();
            }
            catch (WantReadException)
            {
            }
        }

        Interact(client, server).ShouldBeNull();
    }

    /// <summary>Moves every queued byte from <paramref name="from"/> to <paramref name="to"/>; returns the number moved.</summary>
    public static int Transfer(Connection from, Connection to)
    {
        int moved = 0;
        while (true)
        {
            byte[] data;
            try
            {
                data = from.BioRead(65536);
            }
            catch (WantReadException)
            {
                return moved;
            }

            moved += data.Length;
            to.BioWrite(data);
        }
    }

    /// <summary>Drives a handshake step by step (do_handshake on both, moving bytes) until both complete.</summary>
    public static void HandshakeStrict(Connection client, Connection server)
    {
        client.SetConnectState();
        server.SetAcceptState();
        bool clientDone = false, serverDone = false;
        for (int round = 0; round < 20 && !(clientDone && serverDone); round++)
        {
            clientDone = Step(client);
            Transfer(client, server);
            serverDone = Step(server);
            Transfer(server, client);
        }

        clientDone.ShouldBeTrue("the client handshake did not complete");
        serverDone.ShouldBeTrue("the server handshake did not complete");
    }

    private static bool Step(Connection connection)
    {
        try
        {
            connection.DoHandshake();
            return true;
        }
        catch (WantReadException)
        {
            return false;
        }
    }
}
