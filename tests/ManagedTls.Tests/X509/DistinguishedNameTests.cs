using System.Text;
using ManagedTls.Asn1;
using ManagedTls.X509;

namespace ManagedTls.Tests.X509;

/// <summary>
/// Names built byte by byte. The expected hashes and one-line forms were produced by OpenSSL 3.0.19's own
/// <c>d2i_X509_NAME</c>, <c>X509_NAME_hash_ex</c> and <c>X509_NAME_oneline</c> (libcrypto called directly), so they are
/// OpenSSL's answers, not ours; <see cref="DistinguishedNameOpenSslTests"/> re-asks the openssl binary live.
/// </summary>
public sealed class DistinguishedNameTests
{
    private static readonly Asn1Tag Utf8 = Asn1Tag.Utf8String;

    public static TheoryData<string, string, string> OpenSslAnswers => new()
    {
        // DER name, X509_NAME_hash_ex, X509_NAME_oneline
        { "30123110300e06035504030c07612b622f635c64", "815597e9", "/CN=a\\+b\\/c\\d" },
        { "30023100", "eea339da", string.Empty },
        { "3000", "eea339da", string.Empty },
        { "30163114300806035504030c0162300806035504030c0161", "3881cc6b", "/CN=b+CN=a" },
        { "30163114300806035504030c0161300806035504030c0162", "3881cc6b", "/CN=a+CN=b" },
        { "30163114300806035504030c0161300806035504030c0161", "48307a1e", "/CN=a+CN=a" },
        { "300c310a300806032a03040c0178", "dd1f0c0d", "/1.2.3.4=x" },
        { "300d310b3009060355040303020068", "5aa8c422", "/CN=h" },
        { "300d310b300906035504031202" + "3132", "d4a1c762", "/CN=12" },
        { "300d310b3009060355040312026162", "dfb84be0", "/CN=ab" },
        { "300e310c300a06035504031303614062", "6c4a5458", "/CN=a@b" },
        { "300c310a300806035504031301e9", "7799dc1a", "/CN=\\xE9" },
        { "300c310a300806035504031601e9", "7799dc1a", "/CN=\\xE9" },
        { "300e310c300a06035504031403e974e9", "dd2c33d3", "/CN=\\xE9t\\xE9" },
        { "300d310b3009060355040313021e02", "7f0f8b58", "/CN=\\x1E\\x02" },
        { "300f310d300b06035504031c040001f600", "3b6eca5c", "/CN=\\x00\\x01\\xF6\\x00" },
        { "300d310b3009060355040330020500", "6d8181ec", "/CN=0\\x02\\x05\\x00" },
        { "300d310b3009060355040307026869", "86d0a59b", "/CN=hi" },
        { "300d310b300906035504030d026869", "268b0987", "/CN=hi" },
        { "300d310b300906035504031d026869", "3479a52f", "/CN=hi" },
    };

    public static TheoryData<string, string> RejectedByOpenSsl => new()
    {
        { "BMPString surrogate pair", "300f310d300b06035504031e04d83dde00" },
        { "BMPString lone surrogate", "300d310b300906035504031e02d83d" },
        { "BMPString odd length", "300e310c300a06035504031e03006100" },
        { "UTF8String invalid", "300d310b300906035504030c02c328" },
        { "UTF8String surrogate", "300e310c300a06035504030c03eda080" },
        { "UTF8String overlong", "300d310b300906035504030c02c0af" },
        { "UTF8String above U+10FFFF", "300f310d300b06035504030c04f4908080" },
        { "UniversalString above U+10FFFF", "300f310d300b06035504031c0400110000" },
        { "UniversalString surrogate", "300f310d300b06035504031c040000d800" },
        { "VisibleString", "300d310b300906035504031a026869" },
        { "OCTET STRING", "300d310b3009060355040304026869" },
        { "INTEGER", "300c310a30080603550403020101" },
        { "BOOLEAN", "300c310a300806035504030101ff" },
        { "GeneralString", "300d310b300906035504031b026869" },
        { "VideotexString", "300d310b3009060355040315026869" },
        { "GraphicString", "300d310b3009060355040319026869" },
        { "UTCTime", "300d310b3009060355040317026869" },
        { "GeneralizedTime", "300d310b3009060355040318026869" },
        { "OBJECT IDENTIFIER", "300c310a3008060355040306012a" },
        { "NULL", "300b3109300706035504030500" },
        { "ENUMERATED", "300c310a300806035504030a0101" },
        { "SET", "300d310b3009060355040331020500" },
        { "context [0]", "300d310b3009060355040380026869" },
    };

