using ManagedTls.Keys;
using ManagedTls.Tests.TestSupport;
using ManagedTls.Tls;
using ManagedTls.X509;
using ManagedTls.X509.Verification;

namespace ManagedTls.Tests.Tls.Handshake;

/// <summary>Test identities (vectors/tls13) and an in-memory pump between two connections.</summary>
internal static class TlsTestKit
{
    internal static string VectorPath(string name) => Path.Combine(SharedVectors.RepositoryRoot, "vectors", "tls13", name);

    internal static Certificate CaCertificate => Certificate.Load(File.ReadAllBytes(VectorPath("ca.pem")));

    internal static TlsCertificateIdentity Identity(string name) =>
        new([Certificate.Load(File.ReadAllBytes(VectorPath(name + ".pem")))], KeyDecoder.DecodePrivateKey(File.ReadAllBytes(VectorPath(name + ".key"))));

    internal static TrustStore Trust()
    {
        var store = new TrustStore();
        store.AddCertificate(CaCertificate);
        return store;
    }

    internal static TlsClientOptions Client(Action<TlsClientOptions>? configure = null)
    {
        var options = new TlsClientOptions { ServerName = "localhost", TrustStore = Trust(), VerifyMode = TlsVerifyMode.Peer };
        configure?.Invoke(options);
        return options;
    }

    internal static TlsServerOptions Server(string identity = "ecdsa-p256", Action<TlsServerOptions>? configure = null)
    {
        var options = new TlsServerOptions { Certificate = Identity(identity), TrustStore = Trust() };
        configure?.Invoke(options);
        return options;
    }

    /// <summary>Moves bytes both ways until neither side has output; <paramref name="chunk"/> limits each transfer.</summary>
    internal static void Pump(TlsConnection client, TlsConnection server, Func<int>? chunk = null, int maxRounds = 100000)
    {
        byte[] buffer = new byte[1 << 17];
        for (int round = 0; round < maxRounds; round++)
        {
            bool moved = Move(client, server, buffer, chunk) | Move(server, client, buffer, chunk);
            if (!moved)
            {
                return;
            }
        }

        throw new InvalidOperationException("the pump did not settle");
    }

    /// <summary>Moves pending bytes from one side to the other, processing them there.</summary>
    internal static bool Move(TlsConnection from, TlsConnection to, byte[] buffer, Func<int>? chunk = null)
    {
        if (from.PendingTlsBytes == 0)
        {
            return false;
        }

        int want = chunk is null ? buffer.Length : Math.Max(1, chunk());
        int count = from.WriteTls(buffer.AsSpan(0, Math.Min(want, buffer.Length)));
        Deliver(to, buffer.AsSpan(0, count));
        return true;
    }

    /// <summary>Feeds <paramref name="data"/> to <paramref name="to"/>, processing whenever its input buffer is full.</summary>
    internal static void Deliver(TlsConnection to, ReadOnlySpan<byte> data)
    {
        while (!data.IsEmpty)
        {
            int accepted = to.ReadTls(data);
            data = data.Slice(accepted);
            to.ProcessNewPackets();
            if (accepted == 0 && !data.IsEmpty)
            {
                throw new InvalidOperationException("the connection accepts no more input");
            }
        }
    }

    /// <summary>Runs a full handshake in memory and returns both ends.</summary>
    internal static (TlsConnection Client, TlsConnection Server) Handshake(TlsClientOptions clientOptions, TlsServerOptions serverOptions, Func<int>? chunk = null)
    {
        TlsConnection client = TlsConnection.CreateClient(clientOptions);
        TlsConnection server = TlsConnection.CreateServer(serverOptions);
        Pump(client, server, chunk);
        return (client, server);
    }

    internal static byte[] ReadAll(TlsConnection connection)
    {
        byte[] data = new byte[connection.PlaintextAvailable];
        connection.Read(data).ShouldBe(data.Length);
        return data;
    }
}
