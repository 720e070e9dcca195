using System.Net;
using System.Net.Sockets;
using BenchmarkDotNet.Attributes;
using ManagedTls.Keys;
using ManagedTls.Net;
using ManagedTls.Tls;
using ManagedTls.X509;
using ManagedTls.X509.Verification;

namespace ManagedTls.Benchmarks.Tls;

/// <summary>ManagedTls peers for the benchmarks: the same identity as the SslStream and BouncyCastle rows, TLS 1.3 only.</summary>
internal static class ManagedTlsPeers
{
    public static TlsServerOptions Server(TlsBenchmarkIdentity identity, TlsCipherSuite? suite = null)
    {
        var options = new TlsServerOptions
        {
            Certificate = new TlsCertificateIdentity([Certificate.Load(identity.CertificateDer)], KeyDecoder.DecodePkcs8(identity.Pkcs8Der)),
            MinVersion = TlsProtocolVersion.Tls13,
        };
        if (suite is { } s)
        {
            options.Tls13CipherSuites = [s];
        }

        return options;
    }

    /// <summary>
    /// A client that verifies the server as a real one would (the self-signed certificate is its trust anchor, the
    /// host name is checked): the chain work SslStream also does before its validation callback.
    /// </summary>
    public static TlsClientOptions Client(TlsBenchmarkIdentity identity, TlsCipherSuite? suite = null)
    {
        var trust = new TrustStore();
        trust.AddCertificate(Certificate.Load(identity.CertificateDer));
        var options = new TlsClientOptions
        {
            ServerName = "bench.test",
            TrustStore = trust,
            VerifyMode = TlsVerifyMode.Peer,
            MinVersion = TlsProtocolVersion.Tls13,
            KeyShareGroups = [TlsNamedGroup.X25519],
        };
        if (suite is { } s)
        {
            options.Tls13CipherSuites = [s];
        }

        return options;
    }

    /// <summary>Moves bytes both ways until neither side has output.</summary>
    public static void Pump(TlsConnection client, TlsConnection server, byte[] buffer)
    {
        while (Move(client, server, buffer) | Move(server, client, buffer))
        {
        }
    }

    public static bool Move(TlsConnection from, TlsConnection to, byte[] buffer)
    {
        bool moved = false;
        while (from.PendingTlsBytes > 0)
        {
            int count = from.WriteTls(buffer);
            int offset = 0;
            while (offset < count)
            {
                int accepted = to.ReadTls(buffer.AsSpan(offset, count - offset));
                to.ProcessNewPackets();
                if (accepted == 0)
                {
                    throw new InvalidOperationException("the receiving connection accepted no bytes");
                }

                offset += accepted;
            }

            moved = true;
        }

        return moved;
    }
}

/// <summary>
/// ManagedTls full TLS 1.3 handshakes (X25519, ECDSA P-256 or RSA-2048 server certificate, the client verifying
/// chain and host name), one at a time: two <see cref="TlsConnection"/>s pumped in memory in one thread, and two
/// <see cref="TlsStream"/>s over loopback TCP.
/// </summary>
[Config(typeof(TlsBenchmarkConfig))]
[BenchmarkCategory("Handshake")]
public class ManagedTlsHandshakeBenchmarks
{
    private readonly byte[] _buffer = new byte[1 << 17];
    private TlsClientOptions _clientOptions = null!;
    private TlsServerOptions _serverOptions = null!;
    private TcpListener _listener = null!;

    /// <summary>The server certificate.</summary>
    [Params("ECDSA-P256", "RSA-2048")]
    public string Certificate { get; set; } = "ECDSA-P256";

    [GlobalSetup]
    public void Setup()
    {
        // Options (certificate, key, trust store) are built once, as SslStream's certificate context and
        // BouncyCastle's credentials are: the measurement is the handshake, not loading PEM/DER.
        TlsBenchmarkIdentity identity = TlsBenchmarkIdentity.Get(Certificate);
        _clientOptions = ManagedTlsPeers.Client(identity);
        _serverOptions = ManagedTlsPeers.Server(identity);
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start(64);
        HandshakeInMemory(); // fail in setup, not in the measurement, if the engine cannot do it
    }

