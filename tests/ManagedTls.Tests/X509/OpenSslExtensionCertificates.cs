using ManagedTls.Tests.TestSupport;

namespace ManagedTls.Tests.X509;

/// <summary>Self-signed certificates made by <c>openssl req -x509</c> with chosen extensions, for the typed-extension tests.</summary>
internal static class OpenSslExtensionCertificates
{
    /// <summary>Extra config sections every certificate's config carries (dirName, policies, name constraints, ...).</summary>
    public const string Sections =
        "[dn_sect]\nC=US\nO=Dir Org\nCN=dir\n";

    /// <summary>A certificate with each <c>-addext</c> value, the config holding <see cref="Sections"/> and <paramref name="extraConfig"/>.</summary>
    public static byte[] Create(string[] addext, string extraConfig = "") => CreateWith(
        "[req]\ndistinguished_name=dn\n[dn]\n" + Sections + extraConfig,
        [.. addext.SelectMany(e => new[] { "-addext", e })]);

    /// <summary>A certificate whose extensions come from the config section <c>ext</c> of <paramref name="config"/> (<c>-extensions ext</c>).</summary>
    public static byte[] CreateFromSection(string config) => CreateWith(
        "[req]\ndistinguished_name=dn\n[dn]\n" + Sections + config,
        ["-extensions", "ext"]);

    private static byte[] CreateWith(string config, string[] extra)
    {
        string dir = Path.Combine(Path.GetTempPath(), "mtls-ext-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string key = Path.Combine(dir, "key.pem");
            string configPath = Path.Combine(dir, "req.cnf");
            string cert = Path.Combine(dir, "cert.der");
            File.WriteAllText(configPath, config);
            OpenSslPeer.Run("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", key);
            OpenSslPeer.Run(["req", "-new", "-x509", "-config", configPath, "-key", key, "-subj", "/CN=ext test", "-days", "30", "-outform", "DER", "-out", cert, .. extra]);
            return File.ReadAllBytes(cert);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
