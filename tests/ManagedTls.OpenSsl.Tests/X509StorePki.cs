using ManagedTls.Tests.TestSupport;

namespace ManagedTls.OpenSsl.Tests;

/// <summary>
/// A root → intermediate → server PKI made once with openssl (commands in vectors/README.md, "store" section), like
/// pyOpenSSL's root/intermediate/intermediate-server fixtures, plus CRLs: the root's (empty), the intermediate's
/// (empty) and the intermediate's revoking the server certificate.
/// </summary>
public sealed class X509StorePki : IDisposable
{
    private static readonly string[] s_ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes"];

    public X509StorePki()
    {
        Dir = Directory.CreateTempSubdirectory("mtls-store-").FullName;
        if (OpenSslPeer.TryRun(null, "version").ExitCode != 0)
        {
            Available = false;
            return;
        }

        Available = true;
        File.WriteAllText(P("ext.cnf"), """
            [ca_ext]
            basicConstraints = critical, CA:TRUE
            keyUsage = critical, keyCertSign, cRLSign
            subjectKeyIdentifier = hash
            authorityKeyIdentifier = keyid
            [leaf_ext]
            basicConstraints = CA:FALSE
            keyUsage = critical, digitalSignature
            subjectKeyIdentifier = hash
            authorityKeyIdentifier = keyid
            [root_ca]
            database = DIR/root-index.txt
            crlnumber = DIR/root-crlnumber
            default_md = sha256
            default_crl_days = 30
            [int_ca]
            database = DIR/int-index.txt
            crlnumber = DIR/int-crlnumber
            default_md = sha256
            default_crl_days = 30
            """.Replace("DIR", Dir));
        foreach (string ca in new[] { "root", "int" })
        {
            File.WriteAllText(P(ca + "-index.txt"), "");
            File.WriteAllText(P(ca + "-crlnumber"), "01\n");
        }

        OpenSslPeer.Run(["req", "-x509", .. s_ec, "-keyout", P("root.key"), "-out", P("root.pem"), "-subj", "/CN=Store Root", "-days", "3650",
            "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign"]);
        OpenSslPeer.Run(["req", "-new", .. s_ec, "-keyout", P("int.key"), "-out", P("int.csr"), "-subj", "/CN=Store Intermediate"]);
        OpenSslPeer.Run("x509", "-req", "-in", P("int.csr"), "-CA", P("root.pem"), "-CAkey", P("root.key"), "-set_serial", "2", "-days", "1000",
            "-extfile", P("ext.cnf"), "-extensions", "ca_ext", "-out", P("int.pem"));
        OpenSslPeer.Run(["req", "-new", .. s_ec, "-keyout", P("server.key"), "-out", P("server.csr"), "-subj", "/CN=Store Server"]);
        OpenSslPeer.Run("x509", "-req", "-in", P("server.csr"), "-CA", P("int.pem"), "-CAkey", P("int.key"), "-set_serial", "3", "-days", "30",
            "-extfile", P("ext.cnf"), "-extensions", "leaf_ext", "-out", P("server.pem"));
        OpenSslPeer.Run("ca", "-config", P("ext.cnf"), "-name", "root_ca", "-gencrl", "-keyfile", P("root.key"), "-cert", P("root.pem"), "-out", P("root-crl.pem"));
        OpenSslPeer.Run("ca", "-config", P("ext.cnf"), "-name", "int_ca", "-gencrl", "-keyfile", P("int.key"), "-cert", P("int.pem"), "-out", P("int-crl.pem"));
        OpenSslPeer.Run("ca", "-config", P("ext.cnf"), "-name", "int_ca", "-revoke", P("server.pem"), "-keyfile", P("int.key"), "-cert", P("int.pem"));
        OpenSslPeer.Run("ca", "-config", P("ext.cnf"), "-name", "int_ca", "-gencrl", "-keyfile", P("int.key"), "-cert", P("int.pem"), "-out", P("int-revoking-crl.pem"));
    }

    public string Dir { get; }

    public bool Available { get; }

    public string P(string name) => Path.Combine(Dir, name);

    /// <summary>"root", "int", "server" → the certificate; "root-crl", "int-crl", "int-revoking-crl" → the CRL.</summary>
    public X509 Cert(string name) => Crypto.LoadCertificate(FileType.Pem, File.ReadAllBytes(P(name + ".pem")));

    public CRL Crl(string name) => Crypto.LoadCrl(FileType.Pem, File.ReadAllBytes(P(name + ".pem")));

    public void Dispose() => Directory.Delete(Dir, recursive: true);
}
