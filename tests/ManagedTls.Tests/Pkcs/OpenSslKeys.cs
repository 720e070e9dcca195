using ManagedTls.Tests.TestSupport;

namespace ManagedTls.Tests.Pkcs;

/// <summary>
/// A throwaway RSA key made once per test run by the openssl binary, in PEM, PKCS#8 DER and PKCS#1 DER, in a
/// temporary folder. Commands:
///   openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out key.pem
///   openssl pkcs8 -topk8 -nocrypt -in key.pem -outform DER
///   openssl rsa -in key.pem -traditional -outform DER
/// </summary>
internal static class OpenSslKeys
{
    /// <summary>Arguments that load the legacy provider, which OpenSSL 3 needs for single DES (PBE-MD5-DES, -des).</summary>
    public static readonly string[] Legacy = ["-provider", "legacy", "-provider", "default"];

    private static readonly Lazy<(string Directory, byte[] Pkcs8, byte[] Pkcs1)> s_key = new(Create);

    public static string Directory => s_key.Value.Directory;

    public static string KeyPem => Path.Combine(Directory, "key.pem");

    public static byte[] Pkcs8Der => s_key.Value.Pkcs8;

    public static byte[] Pkcs1Der => s_key.Value.Pkcs1;

    /// <summary>A fresh file path in the temporary folder.</summary>
    public static string NewPath(string extension) => Path.Combine(Directory, $"{Guid.NewGuid():N}.{extension}");

    private static (string, byte[], byte[]) Create()
    {
        string directory = System.IO.Directory.CreateTempSubdirectory("mtls-pbe-").FullName;
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
        string pem = Path.Combine(directory, "key.pem");
        OpenSslPeer.Run("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", pem);
        byte[] pkcs8 = OpenSslPeer.Run("pkcs8", "-topk8", "-nocrypt", "-in", pem, "-outform", "DER").StdoutBytes;
        byte[] pkcs1 = OpenSslPeer.Run("rsa", "-in", pem, "-traditional", "-outform", "DER").StdoutBytes;
        return (directory, pkcs8, pkcs1);
    }
}
