using System.Text;
using ManagedTls.Asn1;
using ManagedTls.Tests.TestSupport;
using ManagedTls.X509;

namespace ManagedTls.Tests.X509;

/// <summary>
/// Names compared with the openssl binary: subjects made by <c>openssl req -subj</c> and Names built byte by byte
/// (every string type, escapes, multi-valued RDNs) inside otherwise ordinary certificates.
/// </summary>
public sealed class DistinguishedNameOpenSslTests
{
    public static TheoryData<string> ReqSubjects => new()
    {
        "/CN=a+OU=b",
        "/C=US/O=Example+OU=Unit/CN=example.com",
        "/CN=MiXeD CaSe/O=  Extra   Spaces  /OU=\tTab",
        "/CN=Ünïcødé 日本語/O=Ça va/L=Zürich",
        "/emailAddress=Foo.Bar@Example.COM/CN=mail",
        "/CN=#lead/O=trail \\/OU=a\\,b;c<d>e\"f",
        "/C=US/ST=California/L=San Francisco/O=Org/OU=U/CN=c/serialNumber=123/DC=com/DC=example/UID=u/title=Dr/GN=Ann/SN=Lee/initials=AL/pseudonym=p/postalCode=94000/street=1 Main St",
        "/CN=a+CN=b+CN=A",
        "/CN=😀 emoji",
        "/1.2.3.4=unknown oid/CN=x",
    };

    [SkippableTheory]
    [MemberData(nameof(ReqSubjects))]
    public void Subject_FromOpensslReq_MatchesOpenSslEverywhere(string subject)
    {
        byte[] der = ReqCertificate(subject);

        AssertSameAsOpenSsl(der);
    }

    public static TheoryData<string, int, string> CraftedValues => new()
    {
        // label, universal tag, content hex
        { "utf8 specials", 12, Hex("a,b") },
        { "utf8 leading hash", 12, Hex("#x") },
        { "utf8 single hash", 12, Hex("#") },
        { "utf8 trailing hash", 12, Hex("x#") },
        { "utf8 spaces", 12, Hex(" x ") },
        { "utf8 single space", 12, Hex(" ") },
        { "utf8 quote backslash", 12, Hex("a\"b\\c") },
        { "utf8 all specials", 12, Hex("a+b;c<d>e=f/g") },
        { "utf8 control", 12, "610162097f" },
        { "utf8 non-ascii", 12, "c3a9e697a5f09f9880" },
        { "empty utf8", 12, string.Empty },
        { "printable star", 19, Hex("*.example.com") },
        { "printable latin1", 19, "e9" },
        { "t61 latin1", 20, "e974e9" },
        { "ia5", 22, Hex("a@b.c") },
        { "ia5 high", 22, "ff" },
        { "numeric", 18, Hex("0123") },
        { "bmp", 30, "00e965e50020002c" },
        { "bmp control", 30, "0001" },
        { "universal", 28, "000000e90001f600" },
        { "bit string", 3, "0068" },
        { "tag 13", 13, Hex("hi") },
    };

    [SkippableTheory]
    [MemberData(nameof(CraftedValues))]
    public void Subject_CraftedValue_MatchesOpenSslEverywhere(string label, int tag, string content)
    {
        byte[] subject = TestCertificate.NameOfRdns(
            [("2.5.4.6", Asn1Tag.PrintableString, "US"u8.ToArray())],
            [("2.5.4.3", new Asn1Tag(TagClass.Universal, tag), Convert.FromHexString(content)), ("2.5.4.10", Asn1Tag.Utf8String, "Org"u8.ToArray())],
            [("1.2.840.113549.1.9.1", new Asn1Tag(TagClass.Universal, tag), Convert.FromHexString(content))]);
        byte[] der = new TestCertificate { Subject = subject }.ToDer();

        AssertSameAsOpenSsl(der, label);
    }