    [Theory]
    [MemberData(nameof(OpenSslAnswers))]
    public void OpenSslHashAndOneLine_OpenSslKnownAnswer_Match(string der, string hash, string oneLine)
    {
        DistinguishedName name = DistinguishedName.Decode(Convert.FromHexString(der));

        name.OpenSslHash.ToString("x8").ShouldBe(hash);
        name.ToOneLineString().ShouldBe(oneLine);
        name.RawData.ToArray().ShouldBe(Convert.FromHexString(der));
    }

    [Theory]
    [MemberData(nameof(RejectedByOpenSsl))]
    public void Decode_ValueOpenSslRejects_ThrowsInvalidName(string what, string der)
    {
        var e = Should.Throw<X509FormatException>(() => DistinguishedName.Decode(Convert.FromHexString(der)), what);
        e.Reason.ShouldBe(X509FormatError.InvalidName);
    }

    public static TheoryData<int, string, string> StringTypes => new()
    {
        { 12, "c3a9e697a5", "é日" },
        { 18, "3132", "12" },
        { 19, "41422d", "AB-" },
        { 20, "e974", "ét" },
        { 22, "61406200", "a@b\0" },
        { 28, "000000e90001f600", "é\U0001F600" },
        { 30, "00e965e5", "é日" },
    };

    [Theory]
    [MemberData(nameof(StringTypes))]
    public void Decode_StringType_DecodesValue(int tag, string content, string expected)
    {
        byte[] der = TestCertificate.Name(("2.5.4.3", new Asn1Tag(TagClass.Universal, tag), Convert.FromHexString(content)));

        AttributeTypeAndValue attribute = DistinguishedName.Decode(der).Attributes.ShouldHaveSingleItem();

        attribute.Value.ShouldBe(expected);
        attribute.ValueTag.TagValue.ShouldBe(tag);
        attribute.ShortName.ShouldBe("CN");
        attribute.LongName.ShouldBe("commonName");
        attribute.ValueContent.ToArray().ShouldBe(Convert.FromHexString(content));
    }

    [Fact]
    public void Decode_MultiValuedRdn_KeepsEncodedOrderAndStructure()
    {
        byte[] der = TestCertificate.NameOfRdns(
            [("2.5.4.6", Asn1Tag.PrintableString, "US"u8.ToArray())],
            [("2.5.4.3", Utf8, "z"u8.ToArray()), ("2.5.4.11", Utf8, "a"u8.ToArray())]);

        DistinguishedName name = DistinguishedName.Decode(der);

        name.Rdns.Count.ShouldBe(2);
        name.Rdns[1].IsMultiValued.ShouldBeTrue();
        name.Rdns[1].Attributes.Select(a => a.ShortName).ShouldBe(["CN", "OU"]);
        name.Attributes.Select(a => a.Value).ShouldBe(["US", "z", "a"]);
        name.ToString().ShouldBe("C = US, CN = z + OU = a");
        name.ToOneLineString().ShouldBe("/C=US/CN=z+OU=a");
    }

    [Fact]
    public void Decode_UnknownAttributeType_UsesDottedOid()
    {
        DistinguishedName name = DistinguishedName.Decode(TestCertificate.Name(("1.2.3.4", Utf8, "x"u8.ToArray())));

        AttributeTypeAndValue attribute = name.Attributes.ShouldHaveSingleItem();
        attribute.Info.ShouldBeNull();
        attribute.ShortName.ShouldBe("1.2.3.4");
        name.ToString().ShouldBe("1.2.3.4 = x");
        name.Format(X509NameFormatFlags.Rfc2253).ShouldBe("1.2.3.4=#0C0178");
    }

