using System.Net;
using System.Net.Sockets;
using BenchmarkDotNet.Attributes;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Tls;
using BcCertificate = Org.BouncyCastle.Crypto.Tls.Certificate;

namespace ManagedTls.Benchmarks.Tls;

/// <summary>
/// BouncyCastle 1.8.10's TLS 1.2 (its TLS has no 1.3): full ECDHE handshakes (secp256r1 — its legacy TLS API has no
/// X25519) with ECDHE-ECDSA or ECDHE-RSA AES-128-GCM, one at a time; in memory through the non-blocking
/// OfferInput/ReadOutput API in one thread, and over loopback TCP with its blocking streams.
/// </summary>
[Config(typeof(TlsBenchmarkConfig))]
[BenchmarkCategory("Handshake")]
public class BouncyCastleTlsHandshakeBenchmarks
{
    private readonly byte[] _scratch = new byte[64 * 1024];
    private BcCertificate _chain = null!;
    private AsymmetricKeyParameter _key = null!;
    private bool _ecdsa;
    private TcpListener _listener = null!;

    /// <summary>The server certificate.</summary>
    [Params("ECDSA-P256", "RSA-2048")]
    public string Certificate { get; set; } = "ECDSA-P256";

    [GlobalSetup]
    public void Setup()
    {
        TlsBenchmarkIdentity identity = TlsBenchmarkIdentity.Get(Certificate);
        _ecdsa = identity.IsEcdsa;
        (_chain, _key) = BouncyCastleTlsPeers.Credentials(identity);
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start(64);
    }

    [GlobalCleanup]
    public void Cleanup() => _listener.Stop();

    [Benchmark(Description = "BouncyCastle TLS 1.2 handshake, in memory")]
    public void HandshakeInMemory()
    {
        int suite = BouncyCastleTlsPeers.Suite(_ecdsa, chacha: false);
        var client = new BouncyCastleTlsPeers.Client(suite);
        var server = new BouncyCastleTlsPeers.Server(suite, _chain, _key, _ecdsa);
        var clientProtocol = new TlsClientProtocol(BouncyCastleTlsPeers.Random);
        var serverProtocol = new TlsServerProtocol(BouncyCastleTlsPeers.Random);
        serverProtocol.Accept(server);
        clientProtocol.Connect(client);
        while (BouncyCastleTlsPeers.Pump(clientProtocol, serverProtocol, _scratch) | BouncyCastleTlsPeers.Pump(serverProtocol, clientProtocol, _scratch))
        {
        }

        if (!client.HandshakeComplete || !server.HandshakeComplete)
        {
            throw new InvalidOperationException("BouncyCastle handshake did not complete");
        }
    }

    [Benchmark(Description = "BouncyCastle TLS 1.2 handshake, loopback")]
    public void HandshakeLoopback()
    {
        int suite = BouncyCastleTlsPeers.Suite(_ecdsa, chacha: false);
        using var tcpClient = new TcpClient();
        tcpClient.NoDelay = true;
        Task connect = tcpClient.ConnectAsync((IPEndPoint)_listener.LocalEndpoint);
        using Socket accepted = _listener.AcceptSocket();
        accepted.NoDelay = true;
        connect.GetAwaiter().GetResult();
        using var serverStream = new NetworkStream(accepted, ownsSocket: false);
        Task serverSide = Task.Run(() => new TlsServerProtocol(serverStream, BouncyCastleTlsPeers.Random).Accept(new BouncyCastleTlsPeers.Server(suite, _chain, _key, _ecdsa)));
        new TlsClientProtocol(tcpClient.GetStream(), BouncyCastleTlsPeers.Random).Connect(new BouncyCastleTlsPeers.Client(suite));
        serverSide.GetAwaiter().GetResult();
    }
}

