using ManagedTls.Keys;
using ManagedTls.Tests.TestSupport;
using ManagedTls.Tls;
using ManagedTls.X509;
using ManagedTls.X509.Verification;

namespace ManagedTls.Tests.Tls.Interop;

/// <summary>The server certificate kinds of the interop matrix.</summary>
public enum InteropKey
{
    /// <summary>ECDSA P-256 leaf.</summary>
    EcdsaP256,

    /// <summary>RSA-PSS 2048 leaf (id-RSASSA-PSS key: only rsa_pss_pss_* schemes).</summary>
    RsaPss2048,

    /// <summary>Ed25519 leaf.</summary>
    Ed25519,

    /// <summary>RSA 2048 (rsaEncryption) leaf, for TLS 1.2 ECDHE-RSA and DHE-RSA.</summary>
    Rsa2048,
}

/// <summary>
/// Test identities made once per test class with the openssl binary (commands in vectors/README.md, section
/// "TLS interop"): a P-256 root CA, leaves for localhost/127.0.0.1 of every <see cref="InteropKey"/> kind, a client
/// certificate, and an unrelated self-signed "rogue" server certificate for the verification-failure tests.
/// </summary>
public sealed class InteropIdentities : IDisposable
{
    private readonly Dictionary<InteropKey, TlsCertificateIdentity> _identities = [];

    public InteropIdentities()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("mtls-interop-").FullName;
        if (ProcessRunner.FindOnPath("openssl") is null)
        {
            return; // the tests skip through OpenSslPeer.Require
        }

        Make("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", "ca.key", "-out", "ca.pem",
            "-subj", "/CN=ManagedTls Interop CA", "-days", "3", "-addext", "basicConstraints=critical,CA:TRUE",
            "-addext", "keyUsage=critical,keyCertSign,cRLSign");
        Leaf("ecdsa", ["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"], "localhost");
        Leaf("rsapss", ["-algorithm", "RSA-PSS", "-pkeyopt", "rsa_keygen_bits:2048"], "localhost");
        Leaf("ed25519", ["-algorithm", "ED25519"], "localhost");
        Leaf("rsa", ["-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048"], "localhost");
        Leaf("client", ["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"], "interop client");
        Make("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", "rogue.key", "-out", "rogue.pem",
            "-subj", "/CN=localhost", "-days", "3", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1");

        CaCertificate = Certificate.Load(File.ReadAllBytes(Path("ca.pem")));
        _identities[InteropKey.EcdsaP256] = Load("ecdsa");
        _identities[InteropKey.RsaPss2048] = Load("rsapss");
        _identities[InteropKey.Ed25519] = Load("ed25519");
        _identities[InteropKey.Rsa2048] = Load("rsa");
        Client = Load("client");
        Rogue = new TlsCertificateIdentity([Certificate.Load(File.ReadAllBytes(Path("rogue.pem")))],
            KeyDecoder.DecodePrivateKey(File.ReadAllBytes(Path("rogue.key"))));
    }

    /// <summary>The folder holding the PEM files (ca.pem, ecdsa.pem/ecdsa.key, ...).</summary>
    public string Directory { get; }

    /// <summary>The interop root.</summary>
    public Certificate? CaCertificate { get; private set; }

    /// <summary>A client identity issued by the interop root.</summary>
    public TlsCertificateIdentity? Client { get; private set; }

    /// <summary>A self-signed localhost identity nobody trusts.</summary>
    public TlsCertificateIdentity? Rogue { get; private set; }

    /// <summary>The identity of one kind.</summary>
    public TlsCertificateIdentity this[InteropKey key] => _identities[key];

    /// <summary>The file stem of a kind ("ecdsa" for ecdsa.pem and ecdsa.key).</summary>
    public static string Stem(InteropKey key) => key switch
    {
        InteropKey.EcdsaP256 => "ecdsa",
        InteropKey.RsaPss2048 => "rsapss",
        InteropKey.Ed25519 => "ed25519",
        _ => "rsa",
    };

    public string Path(string file) => System.IO.Path.Combine(Directory, file);

    /// <summary>A trust store holding only the interop root.</summary>
    public TrustStore TrustStore()
    {
        var store = new TrustStore();
        store.AddCertificate(CaCertificate!);
        return store;
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);

    private void Leaf(string stem, string[] keyArgs, string commonName)
    {
        Make(["genpkey", .. keyArgs, "-out", stem + ".key"]);
        Make("req", "-new", "-key", stem + ".key", "-subj", "/CN=" + commonName, "-out", stem + ".csr");
        File.WriteAllText(Path(stem + ".ext"),
            "basicConstraints=CA:FALSE\nsubjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth,clientAuth\n");
        Make("x509", "-req", "-in", stem + ".csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-days", "2",
            "-extfile", stem + ".ext", "-out", stem + ".pem");
    }

    private TlsCertificateIdentity Load(string stem) =>
        new([Certificate.Load(File.ReadAllBytes(Path(stem + ".pem")))], KeyDecoder.DecodePrivateKey(File.ReadAllBytes(Path(stem + ".key"))));

    private void Make(params string[] args)
    {
        ProcessResult result = ProcessRunner.Run("openssl", args, workingDirectory: Directory);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"openssl {string.Join(' ', args)} failed: {result.Stderr}");
        }
    }
}
