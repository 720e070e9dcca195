using ManagedTls.X509;
using static ManagedTls.Tests.X509.Text.CraftedDer;

namespace ManagedTls.Tests.X509.Text;

/// <summary><see cref="CertificationRequest.ToText"/> against <c>openssl req -text -noout</c>, byte for byte.</summary>
public sealed class CertificationRequestTextTests(OpenSslTextWorkspace workspace) : IClassFixture<OpenSslTextWorkspace>
{
    private const string ExtensionRequest = "1.2.840.113549.1.9.14";
    private const string MsExtensionRequest = "1.3.6.1.4.1.311.2.1.14";
    private const string ChallengePassword = "1.2.840.113549.1.9.7";

    /// <summary>Rows: a name, the key and the <c>openssl req -new</c> arguments after the configuration and key.</summary>
    private static readonly HashSet<string> s_withAttributes = ["challenge password and unstructured name", "extension request and attributes"];

    private static readonly Dictionary<string, (string Key, string[] Args)> s_madeByOpenSsl = new(StringComparer.Ordinal)
    {
        ["no attributes"] = ("p256", ["-subj", "/CN=plain request"]),
        ["rsa sha256"] = ("rsa", ["-sha256"]),
        ["rsa-pss signature"] = ("rsa", ["-sha384", "-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_pss_saltlen:48"]),
        ["rsa-pss key"] = ("rsa-pss-restricted", []),
        ["dsa"] = ("dsa", ["-sha256"]),
        ["ed25519"] = ("ed25519", []),
        ["ed448"] = ("ed448", []),
        ["challenge password and unstructured name"] = ("p256", ["-reqexts", "ext_none"]),
        ["extension request"] = ("p256", ["-reqexts", "ext_all-requestable"]),
        ["extension request and attributes"] = ("p384", ["-reqexts", "ext_subjectAltName"]),
        ["addext"] = ("p256", ["-addext", "subjectAltName = DNS:added.example", "-addext", "keyUsage = critical, digitalSignature"]),
        ["empty subject"] = ("p256", ["-subj", "/"]),
        ["utf8 subject"] = ("p256", ["-utf8", "-subj", "/O=Grüße/CN=日本語"]),
    };

    private static readonly Dictionary<string, Func<byte[]>> s_crafted = new(StringComparer.Ordinal)
    {
        ["attributes field absent"] = () => Request(null),
        ["empty attributes"] = () => Request([]),
        ["version 1"] = () => Request([], version: 1),
        ["version 5"] = () => Request([], version: 5),
        ["string types"] = () => Request(
        [
            Attribute(ChallengePassword, Ascii(0x13, "Printable")),
            Attribute("1.2.840.113549.1.9.2", Utf8("UTF-8 ✓")),
            Attribute("1.2.840.113549.1.9.8", Ascii(0x16, "ia5 with\nnewline")),
            Attribute("2.5.4.3", Ascii(0x12, "0123 456")),
            Attribute("2.5.4.4", Ascii(0x14, "t61 ascii")),
        ]),
        ["types that do not print"] = () => Request(
        [
            Attribute(ChallengePassword, Tlv(0x1E, [0, 0x41, 0, 0x42])),
            Attribute("1.2.840.113549.1.9.3", Oid("1.2.840.113549.1.7.1")),
            Attribute("1.2.3.4", Seq(Int(1))),
            Attribute("1.2.3.5", Int(7), Tlv(0x01, [0xFF]), Tlv(0x05, [])),
        ]),
        ["several values"] = () => Request([Attribute("1.2.840.113549.1.9.2", Utf8("one"), Utf8("two"), Ascii(0x13, "three"))]),
        ["long attribute name"] = () => Request([Attribute("1.3.6.1.4.1.99999.1.2.3.4.5.6.7", Utf8("first"), Utf8("second"))]),
        ["name of exactly 25 characters"] = () => Request([Attribute("1.3.6.1.4.1.99999.12345.6", Utf8("first"), Utf8("second"))]),
        ["attribute without values"] = () => Request([Attribute("1.2.840.113549.1.9.2", Utf8("before")), Attribute(ChallengePassword)]),
        ["microsoft extension request"] = () => Request([Attribute(MsExtensionRequest, Seq(Extension("2.5.29.19", true, Seq())))]),
        ["both extension requests"] = () => Request(
        [
            Attribute(MsExtensionRequest, Seq(Extension("2.5.29.19", true, Seq()))),
            Attribute(ExtensionRequest, Seq(Extension("2.5.29.15", false, [0x03, 0x02, 0x07, 0x80]))),
        ]),
        ["extension request without values"] = () => Request([Attribute(ExtensionRequest)]),
        ["extension request that is not a sequence"] = () => Request([Attribute(ExtensionRequest, Octets([1, 2]))]),
        ["extension request with a malformed extension"] = () => Request([Attribute(ExtensionRequest, Seq(Int(1)))]),
        ["extension request with an empty sequence"] = () => Request([Attribute(ExtensionRequest, Seq())]),
        ["extension request repeating an extension"] = () => Request(
        [
            Attribute(ExtensionRequest, Seq(Extension("2.5.29.19", true, Seq()), Extension("2.5.29.19", false, Seq(Tlv(0x01, [0xFF]))))),
        ]),
        ["unknown and unparsable requested extensions"] = () => Request(
        [
            Attribute(ExtensionRequest, Seq(Extension("1.2.3.4", false, "line\nbreak\u0001"u8.ToArray()), Extension("2.5.29.17", true, [0x05, 0x00]))),
        ]),
        ["dsa signature value"] = () => Request([], algorithm: Algorithm("2.16.840.1.101.3.4.3.2"), signature: Seq(Int(12345), Int(System.Numerics.BigInteger.Pow(3, 100)))),
    };

    public static TheoryData<string> MadeByOpenSsl => [.. s_madeByOpenSsl.Keys];

    public static TheoryData<string> Crafted => [.. s_crafted.Keys];

    [SkippableTheory]
    [MemberData(nameof(MadeByOpenSsl))]
    public void ToText_RequestMadeByOpenSsl_MatchesOpenSsl(string row)
    {
        (string key, string[] args) = s_madeByOpenSsl[row];
        string file = row.Replace(' ', '-') + ".csr.der";
        string[] subject = args.Contains("-subj") ? [] : ["-subj", "/C=DE/O=Requests/CN=" + row];
        workspace.Run(["req", "-new", "-config", workspace.ConfigFile(s_withAttributes.Contains(row)), "-key", workspace.Key(key), .. subject, .. args, "-outform", "DER", "-out", file]);
        byte[] der = workspace.Read(file);

        OpenSslTextWorkspace.ShouldMatch(CertificationRequest.Decode(der).ToText(), OpenSslTextWorkspace.OpenSslText("req", der), row);
    }

    [SkippableTheory]
    [MemberData(nameof(Crafted))]
    public void ToText_CraftedRequest_MatchesOpenSsl(string row)
    {
        byte[] der = s_crafted[row]();
        string expected = OpenSslTextWorkspace.OpenSslText("req", der);
        expected.ShouldStartWith("Certificate Request:\n", customMessage: $"openssl did not load the row {row}");

        OpenSslTextWorkspace.ShouldMatch(CertificationRequest.Decode(der).ToText(), expected, row);
    }
}
