namespace ManagedTls.OpenSsl.Tests;

/// <summary>pyOpenSSL's test helpers over memory BIOs: <c>interact_in_memory</c>, <c>handshake_in_memory</c>, <c>_loopback</c>.</summary>
internal static class MemoryPump
{
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