    [GlobalCleanup]
    public void Cleanup() => _listener.Stop();

    [Benchmark(Description = "ManagedTls TLS 1.3 handshake, in memory")]
    public void HandshakeInMemory()
    {
        using TlsConnection client = TlsConnection.CreateClient(_clientOptions);
        using TlsConnection server = TlsConnection.CreateServer(_serverOptions);
        ManagedTlsPeers.Pump(client, server, _buffer);
        if (!client.IsHandshakeComplete || !server.IsHandshakeComplete || client.NegotiatedVersion != TlsProtocolVersion.Tls13)
        {
            throw new InvalidOperationException($"handshake did not complete: {client.Failure?.Message ?? server.Failure?.Message}");
        }
    }

    [Benchmark(Description = "ManagedTls TLS 1.3 handshake, loopback (TlsStream)")]
    public void HandshakeLoopback()
    {
        using var tcpClient = new TcpClient();
        tcpClient.NoDelay = true;
        Task connect = tcpClient.ConnectAsync((IPEndPoint)_listener.LocalEndpoint);
        using Socket accepted = _listener.AcceptSocket();
        accepted.NoDelay = true;
        connect.GetAwaiter().GetResult();
        using var client = new TlsStream(tcpClient.GetStream());
        using var server = new TlsStream(new NetworkStream(accepted, ownsSocket: false));
        Task.WaitAll(
            client.AuthenticateAsClientAsync(_clientOptions),
            server.AuthenticateAsServerAsync(_serverOptions));
    }
}

/// <summary>
/// ManagedTls bulk throughput on one TLS 1.3 connection (ECDSA P-256): 16 KiB writes, each read in full by the peer
/// before the next; AES-128-GCM or ChaCha20-Poly1305 (BouncyCastle's AEADs behind the provider seam); in memory
/// (two TlsConnections) and over loopback (two TlsStreams).
/// </summary>
[Config(typeof(TlsBenchmarkConfig))]
[BenchmarkCategory("Bulk")]
public class ManagedTlsBulkBenchmarks
{
    private readonly byte[] _data = new byte[TlsBenchmarkConfig.WriteSize];
    private readonly byte[] _sink = new byte[TlsBenchmarkConfig.WriteSize];
    private readonly byte[] _buffer = new byte[1 << 17];
    private TlsConnection _memoryClient = null!, _memoryServer = null!;
    private TlsStream _tcpClient = null!, _tcpServer = null!;
    private TcpListener _listener = null!;

    /// <summary>The TLS 1.3 cipher suite.</summary>
    [Params("AES-128-GCM", "ChaCha20-Poly1305")]
    public string Cipher { get; set; } = "AES-128-GCM";

    [GlobalSetup]
    public void Setup()
    {
        TlsCipherSuite suite = Cipher == "AES-128-GCM" ? TlsCipherSuite.TLS_AES_128_GCM_SHA256 : TlsCipherSuite.TLS_CHACHA20_POLY1305_SHA256;
        TlsBenchmarkIdentity identity = TlsBenchmarkIdentity.Get("ECDSA-P256");
        _memoryClient = TlsConnection.CreateClient(ManagedTlsPeers.Client(identity, suite));
        _memoryServer = TlsConnection.CreateServer(ManagedTlsPeers.Server(identity, suite));
        ManagedTlsPeers.Pump(_memoryClient, _memoryServer, _buffer);

        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        var tcp = new TcpClient { NoDelay = true };
        Task connect = tcp.ConnectAsync((IPEndPoint)_listener.LocalEndpoint);
        Socket accepted = _listener.AcceptSocket();
        connect.GetAwaiter().GetResult();
        _tcpClient = new TlsStream(tcp.GetStream());
        _tcpServer = new TlsStream(new NetworkStream(accepted, ownsSocket: true));
        Task.WaitAll(
            _tcpClient.AuthenticateAsClientAsync(ManagedTlsPeers.Client(identity, suite)),
            _tcpServer.AuthenticateAsServerAsync(ManagedTlsPeers.Server(identity, suite)));
        if (_memoryClient.NegotiatedCipherSuite != suite || _tcpClient.NegotiatedCipherSuite != suite)
        {
            throw new InvalidOperationException($"negotiated {_memoryClient.NegotiatedCipherSuite}, wanted {suite}");
        }

        BulkInMemory();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _memoryClient.Dispose();
        _memoryServer.Dispose();
        _tcpClient.Dispose();
        _tcpServer.Dispose();
        _listener.Stop();
    }

