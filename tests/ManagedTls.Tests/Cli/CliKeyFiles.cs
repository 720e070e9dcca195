using ManagedTls.Tests.TestSupport;

namespace ManagedTls.Tests.Cli;

/// <summary>
/// Keys made once per test run by the openssl binary, one per type, in a temporary folder (deleted at exit), plus a
/// small message file. Commands:
///   openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out rsa.pem
///   openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -pkeyopt rsa_keygen_primes:3 -out rsa-3prime.pem
///   openssl genpkey -algorithm RSA-PSS -pkeyopt rsa_keygen_bits:2048 -out rsa-pss.pem
///   openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out ec-p256.pem   (and P-384, P-521)
///   openssl genpkey -algorithm ED25519|ED448|X25519|X448 -out NAME.pem
///   openssl genpkey -genparam -algorithm DSA -pkeyopt dsa_paramgen_bits:2048 -out dsa-params.pem
///   openssl genpkey -paramfile dsa-params.pem -out dsa.pem
///   openssl pkey -in NAME.pem -pubout -out NAME.pub.pem
/// </summary>
internal static class CliKeyFiles
{
    public static readonly string[] Names = ["rsa", "rsa-3prime", "rsa-pss", "ec-p256", "ec-p384", "ec-p521", "ed25519", "ed448", "x25519", "x448", "dsa"];

    public static readonly string[] SigningNames = ["rsa", "rsa-3prime", "rsa-pss", "ec-p256", "ec-p384", "dsa"];

    private static readonly Lazy<string> s_directory = new(Create);

    public static string Directory => s_directory.Value;

    /// <summary>The private key PEM written by openssl genpkey.</summary>
    public static string Private(string name) => Path.Combine(Directory, name + ".pem");

    /// <summary>The public key PEM written by openssl pkey -pubout.</summary>
    public static string Public(string name) => Path.Combine(Directory, name + ".pub.pem");

    /// <summary>A 1000-byte message file.</summary>
    public static string Message => Path.Combine(Directory, "message.txt");

    /// <summary>A fresh path in the folder.</summary>
    public static string NewPath(string extension) => Path.Combine(Directory, $"{Guid.NewGuid():N}.{extension}");

    public static IEnumerable<object[]> All => Names.Select(n => new object[] { n });

    public static IEnumerable<object[]> Signing => SigningNames.Select(n => new object[] { n });

    private static string Create()
    {
        string directory = System.IO.Directory.CreateTempSubdirectory("mtls-keycli-").FullName;
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

        string P(string file) => Path.Combine(directory, file);
        OpenSslPeer.Run("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", P("rsa.pem"));
        OpenSslPeer.Run("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-pkeyopt", "rsa_keygen_primes:3", "-out", P("rsa-3prime.pem"));
        OpenSslPeer.Run("genpkey", "-algorithm", "RSA-PSS", "-pkeyopt", "rsa_keygen_bits:2048", "-out", P("rsa-pss.pem"));
        foreach ((string name, string curve) in new[] { ("ec-p256", "P-256"), ("ec-p384", "P-384"), ("ec-p521", "P-521") })
        {
            OpenSslPeer.Run("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:" + curve, "-out", P(name + ".pem"));
        }

        foreach (string name in new[] { "ed25519", "ed448", "x25519", "x448" })
        {
            OpenSslPeer.Run("genpkey", "-algorithm", name.ToUpperInvariant(), "-out", P(name + ".pem"));
        }

        OpenSslPeer.Run("genpkey", "-genparam", "-algorithm", "DSA", "-pkeyopt", "dsa_paramgen_bits:2048", "-out", P("dsa-params.pem"));
        OpenSslPeer.Run("genpkey", "-paramfile", P("dsa-params.pem"), "-out", P("dsa.pem"));
        foreach (string name in Names)
        {
            OpenSslPeer.Run("pkey", "-in", P(name + ".pem"), "-pubout", "-out", P(name + ".pub.pem"));
        }

        byte[] message = new byte[1000];
        for (int i = 0; i < message.Length; i++)
        {
            message[i] = (byte)('a' + (i % 26));
        }

        File.WriteAllBytes(P("message.txt"), message);
        return directory;
    }
}