    [SkippableFact]
    public void Subject_SequenceValueAndEmptyRdn_MatchOpenSsl()
    {
        byte[] subject = TestCertificate.NameOfRdns(
            [("2.5.4.3", Asn1Tag.Sequence, Convert.FromHexString("30020500"))],
            [],
            [("2.5.4.3", Asn1Tag.Utf8String, "x"u8.ToArray())]);

        AssertSameAsOpenSsl(new TestCertificate { Subject = subject }.ToDer());
    }

    [SkippableFact]
    public void Subject_Empty_MatchesOpenSsl()
    {
        AssertSameAsOpenSsl(new TestCertificate { Subject = [0x30, 0x00] }.ToDer());
    }

    public static TheoryData<string> ParseSubjects => new()
    {
        "/CN=a+OU=b",
        "/C=US/O=Example+OU=Unit/CN=example.com",
        "/CN=MiXeD CaSe/O=  Extra   Spaces  /OU=\tTab",
        "/CN=Ünïcødé 日本語/O=Ça va/L=Zürich",
        "/emailAddress=Foo.Bar@Example.COM/CN=mail",
        "/CN=#lead/O=trail \\/OU=a\\,b;c<d>e\"f\\+g",
        "/C=US/ST=California/L=San Francisco/O=Org/OU=U/CN=c/serialNumber=123/DC=com/DC=example/UID=u/title=Dr/GN=Ann/SN=Lee/initials=AL/pseudonym=p/postalCode=94000/street=1 Main St",
        "/CN=a+CN=b+CN=A",
        "/CN=😀 emoji",
        "/CN=/O=empty CN skipped",
        "/jurisdictionC=DE/businessCategory=Private Organization/dnQualifier=q1/friendlyName=F/unstructuredName=un",
        "/commonName=long names/organizationName=O",
    };

    [SkippableTheory]
    [MemberData(nameof(ParseSubjects))]
    public void Parse_SubjOption_ByteIdenticalToOpensslReq(string subject)
    {
        byte[] der = ReqCertificate(subject);

        DistinguishedName parsed = DistinguishedName.Parse(subject);

        Convert.ToHexString(parsed.RawData.Span).ShouldBe(Convert.ToHexString(Certificate.Decode(der).Subject.RawData.Span));
    }

    [SkippableTheory]
    [InlineData("/C=USA")]
    [InlineData("/C=U*")]
    [InlineData("/serialNumber=a@b")]
    [InlineData("/emailAddress=é@x")]
    public void Parse_ValueItsTypeCannotHold_RejectedLikeOpensslReq(string subject)
    {
        Should.Throw<ArgumentException>(() => DistinguishedName.Parse(subject));
        string dir = Path.Combine(Path.GetTempPath(), "mtls-x509-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string key = Path.Combine(dir, "key.pem");
            OpenSslPeer.Run("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", key);
            OpenSslPeer.TryRun(null, "req", "-new", "-x509", "-utf8", "-key", key, "-subj", subject, "-days", "1", "-out", Path.Combine(dir, "c.pem")).ExitCode.ShouldNotBe(0);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    internal static void AssertSameAsOpenSsl(byte[] der, string? because = null)
    {
        Certificate certificate = Certificate.Decode(der);
        string expected = OpenSslX509.PrintFields(der);
        OpenSslX509.Describe(certificate).ShouldBe(expected, because);
        OpenSslX509.DescribeNameForms(certificate).ShouldBe(OpenSslX509.PrintNameForms(der), because);
    }

    private static string Hex(string ascii) => Convert.ToHexString(Encoding.ASCII.GetBytes(ascii));

    private static byte[] ReqCertificate(string subject)
    {
        string dir = Path.Combine(Path.GetTempPath(), "mtls-x509-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string key = Path.Combine(dir, "key.pem");
            string cert = Path.Combine(dir, "cert.der");
            OpenSslPeer.Run("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", key);
            OpenSslPeer.Run("req", "-new", "-x509", "-utf8", "-key", key, "-subj", subject, "-days", "30", "-outform", "DER", "-out", cert);
            return File.ReadAllBytes(cert);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
