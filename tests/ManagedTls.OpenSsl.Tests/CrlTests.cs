using System.Globalization;
using System.Numerics;

namespace ManagedTls.OpenSsl.Tests;

/// <summary>pyOpenSSL's RevokedTests and CRLTests, ported.</summary>
public sealed class RevokedTests
{
    [Fact]
    public void New_SerialZeroNoReasonNoDate()
    {
        var revoked = new Revoked();

        revoked.GetSerial().ShouldBe("00");
        revoked.GetReason().ShouldBeNull();
        revoked.GetRevDate().ShouldBeNull();
    }

    [Theory]
    [InlineData("10b", "010B")]
    [InlineData("01", "01")]
    [InlineData("1", "01")]
    [InlineData("000", "00")]
    [InlineData("0", "00")]
    [InlineData("100", "0100")]
    [InlineData("abcdef", "ABCDEF")]
    [InlineData("ABCDEF1", "0ABCDEF1")]
    [InlineData("3ab-tail", "03AB")]     // BN_hex2bn reads the leading hex digits only
    [InlineData("12 34", "12")]
    [InlineData("-ff", "-FF")]
    [InlineData("80", "80")]
    public void SetSerial_LenientHex_GetSerialUpperEven(string input, string expected)
    {
        var revoked = new Revoked();

        revoked.SetSerial(input);

        revoked.GetSerial().ShouldBe(expected);
    }

    [Theory]
    [InlineData("")]
    [InlineData("pqrst")]
    [InlineData("-")]
    [InlineData(" 12")]
    public void SetSerial_NoLeadingHexDigit_Throws(string input) =>
        Should.Throw<ArgumentException>(() => new Revoked().SetSerial(input)).Message.ShouldStartWith("bad hex string");

    [Fact]
    public void GetSerial_LongSerial_BreaksLineEveryThirtyFiveBytes()
    {
        var revoked = new Revoked();
        revoked.SetSerial(new string('A', 80)); // 40 bytes

        revoked.GetSerial().ShouldBe(new string('A', 70) + "\\\n" + new string('A', 10));
    }

    [Theory]
    [InlineData("20090828123000Z")]
    [InlineData("20090828123000+0100")]
    public void RevDate_RoundTrips(string when)
    {
        var revoked = new Revoked();

        revoked.SetRevDate(when);

        revoked.GetRevDate().ShouldBe(when);
    }

    [Fact]
    public void AllReasons_IsACopy()
    {
        List<string> reasons = Revoked.AllReasons();
        reasons.ShouldBe(["unspecified", "keyCompromise", "CACompromise", "affiliationChanged", "superseded", "cessationOfOperation", "certificateHold"]);

        reasons.Clear();

        Revoked.AllReasons().Count.ShouldBe(7);
    }

    public static TheoryData<string, string> ReasonTexts => new()
    {
        { "unspecified", "Unspecified" },
        { "keyCompromise", "Key Compromise" },
        { "CACompromise", "CA Compromise" },
        { "affiliationChanged", "Affiliation Changed" },
        { "superseded", "Superseded" },
        { "cessationOfOperation", "Cessation Of Operation" },
        { "certificateHold", "Certificate Hold" },
        { "Key Compromise", "Key Compromise" },
        { "KEYCOMPROMISE", "Key Compromise" },
        { "cessation of operation", "Cessation Of Operation" },
    };

    [Theory]
    [MemberData(nameof(ReasonTexts))]
    public void SetReason_CaseAndSpaceInsensitive_GetReasonIsOpenSslText(string reason, string text)
    {
        var revoked = new Revoked();

        for (int i = 0; i < 2; i++) // setting twice replaces, as pyOpenSSL's test_set_reason checks
        {
            revoked.SetReason(reason);
            revoked.GetReason().ShouldBe(text);
        }

        text.ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal).ShouldBe(reason.ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal));
    }

    [Fact]
    public void SetReason_Null_Deletes()
    {
        var revoked = new Revoked();
        revoked.SetReason("superseded");

        revoked.SetReason(null);

        revoked.GetReason().ShouldBeNull();
        revoked.SetReason(null); // deleting nothing is fine
    }

    [Theory]
    [InlineData("blue")]
    [InlineData("removeFromCRL")]
    [InlineData("")]
    public void SetReason_Unknown_Throws(string reason) => Should.Throw<ArgumentException>(() => new Revoked().SetReason(reason));
}

