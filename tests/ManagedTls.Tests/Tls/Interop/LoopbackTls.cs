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

    /// <summary>Connects to 127.0.0.1:<paramref name="port"/> and runs the client handshake.</summary>
    public static async Task<TlsStream> ConnectAsync(int port, TlsClientOptions options)
    {
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

        public Server() => _listener.Start();

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