    [Theory]
    [InlineData("Example CA", "example ca", true)]
    [InlineData("  Example    CA  ", "EXAMPLE CA", true)]
    [InlineData("Example\t\n CA", "example ca", true)]
    [InlineData("ÉCOLE", "écoLE", false)]
    [InlineData("ÉCOLE", "École", true)]
    [InlineData("a b", "ab", false)]
    public void Equals_OpenSslCanonicalForm_FoldsAsciiCaseAndSpaces(string left, string right, bool equal)
    {
        DistinguishedName a = DistinguishedName.Decode(TestCertificate.Name(("2.5.4.3", Utf8, Encoding.UTF8.GetBytes(left))));
        DistinguishedName b = DistinguishedName.Decode(TestCertificate.Name(("2.5.4.3", Utf8, Encoding.UTF8.GetBytes(right))));

        a.Equals(b).ShouldBe(equal);
        (a.CompareTo(b) == 0).ShouldBe(equal);
        (a.OpenSslHash == b.OpenSslHash).ShouldBe(equal);
        if (equal)
        {
            a.GetHashCode().ShouldBe(b.GetHashCode());
        }
    }

    [Fact]
    public void Equals_PrintableVersusUtf8_EqualButOldHashDiffers()
    {
        DistinguishedName printable = DistinguishedName.Decode(TestCertificate.Name(("2.5.4.3", Asn1Tag.PrintableString, "Root"u8.ToArray())));
        DistinguishedName utf8 = DistinguishedName.Decode(TestCertificate.Name(("2.5.4.3", Utf8, "root"u8.ToArray())));

        printable.ShouldBe(utf8);
        printable.OpenSslHash.ShouldBe(utf8.OpenSslHash);
        printable.OpenSslHashOld.ShouldNotBe(utf8.OpenSslHashOld);
    }

    [Fact]
    public void CanonicalEncoding_KnownName_IsUtf8LowerCasedSetsWithoutOuterSequence()
    {
        byte[] der = TestCertificate.Name(("2.5.4.6", Asn1Tag.PrintableString, "US"u8.ToArray()), ("2.5.4.3", Asn1Tag.BmpString, Encoding.BigEndianUnicode.GetBytes("  A  B ")));

        DistinguishedName name = DistinguishedName.Decode(der);

        Convert.ToHexString(name.CanonicalEncoding.Span).ShouldBe("310B300906035504060C027573" + "310C300A06035504030C03612062");
    }

    [Fact]
    public void CompareTo_ShorterCanonicalEncoding_SortsFirst()
    {
        DistinguishedName shortName = DistinguishedName.Decode(TestCertificate.Name(("2.5.4.3", Utf8, "zz"u8.ToArray())));
        DistinguishedName longName = DistinguishedName.Decode(TestCertificate.Name(("2.5.4.3", Utf8, "aaa"u8.ToArray())));

        shortName.CompareTo(longName).ShouldBe(-1);
        longName.CompareTo(shortName).ShouldBe(1);
        shortName.CompareTo(null).ShouldBe(1);
    }

    [Theory]
    [InlineData("a,b", "CN = \"a,b\"", "CN=a\\,b")]
    [InlineData("#x", "CN = \"#x\"", "CN=\\#x")]
    [InlineData("x#", "CN = x#", "CN=x#")]
    [InlineData("#", "CN = #", "CN=#")]
    [InlineData(" x ", "CN = \" x \"", "CN=\\ x\\ ")]
    [InlineData("a\"b\\c", "CN = a\\\"b\\\\c", "CN=a\\\"b\\\\c")]
    [InlineData("a+b;c<d>e", "CN = \"a+b;c<d>e\"", "CN=a\\+b\\;c\\<d\\>e")]
    [InlineData("é\u0001", "CN = \\C3\\A9\\01", "CN=\\C3\\A9\\01")]
    public void Format_SpecialCharacters_EscapedAsOpenSsl(string value, string oneLine, string rfc2253)
    {
        DistinguishedName name = DistinguishedName.Decode(TestCertificate.Name(("2.5.4.3", Utf8, Encoding.UTF8.GetBytes(value))));

        name.ToString().ShouldBe(oneLine);
        name.Format(X509NameFormatFlags.Rfc2253).ShouldBe(rfc2253);
    }

