using System.Globalization;
using System.Numerics;
using System.Text;

namespace ManagedTls.OpenSsl.Tests;

/// <summary>pyOpenSSL's X509Tests and the certificate load/dump tests, ported.</summary>
public sealed class X509Tests
{
    private static X509 LoadServer() => Crypto.LoadCertificate(FileType.Pem, X509Fixtures.Bytes(X509Fixtures.ServerCertPem));

    private static X509 LoadCa() => Crypto.LoadCertificate(FileType.Pem, X509Fixtures.Bytes(X509Fixtures.CaCertPem));

    [Fact]
    public void New_IsEmptyV1()
    {
        var cert = new X509();

        cert.GetVersion().ShouldBe(0);
        cert.GetSerialNumber().ShouldBe(BigInteger.Zero);
        cert.GetNotBefore().ShouldBeNull();
        cert.GetNotAfter().ShouldBeNull();
        cert.GetSubject().GetComponents().ShouldBeEmpty();
        cert.GetExtensionCount().ShouldBe(0);
        Should.Throw<CryptoException>(cert.GetPubkey); // test_get_pubkey_uninitialized
        Should.Throw<InvalidOperationException>(cert.GetSignatureAlgorithm).Message.ShouldBe("Undefined signature algorithm");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void SetVersion_ZeroBased_RoundTrips(int version)
    {
        var cert = new X509();

        cert.SetVersion(version);

        cert.GetVersion().ShouldBe(version);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(3)]
    public void SetVersion_OutOfRange_Throws(int version) =>
        Should.Throw<ArgumentOutOfRangeException>(() => new X509().SetVersion(version));

    public static TheoryData<string> Serials => ["1", "2", "4294967297", "18446744073709551617", "340282366920938463463374607431768211457", "0"];

    [Theory]
    [MemberData(nameof(Serials))]
    public void SerialNumber_AnySize_RoundTripsThroughSigning(string decimalSerial)
    {
        BigInteger serial = BigInteger.Parse(decimalSerial, CultureInfo.InvariantCulture);
        X509 cert = SelfSigned(TestKeys.Get("ec"), "/CN=serial");
        cert.SetSerialNumber(serial);
        cert.GetSerialNumber().ShouldBe(serial);

        cert.Sign(TestKeys.Get("ec"), "sha256");
        X509 reloaded = Crypto.LoadCertificate(FileType.Asn1, Crypto.DumpCertificate(FileType.Asn1, cert));

        reloaded.GetSerialNumber().ShouldBe(serial);
    }

    [Theory]
    [InlineData("NotBefore")]
    [InlineData("NotAfter")]
    public void SetBound_AcceptsGeneralizedTimeForms_ReturnsThemAsGiven(string which)
    {
        // pyOpenSSL's _setBoundTest.
        var cert = new X509();
        Action<string> set = which == "NotBefore" ? cert.SetNotBefore : cert.SetNotAfter;
        Func<string?> get = which == "NotBefore" ? cert.GetNotBefore : cert.GetNotAfter;
        get().ShouldBeNull();

        foreach (string when in new[] { "20040203040506Z", "20040203040506+0530", "20040203040506-0115" })
        {
            set(when);
            get().ShouldBe(when);
        }

        Should.Throw<ArgumentException>(() => set("foo bar")).Message.ShouldStartWith("Invalid string");
    }

    [Theory]
    [InlineData("20040203040506Z", "20040203040506Z")]
    [InlineData("20040203040506+0530", "20040202223506Z")]
    [InlineData("20040203040506-0115", "20040203052006Z")]
    [InlineData("040203040506Z", "20040203040506Z")]
    [InlineData("20600101000000Z", "20600101000000Z")]
    public void SetNotBefore_OffsetForm_StoredInUtcWhenSigned(string when, string utc)
    {
        X509 cert = SelfSigned(TestKeys.Get("ec"), "/CN=times");
        cert.SetNotBefore(when);
        cert.Sign(TestKeys.Get("ec"), "sha256");

        X509 reloaded = Crypto.LoadCertificate(FileType.Asn1, Crypto.DumpCertificate(FileType.Asn1, cert));

        reloaded.GetNotBefore().ShouldBe(utc);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2004020304050Z")]
    [InlineData("20041303040506Z")]
    [InlineData("20040230040506Z")]
    [InlineData("20040203250506Z")]
    [InlineData("20040203040506")]
    [InlineData("20040203040506+05")]
    [InlineData("20040203040506Zjunk")]
    public void SetNotAfter_Invalid_Throws(string when) =>
        Should.Throw<ArgumentException>(() => new X509().SetNotAfter(when));

    [Fact]
    public void GetNotBefore_Loaded_IsGeneralizedTimeText()
    {
        X509 cert = LoadServer();
        string dates = OpenSslDates();

        cert.GetNotBefore()!.ShouldMatch("^[0-9]{14}Z$");
        cert.GetNotAfter()!.ShouldMatch("^[0-9]{14}Z$");
        dates.ShouldContain(ToOpenSslDate(cert.GetNotBefore()!));
        dates.ShouldContain(ToOpenSslDate(cert.GetNotAfter()!));
    }

    [Fact]
    public void GmtimeAdjNotBefore_IsNowPlusAmount()
    {
        X509 cert = LoadServer();
        DateTime min = DateTime.UtcNow.AddSeconds(100).AddTicks(-TimeSpan.TicksPerSecond);

        cert.GmtimeAdjNotBefore(100);

        DateTime notBefore = DateTime.ParseExact(cert.GetNotBefore()!, "yyyyMMddHHmmss'Z'", CultureInfo.InvariantCulture);
        notBefore.ShouldBeInRange(min, DateTime.UtcNow.AddSeconds(100));
    }

    [Fact]
    public void GmtimeAdjNotAfter_IsNowPlusAmount()
    {
        X509 cert = LoadServer();
        DateTime min = DateTime.UtcNow.AddSeconds(-100).AddTicks(-TimeSpan.TicksPerSecond);

        cert.GmtimeAdjNotAfter(-100);

        DateTime notAfter = DateTime.ParseExact(cert.GetNotAfter()!, "yyyyMMddHHmmss'Z'", CultureInfo.InvariantCulture);
        notAfter.ShouldBeInRange(min, DateTime.UtcNow.AddSeconds(-100));
    }

    [Theory]
    [InlineData(-1, true)]
    [InlineData(-86400, true)]
    [InlineData(2, false)]
    [InlineData(86400, false)]
    public void HasExpired_FollowsNotAfter(long adjust, bool expired)
    {
        var cert = new X509();
        cert.GmtimeAdjNotAfter(adjust);

        cert.HasExpired().ShouldBe(expired);
    }

    [Fact]
    public void HasExpired_NoNotAfter_Throws() =>
        Should.Throw<InvalidOperationException>(() => new X509().HasExpired()).Message.ShouldBe("Unable to determine notAfter");

    [Fact]
    public void HasExpired_RootCa_False() => LoadCa().HasExpired().ShouldBeFalse();

    [Theory]
    [InlineData("md5")]
    [InlineData("sha1")]
    [InlineData("sha256")]
    [InlineData("SHA512")]
    public void Digest_EqualsPinnedOrOpenSslFingerprint(string digest)
    {
        X509 cert = LoadServer();
        byte[] der = Crypto.DumpCertificate(FileType.Asn1, cert);
        string expected = string.Join(':', Hash(digest, der).Select(b => b.ToString("X2", CultureInfo.InvariantCulture)));

        cert.Digest(digest).ShouldBe(expected);
        cert.Digest(digest).ShouldMatch("^([0-9A-F]{2}:)+[0-9A-F]{2}$");
    }

    [Fact]
    public void Digest_Md5_EqualsOpenSslFingerprintOfFixture() =>
        LoadServer().Digest("md5").ShouldBe("5E:11:51:75:20:D7:38:C9:9B:C2:A9:CF:D0:4F:6C:DE"); // openssl x509 -fingerprint -md5

    [Fact]
    public void Digest_Unknown_Throws() =>
        Should.Throw<ArgumentException>(() => LoadServer().Digest("monkeys")).Message.ShouldStartWith("No such digest method");

    [Fact]
    public void SubjectNameHash_EqualsOpenSslSubjectHash()
    {
        LoadServer().SubjectNameHash().ShouldBe(0x35741613u); // openssl x509 -subject_hash
        LoadCa().SubjectNameHash().ShouldBe(0xc3705638u);
        LoadServer().GetIssuer().Hash().ShouldBe(0xc3705638u);
    }

    [Theory]
    [InlineData("ServerCertPem", "sha256WithRSAEncryption")]
    [InlineData("CaCertPem", "sha256WithRSAEncryption")]
    public void GetSignatureAlgorithm_IsOpenSslLongName(string fixture, string expected)
    {
        string pem = fixture == "ServerCertPem" ? X509Fixtures.ServerCertPem : X509Fixtures.CaCertPem;

        Crypto.LoadCertificate(FileType.Pem, X509Fixtures.Bytes(pem)).GetSignatureAlgorithm().ShouldBe(expected);
    }

    [Theory]
    [InlineData("rsa", "sha256", "sha256WithRSAEncryption")]
    [InlineData("rsa", "sha1", "sha1WithRSAEncryption")]
    [InlineData("rsa", "sha512", "sha512WithRSAEncryption")]
    [InlineData("dsa", "sha256", "dsa_with_SHA256")]
    [InlineData("ec", "sha384", "ecdsa-with-SHA384")]
    [InlineData("ed25519", "sha256", "ED25519")]
    [InlineData("ed448", "sha256", "ED448")]
    public void Sign_EveryKeyType_SignatureAlgorithmAndSelfVerify(string key, string digest, string expected)
    {
        PKey pkey = TestKeys.Get(key);
        X509 cert = SelfSigned(pkey, "/CN=signed");

        cert.Sign(pkey, digest);

        cert.GetSignatureAlgorithm().ShouldBe(expected);
        cert.ToCertificate().VerifySignature(pkey.PublicKey!).ShouldBeTrue();
    }

    [Fact]
    public void GetSignatureAlgorithm_UnknownOid_Throws()
    {
        byte[] der = Crypto.DumpCertificate(FileType.Asn1, LoadServer());
        byte[] sha256WithRsa = [0x06, 0x09, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x0B];
        int at = der.AsSpan().IndexOf(sha256WithRsa); // the first one is the TBSCertificate's
        at.ShouldBeGreaterThan(0);
        der[at + 10] = 0x7F; // 1.2.840.113549.1.1.127: unnamed

        X509 cert = Crypto.LoadCertificate(FileType.Asn1, der);

        Should.Throw<InvalidOperationException>(cert.GetSignatureAlgorithm).Message.ShouldBe("Undefined signature algorithm");
    }

    [Fact]
    public void Sign_PublicOnlyKey_Throws()
    {
        X509 cert = SelfSigned(TestKeys.Get("ec"), "/CN=x");
        PKey publicOnly = cert.GetPubkey();

        Should.Throw<ArgumentException>(() => cert.Sign(publicOnly, "sha256")).Message.ShouldStartWith("Key only has public part");
        Should.Throw<ArgumentException>(() => cert.Sign(new PKey(), "sha256")).Message.ShouldStartWith("Key is uninitialized");
        Should.Throw<ArgumentException>(() => cert.Sign(TestKeys.Get("ec"), "monkeys")).Message.ShouldStartWith("No such digest method");
    }

    [Fact]
    public void GetSubject_LoadedCertificate_Components()
    {
        X509Name subject = LoadServer().GetSubject();

        subject.GetComponents().Select(c => (c.Name, Encoding.UTF8.GetString(c.Value))).ShouldBe(
        [
            ("C", "US"), ("ST", "IL"), ("L", "Chicago"), ("O", "Testing"), ("CN", "example.com"), ("emailAddress", "admin@example.com"),
        ]);
        subject.ToString().ShouldBe("<X509Name object '/C=US/ST=IL/L=Chicago/O=Testing/CN=example.com/emailAddress=admin@example.com'>");
        LoadServer().GetIssuer().CN.ShouldBe("Testing Root CA");
    }

    [Fact]
    public void GetSubject_IsALiveView()
    {
        X509 cert = LoadServer();
        X509Name first = cert.GetSubject();
        X509Name second = cert.GetSubject();

        first.CN = "changed.example";

        second.CN.ShouldBe("changed.example");
        cert.GetSubject().CN.ShouldBe("changed.example");
        Should.Throw<InvalidOperationException>(() => Crypto.DumpCertificate(FileType.Pem, cert)); // changed: must be signed again
    }

    [Fact]
    public void GetIssuer_LiveView_ChangesTheSignedCertificate()
    {
        PKey key = TestKeys.Get("ec");
        X509 cert = SelfSigned(key, "/CN=subject");
        cert.GetIssuer().CN = "issuer from view";

        cert.Sign(key, "sha256");

        Crypto.LoadCertificate(FileType.Asn1, Crypto.DumpCertificate(FileType.Asn1, cert)).GetIssuer().CN.ShouldBe("issuer from view");
    }

    [Fact]
    public void SetSubject_Copies()
    {
        var cert = new X509();
        X509Name name = new X509Req().GetSubject();
        name.CN = "original";

        cert.SetSubject(name);
        name.CN = "changed later";

        cert.GetSubject().CN.ShouldBe("original");
    }

    [Fact]
    public void SetIssuer_Copies_AndKeepsEarlierViewsLive()
    {
        var cert = new X509();
        X509Name view = cert.GetIssuer();
        X509Name name = new X509Req().GetSubject();
        name.O = "issuer";

        cert.SetIssuer(name);
        name.O = "changed later";

        cert.GetIssuer().O.ShouldBe("issuer");
        view.O.ShouldBe("issuer");
    }

    [Fact]
    public void GetExtension_Loaded_InOrderWithOpenSslText()
    {
        X509 cert = LoadServer();

        cert.GetExtensionCount().ShouldBe(5);
        Enumerable.Range(0, 5).Select(i => cert.GetExtension(i).GetShortName()).ShouldBe(
            ["basicConstraints", "subjectAltName", "extendedKeyUsage", "subjectKeyIdentifier", "authorityKeyIdentifier"]);
        cert.GetExtension(0).ToString().ShouldBe("CA:FALSE");
        cert.GetExtension(0).GetCritical().ShouldBeFalse();
        cert.GetExtension(0).GetData().ShouldBe([0x30, 0x00]);
        cert.GetExtension(1).ToString().ShouldBe("DNS:example.com, IP Address:192.0.2.1, email:a@b.c, URI:http://example.com/");
        cert.GetExtension(2).ToString().ShouldBe("TLS Web Server Authentication, TLS Web Client Authentication");
        LoadCa().GetExtension(2).GetShortName().ShouldBe("basicConstraints");
        LoadCa().GetExtension(2).GetCritical().ShouldBeTrue();
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(5)]
    [InlineData(100)]
    public void GetExtension_OutOfBounds_Throws(int index) =>
        Should.Throw<ArgumentOutOfRangeException>(() => LoadServer().GetExtension(index)).Message.ShouldStartWith("extension index out of bounds");

    [Fact]
    public void AddExtensions_CopiesFromAnotherCertificate_AndSignsV3()
    {
        PKey key = TestKeys.Get("ec");
        X509 source = LoadServer();
        X509 cert = SelfSigned(key, "/CN=ext");

        cert.AddExtensions([source.GetExtension(0), source.GetExtension(1)]);
        cert.GetExtensionCount().ShouldBe(2);
        cert.Sign(key, "sha256");

        X509 reloaded = Crypto.LoadCertificate(FileType.Pem, Crypto.DumpCertificate(FileType.Pem, cert));
        reloaded.GetVersion().ShouldBe(2);
        reloaded.GetExtension(1).ToString().ShouldBe(source.GetExtension(1).ToString());
        Should.Throw<ArgumentException>(() => cert.AddExtensions([null!]));
    }

    [Fact]
    public void GetPubkey_IsPublicOnly_AndMatchesSetPubkey()
    {
        PKey key = TestKeys.Get("rsa");
        var cert = new X509();
        cert.SetPubkey(key);

        PKey pub = cert.GetPubkey();

        pub.PublicKey.ShouldBe(key.PublicKey);
        pub.PrivateKey.ShouldBeNull();
        pub.Bits().ShouldBe(1024);
    }

    [Theory]
    [InlineData("ServerCertPem")]
    [InlineData("CaCertPem")]
    public void LoadDump_PemAndDer_ByteIdentical(string fixture)
    {
        string pem = fixture == "ServerCertPem" ? X509Fixtures.ServerCertPem : X509Fixtures.CaCertPem;
        byte[] pemBytes = X509Fixtures.Bytes(pem);
        X509 cert = Crypto.LoadCertificate(FileType.Pem, pemBytes);

        byte[] dumpedPem = Crypto.DumpCertificate(FileType.Pem, cert);
        byte[] der = Crypto.DumpCertificate(FileType.Asn1, cert);

        dumpedPem.ShouldBe(pemBytes);
        Crypto.DumpCertificate(FileType.Asn1, Crypto.LoadCertificate(FileType.Asn1, der)).ShouldBe(der);
        Crypto.DumpCertificate(FileType.Pem, Crypto.LoadCertificate(FileType.Asn1, der)).ShouldBe(pemBytes);
    }

    [Fact]
    public void LoadCertificate_SkipsOtherPemBlocks()
    {
        byte[] bundle = Encoding.ASCII.GetBytes(X509Fixtures.ServerKeyPem + "\n" + X509Fixtures.CaCertPem + "\n" + X509Fixtures.ServerCertPem + "\n");

        Crypto.LoadCertificate(FileType.Pem, bundle).GetSubject().CN.ShouldBe("Testing Root CA");
    }

    [Theory]
    [InlineData(FileType.Text)]
    [InlineData((FileType)100)]
    public void LoadCertificate_BadType_Throws(FileType type) =>
        Should.Throw<ArgumentException>(() => Crypto.LoadCertificate(type, X509Fixtures.Bytes(X509Fixtures.CaCertPem)))
            .Message.ShouldStartWith("type argument must be FILETYPE_PEM or FILETYPE_ASN1");

    [Fact]
    public void DumpCertificate_BadType_Throws() =>
        Should.Throw<ArgumentException>(() => Crypto.DumpCertificate((FileType)100, LoadCa()))
            .Message.ShouldStartWith("type argument must be FILETYPE_PEM, FILETYPE_ASN1, or FILETYPE_TEXT");

    [Fact]
    public void LoadCertificate_NoCertificate_NoStartLine()
    {
        CryptoException e = Should.Throw<CryptoException>(() => Crypto.LoadCertificate(FileType.Pem, X509Fixtures.Bytes(X509Fixtures.ServerKeyPem)));

        e.Errors[0].ShouldBe(new OpenSslErrorEntry("PEM routines", "get_name", "no start line"));
    }

    [Theory]
    [InlineData(new byte[] { })]
    [InlineData(new byte[] { 0x30, 0x03, 0x02, 0x01, 0x00 })]
    [InlineData(new byte[] { 0x30, 0x82, 0x01 })]
    [InlineData(new byte[] { 0x04, 0x00 })]
    public void LoadCertificate_GarbageDer_RaisesCryptoError(byte[] der)
    {
        CryptoException e = Should.Throw<CryptoException>(() => Crypto.LoadCertificate(FileType.Asn1, der));

        e.Errors[^1].Function.ShouldBe("d2i_X509_bio");
    }

    [Fact]
    public void LoadCertificate_EveryTruncation_RaisesCryptoErrorOnly()
    {
        byte[] der = Crypto.DumpCertificate(FileType.Asn1, LoadServer());

        for (int length = 0; length < der.Length; length++)
        {
            Should.Throw<CryptoException>(() => Crypto.LoadCertificate(FileType.Asn1, der[..length]));
        }
    }

    [Fact]
    public void Verify_WithCertificate_AcceptsGoodRejectsBad()
    {
        PKey key = Crypto.LoadPrivateKey(FileType.Pem, X509Fixtures.Bytes(X509Fixtures.ServerKeyPem));
        byte[] data = "It was a bright cold day in April"u8.ToArray();
        byte[] signature = Crypto.Sign(key, data, "sha256");

        Crypto.Verify(LoadServer(), signature, data, "sha256");
        Should.Throw<CryptoException>(() => Crypto.Verify(LoadServer(), signature, [.. data, 0], "sha256"));
        Should.Throw<CryptoException>(() => Crypto.Verify(LoadCa(), signature, data, "sha256"));
        Should.Throw<ArgumentException>(() => Crypto.Verify(LoadServer(), signature, data, "monkeys"));
    }

    internal static X509 SelfSigned(PKey key, string subject, int days = 30)
    {
        var cert = new X509();
        cert.SetVersion(2);
        cert.SetSerialNumber(1);
        cert.SetSubject(new X509Name(ManagedTls.X509.DistinguishedName.Parse(subject)));
        cert.SetIssuer(cert.GetSubject());
        cert.GmtimeAdjNotBefore(0);
        cert.GmtimeAdjNotAfter(days * 86400L);
        cert.SetPubkey(key);
        return cert;
    }

    private static byte[] Hash(string digest, byte[] data) =>
        ManagedTls.Crypto.HashAlgorithms.HashData(ManagedTls.Signatures.DigestNames.Parse(digest), data);

    private static string OpenSslDates()
    {
        // The fixture's dates as openssl printed them when it was made: notBefore=Nov 23 13:53:33 2026 GMT.
        return "notBefore=Nov 23 13:53:33 2026 GMT notAfter=Nov 20 13:53:33 2036 GMT";
    }

    private static string ToOpenSslDate(string generalizedTime)
    {
        DateTime t = DateTime.ParseExact(generalizedTime, "yyyyMMddHHmmss'Z'", CultureInfo.InvariantCulture);
        return t.ToString("MMM dd HH:mm:ss yyyy", CultureInfo.InvariantCulture) + " GMT";
    }
}
