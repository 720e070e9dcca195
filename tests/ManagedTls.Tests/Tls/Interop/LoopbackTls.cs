using System.Net;
using System.Net.Sockets;
using System.Text;
using ManagedTls.Net;
using ManagedTls.Tls;

namespace ManagedTls.Tests.Tls.Interop;

/// <summary>Our side of an interop run: a <see cref="TlsStream"/> client or server over loopback TCP.</summary>
internal static class LoopbackTls
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private static readonly Lazy<bool> s_engineImplemented = new(() =>
    {
        try
        {
            using var probe = TlsConnection.CreateClient(new TlsClientOptions());
            _ = probe.PendingTlsBytes;
            return true;
        }
        catch (NotImplementedException)
        {
            return false;
        }
    });

    /// <summary>
    /// Skips while the engine is still the contract's compiled surface (its bodies throw NotImplementedException);
    /// once the handshake lands this never skips.
    /// </summary>
    public static void RequireEngine() => Skip.IfNot(s_engineImplemented.Value, "the TLS engine surface is not implemented yet on this branch");

    private static bool? s_tls12Implemented;

    /// <summary>
    /// Skips TLS 1.2 rows while the TLS 1.2 handshake is still core13's hand-off stub ("TLS 1.2 is not available in
    /// this build"); probed once with an in-memory handshake. Once wt/tls12 lands this never skips.
    /// </summary>
    public static void RequireTls12(TlsCertificateIdentity identity)
    {
        RequireEngine();
        s_tls12Implemented ??= ProbeTls12(identity);
        Skip.IfNot(s_tls12Implemented.Value, "the TLS 1.2 handshake is not implemented yet on this branch");
    }

    private static bool ProbeTls12(TlsCertificateIdentity identity)
    {
        using var client = TlsConnection.CreateClient(new TlsClientOptions { MinVersion = TlsProtocolVersion.Tls12, MaxVersion = TlsProtocolVersion.Tls12 });
        using var server = TlsConnection.CreateServer(new TlsServerOptions { Certificate = identity, MinVersion = TlsProtocolVersion.Tls12, MaxVersion = TlsProtocolVersion.Tls12 });
        byte[] buffer = new byte[64 * 1024];
        try
        {
            for (int round = 0; round < 4; round++)
            {
                int n = client.WriteTls(buffer);
                server.ReadTls(buffer.AsSpan(0, n));
                server.ProcessNewPackets();
                n = server.WriteTls(buffer);
                client.ReadTls(buffer.AsSpan(0, n));
                client.ProcessNewPackets();
            }
        }
        catch (TlsException e) when (e.Message.Contains("not available in this build", StringComparison.Ordinal))
        {
            return false;
        }
        catch (TlsException)
        {
            return true; // TLS 1.2 is there; whatever failed here, the real test will tell
        }

        return true;
    }

    /// <summary>Connects to 127.0.0.1:<paramref name="port"/> and runs the client handshake.</summary>
    public static async Task<TlsStream> ConnectAsync(int port, TlsClientOptions options)
    {
        RequireEngine();
        using var cts = new CancellationTokenSource(Timeout);
        var tcp = new TcpClient { NoDelay = true };
        await tcp.ConnectAsync(IPAddress.Loopback, port, cts.Token);
        var tls = new TlsStream(tcp.GetStream(), leaveInnerStreamOpen: false);
        try
        {
            await tls.AuthenticateAsClientAsync(options, cts.Token);
            return tls;
        }
        catch
        {
            await tls.DisposeAsync();
            tcp.Dispose();
            throw;
        }
    }

    /// <summary>A listener on 127.0.0.1 with a free port, accepting TLS connections with our server.</summary>
    public sealed class Server : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

        public Server()
        {
            RequireEngine();
            _listener.Start();
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        /// <summary>Accepts one connection and runs the server handshake; the TlsException of a failed handshake propagates.</summary>
        public async Task<TlsStream> AcceptAsync(TlsServerOptions options)
        {
            using var cts = new CancellationTokenSource(Timeout);
            Socket socket = await _listener.AcceptSocketAsync(cts.Token);
            socket.NoDelay = true;
            var tls = new TlsStream(new NetworkStream(socket, ownsSocket: true));
            try
            {
                await tls.AuthenticateAsServerAsync(options, cts.Token);
                return tls;
            }
            catch
            {
                await tls.DisposeAsync();
                throw;
            }
        }

        public void Dispose() => _listener.Stop();
    }

    /// <summary>Reads until <paramref name="needle"/> has arrived (or the stream ends) and returns all text read.</summary>
    public static async Task<string> ReadUntilAsync(Stream stream, string needle)
    {
        using var cts = new CancellationTokenSource(Timeout);
        var text = new StringBuilder();
        byte[] buffer = new byte[4096];
        while (!text.ToString().Contains(needle, StringComparison.Ordinal))
        {
            int n = await stream.ReadAsync(buffer, cts.Token);
            if (n == 0)
            {
                break;
            }

            text.Append(Encoding.ASCII.GetString(buffer, 0, n));
        }

        return text.ToString();
    }

    /// <summary>Reads to the end of the stream (close_notify or EOF).</summary>
    public static async Task<string> ReadToEndAsync(Stream stream)
    {
        using var cts = new CancellationTokenSource(Timeout);
        var bytes = new MemoryStream();
        await stream.CopyToAsync(bytes, cts.Token);
        return Encoding.ASCII.GetString(bytes.ToArray());
    }

    public static void Set<T>(IList<T> list, params T[] values)
    {
        list.Clear();
        foreach (T value in values)
        {
            list.Add(value);
        }
    }

    /// <summary>The client options every interop test starts from: trust the interop root, verify localhost.</summary>
    public static TlsClientOptions ClientOptions(InteropIdentities ids, TlsProtocolVersion version)
    {
        var options = new TlsClientOptions
        {
            ServerName = "localhost",
            TrustStore = ids.TrustStore(),
            VerifyMode = TlsVerifyMode.Peer,
            MinVersion = version,
            MaxVersion = version,
        };
        return options;
    }

    public static TlsServerOptions ServerOptions(TlsCertificateIdentity identity, TlsProtocolVersion version) => new()
    {
        Certificate = identity,
        MinVersion = version,
        MaxVersion = version,
    };

    /// <summary>OpenSSL's name of a group for -groups.</summary>
    public static string OpenSslGroup(TlsNamedGroup group) => group switch
    {
        TlsNamedGroup.X25519 => "X25519",
        TlsNamedGroup.Secp256r1 => "P-256",
        TlsNamedGroup.Secp384r1 => "P-384",
        TlsNamedGroup.Secp521r1 => "P-521",
        TlsNamedGroup.X448 => "X448",
        _ => group.ToString().ToLowerInvariant(),
    };

    /// <summary>What s_client prints after "Server Temp Key: " for a group.</summary>
    public static string OpenSslTempKey(TlsNamedGroup group) => group switch
    {
        TlsNamedGroup.X25519 => "X25519, 253 bits",
        TlsNamedGroup.Secp256r1 => "ECDH, prime256v1, 256 bits",
        TlsNamedGroup.Secp384r1 => "ECDH, secp384r1, 384 bits",
        _ => group.ToString(),
    };
}
