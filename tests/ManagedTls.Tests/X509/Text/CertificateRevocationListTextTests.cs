using System.Numerics;
using ManagedTls.X509;
using static ManagedTls.Tests.X509.Text.CraftedDer;

namespace ManagedTls.Tests.X509.Text;

/// <summary><see cref="CertificateRevocationList.ToText"/> against <c>openssl crl -text -noout</c>, byte for byte.</summary>
public sealed class CertificateRevocationListTextTests(OpenSslTextWorkspace workspace) : IClassFixture<OpenSslTextWorkspace>
{
    /// <summary>
    /// Rows for <c>openssl ca -gencrl</c>: the CA key, whether the CRL gets extensions (authorityKeyIdentifier and
    /// cRLNumber; without them the CRL is v1 unless an entry has a reason), the <c>openssl ca -revoke</c> options for each revoked serial, and extra <c>-gencrl</c> options.
    /// </summary>
    private static readonly Dictionary<string, (string Key, bool Extensions, (int Serial, string[] Options)[] Revoked, string[] Options)> s_madeByOpenSsl = new(StringComparer.Ordinal)
    {
        ["v1 empty"] = ("rsa", false, [], []),
        ["v1 revoked without reasons"] = ("rsa", false, [(0x1001, []), (5, []), (0x7FFFFFFF, [])], []),
        ["v2 empty with number and key id"] = ("rsa", true, [], []),
        ["v2 every reason"] = ("rsa", true,
        [
            (1, ["-crl_reason", "unspecified"]),
            (2, ["-crl_reason", "keyCompromise"]),
            (3, ["-crl_reason", "CACompromise"]),
            (4, ["-crl_reason", "affiliationChanged"]),
            (5, ["-crl_reason", "superseded"]),
            (6, ["-crl_reason", "cessationOfOperation"]),
            (7, ["-crl_hold", "holdInstructionReject"]),
            (8, ["-crl_reason", "removeFromCRL"]),
            (9, ["-crl_compromise", "20200101120000Z"]),
            (10, ["-crl_CA_compromise", "20210615083000Z"]),
            (11, ["-crl_hold", "holdInstructionCallIssuer"]),
        ], []),
        ["v2 reasons without crl extensions"] = ("p256", false, [(0x12345678, ["-crl_reason", "superseded"])], []),
        ["sha512"] = ("rsa", true, [(42, [])], ["-md", "sha512"]),
        ["rsa-pss"] = ("rsa", true, [(42, [])], ["-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_pss_saltlen:32"]),
        ["ecdsa p384"] = ("p384", true, [(42, [])], ["-md", "sha384"]),
        ["ed25519"] = ("ed25519", true, [(42, [])], []),
        ["dsa"] = ("dsa", true, [(42, ["-crl_reason", "keyCompromise"])], ["-md", "sha256"]),
        ["next update in hours"] = ("p256", true, [], ["-crlhours", "5"]),
        ["next update after 2050"] = ("p256", true, [], ["-crldays", "10000"]),
    };

    private static readonly byte[] s_reasonKeyCompromise = Extension("2.5.29.21", null, [0x0A, 0x01, 0x01]);

    private static readonly Dictionary<string, Func<byte[]>> s_crafted = new(StringComparer.Ordinal)
    {
        ["no next update"] = () => RevocationList(null, version: null),
        ["empty revoked sequence"] = () => RevocationList([], version: null, nextUpdate: UtcTime("240201000000Z")),
        ["unsorted serials of every form"] = () => RevocationList(
        [
            Revoked(300), Revoked(0), Revoked(-1), Revoked(-BigInteger.Pow(2, 70)), Revoked(BigInteger.Pow(2, 300) + 1),
            Revoked(BigInteger.Pow(2, 600) - 1), Revoked(7, GeneralizedTime("20510101000000Z")),
        ], version: null),
        ["entry extensions"] = () => RevocationList(
        [
            Revoked(1, null, s_reasonKeyCompromise, Extension("2.5.29.24", false, GeneralizedTime("20200101000000Z"))),
            Revoked(2, null, Extension("1.2.3.4", true, "raw\nvalue\u00ff"u8.ToArray()), Extension("2.5.29.21", false, [0x05, 0x00])),
        ]),
        ["crl extensions known and unknown"] = () => RevocationList(
            [Revoked(3)],
            nextUpdate: GeneralizedTime("20600101000000Z"),
            extensions: [Extension("2.5.29.20", false, Int(BigInteger.Pow(2, 100))), Extension("1.2.3.4.5", true, [0x30, 0x00]), Extension("2.5.29.28", true, [0x05, 0x00])]),
        ["inner and outer algorithms differ"] = () => RevocationList(
            [Revoked(4)],
            version: null,
            algorithm: Algorithm("1.2.840.10045.4.3.2"),
            outerAlgorithm: Algorithm("1.2.840.113549.1.1.10", Seq(Explicit(2, Int(64))))),
        ["unknown signature algorithm"] = () => RevocationList(null, version: null, algorithm: Algorithm("1.2.3.4.5.6.7"), signature: [.. Enumerable.Range(0, 40).Select(i => (byte)i)]),
        ["dsa signature value"] = () => RevocationList(null, version: null, algorithm: Algorithm("1.2.840.10040.4.3"), signature: Seq(Int(1), Int(BigInteger.Pow(2, 159)))),
        ["empty issuer"] = () => RevocationList(null, version: null, issuer: Seq()),
    };

