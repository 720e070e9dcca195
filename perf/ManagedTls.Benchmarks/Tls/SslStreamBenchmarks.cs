using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using BenchmarkDotNet.Attributes;
using NetCipherSuite = System.Net.Security.TlsCipherSuite;

namespace ManagedTls.Benchmarks.Tls;

/// <summary>
/// .NET's SslStream (native OpenSSL on Linux) as the reference: full TLS 1.3 handshakes (X25519, the default first
/// group, and ECDSA P-256 or RSA-2048 certificates; resumption off) one at a time, in memory and over loopback TCP.
/// Run: <c>dotnet run -c Release --project perf/ManagedTls.Benchmarks -- --filter '*Tls*Handshake*'</c>.
/// </summary>
[Config(typeof(TlsBenchmarkConfig))]
[BenchmarkCategory("Handshake")]
public class SslStreamHandshakeBenchmarks
{
    private SslStreamCertificateContext _context = null!;
    private TcpListener _listener = null!;

    /// <summary>The server certificate.</summary>
    [Params("ECDSA-P256", "RSA-2048")]
    public string Certificate { get; set; } = "ECDSA-P256";

    [GlobalSetup]
    public void Setup()
    {
        _context = SslStreamCertificateContext.Create(TlsBenchmarkIdentity.Get(Certificate).Certificate, additionalCertificates: null, offline: true);
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start(64);
    }

    [GlobalCleanup]
    public void Cleanup() => _listener.Stop();

    [Benchmark(Description = "SslStream TLS 1.3 handshake, in memory")]
    public void HandshakeInMemory()
    {
        (MemoryDuplexStream client, MemoryDuplexStream server) = MemoryDuplexStream.CreatePair();
        Handshake(client, server);
    }

    [Benchmark(Description = "SslStream TLS 1.3 handshake, loopback")]
    public void HandshakeLoopback()
    {
        using var tcpClient = new TcpClient();
        tcpClient.NoDelay = true;
        Task connect = tcpClient.ConnectAsync((IPEndPoint)_listener.LocalEndpoint);
        using Socket accepted = _listener.AcceptSocket();
        accepted.NoDelay = true;
        connect.GetAwaiter().GetResult();
        Handshake(tcpClient.GetStream(), new NetworkStream(accepted, ownsSocket: false));
    }

    internal static SslClientAuthenticationOptions ClientOptions(NetCipherSuite? suite = null) => new()
    {
        TargetHost = "bench.test",
        EnabledSslProtocols = SslProtocols.Tls13,
        AllowTlsResume = false,
        RemoteCertificateValidationCallback = static (_, _, _, _) => true,
        CipherSuitesPolicy = Policy(suite),
    };

    internal static SslServerAuthenticationOptions ServerOptions(SslStreamCertificateContext context, NetCipherSuite? suite = null) => new()
    {
        ServerCertificateContext = context,
        EnabledSslProtocols = SslProtocols.Tls13,
        AllowTlsResume = false,
        ClientCertificateRequired = false,
        CipherSuitesPolicy = Policy(suite),
    };

    private static CipherSuitesPolicy? Policy(NetCipherSuite? suite)
    {
        if (suite is { } s && !OperatingSystem.IsWindows())
        {
            return new CipherSuitesPolicy([s]);
        }

        return null;
    }

    private void Handshake(Stream clientTransport, Stream serverTransport)
    {
        using var client = new SslStream(clientTransport, leaveInnerStreamOpen: false);
        using var server = new SslStream(serverTransport, leaveInnerStreamOpen: false);
        Task.WaitAll(
            client.AuthenticateAsClientAsync(ClientOptions()),
            server.AuthenticateAsServerAsync(ServerOptions(_context)));
    }
}

/// <summary>
/// SslStream bulk throughput: 16 KiB writes on one established TLS 1.3 connection (ECDSA P-256), each read in full
/// by the peer before the next, in memory and over loopback TCP; AES-128-GCM or ChaCha20-Poly1305.
/// </summary>
[Config(typeof(TlsBenchmarkConfig))]
[BenchmarkCategory("Bulk")]
public class SslStreamBulkBenchmarks
{
    private readonly byte[] _data = new byte[TlsBenchmarkConfig.WriteSize];
    private readonly byte[] _sink = new byte[TlsBenchmarkConfig.WriteSize];
    private SslStream _memoryClient = null!, _memoryServer = null!, _tcpClient = null!, _tcpServer = null!;
    private TcpListener _listener = null!;

    /// <summary>The TLS 1.3 cipher suite.</summary>
    [Params("AES-128-GCM", "ChaCha20-Poly1305")]
    public string Cipher { get; set; } = "AES-128-GCM";

    [GlobalSetup]
    public void Setup()
    {
        NetCipherSuite suite = Cipher == "AES-128-GCM" ? NetCipherSuite.TLS_AES_128_GCM_SHA256 : NetCipherSuite.TLS_CHACHA20_POLY1305_SHA256;
        var context = SslStreamCertificateContext.Create(TlsBenchmarkIdentity.Get("ECDSA-P256").Certificate, additionalCertificates: null, offline: true);
        (MemoryDuplexStream c, MemoryDuplexStream s) = MemoryDuplexStream.CreatePair();
        (_memoryClient, _memoryServer) = Connect(c, s, context, suite);

        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        var tcp = new TcpClient { NoDelay = true };
        Task connect = tcp.ConnectAsync((IPEndPoint)_listener.LocalEndpoint);
        Socket accepted = _listener.AcceptSocket();
        connect.GetAwaiter().GetResult();
        (_tcpClient, _tcpServer) = Connect(tcp.GetStream(), new NetworkStream(accepted, ownsSocket: true), context, suite);
        if (_memoryClient.NegotiatedCipherSuite != suite || _tcpClient.NegotiatedCipherSuite != suite)
        {
            throw new InvalidOperationException($"negotiated {_memoryClient.NegotiatedCipherSuite}, wanted {suite}");
        }
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

    [Benchmark(Description = "SslStream TLS 1.3 bulk 16 KiB writes, in memory", OperationsPerInvoke = TlsBenchmarkConfig.WritesPerInvoke)]
    public void BulkInMemory() => Transfer(_memoryClient, _memoryServer);

    [Benchmark(Description = "SslStream TLS 1.3 bulk 16 KiB writes, loopback", OperationsPerInvoke = TlsBenchmarkConfig.WritesPerInvoke)]
    public void BulkLoopback() => Transfer(_tcpClient, _tcpServer);

    private void Transfer(SslStream writer, SslStream reader)
    {
        for (int i = 0; i < TlsBenchmarkConfig.WritesPerInvoke; i++)
        {
            writer.Write(_data);
            reader.ReadExactly(_sink);
        }
    }

    private static (SslStream Client, SslStream Server) Connect(Stream clientTransport, Stream serverTransport, SslStreamCertificateContext context, NetCipherSuite suite)
    {
        var client = new SslStream(clientTransport);
        var server = new SslStream(serverTransport);
        Task.WaitAll(
            client.AuthenticateAsClientAsync(SslStreamHandshakeBenchmarks.ClientOptions(suite)),
            server.AuthenticateAsServerAsync(SslStreamHandshakeBenchmarks.ServerOptions(context, suite)));
        return (client, server);
    }
}
