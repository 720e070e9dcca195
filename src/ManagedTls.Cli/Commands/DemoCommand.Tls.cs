using System.Net;
using System.Net.Sockets;
using ManagedTls.Asn1;
using ManagedTls.Crypto;
using ManagedTls.Keys;
using ManagedTls.Net;
using ManagedTls.Random;
using ManagedTls.Tls;
using ManagedTls.X509;
using ManagedTls.X509.Verification;

namespace ManagedTls.Cli;

/// <summary>
/// Demo steps for the TLS engine: a CA, an intermediate and a leaf made on the spot, the chain and host name
/// verified, then a ManagedTls server and client in this process talking over loopback TCP (TLS 1.3, then TLS 1.2),
/// with data both ways checked byte for byte. Each step prints what was negotiated after its timing.
/// </summary>
internal sealed partial class DemoCommand
{
    private const string DemoHost = "demo.managedtls.test";
    private const int DemoBytes = 1 << 20;
    private const int StallTimeoutMs = 30_000; // a stalled step fails instead of hanging the demo

    private static TlsDemoState? s_tls;

    private static IEnumerable<DemoStep> TlsIdentitySteps =>
    [
        new("TLS identity: root, intermediate, leaf", MakeIdentityStep),
        new("chain and host name verification", VerifyChainStep),
    ];

    private static IEnumerable<DemoStep> Tls13Steps =>
    [
        new("TLS 1.3 handshake over loopback TCP", () => HandshakeStep(TlsProtocolVersion.Tls13)),
        new("TLS 1.3 data, 1 MiB each way", DataStep),
        new("TLS 1.3 key update and close_notify", CloseStep),
    ];

    private static IEnumerable<DemoStep> Tls12Steps =>
    [
        new("TLS 1.2 handshake over loopback TCP", () => HandshakeStep(TlsProtocolVersion.Tls12)),
        new("TLS 1.2 data, 1 MiB each way", DataStep),
        new("TLS 1.2 close_notify", CloseStep),
    ];

    private static TlsDemoState TlsState => s_tls ?? throw new DemoFailure("the identity step did not run");

    private static string MakeIdentityStep()
    {
        DateTimeOffset now = DateTimeOffset.UtcNow;
        EcPrivateKey caKey = KeyGenerator.GenerateEc(EcNamedCurve.P256);
        EcPrivateKey intermediateKey = KeyGenerator.GenerateEc(EcNamedCurve.P256);
        EcPrivateKey leafKey = KeyGenerator.GenerateEc(EcNamedCurve.P256);
        Certificate ca = Issue("/O=ManagedTls demo/CN=Demo Root CA", caKey.PublicKey, null, caKey, now, ca: true);
        Certificate intermediate = Issue("/O=ManagedTls demo/CN=Demo Intermediate CA", intermediateKey.PublicKey, ca, caKey, now, ca: true);
        Certificate leaf = Issue("/O=ManagedTls demo/CN=" + DemoHost, leafKey.PublicKey, intermediate, intermediateKey, now, ca: false);
        s_tls = new TlsDemoState(ca, new TlsCertificateIdentity([leaf, intermediate], leafKey));
        return $"leaf CN={DemoHost}, issued by {intermediate.Subject}";
    }

    private static Certificate Issue(string subject, PublicKey key, Certificate? issuer, PrivateKey issuerKey, DateTimeOffset now, bool ca)
    {
        var builder = new CertificateBuilder
        {
            SerialNumber = new System.Numerics.BigInteger(SecureRandomSource.GetBytes(8), isUnsigned: true),
            Subject = DistinguishedName.Parse(subject),
            NotBefore = now.AddMinutes(-5),
            NotAfter = now.AddDays(1),
            PublicKey = key,
        };
        builder.Issuer = issuer?.Subject ?? builder.Subject;
        byte[] keyId = KeyIdentifiers.Hash(key.SubjectPublicKeyInfo.Span);
        builder.Extensions.Add(new BasicConstraints(ca, ca ? 1 : null).ToExtension(critical: true));
        builder.Extensions.Add(new KeyUsage(ca ? KeyUsageFlags.KeyCertSign | KeyUsageFlags.CrlSign : KeyUsageFlags.DigitalSignature).ToExtension(critical: true));
        builder.Extensions.Add(new SubjectKeyIdentifier(keyId).ToExtension());
        if (issuer is not null)
        {
            byte[] issuerKeyId = KeyIdentifiers.Hash(issuerKey.PublicKey.SubjectPublicKeyInfo.Span);
            builder.Extensions.Add(new AuthorityKeyIdentifier(issuerKeyId, null, null).ToExtension());
        }

        if (!ca)
        {
            builder.Extensions.Add(new ExtendedKeyUsage([Oids.ServerAuth]).ToExtension());
            builder.Extensions.Add(new AlternativeNames([GeneralName.Dns(DemoHost), GeneralName.IPAddress([127, 0, 0, 1])]).ToExtension());
        }

        return builder.Sign(issuerKey, HashAlgorithmId.Sha256);
    }

    private static string VerifyChainStep()
    {
        TlsDemoState tls = TlsState;
        var options = new VerificationOptions { Purpose = VerificationPurpose.ServerAuth };
        options.ExpectedHostnames.Add(DemoHost);
        VerificationResult result = ChainVerifier.Verify(tls.Identity.Leaf, [tls.Identity.Chain[1]], tls.Trust, options);
        Check(result.IsValid, $"chain did not verify: {result}");
        Check(result.Chain.Count == 3, $"expected a chain of 3, got {result.Chain.Count}");

        var wrongHost = new VerificationOptions { Purpose = VerificationPurpose.ServerAuth };
        wrongHost.ExpectedHostnames.Add("other.example");
        VerificationResult mismatch = ChainVerifier.Verify(tls.Identity.Leaf, [tls.Identity.Chain[1]], tls.Trust, wrongHost);
        Check(mismatch.Error == X509VerifyError.HostnameMismatch, $"a wrong host name gave {mismatch}");
        return $"3 certificates to the root; \"other.example\" refused ({mismatch.ErrorMessage})";
    }