/// <summary>pyOpenSSL's CRLTests, ported.</summary>
public sealed class CrlTests
{
    private static readonly PKey s_caKey = Crypto.LoadPrivateKey(FileType.Pem, X509Fixtures.Bytes(X509Fixtures.CaKeyPem));

    private static X509 Ca() => Crypto.LoadCertificate(FileType.Pem, X509Fixtures.Bytes(X509Fixtures.CaCertPem));

    private static CRL LoadFixture() => Crypto.LoadCrl(FileType.Pem, X509Fixtures.Bytes(X509Fixtures.CrlPem));

    internal static Revoked NewRevoked(string serial, string? reason = "unspecified", string date = "20140601000000Z")
    {
        var revoked = new Revoked();
        revoked.SetSerial(serial);
        revoked.SetReason(reason);
        revoked.SetRevDate(date);
        return revoked;
    }

    [Fact]
    public void New_NoRevokedEmptyIssuer()
    {
        var crl = new CRL();

        crl.GetRevoked().ShouldBeNull();
        crl.GetIssuer().GetComponents().ShouldBeEmpty();
        crl.GetVersion().ShouldBe(0);
    }

    [Fact]
    public void Loaded_Fields()
    {
        CRL crl = LoadFixture();

        crl.GetVersion().ShouldBe(1);
        crl.GetIssuer().CN.ShouldBe("Testing Root CA");
        Revoked entry = crl.GetRevoked().ShouldHaveSingleItem();
        entry.GetSerial().ShouldBe("0123456789ABCDEF01");
        entry.GetReason().ShouldBe("Key Compromise");
        entry.GetRevDate()!.ShouldMatch("^[0-9]{14}Z$");
        crl.GetLastUpdate().ShouldBe(entry.GetRevDate());
    }

    [Fact]
    public void LoadDump_ByteIdentical()
    {
        byte[] pem = X509Fixtures.Bytes(X509Fixtures.CrlPem);
        CRL crl = Crypto.LoadCrl(FileType.Pem, pem);
        byte[] der = Crypto.DumpCrl(FileType.Asn1, crl);

        Crypto.DumpCrl(FileType.Pem, crl).ShouldBe(pem);
        Crypto.DumpCrl(FileType.Asn1, Crypto.LoadCrl(FileType.Asn1, der)).ShouldBe(der);
    }

    [Fact]
    public void GetRevoked_ReturnsCopies()
    {
        CRL crl = LoadFixture();
        Revoked copy = crl.GetRevoked()![0];

        copy.SetSerial("01");
        copy.SetReason(null);

        crl.GetRevoked()![0].GetSerial().ShouldBe("0123456789ABCDEF01");
        crl.GetRevoked()![0].GetReason().ShouldBe("Key Compromise");
    }

    [Fact]
    public void AddRevoked_ByValue()
    {
        var crl = new CRL();
        Revoked revoked = NewRevoked("3ab");

        crl.AddRevoked(revoked);
        revoked.SetSerial("ff");

        crl.GetRevoked()!.ShouldHaveSingleItem().GetSerial().ShouldBe("03AB");
    }

    [Fact]
    public void GetIssuer_IsACopy()
    {
        CRL crl = LoadFixture();

        crl.GetIssuer().CN = "changed";

        crl.GetIssuer().CN.ShouldBe("Testing Root CA");
    }

    [Theory]
    [InlineData(FileType.Pem)]
    [InlineData(FileType.Asn1)]
    public void Export_SetsDatesAndIssuer_Signs(FileType type)
    {
        var crl = new CRL();
        crl.AddRevoked(NewRevoked("3ab"));
        DateTime before = DateTime.UtcNow.AddSeconds(-1);

        byte[] exported = crl.Export(Ca(), s_caKey, type, days: 20, digest: "sha256");

        CRL loaded = Crypto.LoadCrl(type, exported);
        loaded.GetIssuer().ShouldBe(Ca().GetSubject());
        DateTime last = DateTime.ParseExact(loaded.GetLastUpdate()!, "yyyyMMddHHmmss'Z'", CultureInfo.InvariantCulture);
        DateTime next = DateTime.ParseExact(loaded.GetNextUpdate()!, "yyyyMMddHHmmss'Z'", CultureInfo.InvariantCulture);
        last.ShouldBeInRange(before, DateTime.UtcNow);
        (next - last).ShouldBe(TimeSpan.FromDays(20));
        loaded.ToCertificateRevocationList().VerifySignature(s_caKey.PublicKey!).ShouldBeTrue();
        loaded.ToCertificateRevocationList().SignatureAlgorithm.Name.ShouldBe("sha256WithRSAEncryption");
    }