    public static TheoryData<string> MadeByOpenSsl => [.. s_madeByOpenSsl.Keys];

    public static TheoryData<string> Crafted => [.. s_crafted.Keys];

    [SkippableTheory]
    [MemberData(nameof(MadeByOpenSsl))]
    public void ToText_CrlMadeByOpenSsl_MatchesOpenSsl(string row)
    {
        byte[] der = MakeCrl(row);

        OpenSslTextWorkspace.ShouldMatch(CertificateRevocationList.Decode(der).ToText(), OpenSslTextWorkspace.OpenSslText("crl", der), row);
    }

    [SkippableTheory]
    [MemberData(nameof(Crafted))]
    public void ToText_CraftedCrl_MatchesOpenSsl(string row)
    {
        byte[] der = s_crafted[row]();
        string expected = OpenSslTextWorkspace.OpenSslText("crl", der);
        expected.ShouldStartWith("Certificate Revocation List (CRL):\n", customMessage: $"openssl did not load the row {row}");

        OpenSslTextWorkspace.ShouldMatch(CertificateRevocationList.Decode(der).ToText(), expected, row);
    }

    /// <summary>A fresh CA directory per row: CA certificate, empty index, revocations, then <c>ca -gencrl</c>.</summary>
    private byte[] MakeCrl(string row)
    {
        (string key, bool extensions, (int Serial, string[] Options)[] revoked, string[] options) = s_madeByOpenSsl[row];
        string dir = "ca-" + row.Replace(' ', '-');
        Directory.CreateDirectory(Path.Combine(workspace.Root, dir));
        workspace.Write($"{dir}/index.txt", string.Empty);
        workspace.Write($"{dir}/crlnumber", "1000\n");
        string config = workspace.Write($"{dir}/ca.cnf", $"""
            [ca]
            default_ca = ca_section
            [ca_section]
            database = {dir}/index.txt
            {(extensions ? $"crlnumber = {dir}/crlnumber" : string.Empty)}
            default_md = default
            default_crl_days = 30
            {(extensions ? "crl_extensions = crl_extensions" : string.Empty)}
            [crl_extensions]
            authorityKeyIdentifier = keyid:always
            """);
        string caKey = workspace.Key(key);
        workspace.Run("req", "-x509", "-config", workspace.ConfigFile(), "-extensions", "ext_keyIdentifiers", "-key", caKey, "-subj", "/O=CRL Tests/CN=" + row, "-days", "30", "-out", $"{dir}/ca.pem");
        foreach ((int serial, string[] revokeOptions) in revoked)
        {
            string leaf = $"{dir}/leaf-{serial}.pem";
            workspace.Run("req", "-x509", "-config", workspace.ConfigFile(), "-key", workspace.Key("p256"), "-subj", $"/CN=leaf {serial}", "-set_serial", serial.ToString(System.Globalization.CultureInfo.InvariantCulture), "-days", "30", "-out", leaf);
            workspace.Run(["ca", "-config", config, "-cert", $"{dir}/ca.pem", "-keyfile", caKey, "-revoke", leaf, .. revokeOptions]);
        }

        workspace.Run(["ca", "-config", config, "-cert", $"{dir}/ca.pem", "-keyfile", caKey, "-gencrl", .. options, "-out", $"{dir}/crl.pem"]);
        workspace.Run("crl", "-in", $"{dir}/crl.pem", "-outform", "DER", "-out", $"{dir}/crl.der");
        return workspace.Read($"{dir}/crl.der");
    }
}
