using System.Text.RegularExpressions;
using ManagedTls.Tests.TestSupport;

namespace ManagedTls.Tests.X509.Text;

/// <summary>
/// A temporary directory where the text tests make certificates, requests and CRLs with the openssl binary (every
/// command is listed in vectors/README.md under "X.509 text dumps"), plus the comparison with
/// <c>openssl x509|req|crl -text -noout</c>. Keys are made once per name and reused.
/// </summary>
public sealed partial class OpenSslTextWorkspace : IDisposable
{
    private static readonly Dictionary<string, string[]> s_keyCommands = new(StringComparer.Ordinal)
    {
        ["rsa"] = ["genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048"],
        ["rsa-pss"] = ["genpkey", "-algorithm", "RSA-PSS", "-pkeyopt", "rsa_keygen_bits:2048"],
        ["rsa-pss-restricted"] = ["genpkey", "-algorithm", "RSA-PSS", "-pkeyopt", "rsa_keygen_bits:2048", "-pkeyopt", "rsa_pss_keygen_md:sha256", "-pkeyopt", "rsa_pss_keygen_mgf1_md:sha384", "-pkeyopt", "rsa_pss_keygen_saltlen:24"],
        ["p256"] = ["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"],
        ["p384"] = ["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-384"],
        ["p521"] = ["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-521"],
        ["secp256k1"] = ["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:secp256k1"],
        ["dsa"] = ["genpkey", "-paramfile", "dsa-params.pem"],
        ["ed25519"] = ["genpkey", "-algorithm", "ED25519"],
        ["ed448"] = ["genpkey", "-algorithm", "ED448"],
    };

    private readonly object _gate = new();

    public string Root { get; } = Directory.CreateTempSubdirectory("mtls-text-").FullName;

    /// <summary>Runs openssl in <see cref="Root"/>; a non-zero exit fails the test.</summary>
    /// <returns>Standard output.</returns>
    public string Run(params string[] args)
    {
        ProcessResult result = ProcessRunner.Run(OpenSslPeer.Require(), args, null, Root);
        result.ExitCode.ShouldBe(0, $"openssl {string.Join(' ', args)}: {result.Stderr}");
        return result.Stdout;
    }

    /// <summary>Writes a file (a config, say) into <see cref="Root"/> and returns its name.</summary>
    public string Write(string name, string text)
    {
        File.WriteAllText(Path.Combine(Root, name), text);
        return name;
    }

    public byte[] Read(string name) => File.ReadAllBytes(Path.Combine(Root, name));

    /// <summary>The PEM private key file for a key name (made on first use).</summary>
    public string Key(string name)
    {
        lock (_gate)
        {
            string file = $"key-{name}.pem";
            if (!File.Exists(Path.Combine(Root, file)))
            {
                if (name == "dsa" && !File.Exists(Path.Combine(Root, "dsa-params.pem")))
                {
                    Run("genpkey", "-genparam", "-algorithm", "DSA", "-pkeyopt", "dsa_paramgen_bits:2048", "-pkeyopt", "dsa_paramgen_q_bits:256", "-out", "dsa-params.pem");
                }

                Run([.. s_keyCommands[name], "-out", file]);
            }

            return file;
        }
    }

    /// <summary>
    /// What <c>openssl COMMAND -inform DER -text -noout</c> prints for the DER, whatever its exit code (it prints
    /// partial text before some failures). The configuration file is emptied (<c>OPENSSL_CONF=/dev/null</c>): a
    /// distribution's openssl.cnf names extra OIDs (Debian's <c>tsa_policy1..3</c>) that <c>openssl req</c> would
    /// print by name.
    /// </summary>
    public static string OpenSslText(string command, byte[] der)
    {
        ProcessResult result = ProcessRunner.Run(
            OpenSslPeer.Require(), [command, "-inform", "DER", "-text", "-noout"], der, environment: new Dictionary<string, string> { ["OPENSSL_CONF"] = "/dev/null" });
        return NormaliseThreadIds(result.Stdout);
    }

    /// <summary>
    /// OpenSSL's error-queue lines start with the printing thread's id, different in every run; ToText writes zeros
    /// there, and so does this for OpenSSL's text.
    /// </summary>
    public static string NormaliseThreadIds(string text) => ThreadIdPattern().Replace(text, "0000000000000000:error:");

    /// <summary>Asserts byte-identical text, failing with the first differing line and its neighbours.</summary>
    public static void ShouldMatch(string actual, string expected, string name)
    {
        if (actual == expected)
        {
            return;
        }

        string[] a = actual.Split('\n');
        string[] e = expected.Split('\n');
        int line = 0;
        while (line < a.Length && line < e.Length && a[line] == e[line])
        {
            line++;
        }

        int from = Math.Max(0, line - 2);
        string Around(string[] lines) => string.Join("\n", lines.Skip(from).Take(6).Select(l => "|" + l + "|"));
        (actual == expected).ShouldBeTrue($"{name}: first difference at line {line + 1}\n--- openssl\n{Around(e)}\n--- ManagedTls\n{Around(a)}");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [GeneratedRegex("(?m)^[0-9A-F]{16}:error:")]
    private static partial Regex ThreadIdPattern();
}