    [Fact]
    public void Format_Rfc2253_ReversesRdns()
    {
        DistinguishedName name = DistinguishedName.Decode(TestCertificate.Name(("2.5.4.6", Asn1Tag.PrintableString, "US"u8.ToArray()), ("2.5.4.3", Utf8, "x"u8.ToArray())));

        name.Format(X509NameFormatFlags.Rfc2253).ShouldBe("CN=x,C=US");
    }

    [Fact]
    public void Decode_TrailingBytes_ThrowsMalformed()
    {
        var e = Should.Throw<X509FormatException>(() => DistinguishedName.Decode(Convert.FromHexString("300000")));
        e.Reason.ShouldBe(X509FormatError.MalformedDer);
        e.InnerException.ShouldBeOfType<DecodeException>();
    }

    [Fact]
    public void Encode_DecodedName_WritesOriginalBytes()
    {
        byte[] der = Convert.FromHexString("30163114300806035504030c0162300806035504030c0161");
        using var writer = new DerWriter();

        DistinguishedName.Decode(der).Encode(writer);

        writer.ToArray().ShouldBe(der);
    }

    [Theory]
    [InlineData(5, "")]
    [InlineData(6, "/C=US")]
    [InlineData(20, "/C=US/O=Org\\/Name")]
    [InlineData(40, "/C=US/O=Org\\/Name")]
    [InlineData(45, "/C=US/O=Org\\/Name/CN=aaaaaaaaaaaaaaaaaaaa")]
    [InlineData(512, "/C=US/O=Org\\/Name/CN=aaaaaaaaaaaaaaaaaaaa")]
    public void ToOneLineString_BufferSize_DropsWholeAttributesAsOpenSsl(int bufferSize, string expected)
    {
        // Answers from OpenSSL 3.0.19's X509_NAME_oneline with a caller buffer of each size.
        DistinguishedName name = DistinguishedName.Decode(Convert.FromHexString(
            "303f310b30090603550406130255533111300f060355040a0c084f72672f4e616d65311d301b06035504030c146161616161616161616161616161616161616161"));

        name.ToOneLineString(bufferSize).ShouldBe(expected);
    }

    [Theory]
    [InlineData("CN=x")]
    [InlineData("/CN")]
    [InlineData("/CN=x\\")]
    public void Parse_NotSubjForm_ThrowsFormatException(string subject)
    {
        Should.Throw<FormatException>(() => DistinguishedName.Parse(subject));
    }

    [Fact]
    public void Parse_UnknownType_ThrowsArgumentException()
    {
        Should.Throw<ArgumentException>(() => DistinguishedName.Parse("/NoSuchType=x"));
    }

    [Fact]
    public void Create_MultiValuedRdn_WritesDerOrderAndRoundTrips()
    {
        DistinguishedName name = DistinguishedName.Create(
        [
            [AttributeTypeAndValue.Create("C", "US")],
            [AttributeTypeAndValue.Create("O", "Org"), AttributeTypeAndValue.Create("OU", "Unit")],
            [AttributeTypeAndValue.Create("1.2.3.4", Asn1Tag.BmpString, "bmp")],
        ]);

        name.ToString().ShouldBe("C = US, O = Org + OU = Unit, 1.2.3.4 = bmp"); // DER order: the shorter encoding first
        name.Attributes[0].ValueTag.ShouldBe(Asn1Tag.PrintableString);
        name.Attributes[3].ValueTag.ShouldBe(Asn1Tag.BmpString);
        DistinguishedName.Decode(name.RawData.Span).ShouldBe(name);
        DistinguishedName.Create(AttributeTypeAndValue.Create("CN", "x")).ToOneLineString().ShouldBe("/CN=x");
        Should.Throw<ArgumentException>(() => DistinguishedName.Create([Array.Empty<AttributeTypeAndValue>()]));
        Should.Throw<ArgumentException>(() => AttributeTypeAndValue.Create("CN", new string('a', 65)));
        Should.Throw<ArgumentException>(() => AttributeTypeAndValue.Create("CN", Asn1Tag.BmpString, "😀"));
    }
}
