using ManagedTls.Tests.Asn1;
using ManagedTls.Tests.TestSupport;
using ManagedTls.X509;
using Xunit.Abstractions;

namespace ManagedTls.Tests.X509.Text;

/// <summary><see cref="Certificate.ToText"/> against <c>openssl x509 -text -noout</c>, byte for byte.</summary>
public sealed class CertificateTextTests(OpenSslTextWorkspace workspace, ITestOutputHelper output) : IClassFixture<OpenSslTextWorkspace>
{
    /// <summary>Rows: a name and the <c>openssl req -x509</c> arguments after the key (the subject defaults to /CN=row name).</summary>
    private static readonly Dictionary<string, (string Key, string[] Args)> s_madeByOpenSsl = new(StringComparer.Ordinal)
    {
        ["rsa-md5"] = ("rsa", ["-md5"]),
        ["rsa-sha1"] = ("rsa", ["-sha1"]),
        ["rsa-sha224"] = ("rsa", ["-sha224"]),
        ["rsa-sha256"] = ("rsa", ["-sha256"]),
        ["rsa-sha384"] = ("rsa", ["-sha384"]),
        ["rsa-sha512"] = ("rsa", ["-sha512"]),
        ["pss-sha256-defaults"] = ("rsa", ["-sha256", "-sigopt", "rsa_padding_mode:pss"]),
        ["pss-sha1-all-default-fields"] = ("rsa", ["-sha1", "-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_pss_saltlen:20"]),
        ["pss-sha384-salt32-mgf1-sha512"] = ("rsa", ["-sha384", "-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_pss_saltlen:32", "-sigopt", "rsa_mgf1_md:sha512"]),
        ["pss-sha512-salt-max"] = ("rsa", ["-sha512", "-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_pss_saltlen:max"]),
        ["pss-sha256-salt0-mgf1-sha1"] = ("rsa", ["-sha256", "-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_pss_saltlen:0", "-sigopt", "rsa_mgf1_md:sha1"]),
        ["rsa-pss-key"] = ("rsa-pss", ["-sha256"]),
        ["rsa-pss-key-restricted"] = ("rsa-pss-restricted", ["-sha256"]),
        ["ecdsa-p256-sha256"] = ("p256", ["-sha256"]),
        ["ecdsa-p256-sha1"] = ("p256", ["-sha1"]),
        ["ecdsa-p384-sha384"] = ("p384", ["-sha384"]),
        ["ecdsa-p521-sha512"] = ("p521", ["-sha512"]),
        ["ecdsa-secp256k1-sha256"] = ("secp256k1", ["-sha256"]),
        ["dsa-sha256"] = ("dsa", ["-sha256"]),
        ["dsa-sha224"] = ("dsa", ["-sha224"]),
        ["dsa-sha1"] = ("dsa", ["-sha1"]),
        ["ed25519"] = ("ed25519", []),
        ["ed448"] = ("ed448", []),
        ["serial-zero"] = ("p256", ["-set_serial", "0"]),
        ["serial-one-byte"] = ("p256", ["-set_serial", "127"]),
        ["serial-4096"] = ("p256", ["-set_serial", "4096"]),
        ["serial-negative"] = ("p256", ["-set_serial", "-5"]),
        ["serial-negative-large"] = ("p256", ["-set_serial", "-0x1234567890abcdef12"]),
        ["serial-long-max"] = ("p256", ["-set_serial", "0x7fffffffffffffff"]),
        ["serial-2-to-63"] = ("p256", ["-set_serial", "0x8000000000000000"]),
        ["serial-20-bytes"] = ("p256", ["-set_serial", "0x7fffffffffffffffffffffffffffffffffffffff"]),
        ["not-after-2060s"] = ("p256", ["-days", "14000"]),
        ["subject-utf8"] = ("p256", ["-utf8", "-subj", "/C=DE/O=Grüße & Zoë, \"quoted\"/CN=日本語 ✓"]),
        ["subject-specials"] = ("p256", ["-multivalue-rdn", "-subj", "/CN=#lead\\, comma+OU=a<b>;c/O= spaced /emailAddress=x@example.com/DC=example/serialNumber=123"]),
        ["subject-empty"] = ("p256", ["-subj", "/"]),
    };

    /// <summary>One row per extension section of the workspace configuration.</summary>
    public static TheoryData<string> ExtensionRows => [.. OpenSslTextWorkspace.ExtensionSections.Keys];

    public static TheoryData<string> MadeByOpenSsl => [.. s_madeByOpenSsl.Keys, "v1-self-signed", "v1-ca-signed", "subject-bmp-and-t61"];

