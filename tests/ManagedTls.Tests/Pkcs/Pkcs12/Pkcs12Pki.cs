using ManagedTls.Tests.TestSupport;

namespace ManagedTls.Tests.Pkcs.Pkcs12;

/// <summary>
/// A small PKI made once per test run with the openssl binary (commands in vectors/README.md, "PKCS#12 and SPKAC"):
/// an RSA root, an RSA intermediate, an EC P-256 leaf issued by the intermediate, and an Ed25519 key.
/// </summary>
internal sealed class Pkcs12Pki
{
    private static readonly Lazy<Pkcs12Pki> s_instance = new(() => new Pkcs12Pki());

    private Pkcs12Pki()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("mtls-p12-").FullName;
        Run("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", P("root.key"), "-subj", "/CN=P12 Root", "-days", "30", "-out", P("root.pem"));
        Run("req", "-newkey", "rsa:2048", "-nodes", "-keyout", P("int.key"), "-subj", "/CN=P12 Intermediate", "-out", P("int.csr"));
        File.WriteAllText(P("ca.ext"), "basicConstraints=critical,CA:TRUE\n");
        Run("x509", "-req", "-in", P("int.csr"), "-CA", P("root.pem"), "-CAkey", P("root.key"), "-set_serial", "2", "-days", "30", "-extfile", P("ca.ext"), "-out", P("int.pem"));
        Run("req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", P("leaf.key"), "-subj", "/CN=p12 leaf", "-out", P("leaf.csr"));
        Run("x509", "-req", "-in", P("leaf.csr"), "-CA", P("int.pem"), "-CAkey", P("int.key"), "-set_serial", "3", "-days", "30", "-out", P("leaf.pem"));
        Run("genpkey", "-algorithm", "ED25519", "-out", P("ed.key"));
        File.WriteAllText(P("chain.pem"), File.ReadAllText(P("int.pem")) + File.ReadAllText(P("root.pem")));
    }

    public static Pkcs12Pki Instance
    {
        get
        {
            OpenSslPeer.Require();
            return s_instance.Value;
        }
    }

    public string Directory { get; }

    public string P(string name) => Path.Combine(Directory, name);

    public byte[] Bytes(string name) => File.ReadAllBytes(P(name));

    /// <summary>Runs <c>openssl pkcs12 -export -in leaf.pem -inkey leaf.key</c> with extra arguments and returns the file.</summary>
    public byte[] OpenSslExport(params string[] extra)
    {
        string output = P($"export-{Guid.NewGuid():N}.p12");
        Run(["pkcs12", "-export", "-in", P("leaf.pem"), "-inkey", P("leaf.key"), "-out", output, .. extra]);
        return File.ReadAllBytes(output);
    }

    public string Write(byte[] data, string extension = ".p12")
    {
        string path = P($"ours-{Guid.NewGuid():N}{extension}");
        File.WriteAllBytes(path, data);
        return path;
    }

    public static void Run(params string[] args) => OpenSslPeer.Run(args);
}
