using System.Net;
using System.Net.Sockets;
using ManagedTls.Asn1;
using ManagedTls.Crypto;
using ManagedTls.Keys;
using ManagedTls.Net;
using ManagedTls.Tls;
using ManagedTls.X509;
using ManagedTls.X509.Verification;

namespace ManagedTls.Tests.Net;

/// <summary><see cref="TlsStream"/> over loopback TCP with ManagedTls on both ends.</summary>
public sealed class TlsStreamTests : IDisposable
{
    private static readonly Lazy<(Certificate Root, TlsCertificateIdentity Identity)> s_identity = new(MakeIdentity);
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

    public TlsStreamTests() => _listener.Start();

    public static TheoryData<TlsProtocolVersion, bool> Modes() => new()
    {
        { TlsProtocolVersion.Tls13, true },
        { TlsProtocolVersion.Tls13, false },
        { TlsProtocolVersion.Tls12, true },
        { TlsProtocolVersion.Tls12, false },
    };

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task Authenticate_BothEnds_PropertiesAndDataBothWays(TlsProtocolVersion version, bool async)
    {
        (TlsStream client, TlsStream server) = await ConnectAsync(version, async);
        using (client)
        using (server)
        {
            client.IsAuthenticated.ShouldBeTrue();
            server.IsAuthenticated.ShouldBeTrue();
            server.IsServer.ShouldBeTrue();
            client.IsServer.ShouldBeFalse();
            client.NegotiatedVersion.ShouldBe(version);
            server.NegotiatedCipherSuite.ShouldBe(client.NegotiatedCipherSuite);
            client.NegotiatedCipherSuite.ShouldNotBe(TlsCipherSuite.TLS_NULL_WITH_NULL_NULL);
            client.RemoteCertificate.ShouldBe(s_identity.Value.Identity.Leaf);
            client.PeerVerifyResult.ShouldBe(X509VerifyError.Ok);
            server.RemoteCertificate.ShouldBeNull();
            client.BytesSent.ShouldBeGreaterThan(0);
            client.BytesReceived.ShouldBeGreaterThan(0);
            client.CanRead.ShouldBeTrue();
            client.CanSeek.ShouldBeFalse();

            byte[] ping = "ping over TlsStream"u8.ToArray();
            if (async)
            {
                await client.WriteAsync(ping);
                (await ReadExactlyAsync(server, ping.Length)).ShouldBe(ping);
                await server.WriteAsync(ping.AsMemory(0, 4));
                (await ReadExactlyAsync(client, 4)).ShouldBe(ping[..4]);
            }
            else
            {
                client.Write(ping, 0, ping.Length);
                ReadExactly(server, ping.Length).ShouldBe(ping);
                server.Write(ping.AsSpan(0, 4));
                ReadExactly(client, 4).ShouldBe(ping[..4]);
            }
        }
    }

    [Theory]
    [InlineData(TlsProtocolVersion.Tls13)]
    [InlineData(TlsProtocolVersion.Tls12)]
    public async Task FullDuplex_4MiBEachWayConcurrently_Arrives(TlsProtocolVersion version)
    {
        (TlsStream client, TlsStream server) = await ConnectAsync(version, async: true);
        using (client)
        using (server)
        {
            byte[] up = Pattern(4 << 20, 1);
            byte[] down = Pattern(4 << 20, 2);
            Task clientWrite = Task.Run(async () =>
            {
                for (int i = 0; i < up.Length; i += 100_000)
                {
                    await client.WriteAsync(up.AsMemory(i, Math.Min(100_000, up.Length - i)));
                }
            });
            Task serverWrite = Task.Run(() => server.Write(down));
            Task<byte[]> serverRead = ReadExactlyAsync(server, up.Length);
            byte[] clientReceived = await ReadExactlyAsync(client, down.Length);
            await Task.WhenAll(clientWrite, serverWrite);

            clientReceived.AsSpan().SequenceEqual(down).ShouldBeTrue();
            (await serverRead).AsSpan().SequenceEqual(up).ShouldBeTrue();
        }
    }