    [Benchmark(Description = "ManagedTls TLS 1.3 bulk 16 KiB writes, in memory", OperationsPerInvoke = TlsBenchmarkConfig.WritesPerInvoke)]
    public void BulkInMemory()
    {
        for (int i = 0; i < TlsBenchmarkConfig.WritesPerInvoke; i++)
        {
            _memoryClient.Write(_data);
            ManagedTlsPeers.Move(_memoryClient, _memoryServer, _buffer);
            int read = 0;
            while (read < _sink.Length)
            {
                int n = _memoryServer.Read(_sink.AsSpan(read));
                if (n == 0)
                {
                    throw new InvalidOperationException("ManagedTls delivered less than was written");
                }

                read += n;
            }
        }
    }

    [Benchmark(Description = "ManagedTls TLS 1.3 bulk 16 KiB writes, loopback (TlsStream)", OperationsPerInvoke = TlsBenchmarkConfig.WritesPerInvoke)]
    public void BulkLoopback()
    {
        for (int i = 0; i < TlsBenchmarkConfig.WritesPerInvoke; i++)
        {
            _tcpClient.Write(_data);
            _tcpServer.ReadExactly(_sink);
        }
    }
}

/// <summary>
/// ManagedTls full TLS 1.2 handshakes in memory, shaped like the BouncyCastle TLS 1.2 row: ECDHE over secp256r1,
/// AES-128-GCM, an ECDSA P-256 or RSA-2048 server certificate, the client verifying chain and host name.
/// </summary>
[Config(typeof(TlsBenchmarkConfig))]
[BenchmarkCategory("Handshake")]
public class ManagedTlsTls12HandshakeBenchmarks
{
    private readonly byte[] _buffer = new byte[1 << 17];
    private TlsClientOptions _clientOptions = null!;
    private TlsServerOptions _serverOptions = null!;

    /// <summary>The server certificate.</summary>
    [Params("ECDSA-P256", "RSA-2048")]
    public string Certificate { get; set; } = "ECDSA-P256";

    [GlobalSetup]
    public void Setup()
    {
        TlsBenchmarkIdentity identity = TlsBenchmarkIdentity.Get(Certificate);
        TlsCipherSuite suite = Certificate == "RSA-2048"
            ? TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256
            : TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256;
        _clientOptions = ManagedTlsPeers.Client(identity);
        _serverOptions = ManagedTlsPeers.Server(identity);
        foreach (TlsOptions options in new TlsOptions[] { _clientOptions, _serverOptions })
        {
            options.MinVersion = TlsProtocolVersion.Tls12;
            options.MaxVersion = TlsProtocolVersion.Tls12;
            options.CipherSuites = [suite];
            options.Groups = [TlsNamedGroup.Secp256r1];
        }

        _clientOptions.KeyShareGroups = null;
        HandshakeInMemory();
    }

    [Benchmark(Description = "ManagedTls TLS 1.2 handshake, in memory")]
    public void HandshakeInMemory()
    {
        using TlsConnection client = TlsConnection.CreateClient(_clientOptions);
        using TlsConnection server = TlsConnection.CreateServer(_serverOptions);
        ManagedTlsPeers.Pump(client, server, _buffer);
        if (!client.IsHandshakeComplete || !server.IsHandshakeComplete || client.NegotiatedVersion != TlsProtocolVersion.Tls12)
        {
            throw new InvalidOperationException($"handshake did not complete: {client.Failure?.Message ?? server.Failure?.Message}");
        }
    }
}
