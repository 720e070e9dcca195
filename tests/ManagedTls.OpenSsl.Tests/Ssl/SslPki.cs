using ManagedTls.OpenSsl.Tests.TestSupport;

namespace ManagedTls.OpenSsl.Tests;

/// <summary>
/// A small PKI made in-process with the facade (no openssl needed), like pyOpenSSL's test fixtures: an EC P-256 root,
/// an intermediate, a server certificate for <c>localhost</c> (serverAuth) and a client certificate (clientAuth), both
/// issued by the intermediate; an RSA self-signed server certificate; PEM/DER files of each, an encrypted key file and
/// RFC 7919 ffdhe2048 DH parameters (as <c>openssl genpkey -genparam -algorithm DH -pkeyopt group:ffdhe2048</c> writes).
/// </summary>
internal sealed class SslPki
{
    public const string KeyPassphrase = "correct horse";

    /// <summary>RFC 7919 ffdhe2048 as openssl 3.0 writes it (vectors/README.md, "facade SSL" section).</summary>
    public const string Ffdhe2048Pem = """
        -----BEGIN DH PARAMETERS-----
        MIIBCAKCAQEA//////////+t+FRYortKmq/cViAnPTzx2LnFg84tNpWp4TZBFGQz
        +8yTnc4kmz75fS/jY2MMddj2gbICrsRhetPfHtXV/WVhJDP1H18GbtCFY2VVPe0a
        87VXE15/V8k1mE8McODmi3fipona8+/och3xWKE2rec1MKzKT0g6eXq8CrGCsyT7
        YdEIqUuyyOP7uWrat2DX9GgdT0Kj3jlN9K5W7edjcrsZCwenyO4KbXCeAvzhzffi
        7MA0BM0oNC9hkXL+nOmFg/+OTxIy7vKBg8P+OxtMb61zO7X8vC7CIAXFjvGDfRaD
        ssbzSibBsu/6iGtCOGEoXJf//////////wIBAg==
        -----END DH PARAMETERS-----
        """;

    private static readonly Lazy<SslPki> s_instance = new(() => new SslPki());

    private SslPki()
    {
        RootKey = Ec("prime256v1");
        Root = Issue("Facade Test Root", RootKey, null, RootKey, ca: true, extra: []);
        IntermediateKey = Ec("prime256v1");
        Intermediate = Issue("Facade Test Intermediate", IntermediateKey, Root, RootKey, ca: true, extra: []);
        ServerKey = Ec("prime256v1");
        Server = Issue("localhost", ServerKey, Intermediate, IntermediateKey, ca: false,
            extra: [new X509Extension("subjectAltName", false, "DNS:localhost"), new X509Extension("extendedKeyUsage", false, "serverAuth")]);
        ClientKey = Ec("prime256v1");
        Client = Issue("Facade Test Client", ClientKey, Intermediate, IntermediateKey, ca: false,
            extra: [new X509Extension("extendedKeyUsage", false, "clientAuth")]);
        RsaKey = new PKey();
        RsaKey.GenerateKey(KeyType.Rsa, 2048);
        RsaServer = Issue("rsa.localhost", RsaKey, null, RsaKey, ca: false,
            extra: [new X509Extension("subjectAltName", false, "DNS:rsa.localhost")]);

        RootPem = Write(Crypto.DumpCertificate(FileType.Pem, Root), ".pem");
        ServerPem = Write(Crypto.DumpCertificate(FileType.Pem, Server), ".pem");
        ServerDer = Write(Crypto.DumpCertificate(FileType.Asn1, Server), ".der");
        ServerKeyPem = Write(Crypto.DumpPrivateKey(FileType.Pem, ServerKey), ".pem");
        ServerKeyDer = Write(Crypto.DumpPrivateKey(FileType.Asn1, ServerKey), ".der");
        ServerKeyEncryptedPem = Write(Crypto.DumpPrivateKey(FileType.Pem, ServerKey, "aes-256-cbc", KeyPassphrase), ".pem");
        IntermediatePem = Write(Crypto.DumpCertificate(FileType.Pem, Intermediate), ".pem");
        ServerChainPem = Write([.. Crypto.DumpCertificate(FileType.Pem, Server), .. Crypto.DumpCertificate(FileType.Pem, Intermediate)], ".pem");
        ClientPem = Write(Crypto.DumpCertificate(FileType.Pem, Client), ".pem");
        ClientKeyPem = Write(Crypto.DumpPrivateKey(FileType.Pem, ClientKey), ".pem");
        DhPem = Write(System.Text.Encoding.ASCII.GetBytes(Ffdhe2048Pem + "\n"), ".pem");
    }

    public static SslPki Instance => s_instance.Value;

    public PKey RootKey { get; }

    public X509 Root { get; }

    public PKey IntermediateKey { get; }

    public X509 Intermediate { get; }

    public PKey ServerKey { get; }

    public X509 Server { get; }

    public PKey ClientKey { get; }

    public X509 Client { get; }

    public PKey RsaKey { get; }

    public X509 RsaServer { get; }

    public string RootPem { get; }

    public string ServerPem { get; }

    public string IntermediatePem { get; }

    public string ServerDer { get; }

    public string ServerKeyPem { get; }

    public string ServerKeyDer { get; }

    public string ServerKeyEncryptedPem { get; }

    public string ServerChainPem { get; }

    public string ClientPem { get; }

    public string ClientKeyPem { get; }

    public string DhPem { get; }

    /// <summary>A server context: the server certificate, its chain and key, TLS method.</summary>
    public Context ServerContext(SslMethod method = SslMethod.Tls)
    {
        var context = new Context(method);
        context.UseCertificate(Server);
        context.AddExtraChainCert(Intermediate);
        context.UsePrivatekey(ServerKey);
        return context;
    }

    /// <summary>A client context trusting the root, with peer verification.</summary>
    public Context ClientContext(SslMethod method = SslMethod.Tls)
    {
        var context = new Context(method);
        context.GetCertStore().AddCert(Root);
        context.SetVerify(VerifyMode.Peer);
        return context;
    }

    private static PKey Ec(string curve)
    {
        var key = new PKey();
        key.GenerateEcKey(curve);
        return key;
    }

    private static string Write(byte[] content, string extension) => TempFiles.Write(content, extension);

    private static X509 Issue(string cn, PKey subjectKey, X509? issuer, PKey issuerKey, bool ca, X509Extension[] extra)
    {
        var cert = new X509();
        cert.SetVersion(2);
        cert.SetSerialNumber(new System.Numerics.BigInteger(Guid.NewGuid().ToByteArray(), isUnsigned: true));
        cert.GetSubject().CN = cn;
        cert.SetIssuer(issuer?.GetSubject() ?? cert.GetSubject());
        cert.GmtimeAdjNotBefore(-3600);
        cert.GmtimeAdjNotAfter(365L * 24 * 3600);
        cert.SetPubkey(subjectKey);
        var extensions = new List<X509Extension>
        {
            ca ? new X509Extension("basicConstraints", true, "CA:TRUE") : new X509Extension("basicConstraints", false, "CA:FALSE"),
            new X509Extension("keyUsage", true, ca ? "keyCertSign, cRLSign" : "digitalSignature, keyEncipherment"),
        };
        extensions.AddRange(extra);
        cert.AddExtensions(extensions);
        cert.Sign(issuerKey, "sha256");
        return cert;
    }
}