    [Fact]
    public async Task Shutdown_PeerReadsZeroAfterCloseNotify_AndCanStillWrite()
    {
        (TlsStream client, TlsStream server) = await ConnectAsync(TlsProtocolVersion.Tls13, async: true);
        using (client)
        using (server)
        {
            await client.ShutdownAsync();
            (await server.ReadAsync(new byte[8])).ShouldBe(0);
            server.ReceivedCloseNotify.ShouldBeTrue();
            server.ReceivedUncleanEof.ShouldBeFalse();

            // half close: the server's data still reaches the client
            await server.WriteAsync("after"u8.ToArray());
            (await ReadExactlyAsync(client, 5)).ShouldBe("after"u8.ToArray());
        }
    }

    [Fact]
    public async Task TransportClosedWithoutCloseNotify_ReadReturnsZero_Unclean()
    {
        (TlsStream client, TlsStream server) = await ConnectAsync(TlsProtocolVersion.Tls13, async: true);
        using (server)
        {
            client.InnerStream.Dispose();
            (await server.ReadAsync(new byte[8])).ShouldBe(0);
            server.ReceivedCloseNotify.ShouldBeFalse();
            server.ReceivedUncleanEof.ShouldBeTrue();
            client.Dispose();
        }
    }

    [Fact]
    public async Task KeyUpdate_DataStillFlowsBothWays()
    {
        (TlsStream client, TlsStream server) = await ConnectAsync(TlsProtocolVersion.Tls13, async: false);
        using (client)
        using (server)
        {
            client.SendKeyUpdate(requestPeerUpdate: true);
            client.Write("one"u8);
            ReadExactly(server, 3).ShouldBe("one"u8.ToArray());
            await server.SendKeyUpdateAsync(requestPeerUpdate: false);
            server.Write("two"u8);
            ReadExactly(client, 3).ShouldBe("two"u8.ToArray());
        }
    }

