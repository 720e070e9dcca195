using System.Collections.Concurrent;
using ManagedTls.Keys;
using ManagedTls.Tests.TestSupport;

namespace ManagedTls.Tests.X509.Building;

/// <summary>A temporary directory plus keys made by <c>openssl genpkey</c> (cached per process, per kind and slot).</summary>
internal sealed class BuildScratch : IDisposable
{
    /// <summary>Key kinds and the genpkey options that make them.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> KeyKinds = new Dictionary<string, string[]>
    {
        ["rsa"] = ["-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048"],
        ["rsa-pss"] = ["-algorithm", "RSA-PSS", "-pkeyopt", "rsa_keygen_bits:2048"],
        ["p256"] = ["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"],
        ["p384"] = ["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-384"],
        ["p521"] = ["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-521"],
        ["dsa"] = [],
        ["ed25519"] = ["-algorithm", "ED25519"],
        ["ed448"] = ["-algorithm", "ED448"],
    };

    private static readonly ConcurrentDictionary<string, string> s_keyPem = new();
    private static readonly Lazy<string> s_dsaParams = new(() =>
    {
        string file = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"mtls-build-dsaparam-{Environment.ProcessId}.pem");
        OpenSslPeer.Run("genpkey", "-genparam", "-algorithm", "DSA", "-pkeyopt", "dsa_paramgen_bits:2048", "-out", file);
        return file;
    });

    public BuildScratch() => Path = Directory.CreateTempSubdirectory("mtls-build-").FullName;

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>The PEM (PKCS#8) of a key of <paramref name="kind"/>; <paramref name="slot"/> tells distinct keys apart.</summary>
    public static string KeyPem(string kind, int slot = 0) => s_keyPem.GetOrAdd($"{kind}/{slot}", _ =>
    {
        string[] options = kind == "dsa" ? ["-paramfile", s_dsaParams.Value] : KeyKinds[kind];
        return OpenSslPeer.Run(["genpkey", .. options]).Stdout;
    });

    public static PrivateKey Key(string kind, int slot = 0) => KeyDecoder.DecodePrivateKey(System.Text.Encoding.ASCII.GetBytes(KeyPem(kind, slot)));

    /// <summary>Writes <paramref name="text"/> into the directory and returns the path.</summary>
    public string Write(string name, string text)
    {
        string file = File(name);
        System.IO.File.WriteAllText(file, text);
        return file;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
