using System.Security.Cryptography;
using ManagedTls.Net;
using ManagedTls.Tests.TestSupport;
using ManagedTls.Tls;

namespace ManagedTls.Tests.Tls.Interop;

/// <summary>
/// 64 MiB each way through one connection with openssl, checked by SHA-256 on both ends: one test per direction and
/// protocol version. openssl runs with -quiet so its stdout carries exactly the bytes it received.
/// </summary>
public sealed class BulkInteropTests(InteropIdentities ids) : IClassFixture<InteropIdentities>
{
    private const int BlockSize = 1 << 20;
    private const int Blocks = 64;

    [SkippableTheory]
    [InlineData(TlsProtocolVersion.Tls13, "TLS_AES_128_GCM_SHA256")]
    [InlineData(TlsProtocolVersion.Tls12, "ECDHE-ECDSA-CHACHA20-POLY1305")]
    public async Task OurClient_OpenSslServer_64MiBEachWay(TlsProtocolVersion version, string openSslSuite)
    {
        string[] suiteArgs = version == TlsProtocolVersion.Tls13 ? ["-tls1_3", "-ciphersuites", openSslSuite] : ["-tls1_2", "-cipher", openSslSuite];
        using OpenSslProcess server = OpenSslProcess.StartServer(ids.Directory,
            ["-cert", "ecdsa.pem", "-key", "ecdsa.key", "-naccept", "1", "-quiet", .. suiteArgs], hashStdout: true);
        await using TlsStream tls = await LoopbackTls.ConnectAsync(server.Port, LoopbackTls.ClientOptions(ids, version));

        Task<byte[]> feedServer = Task.Run(() => Pump(server.Stdin, seed: 2));
        Task<byte[]> upload = Task.Run(() => Pump(tls, seed: 1));
        byte[] downloaded = await HashExactly(tls, (long)Blocks * BlockSize);
        byte[] sent = await upload;
        byte[] serverSent = await feedServer;

        var deadline = DateTime.UtcNow + LoopbackTls.Timeout;
        while (server.StdoutBytes < (long)Blocks * BlockSize && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        server.StdoutBytes.ShouldBe((long)Blocks * BlockSize, server.Stderr);
        await tls.ShutdownAsync();
        server.CloseStdin();
        server.WaitForExit(LoopbackTls.Timeout).ShouldBeTrue(server.Stderr);
        downloaded.ShouldBe(serverSent);
        server.StdoutSha256().ShouldBe(sent);
    }

    [SkippableTheory]
    [InlineData(TlsProtocolVersion.Tls13, "TLS_CHACHA20_POLY1305_SHA256")]
    [InlineData(TlsProtocolVersion.Tls12, "ECDHE-ECDSA-AES128-GCM-SHA256")]
    public async Task OpenSslClient_OurServer_64MiBEachWay(TlsProtocolVersion version, string openSslSuite)
    {
        OpenSslPeer.Require();
        string[] suiteArgs = version == TlsProtocolVersion.Tls13 ? ["-tls1_3", "-ciphersuites", openSslSuite] : ["-tls1_2", "-cipher", openSslSuite];
        using var listener = new LoopbackTls.Server();
        Task<TlsStream> accept = listener.AcceptAsync(LoopbackTls.ServerOptions(ids[InteropKey.EcdsaP256], version));
        using OpenSslProcess client = OpenSslProcess.StartClient(ids.Directory, listener.Port,
            ["-CAfile", "ca.pem", "-servername", "localhost", "-verify_return_error", "-quiet", .. suiteArgs], hashStdout: true);

        byte[] clientSent;
        byte[] uploaded;
        byte[] sent;
        await using (TlsStream tls = await accept)
        {
            Task<byte[]> feedClient = Task.Run(() =>
            {
                byte[] hash = Pump(client.Stdin, seed: 3);
                client.CloseStdin(); // -quiet implies -ign_eof: stdin EOF does not end the session
                return hash;
            });
            Task<byte[]> download = Task.Run(() => Pump(tls, seed: 4));
            uploaded = await HashExactly(tls, (long)Blocks * BlockSize);
            sent = await download;
            clientSent = await feedClient;
            await tls.ShutdownAsync();
        }

        client.WaitForExit(LoopbackTls.Timeout).ShouldBeTrue(client.Stderr);
        uploaded.ShouldBe(clientSent);
        client.StdoutBytes.ShouldBe((long)Blocks * BlockSize, client.Stderr);
        client.StdoutSha256().ShouldBe(sent);
    }

    /// <summary>Writes 64 deterministic pseudo-random MiB (seeded) and returns their SHA-256.</summary>
    private static byte[] Pump(Stream destination, int seed)
    {
        var random = new System.Random(seed);
        byte[] block = new byte[BlockSize];
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        for (int i = 0; i < Blocks; i++)
        {
            random.NextBytes(block);
            hash.AppendData(block);
            for (int offset = 0; offset < BlockSize; offset += 64 * 1024)
            {
                destination.Write(block, offset, 64 * 1024);
            }
        }

        destination.Flush();
        return hash.GetHashAndReset();
    }

    private static async Task<byte[]> HashExactly(Stream source, long count)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        while (total < count)
        {
            int n = await source.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, count - total)), cts.Token);
            if (n == 0)
            {
                throw new EndOfStreamException($"the stream ended after {total} of {count} bytes");
            }

            hash.AppendData(buffer, 0, n);
            total += n;
        }

        return hash.GetHashAndReset();
    }
}
