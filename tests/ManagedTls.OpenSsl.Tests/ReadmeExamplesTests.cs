using ManagedTls.Asn1;
using ManagedTls.Keys;
using ManagedTls.OpenSsl;
using ManagedTls.Pem;
using ManagedTls.X509;
using ManagedTls.X509.Configuration;

namespace ManagedTls.OpenSsl.Tests;

/// <summary>The README's examples, run as written (with files replaced by data made here), so the docs cannot rot.</summary>
public class ReadmeExamplesTests
{
    [Fact]
    public void DerExamples_RunAsDocumented()
    {
        byte[] algorithmIdentifier;
        using (var w = new DerWriter())
        {
            using (w.PushSequence())
            {
                w.WriteObjectIdentifier(Oids.Sha256WithRsaEncryption);
                w.WriteNull();
            }

            algorithmIdentifier = w.ToArray();
        }

        Convert.ToHexString(algorithmIdentifier).ShouldBe("300D06092A864886F70D01010B0500");

        // A minimal "certificate" shape: SEQUENCE { SEQUENCE { [0] { INTEGER 2 }, INTEGER serial } }.
        byte[] derBytes = Convert.FromHexString("300A3008A00302010202011F");
        var cert = new DerReader(derBytes);
        DerReader certificate = cert.ReadSequence();
        DerReader tbs = certificate.ReadSequence();
        int version = 0;
        if (tbs.TryReadExplicit(0, out DerReader versionReader))
        {
            version = versionReader.ReadInt32() + 1;
        }

        ReadOnlySpan<byte> serial = tbs.ReadIntegerBytes();
        version.ShouldBe(3);
        serial.ToArray().ShouldBe(new byte[] { 0x1F });
    }

    [Fact]
    public void PemAndKeyExamples_RunAsDocumented()
    {
        var generated = new PKey();
        generated.GenerateEcKey("prime256v1");
        byte[] keyPem = Crypto.DumpPrivateKey(FileType.Pem, generated);
        byte[] bundle = [.. keyPem, .. "text between blocks\n"u8, .. keyPem];

        int blocks = 0;
        foreach (PemBlock block in PemReader.ReadAll(bundle))
        {
            block.Label.ShouldBe(PemLabels.PrivateKey);
            block.Data.Length.ShouldBeGreaterThan(0);
            blocks++;
        }

        blocks.ShouldBe(2);
        PrivateKey key = KeyDecoder.DecodePrivateKey(keyPem);
        byte[] spki = KeyEncoder.EncodeSubjectPublicKeyInfo(key.PublicKey);
        KeyDecoder.DecodePublicKey(spki).ShouldBe(key.PublicKey);
    }

    [Fact]
    public void FacadeExamples_RunAsDocumented()
    {
        byte[] data = "hello"u8.ToArray();
        var original = new PKey();
        original.GenerateKey(KeyType.Rsa, 1024);
        byte[] encrypted = Crypto.DumpPrivateKey(FileType.Pem, original, "aes-256-cbc", "secret");

        PKey key = Crypto.LoadPrivateKey(FileType.Pem, encrypted, "secret");
        byte[] signature = Crypto.Sign(key, data, "sha256");
        Crypto.Verify(key, signature, data, "sha256");
        byte[] pem = Crypto.DumpPrivateKey(FileType.Pem, key, "aes-256-cbc", "new secret");

        Should.Throw<CryptoException>(() => Crypto.Verify(key, signature, "tampered"u8.ToArray(), "sha256"));
        Crypto.LoadPrivateKey(FileType.Pem, pem, "new secret").Bits().ShouldBe(1024);

        byte[] nonce = Rand.Bytes(16);
        nonce.Length.ShouldBe(16);
    }

    [SkippableFact]
    public void CertificateExamples_RunAsDocumented()
    {
        var generated = new PKey();
        generated.GenerateEcKey("prime256v1");
        PrivateKey key = KeyDecoder.DecodePrivateKey(Crypto.DumpPrivateKey(FileType.Pem, generated));

        var builder = new CertificateBuilder
        {
            SerialNumber = 1,
            Subject = DistinguishedName.Parse("/C=DE/O=Example/CN=example.com"),
            Issuer = DistinguishedName.Parse("/C=DE/O=Example/CN=example.com"),
            NotBefore = DateTimeOffset.UtcNow,
            NotAfter = DateTimeOffset.UtcNow.AddDays(90),
            PublicKey = key.PublicKey,
        };
        builder.Extensions.Add(X509ExtensionConfig.Create("basicConstraints", "critical,CA:FALSE"));
        builder.Extensions.Add(X509ExtensionConfig.Create("subjectAltName", "DNS:example.com, IP:192.0.2.1"));
        Certificate cert = builder.Sign(key);
        string text = cert.ToText();

        cert.VerifySignature(key.PublicKey).ShouldBeTrue();
        text.ShouldContain("DNS:example.com, IP Address:192.0.2.1");
        string path = Path.Combine(Path.GetTempPath(), $"readme-{Guid.NewGuid():N}.pem");
        File.WriteAllText(path, cert.ToPem());
        try
        {
            OpenSslPeer.Run("x509", "-in", path, "-noout", "-text").Stdout.ShouldBe(text);

            var pkey = new PKey(key);
            X509 x509 = Crypto.LoadCertificate(FileType.Pem, File.ReadAllBytes(path));
            x509.GetSubject().CN.ShouldBe("example.com");
            x509.Digest("sha256").ShouldBe(Crypto.LoadCertificate(FileType.Asn1, cert.RawData.ToArray()).Digest("sha256"));
            x509.GetSubject().O = "Renamed";
            x509.Sign(pkey, "sha256");
            // As in pyOpenSSL, setting an attribute removes the old entries and appends the new one at the end.
            x509.ToCertificate().Subject.ToString().ShouldBe("C = DE, CN = example.com, O = Renamed");
        }
        finally
        {
            File.Delete(path);
        }
    }
}

