using ManagedTls.Tests.TestSupport;

namespace ManagedTls.Tests.Pkcs.Cms;

/// <summary>
/// A small S/MIME PKI made once per test run by the openssl binary, in a temporary folder (deleted at exit).
/// Commands (vectors/README.md, section "PKCS#7 / CMS"):
///   openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -subj "/CN=CMS Test CA/O=ManagedTls" -days 3650 -addext ... (ca.ext)
///   openssl req -new -newkey rsa:2048 -nodes -keyout inter.key -out inter.csr -subj "/CN=CMS Intermediate"; openssl x509 -req ... -extfile ca.ext
///   openssl req -new -newkey rsa:2048 -nodes -keyout rsa.key -out rsa.csr -subj "/CN=RSA Signer/emailAddress=rsa@example.test"
///   openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout ec.key -out ec.csr -subj "/CN=EC Signer"
///   openssl req -new -newkey ed25519 -nodes -keyout ed.key -out ed.csr -subj "/CN=Ed25519 Signer"
///   openssl req -new -newkey rsa:2048 -nodes -keyout tls.key -out tls.csr -subj "/CN=TLS only"
///   openssl x509 -req -in X.csr -CA (ca|inter).pem -CAkey (ca|inter).key -set_serial N -days 3650 -extfile (smime|tls).ext -out X.pem
/// rsa and ed are issued by the CA, ec by the intermediate (so the chain needs the intermediate carried in the message),
/// tls has extendedKeyUsage serverAuth only (an S/MIME purpose failure).
/// </summary>
internal static class CmsFiles
{
    private static readonly Lazy<string> s_directory = new(Create);

    public static string Directory => s_directory.Value;

    public static string CaCert => P("ca.pem");

    public static string InterCert => P("inter.pem");

    public static string Message => P("msg.txt");

    public static string Binary => P("bin.dat");

    public static string P(string file) => Path.Combine(Directory, file);

    public static string Cert(string signer) => P(signer + ".pem");

    public static string Key(string signer) => P(signer + ".key");

    /// <summary>A fresh path in the folder.</summary>
    public static string NewPath(string extension) => Path.Combine(Directory, $"{Guid.NewGuid():N}.{extension}");

    private static string Create()
    {
        OpenSslPeer.Require();
        string directory = System.IO.Directory.CreateTempSubdirectory("mtls-cms-").FullName;
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
        File.WriteAllText(F("ca.ext"), "basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\n");
        File.WriteAllText(F("smime.ext"), "keyUsage=digitalSignature,nonRepudiation\nextendedKeyUsage=emailProtection\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n");
        File.WriteAllText(F("tls.ext"), "keyUsage=digitalSignature\nextendedKeyUsage=serverAuth\nsubjectKeyIdentifier=hash\n");
        File.WriteAllText(F("msg.txt"), "Hello world\nline two with trailing CR\r\n\nlast line without newline");
        byte[] binary = new byte[300];
        for (int i = 0; i < binary.Length; i++)
        {
            binary[i] = (byte)((i * 37) + (i % 7 == 0 ? 10 : 0));
        }

        binary[10] = (byte)'\r';
        binary[11] = (byte)'\n';
        File.WriteAllBytes(F("bin.dat"), binary);

        OpenSslPeer.Run("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", F("ca.key"), "-out", F("ca.pem"),
            "-subj", "/CN=CMS Test CA/O=ManagedTls", "-days", "3650",
            "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
        Issue(F, "inter", ["-newkey", "rsa:2048"], "/CN=CMS Intermediate", "ca", "ca.ext", "100");
        Issue(F, "rsa", ["-newkey", "rsa:2048"], "/CN=RSA Signer/emailAddress=rsa@example.test", "ca", "smime.ext", "101");
        Issue(F, "ec", ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256"], "/CN=EC Signer", "inter", "smime.ext", "102");
        Issue(F, "ed", ["-newkey", "ed25519"], "/CN=Ed25519 Signer", "ca", "smime.ext", "103");
        Issue(F, "tls", ["-newkey", "rsa:2048"], "/CN=TLS only", "ca", "tls.ext", "104");
        return directory;
    }

    private static void Issue(Func<string, string> f, string name, string[] newKey, string subject, string issuer, string extensions, string serial)
    {
        OpenSslPeer.Run(["req", "-new", .. newKey, "-nodes", "-keyout", f(name + ".key"), "-out", f(name + ".csr"), "-subj", subject]);
        OpenSslPeer.Run("x509", "-req", "-in", f(name + ".csr"), "-CA", f(issuer + ".pem"), "-CAkey", f(issuer + ".key"), "-set_serial", serial,
            "-days", "3650", "-extfile", f(extensions), "-out", f(name + ".pem"));
    }
}
