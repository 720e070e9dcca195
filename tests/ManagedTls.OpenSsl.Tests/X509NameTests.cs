using System.Text;

namespace ManagedTls.OpenSsl.Tests;

/// <summary>pyOpenSSL's X509NameTests, ported: attribute access, copies, repr, comparison, hash, DER and components.</summary>
public sealed class X509NameTests
{
    private static X509Name NewName(params (string Name, string Value)[] attributes)
    {
        X509Name name = new X509Req().GetSubject();
        foreach ((string attribute, string value) in attributes)
        {
            name[attribute] = value;
        }

        return name;
    }

    [Theory]
    [InlineData("foobar")]
    [InlineData("nonsense")]
    [InlineData("1.2.3.4.5.6.7")]
    public void Indexer_UnknownAttribute_Throws(string attribute)
    {
        X509Name name = NewName();

        Should.Throw<ArgumentException>(() => name[attribute] = "x").Message.ShouldStartWith("No such attribute");
        Should.Throw<ArgumentException>(() => _ = name[attribute]).Message.ShouldStartWith("No such attribute");
    }

    [Fact]
    public void Attributes_ShortAndLongNames_AreAliases()
    {
        X509Name name = NewName();
        name.commonName.ShouldBeNull();

        name.commonName = "foo";
        name.CN.ShouldBe("foo");
        name.CN = "bar";
        name.commonName.ShouldBe("bar");
        name["commonName"].ShouldBe("bar");
        name["2.5.4.3"].ShouldBe("bar");
        name.GetComponents().Count.ShouldBe(1); // set replaces, it does not add a second CN
    }

    [Theory]
    [InlineData("C", "countryName", "US")]
    [InlineData("ST", "stateOrProvinceName", "Illinois")]
    [InlineData("L", "localityName", "Chicago")]
    [InlineData("O", "organizationName", "Testing")]
    [InlineData("OU", "organizationalUnitName", "Unit")]
    [InlineData("CN", "commonName", "example.com")]
    [InlineData("emailAddress", "emailAddress", "a@example.com")]
    [InlineData("serialNumber", "serialNumber", "1234")]
    [InlineData("DC", "domainComponent", "example")]
    [InlineData("title", "title", "Dr")]
    [InlineData("UID", "userId", "jdoe")]
    public void Indexer_EveryOpenSslName_RoundTrips(string shortName, string longName, string value)
    {
        X509Name name = NewName();

        name[longName] = value;

        name[shortName].ShouldBe(value);
        name.GetComponents().ShouldHaveSingleItem().Name.ShouldBe(shortName);
    }

    [Fact]
    public void Properties_AllSeven_ReadWhatWasSet()
    {
        X509Name name = NewName();
        name.C = "US";
        name.ST = "IL";
        name.L = "Chicago";
        name.O = "Org";
        name.OU = "Unit";
        name.CN = "cn";
        name.emailAddress = "e@x";

        (name.countryName, name.stateOrProvinceName, name.localityName, name.organizationName, name.organizationalUnitName, name.commonName)
            .ShouldBe(("US", "IL", "Chicago", "Org", "Unit", "cn"));
        name.ToString().ShouldBe("<X509Name object '/C=US/ST=IL/L=Chicago/O=Org/OU=Unit/CN=cn/emailAddress=e@x'>");
    }

    [Fact]
    public void Set_ExistingAttribute_DeletesItAndAppendsAtTheEnd()
    {
        X509Name name = NewName(("CN", "first"), ("O", "org"));

        name.CN = "second";

        name.GetComponents().Select(c => c.Name).ShouldBe(["O", "CN"]);
        name.ToString().ShouldBe("<X509Name object '/O=org/CN=second'>");
    }

    [Fact]
    public void Copy_IsIndependent()
    {
        X509Name name = NewName(("CN", "foo"), ("emailAddress", "bar@example.com"));

        var copy = new X509Name(name);
        copy.CN.ShouldBe("foo");
        copy.emailAddress.ShouldBe("bar@example.com");

        name.CN = "baz";
        copy.CN = "quux";
        name.CN.ShouldBe("baz");
        copy.CN.ShouldBe("quux");
    }

    [Fact]
    public void ToString_IsPyOpenSslRepr()
    {
        NewName(("O", "org"), ("CN", "bar")).ToString().ShouldBe("<X509Name object '/O=org/CN=bar'>");
        NewName().ToString().ShouldBe("<X509Name object ''>");
    }