    [Fact]
    public void Export_DefaultDigest_IsMd5AsPyOpenSsl161()
    {
        byte[] der = new CRL().Export(Ca(), s_caKey, FileType.Asn1);

        Crypto.LoadCrl(FileType.Asn1, der).ToCertificateRevocationList().SignatureAlgorithm.Name.ShouldBe("md5WithRSAEncryption");
    }

    [Fact]
    public void Export_Errors()
    {
        Should.Throw<ArgumentException>(() => new CRL().Export(Ca(), s_caKey, FileType.Pem, 1, "strange-digest")).Message.ShouldStartWith("No such digest method");
        Should.Throw<ArgumentException>(() => new CRL().Export(Ca(), s_caKey, (FileType)100, 1, "sha256"));
        Should.Throw<ArgumentException>(() => new CRL().Export(Ca(), Ca().GetPubkey(), FileType.Pem, 1, "sha256"));
    }

    [Fact]
    public void Sign_SetsIssuerSortsEntriesKeepsDates()
    {
        var crl = new CRL();
        crl.AddRevoked(NewRevoked("ff"));
        crl.AddRevoked(NewRevoked("01", "keyCompromise"));
        crl.AddRevoked(NewRevoked("0a", null));
        crl.SetVersion(1);
        crl.SetLastUpdate("20140601000000Z");
        crl.SetNextUpdate("20180601000000Z");

        crl.Sign(Ca(), s_caKey, "sha512");

        CRL loaded = Crypto.LoadCrl(FileType.Asn1, Crypto.DumpCrl(FileType.Asn1, crl));
        loaded.GetRevoked()!.Select(r => (r.GetSerial(), r.GetReason())).ShouldBe([("01", "Key Compromise"), ("0A", null), ("FF", "Unspecified")]);
        loaded.GetIssuer().CN.ShouldBe("Testing Root CA");
        loaded.GetLastUpdate().ShouldBe("20140601000000Z");
        loaded.GetNextUpdate().ShouldBe("20180601000000Z");
        loaded.GetVersion().ShouldBe(1);
        loaded.ToCertificateRevocationList().SignatureAlgorithm.Name.ShouldBe("sha512WithRSAEncryption");
    }

    [Fact]
    public void Sign_UnknownDigest_RaisesCryptoError() =>
        Should.Throw<CryptoException>(() => new CRL().Sign(Ca(), s_caKey, "strange-digest"));

    [Fact]
    public void Sign_EntryWithoutDate_RaisesCryptoError()
    {
        var crl = new CRL();
        var revoked = new Revoked();
        revoked.SetSerial("01");
        crl.AddRevoked(revoked);

        Should.Throw<CryptoException>(() => crl.Sign(Ca(), s_caKey, "sha256"));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(2)]
    public void SetVersion_OutOfRange_Throws(int version) => Should.Throw<ArgumentOutOfRangeException>(() => new CRL().SetVersion(version));

    [Fact]
    public void Modified_DumpWithoutSigning_Throws()
    {
        CRL crl = LoadFixture();
        crl.SetNextUpdate("20300101000000Z");

        Should.Throw<InvalidOperationException>(() => Crypto.DumpCrl(FileType.Pem, crl));
    }

    [Fact]
    public void LoadCrl_Errors()
    {
        Should.Throw<ArgumentException>(() => Crypto.LoadCrl(FileType.Text, [1])).Message.ShouldStartWith("type argument must be FILETYPE_PEM or FILETYPE_ASN1");
        Should.Throw<CryptoException>(() => Crypto.LoadCrl(FileType.Pem, X509Fixtures.Bytes(X509Fixtures.CaCertPem))).Errors[0].Reason.ShouldBe("no start line");
        Should.Throw<CryptoException>(() => Crypto.LoadCrl(FileType.Asn1, "not a crl"u8.ToArray()));
    }

    [Fact]
    public void Serial_BigIntegerOrder_NotTextOrder()
    {
        var crl = new CRL();
        crl.AddRevoked(NewRevoked("100"));
        crl.AddRevoked(NewRevoked("ff"));
        crl.SetLastUpdate("20240101000000Z");

        crl.Sign(Ca(), s_caKey, "sha256");

        crl.GetRevoked()!.Select(r => r.GetSerial()).ShouldBe(["FF", "0100"]);
        BigInteger.Parse("0100", NumberStyles.HexNumber, CultureInfo.InvariantCulture).ShouldBeGreaterThan(255);
    }
}