    private static string HandshakeStep(TlsProtocolVersion version)
    {
        TlsDemoState tls = TlsState;
        tls.Close();
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            var serverOptions = new TlsServerOptions { Certificate = tls.Identity, MinVersion = version, MaxVersion = version };
            Task<TlsStream> server = Task.Run(() =>
            {
                Socket socket = listener.AcceptSocket();
                socket.ReceiveTimeout = StallTimeoutMs;
                socket.NoDelay = true;
                var stream = new TlsStream(new NetworkStream(socket, ownsSocket: true));
                stream.AuthenticateAsServer(serverOptions);
                return stream;
            });

            var trust = new TrustStore();
            trust.AddCertificate(tls.Root);
            var clientOptions = new TlsClientOptions
            {
                ServerName = DemoHost,
                TrustStore = trust,
                VerifyMode = TlsVerifyMode.Peer,
                MinVersion = version,
                MaxVersion = version,
            };
            var tcp = new TcpClient { NoDelay = true, ReceiveTimeout = StallTimeoutMs };
            tcp.Connect(IPAddress.Loopback, port);
            var client = new TlsStream(tcp.GetStream());
            client.AuthenticateAsClient(clientOptions);
            Check(server.Wait(TimeSpan.FromSeconds(30)), "the server handshake did not finish");
            tls.Client = client;
            tls.Server = server.Result;
        }
        finally
        {
            listener.Stop();
        }

        TlsStream c = tls.Client;
        Check(c.PeerVerifyResult == X509VerifyError.Ok, $"client verification: {c.PeerVerifyResult}");
        Check(c.NegotiatedVersion == version, $"negotiated {c.NegotiatedVersion}");
        Check(tls.Server.NegotiatedCipherSuite == c.NegotiatedCipherSuite, "the two ends disagree on the cipher suite");
        string group = c.NegotiatedGroup is { } g ? " " + TlsText.GroupName(g) : string.Empty;
        string scheme = c.Connection!.PeerSignatureScheme is { } s ? " " + TlsText.SchemeName(s) : string.Empty;
        return $"{TlsText.Protocol(c.NegotiatedVersion)} {TlsText.Cipher(c.NegotiatedCipherSuite)}{group}{scheme}, chain verified for {DemoHost}";
    }

    private static string DataStep()
    {
        TlsDemoState tls = TlsState;
        byte[] up = SecureRandomSource.GetBytes(DemoBytes);
        byte[] down = SecureRandomSource.GetBytes(DemoBytes);
        Task<byte[]> serverSide = Task.Run(() =>
        {
            Task write = Task.Run(() => tls.Server!.Write(down));
            byte[] received = ReadExactly(tls.Server!, DemoBytes);
            write.Wait();
            return received;
        });
        Task write = Task.Run(() => tls.Client!.Write(up));
        byte[] clientReceived = ReadExactly(tls.Client!, DemoBytes);
        write.Wait();
        Check(serverSide.Wait(TimeSpan.FromSeconds(60)), "the server did not receive everything");
        Check(serverSide.Result.AsSpan().SequenceEqual(up), "the server received different bytes");
        Check(clientReceived.AsSpan().SequenceEqual(down), "the client received different bytes");
        return "1 MiB each way compared byte for byte";
    }

    private static string CloseStep()
    {
        TlsDemoState tls = TlsState;
        TlsStream client = tls.Client!;
        TlsStream server = tls.Server!;
        string detail = string.Empty;
        if (client.NegotiatedVersion == TlsProtocolVersion.Tls13)
        {
            client.SendKeyUpdate(requestPeerUpdate: true);
            client.Write("after key update"u8);
            Check(System.Text.Encoding.ASCII.GetString(ReadExactly(server, 16)) == "after key update", "data after KeyUpdate was not received");
            server.Write("ack"u8);
            Check(System.Text.Encoding.ASCII.GetString(ReadExactly(client, 3)) == "ack", "the server's answer after KeyUpdate was not received");
            detail = "keys updated both ways; ";
        }

        client.Shutdown();
        byte[] buffer = new byte[16];
        Check(server.Read(buffer) == 0 && server.ReceivedCloseNotify, "the server did not see close_notify");
        server.Shutdown();
        Check(client.Read(buffer) == 0 && client.ReceivedCloseNotify, "the client did not see close_notify");
        tls.Close();
        return detail + "close_notify sent and received by both ends";
    }

    private static byte[] ReadExactly(Stream stream, int count)
    {
        byte[] data = new byte[count];
        int total = 0;
        while (total < count)
        {
            int n = stream.Read(data, total, count - total);
            Check(n > 0, $"the stream ended after {total} of {count} bytes");
            total += n;
        }

        return data;
    }

    private sealed class TlsDemoState(Certificate root, TlsCertificateIdentity identity)
    {
        public Certificate Root { get; } = root;

        public TlsCertificateIdentity Identity { get; } = identity;

        public TrustStore Trust { get; } = CreateTrust(root);

        public TlsStream? Client { get; set; }

        public TlsStream? Server { get; set; }

        public void Close()
        {
            Client?.Dispose();
            Server?.Dispose();
            Client = null;
            Server = null;
        }

        private static TrustStore CreateTrust(Certificate root)
        {
            var store = new TrustStore();
            store.AddCertificate(root);
            return store;
        }
    }
}