    [Fact]
    public void ToString_LongName_TruncatedLikeAFiveHundredTwelveByteOnelineBuffer()
    {
        X509Name name = NewName(
            ("CN", new string('c', 64)), ("O", new string('o', 64)), ("L", new string('l', 128)),
            ("ST", new string('s', 128)), ("OU", new string('u', 64)), ("emailAddress", new string('e', 128)));
        string fits = $"/CN={new string('c', 64)}/O={new string('o', 64)}/L={new string('l', 128)}/ST={new string('s', 128)}/OU={new string('u', 64)}";

        name.ToString().ShouldBe($"<X509Name object '{fits}'>"); // 466 bytes fit in 511; the 142-byte emailAddress does not
    }

    [Theory]
    [InlineData("CN", "foo", "CN", "foo", 0)]
    [InlineData("CN", "foo", "commonName", "foo", 0)]
    [InlineData("CN", "foo", "CN", "FOO", 0)]           // X509_NAME_cmp compares canonical (case-folded) forms
    [InlineData("CN", "foo  bar", "CN", " foo bar ", 0)] // and collapses spaces
    [InlineData("CN", "abc", "CN", "def", -1)]
    [InlineData("CN", "def", "CN", "abc", 1)]
    [InlineData("CN", "abc", "CN", "abcd", -1)]          // shorter canonical encoding sorts first
    [InlineData("CN", "foo", "O", "foo", -1)]
    public void Comparison_FollowsX509NameCmp(string type1, string value1, string type2, string value2, int expected)
    {
        X509Name a = NewName((type1, value1));
        X509Name b = NewName((type2, value2));

        Math.Sign(a.CompareTo(b)).ShouldBe(expected);
        (a == b).ShouldBe(expected == 0);
        (a != b).ShouldBe(expected != 0);
        (a < b).ShouldBe(expected < 0);
        (a > b).ShouldBe(expected > 0);
        (a <= b).ShouldBe(expected <= 0);
        (a >= b).ShouldBe(expected >= 0);
        a.Equals(b).ShouldBe(expected == 0);
        if (expected == 0)
        {
            a.GetHashCode().ShouldBe(b.GetHashCode());
        }
    }

    [Fact]
    public void Hash_EqualNamesEqual_ChangedNameDiffers()
    {
        X509Name a = NewName(("CN", "foo"));
        X509Name b = NewName(("CN", "foo"));
        a.Hash().ShouldBe(b.Hash());

        a.CN = "bar";

        a.Hash().ShouldNotBe(b.Hash());
    }

    [Fact]
    public void Der_CountryPrintableCommonNameUtf8()
    {
        // pyOpenSSL's test_der: b"0\x1b1\x0b0\t\x06\x03U\x04\x06\x13\x02US1\x0c0\n\x06\x03U\x04\x03\x0c\x03foo"
        byte[] expected = Convert.FromHexString("301B310B3009060355040613025553310C300A06035504030C03666F6F");

        NewName(("C", "US"), ("CN", "foo")).Der().ShouldBe(expected);
    }

    [Fact]
    public void Der_EmailAddressIsIa5String()
    {
        byte[] der = NewName(("emailAddress", "a@b.c")).Der();

        der[^7].ShouldBe((byte)0x16);
    }

    [Fact]
    public void GetComponents_InOrder()
    {
        X509Name name = NewName();
        name.GetComponents().ShouldBeEmpty();

        name.CN = "foo";
        name.GetComponents().Select(c => (c.Name, Encoding.UTF8.GetString(c.Value))).ShouldBe([("CN", "foo")]);

        name.organizationalUnitName = "bar";
        name.GetComponents().Select(c => (c.Name, Encoding.UTF8.GetString(c.Value))).ShouldBe([("CN", "foo"), ("OU", "bar")]);
    }

    [Theory]
    [InlineData("C", "USA", "string too long")]
    [InlineData("C", "U", "string too short")]
    [InlineData("O", "", "string too short")]
    [InlineData("CN", "", "string too short")]
    [InlineData("emailAddress", "é@x", "illegal characters")]
    [InlineData("C", "U*", "illegal characters")]
    public void Set_ValueOutsideTheType_RaisesCryptoError(string attribute, string value, string reason)
    {
        X509Name name = NewName();

        CryptoException e = Should.Throw<CryptoException>(() => name[attribute] = value);

        e.Errors.ShouldHaveSingleItem().ShouldBe(new OpenSslErrorEntry("asn1 encoding routines", "ASN1_mbstring_ncopy", reason));
        name.GetComponents().ShouldBeEmpty();
    }

    [Fact]
    public void Set_LongOrganization_RaisesStringTooLong()
    {
        // pyOpenSSL's test_set_attribute_failure: setattr(name, "O", b"x" * 512)
        X509Name name = NewName();

        Should.Throw<CryptoException>(() => name.O = new string('x', 512)).Errors[0].Reason.ShouldBe("string too long");
    }
}