    [Fact]
    public async Task ReadAsync_Cancelled_Throws()
    {
        (TlsStream client, TlsStream server) = await ConnectAsync(TlsProtocolVersion.Tls13, async: true);
        using (client)
        using (server)
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
            await Should.ThrowAsync<OperationCanceledException>(async () =>
            {
                int read = await client.ReadAsync(new byte[16], cts.Token);
                read.ShouldBe(-1, "nothing was sent, so the read cannot complete");
            });
        }
    }

    [Fact]
    public async Task UntrustedServer_ClientThrowsTlsException_ServerSeesTheAlert()
    {
        Task<TlsStream> accept = AcceptAsync(new TlsServerOptions { Certificate = s_identity.Value.Identity });
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, Port);
        using var client = new TlsStream(tcp.GetStream());

        TlsException e = await Should.ThrowAsync<TlsException>(() => client.AuthenticateAsClientAsync(
            new TlsClientOptions { ServerName = "localhost", TrustStore = new TrustStore(), VerifyMode = TlsVerifyMode.Peer }));
        TlsException peer = await Should.ThrowAsync<TlsException>(() => accept);

        e.Error.ShouldBe(TlsError.CertificateVerifyFailed);
        peer.IsPeerAlert.ShouldBeTrue();
        peer.Alert.ShouldBe(e.Alert);
        client.IsAuthenticated.ShouldBeFalse();
    }

    [Fact]
    public async Task PeerClosesDuringHandshake_IOException()
    {
        Task<Socket> accept = _listener.AcceptSocketAsync();
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, Port);
        (await accept).Dispose();
        using var client = new TlsStream(tcp.GetStream());

        await Should.ThrowAsync<IOException>(() => client.AuthenticateAsClientAsync(new TlsClientOptions { ServerName = "localhost" }));
    }

    [Fact]
    public void UseBeforeOrTwiceAfterAuthentication_InvalidOperation()
    {
        using var stream = new TlsStream(new MemoryStream());
        Should.Throw<InvalidOperationException>(() => stream.Read(new byte[1], 0, 1));
        Should.Throw<InvalidOperationException>(() => stream.Write(new byte[1], 0, 1));
        stream.IsAuthenticated.ShouldBeFalse();
        stream.NegotiatedVersion.ShouldBe(TlsProtocolVersion.None);
        Should.Throw<ArgumentException>(() => new TlsStream(new ReadOnlyStream()));
    }

    public void Dispose() => _listener.Stop();

    private int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    private async Task<TlsStream> AcceptAsync(TlsServerOptions options)
    {
        Socket socket = await _listener.AcceptSocketAsync();
        var stream = new TlsStream(new NetworkStream(socket, ownsSocket: true));
        await stream.AuthenticateAsServerAsync(options);
        return stream;
    }

    private async Task<(TlsStream Client, TlsStream Server)> ConnectAsync(TlsProtocolVersion version, bool async)
    {
        (Certificate root, TlsCertificateIdentity identity) = s_identity.Value;
        var trust = new TrustStore();
        trust.AddCertificate(root);
        var serverOptions = new TlsServerOptions { Certificate = identity, MinVersion = version, MaxVersion = version };
        var clientOptions = new TlsClientOptions { ServerName = "localhost", TrustStore = trust, VerifyMode = TlsVerifyMode.Peer, MinVersion = version, MaxVersion = version };
        Task<TlsStream> server = async
            ? AcceptAsync(serverOptions)
            : Task.Run(() =>
            {
                var stream = new TlsStream(new NetworkStream(_listener.AcceptSocket(), ownsSocket: true));
                stream.AuthenticateAsServer(serverOptions);
                return stream;
            });
        var tcp = new TcpClient { NoDelay = true };
        await tcp.ConnectAsync(IPAddress.Loopback, Port);
        var client = new TlsStream(tcp.GetStream());
        if (async)
        {
            await client.AuthenticateAsClientAsync(clientOptions);
        }
        else
        {
            client.AuthenticateAsClient(clientOptions);
        }

        return (client, await server.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    private static byte[] ReadExactly(Stream stream, int count)
    {
        byte[] data = new byte[count];
        stream.ReadExactly(data);
        return data;
    }

    private static async Task<byte[]> ReadExactlyAsync(Stream stream, int count)
    {
        byte[] data = new byte[count];
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await stream.ReadExactlyAsync(data, cts.Token);
        return data;
    }

    private static byte[] Pattern(int length, int seed)
    {
        byte[] data = new byte[length];
        new System.Random(seed).NextBytes(data);
        return data;
    }

    private static (Certificate Root, TlsCertificateIdentity Identity) MakeIdentity()
    {
        EcPrivateKey rootKey = KeyGenerator.GenerateEc(EcNamedCurve.P256);
        EcPrivateKey leafKey = KeyGenerator.GenerateEc(EcNamedCurve.P256);
        DateTimeOffset now = DateTimeOffset.UtcNow;
        var root = new CertificateBuilder
        {
            SerialNumber = 1,
            Subject = DistinguishedName.Parse("/CN=TlsStream test root"),
            NotBefore = now.AddMinutes(-5),
            NotAfter = now.AddDays(1),
            PublicKey = rootKey.PublicKey,
        };
        root.Issuer = root.Subject;
        root.Extensions.Add(new BasicConstraints(true, null).ToExtension(critical: true));
        Certificate rootCertificate = root.Sign(rootKey, HashAlgorithmId.Sha256);
        var leaf = new CertificateBuilder
        {
            SerialNumber = 2,
            Issuer = rootCertificate.Subject,
            Subject = DistinguishedName.Parse("/CN=localhost"),
            NotBefore = now.AddMinutes(-5),
            NotAfter = now.AddDays(1),
            PublicKey = leafKey.PublicKey,
        };
        leaf.Extensions.Add(new AlternativeNames([GeneralName.Dns("localhost")]).ToExtension());
        leaf.Extensions.Add(new ExtendedKeyUsage([Oids.ServerAuth]).ToExtension());
        return (rootCertificate, new TlsCertificateIdentity([leaf.Sign(rootKey, HashAlgorithmId.Sha256)], leafKey));
    }

    private sealed class ReadOnlyStream : MemoryStream
    {
        public override bool CanWrite => false;
    }
}