/// <summary>
/// BouncyCastle TLS 1.2 bulk throughput on one ECDHE-ECDSA connection: 16 KiB writes, each read in full by the peer
/// before the next; AES-128-GCM or ChaCha20-Poly1305; in memory (non-blocking API) and over loopback (blocking streams).
/// </summary>
[Config(typeof(TlsBenchmarkConfig))]
[BenchmarkCategory("Bulk")]
public class BouncyCastleTlsBulkBenchmarks
{
    private readonly byte[] _data = new byte[TlsBenchmarkConfig.WriteSize];
    private readonly byte[] _sink = new byte[TlsBenchmarkConfig.WriteSize];
    private readonly byte[] _scratch = new byte[64 * 1024];
    private TlsClientProtocol _memoryClient = null!;
    private TlsServerProtocol _memoryServer = null!;
    private Stream _tcpClient = null!, _tcpServer = null!;
    private TcpListener _listener = null!;
    private TcpClient _tcp = null!;
    private Socket _accepted = null!;

    /// <summary>The cipher of the TLS 1.2 ECDHE-ECDSA suite.</summary>
    [Params("AES-128-GCM", "ChaCha20-Poly1305")]
    public string Cipher { get; set; } = "AES-128-GCM";

    [GlobalSetup]
    public void Setup()
    {
        int suite = BouncyCastleTlsPeers.Suite(ecdsa: true, chacha: Cipher != "AES-128-GCM");
        (BcCertificate chain, AsymmetricKeyParameter key) = BouncyCastleTlsPeers.Credentials(TlsBenchmarkIdentity.Get("ECDSA-P256"));

        _memoryClient = new TlsClientProtocol(BouncyCastleTlsPeers.Random);
        _memoryServer = new TlsServerProtocol(BouncyCastleTlsPeers.Random);
        _memoryServer.Accept(new BouncyCastleTlsPeers.Server(suite, chain, key, ecdsa: true));
        _memoryClient.Connect(new BouncyCastleTlsPeers.Client(suite));
        while (BouncyCastleTlsPeers.Pump(_memoryClient, _memoryServer, _scratch) | BouncyCastleTlsPeers.Pump(_memoryServer, _memoryClient, _scratch))
        {
        }

        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        _tcp = new TcpClient { NoDelay = true };
        Task connect = _tcp.ConnectAsync((IPEndPoint)_listener.LocalEndpoint);
        _accepted = _listener.AcceptSocket();
        connect.GetAwaiter().GetResult();
        var serverProtocol = new TlsServerProtocol(new NetworkStream(_accepted, ownsSocket: false), BouncyCastleTlsPeers.Random);
        Task serverSide = Task.Run(() => serverProtocol.Accept(new BouncyCastleTlsPeers.Server(suite, chain, key, ecdsa: true)));
        var clientProtocol = new TlsClientProtocol(_tcp.GetStream(), BouncyCastleTlsPeers.Random);
        clientProtocol.Connect(new BouncyCastleTlsPeers.Client(suite));
        serverSide.GetAwaiter().GetResult();
        _tcpClient = clientProtocol.Stream;
        _tcpServer = serverProtocol.Stream;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _tcp.Dispose();
        _accepted.Dispose();
        _listener.Stop();
    }

    [Benchmark(Description = "BouncyCastle TLS 1.2 bulk 16 KiB writes, in memory", OperationsPerInvoke = TlsBenchmarkConfig.WritesPerInvoke)]
    public void BulkInMemory()
    {
        for (int i = 0; i < TlsBenchmarkConfig.WritesPerInvoke; i++)
        {
            _memoryClient.OfferOutput(_data, 0, _data.Length);
            BouncyCastleTlsPeers.Pump(_memoryClient, _memoryServer, _scratch);
            int read = 0;
            while (read < _sink.Length)
            {
                int n = _memoryServer.ReadInput(_sink, read, _sink.Length - read);
                if (n == 0)
                {
                    throw new InvalidOperationException("BouncyCastle delivered less than was written");
                }

                read += n;
            }
        }
    }

    [Benchmark(Description = "BouncyCastle TLS 1.2 bulk 16 KiB writes, loopback", OperationsPerInvoke = TlsBenchmarkConfig.WritesPerInvoke)]
    public void BulkLoopback()
    {
        for (int i = 0; i < TlsBenchmarkConfig.WritesPerInvoke; i++)
        {
            _tcpClient.Write(_data, 0, _data.Length);
            _tcpServer.ReadExactly(_sink);
        }
    }
}