/// <summary>The README's TLS and PKCS#12 examples, with its files replaced by the facade test PKI.</summary>
public class ReadmeTlsExamplesTests
{
    [Fact]
    public void MemoryBioExample_RunsAsDocumented()
    {
        SslPki pki = SslPki.Instance;
        var serverContext = new Context(SslMethod.Tls);
        serverContext.UseCertificateChainFile(pki.ServerChainPem);
        serverContext.UsePrivatekeyFile(pki.ServerKeyPem);
        var clientContext = new Context(SslMethod.Tls);
        clientContext.LoadVerifyLocations(pki.RootPem);
        clientContext.SetVerify(VerifyMode.Peer);

        var server = new Connection(serverContext, null);
        server.SetAcceptState();
        var client = new Connection(clientContext, null);
        client.SetConnectState();
        client.SetTlsextHostName("localhost");

        int rounds = 0;
        while (!Handshake(client) | !Handshake(server))
        {
            Move(client, server);
            Move(server, client);
            (++rounds).ShouldBeLessThan(20);
        }

        client.Send("GET / HTTP/1.0\r\n\r\n"u8);
        Move(client, server);
        byte[] request = server.Recv(1024);
        request.ShouldBe("GET / HTTP/1.0\r\n\r\n"u8.ToArray());
        $"{client.GetProtocolVersionName()} {client.GetCipherName()}".ShouldBe("TLSv1.3 TLS_AES_256_GCM_SHA384");
        client.GetVerifiedChain()!.Count.ShouldBe(3);

        static bool Handshake(Connection c)
        {
            try
            {
                c.DoHandshake();
                return true;
            }
            catch (WantReadException)
            {
                return false;
            }
        }

        static void Move(Connection from, Connection to)
        {
            try
            {
                to.BioWrite(from.BioRead(65536));
            }
            catch (WantReadException)
            {
            }
        }
    }

    [Fact]
    public async Task TlsStreamExample_RunsAsDocumented_AgainstALoopbackServer()
    {
        // The README connects to example.com with the Mozilla roots; here the server is ours on loopback and the
        // trust store holds the test root instead, everything else as written.
        SslPki pki = SslPki.Instance;
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        int port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        Task<byte[]> serverTask = Task.Run(async () =>
        {
            using System.Net.Sockets.TcpClient accepted = await listener.AcceptTcpClientAsync();
            using var serverTls = new ManagedTls.Net.TlsStream(accepted.GetStream());
            await serverTls.AuthenticateAsServerAsync(new ManagedTls.Tls.TlsServerOptions
            {
                Certificate = new ManagedTls.Tls.TlsCertificateIdentity(
                    [pki.Server.ToCertificate(), pki.Intermediate.ToCertificate()],
                    KeyDecoder.DecodePrivateKey(File.ReadAllBytes(pki.ServerKeyPem))),
            });
            byte[] buffer = new byte[64];
            int n = await serverTls.ReadAsync(buffer);
            return buffer[..n];
        });

        var trust = new ManagedTls.X509.Verification.TrustStore();
        trust.AddCaBundle(ManagedTls.X509.Trust.CaBundle.Mozilla);
        trust.AddCertificate(pki.Root.ToCertificate());
        using var tcp = new System.Net.Sockets.TcpClient("localhost", port);
        using var tls = new ManagedTls.Net.TlsStream(tcp.GetStream());
        await tls.AuthenticateAsClientAsync(new ManagedTls.Tls.TlsClientOptions
        {
            ServerName = "localhost",
            TrustStore = trust,
            VerifyMode = ManagedTls.Tls.TlsVerifyMode.Peer,
        });
        $"{tls.NegotiatedVersion} {tls.NegotiatedCipherSuite}".ShouldBe("Tls13 TLS_AES_256_GCM_SHA384");
        await tls.WriteAsync("GET / HTTP/1.0\r\nHost: example.com\r\n\r\n"u8.ToArray());
        (await serverTask).ShouldBe("GET / HTTP/1.0\r\nHost: example.com\r\n\r\n"u8.ToArray());
    }

    [Fact]
    public void Pkcs12Example_RunsAsDocumented()
    {
        SslPki pki = SslPki.Instance;
        var made = new PKCS12();
        made.SetCertificate(pki.Server);
        made.SetPrivatekey(pki.ServerKey);
        byte[] file = made.Export("secret");

        PKCS12 p12 = Crypto.LoadPkcs12(file, "secret");
        X509 leaf = p12.GetCertificate()!;
        PKey key = p12.GetPrivatekey()!;
        byte[] again = p12.Export("new secret");

        leaf.Digest("sha256").ShouldBe(pki.Server.Digest("sha256"));
        Crypto.DumpPrivateKey(FileType.Pem, key).ShouldBe(Crypto.DumpPrivateKey(FileType.Pem, pki.ServerKey));
        Crypto.LoadPkcs12(again, "new secret").GetCertificate()!.Digest("sha256").ShouldBe(leaf.Digest("sha256"));
        Should.Throw<CryptoException>(() => Crypto.LoadPkcs12(again, "secret"));
    }
}