    [SkippableFact]
    public void ToText_EverySystemCertificate_MatchesOpenSsl()
    {
        OpenSslPeer.Require();
        IReadOnlyList<(string Name, byte[] Der)> corpus = CertificateCorpus.Require();
        var failures = new List<string>();
        int identical = 0;
        foreach ((string name, byte[] der) in corpus)
        {
            string expected = OpenSslTextWorkspace.OpenSslText("x509", der);
            string actual = Certificate.Decode(der).ToText();
            if (actual == expected)
            {
                identical++;
            }
            else
            {
                failures.Add(name);
            }
        }

        output.WriteLine($"{identical} of {corpus.Count} certificates under /etc/ssl/certs print identically to openssl x509 -text -noout.");
        foreach (string name in failures)
        {
            output.WriteLine($"differs: {name}");
        }

        if (failures.Count > 0)
        {
            byte[] first = corpus.First(c => c.Name == failures[0]).Der;
            OpenSslTextWorkspace.ShouldMatch(Certificate.Decode(first).ToText(), OpenSslTextWorkspace.OpenSslText("x509", first), failures[0]);
        }

        identical.ShouldBe(corpus.Count);
    }

    [SkippableTheory]
    [MemberData(nameof(MadeByOpenSsl))]
    public void ToText_CertificateMadeByOpenSsl_MatchesOpenSsl(string row)
    {
        byte[] der = Make(row);

        OpenSslTextWorkspace.ShouldMatch(Certificate.Decode(der).ToText(), OpenSslTextWorkspace.OpenSslText("x509", der), row);
    }

    [SkippableTheory]
    [MemberData(nameof(ExtensionRows))]
    public void ToText_CertificateWithExtensions_MatchesOpenSsl(string section)
    {
        string config = workspace.ConfigFile();
        string file = $"ext-{section}.der";
        workspace.Run("req", "-x509", "-config", config, "-extensions", "ext_" + section, "-key", workspace.Key("p256"), "-days", "30", "-outform", "DER", "-out", file);
        byte[] der = workspace.Read(file);

        OpenSslTextWorkspace.ShouldMatch(Certificate.Decode(der).ToText(), OpenSslTextWorkspace.OpenSslText("x509", der), section);
    }

    private byte[] Make(string row)
    {
        string file = row + ".der";
        switch (row)
        {
            case "v1-self-signed":
                workspace.Run("req", "-new", "-config", workspace.ConfigFile(), "-key", workspace.Key("rsa"), "-subj", "/CN=v1 request", "-out", "v1.csr");
                workspace.Run("x509", "-req", "-in", "v1.csr", "-signkey", workspace.Key("rsa"), "-days", "30", "-outform", "DER", "-out", file);
                break;
            case "v1-ca-signed":
                workspace.Run("req", "-x509", "-config", workspace.ConfigFile(), "-extensions", "ext_basicConstraints", "-key", workspace.Key("p384"), "-subj", "/CN=v1 CA", "-days", "30", "-out", "v1-ca.pem");
                workspace.Run("req", "-new", "-config", workspace.ConfigFile(), "-key", workspace.Key("ed25519"), "-subj", "/CN=v1 leaf", "-out", "v1-leaf.csr");
                workspace.Run("x509", "-req", "-in", "v1-leaf.csr", "-CA", "v1-ca.pem", "-CAkey", workspace.Key("p384"), "-set_serial", "77", "-days", "30", "-outform", "DER", "-out", file);
                break;
            case "subject-bmp-and-t61":
                // string_mask=default lets openssl pick T61String for Latin-1 text and BMPString beyond it.
                string config = workspace.Write("default-mask.cnf", "[req]\ndistinguished_name = dn\nstring_mask = default\n[dn]\n");
                workspace.Run("req", "-x509", "-config", config, "-utf8", "-subj", "/O=Café Société/CN=Ωmega ☃/L=plain", "-key", workspace.Key("p256"), "-days", "30", "-outform", "DER", "-out", file);
                break;
            default:
                (string key, string[] args) = s_madeByOpenSsl[row];
                string[] subject = args.Contains("-subj") ? [] : ["-subj", "/CN=" + row];
                string[] common = ["req", "-x509", "-config", workspace.ConfigFile(), "-extensions", "ext_keyIdentifiers", "-key", workspace.Key(key), "-days", "30"];
                workspace.Run([.. common, .. subject, .. args, "-outform", "DER", "-out", file]);
                break;
        }

        return workspace.Read(file);
    }
}
