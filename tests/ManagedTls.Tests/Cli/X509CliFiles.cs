using ManagedTls.Tests.TestSupport;

namespace ManagedTls.Tests.Cli;

/// <summary>
/// Certificates, requests and CRLs made once per test run by the openssl binary for the X.509 verbs, in a temporary
/// folder (deleted at exit). Commands (see vectors/README.md, section "cli: x509, req, crl, ca"):
///   openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout ca.key -out ca.pem -subj "/CN=Test CA/O=ManagedTls" -days 3650
///   openssl req -new -newkey rsa:2048 -nodes -keyout leaf.key -out leaf.csr -subj "/C=US/O=Example, Inc./CN=leaf.example"
///       -addext "subjectAltName=DNS:leaf.example,email:leaf@example.test" -addext "keyUsage=critical,digitalSignature"
///   openssl req -new -newkey ed25519 -nodes -keyout ed.key -out ed.csr -subj "/CN=ed25519 request"
///   openssl x509 -req -in leaf.csr -CA ca.pem -CAkey ca.key -set_serial 4096 -days 30 -copy_extensions copy -out leaf.pem
///   openssl req -x509 -key leaf.key -utf8 -out names.pem -days 30
///       -subj "/C=DE/O=Quote \"Q\" + Co/OU=a+OU=b/CN=Ünïcode, #1 /emailAddress=x@y.example"
///   openssl ca -config ca.cnf -revoke leaf.pem -crl_reason keyCompromise; openssl ca -config ca.cnf -gencrl -crldays 7 -out revoked.crl
///   openssl ca -config ca.cnf -gencrl -crlhours 5 -out empty.crl (a fresh database)
/// </summary>
internal static class X509CliFiles
{
    private static readonly Lazy<string> s_directory = new(Create);

    public static string Directory => s_directory.Value;

    public static string CaKey => P("ca.key");

    public static string CaCert => P("ca.pem");

    public static string LeafKey => P("leaf.key");

    public static string LeafCsr => P("leaf.csr");

    public static string LeafCert => P("leaf.pem");

    public static string EdKey => P("ed.key");

    public static string EdCsr => P("ed.csr");

    public static string NamesCert => P("names.pem");

    public static string RevokedCrl => P("revoked.crl");

    public static string EmptyCrl => P("empty.crl");

    /// <summary>A few roots of the system store (sorted, every 29th, so RSA and EC and old and new ones are mixed).</summary>
    public static IReadOnlyList<string> SystemCertificates { get; } = PickSystemCertificates();

    /// <summary>Every certificate the read-only matrix runs over.</summary>
    public static IEnumerable<string> AllCertificates => [.. SystemCertificates, CaCert, LeafCert, NamesCert];

    public static string P(string file) => Path.Combine(Directory, file);

    /// <summary>A fresh path in the folder.</summary>
    public static string NewPath(string extension) => Path.Combine(Directory, $"{Guid.NewGuid():N}.{extension}");

    private static IReadOnlyList<string> PickSystemCertificates()
    {
        if (!System.IO.Directory.Exists("/etc/ssl/certs"))
        {
            return [];
        }

        string[] all = System.IO.Directory.GetFiles("/etc/ssl/certs", "*.pem");
        Array.Sort(all, StringComparer.Ordinal);
        return all.Where((_, i) => i % 29 == 0).Take(10).ToArray();
    }

    private static string Create()
    {
        string directory = System.IO.Directory.CreateTempSubdirectory("mtls-x509cli-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                System.IO.Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // best effort: a leftover temp folder is harmless
            }
        };

        string F(string file) => Path.Combine(directory, file);
        OpenSslPeer.Run("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", F("ca.key"), "-out", F("ca.pem"),
            "-subj", "/CN=Test CA/O=ManagedTls", "-days", "3650");
        OpenSslPeer.Run("req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", F("leaf.key"), "-out", F("leaf.csr"),
            "-subj", "/C=US/O=Example, Inc./CN=leaf.example",
            "-addext", "subjectAltName=DNS:leaf.example,email:leaf@example.test", "-addext", "keyUsage=critical,digitalSignature");
        OpenSslPeer.Run("req", "-new", "-newkey", "ed25519", "-nodes", "-keyout", F("ed.key"), "-out", F("ed.csr"), "-subj", "/CN=ed25519 request");
        OpenSslPeer.Run("x509", "-req", "-in", F("leaf.csr"), "-CA", F("ca.pem"), "-CAkey", F("ca.key"), "-set_serial", "4096", "-days", "30",
            "-copy_extensions", "copy", "-out", F("leaf.pem"));
        OpenSslPeer.Run("req", "-x509", "-key", F("leaf.key"), "-utf8", "-out", F("names.pem"), "-days", "30",
            "-subj", "/C=DE/O=Quote \"Q\" + Co/OU=a+OU=b/CN=Ünïcode, #1 /emailAddress=x@y.example");
        WriteCaConfig(directory, "db1");
        OpenSslPeer.Run("ca", "-config", F("db1.cnf"), "-revoke", F("leaf.pem"), "-crl_reason", "keyCompromise");
        OpenSslPeer.Run("ca", "-config", F("db1.cnf"), "-gencrl", "-crldays", "7", "-out", F("revoked.crl"));
        WriteCaConfig(directory, "db2");
        OpenSslPeer.Run("ca", "-config", F("db2.cnf"), "-gencrl", "-crlhours", "5", "-out", F("empty.crl"));
        return directory;
    }

    /// <summary>A minimal CA configuration (absolute paths) with an empty database named <paramref name="name"/>.</summary>
    public static string WriteCaConfig(string directory, string name)
    {
        string db = Path.Combine(directory, name);
        File.WriteAllText(db + ".index", string.Empty);
        File.WriteAllText(db + ".crlnumber", "01\n");
        string config = $"""
            [ ca ]
            default_ca = CA_default
            [ CA_default ]
            database = {db}.index
            crlnumber = {db}.crlnumber
            certificate = {Path.Combine(directory, "ca.pem")}
            private_key = {Path.Combine(directory, "ca.key")}
            default_md = sha256
            default_crl_days = 30
            """;
        File.WriteAllText(db + ".cnf", config.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n");
        return db + ".cnf";
    }
}
