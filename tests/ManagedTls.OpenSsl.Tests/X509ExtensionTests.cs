using System.Text;

namespace ManagedTls.OpenSsl.Tests;

/// <summary>pyOpenSSL's X509ExtTests, ported: construction from OpenSSL's configuration syntax, accessors and <c>str()</c>.</summary>
public sealed class X509ExtensionTests
{
    private static X509 NewSubject()
    {
        X509 cert = X509Tests.SelfSigned(TestKeys.Get("rsa"), "/CN=Yoda root CA");
        cert.Sign(TestKeys.Get("rsa"), "sha256");
        return cert;
    }

    public static TheoryData<string, bool, string, string> Texts => new()
    {
        { "basicConstraints", true, "CA:true", "CA:TRUE" },
        { "basicConstraints", false, "CA:TRUE, pathlen:0", "CA:TRUE, pathlen:0" },
        { "basicConstraints", false, "CA:false", "CA:FALSE" },
        { "keyUsage", true, "digitalSignature, keyEncipherment", "Digital Signature, Key Encipherment" },
        { "extendedKeyUsage", false, "serverAuth, clientAuth", "TLS Web Server Authentication, TLS Web Client Authentication" },
        { "subjectAltName", false, "DNS:example.com", "DNS:example.com" },
        { "subjectAltName", false, "DNS:example.com, IP:192.0.2.1, email:a@b.c, URI:http://example.com/", "DNS:example.com, IP Address:192.0.2.1, email:a@b.c, URI:http://example.com/" },
        { "subjectAltName", false, "IP:::1", "IP Address:0:0:0:0:0:0:0:1" },
        { "nsComment", false, "pyOpenSSL unit test", "pyOpenSSL unit test" },
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void ToString_IsOpenSslText(string type, bool critical, string value, string text)
    {
        var ext = new X509Extension(type, critical, value);

        ext.ToString().ShouldBe(text);
        ext.GetCritical().ShouldBe(critical);
        ext.GetShortName().ShouldBe(type);
    }

    [Fact]
    public void GetData_IsTheExtnValueDer()
    {
        // pyOpenSSL's test_get_data: b"0\x03\x01\x01\xff"
        new X509Extension("basicConstraints", true, "CA:true").GetData().ShouldBe([0x30, 0x03, 0x01, 0x01, 0xFF]);
    }

    [Theory]
    [InlineData("basicConstraints", "CA:TRUE", "basicConstraints")]
    [InlineData("X509v3 Basic Constraints", "CA:TRUE", "basicConstraints")]
    [InlineData("nsComment", "foo bar", "nsComment")]
    public void GetShortName_ForLongOrShortTypeName(string type, string value, string shortName) =>
        new X509Extension(type, false, value).GetShortName().ShouldBe(shortName);

    [Theory]
    [InlineData("thisIsMadeUp", "hi")]
    [InlineData("basicConstraints", "blah blah")]
    [InlineData("subjectAltName", "IP:1.2.3")]
    [InlineData("keyUsage", "notAUsage")]
    [InlineData("subjectKeyIdentifier", "hash")]                          // test_missing_subject
    [InlineData("authorityKeyIdentifier", "keyid:always,issuer:always")] // test_missing_issuer
    public void Constructor_Invalid_RaisesCryptoErrorEndingInErrorInExtension(string type, string value)
    {
        CryptoException e = Should.Throw<CryptoException>(() => new X509Extension(type, false, value));

        e.Errors[0].Library.ShouldBe("X509 V3 routines");
        e.Errors[^1].ShouldBe(new OpenSslErrorEntry("X509 V3 routines", "X509V3_EXT_nconf", "error in extension"));
    }

    [Fact]
    public void Constructor_UnknownName_SaysSo() =>
        Should.Throw<CryptoException>(() => new X509Extension("thisIsMadeUp", false, "hi")).Errors.Select(e => e.Reason).ShouldContain("unknown extension name");

    [Fact]
    public void Subject_Unused_IsAccepted()
    {
        var ext = new X509Extension("basicConstraints", false, "CA:TRUE", subject: NewSubject());

        ext.ToString().ShouldBe("CA:TRUE");
    }

    [Fact]
    public void Subject_HashIsTheSubjectKeyIdentifier()
    {
        X509 subject = NewSubject();

        var ext = new X509Extension("subjectKeyIdentifier", false, "hash", subject: subject);

        byte[] spkiKey = SubjectPublicKeyBits(subject);
        byte[] sha1 = ManagedTls.Crypto.HashAlgorithms.HashData(ManagedTls.Crypto.HashAlgorithmId.Sha1, spkiKey);
        ext.ToString().ShouldBe(string.Join(':', sha1.Select(b => b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture))));
        ext.GetData()[0].ShouldBe((byte)0x04);
    }

    [Fact]
    public void Subject_UnsignedCertificateWithKey_IsEnoughForHash()
    {
        var subject = new X509();
        subject.SetPubkey(TestKeys.Get("ec"));

        new X509Extension("subjectKeyIdentifier", false, "hash", subject: subject).GetData().Length.ShouldBe(22);
    }

    [Fact]
    public void Issuer_AuthorityKeyIdentifier_NamesTheIssuerAndSerial()
    {
        X509 issuer = NewSubject();
        var ext = new X509Extension("authorityKeyIdentifier", false, "issuer:always", issuer: issuer);
        X509 cert = X509Tests.SelfSigned(TestKeys.Get("ec"), "/CN=leaf");
        cert.AddExtensions([ext]);
        cert.Sign(TestKeys.Get("rsa"), "sha256");

        string text = Encoding.UTF8.GetString(Crypto.DumpCertificate(FileType.Text, cert));

        text.ShouldContain("X509v3 Authority Key Identifier:");
        text.ShouldContain("DirName:/CN=Yoda root CA");
    }

    [Fact]
    public void Issuer_Unused_IsAccepted() =>
        new X509Extension("basicConstraints", false, "CA:TRUE", issuer: NewSubject()).ToString().ShouldBe("CA:TRUE");

    [Fact]
    public void Critical_PrefixedAsPyOpenSslDoes()
    {
        Should.Throw<CryptoException>(() => new X509Extension("basicConstraints", true, "critical,CA:TRUE"));
        new X509Extension("basicConstraints", false, "critical,CA:TRUE").GetCritical().ShouldBeTrue();
    }

    [Fact]
    public void AddedToCertificate_ShowsInOpenSslTextDump()
    {
        PKey key = TestKeys.Get("ec");
        X509 cert = X509Tests.SelfSigned(key, "/CN=ext");
        cert.AddExtensions(
        [
            new X509Extension("basicConstraints", true, "CA:TRUE, pathlen:0"),
            new X509Extension("keyUsage", false, "keyCertSign, cRLSign"),
            new X509Extension("subjectKeyIdentifier", false, "hash", subject: cert),
        ]);
        cert.Sign(key, "sha256");

        string text = Encoding.UTF8.GetString(Crypto.DumpCertificate(FileType.Text, cert));

        text.ShouldContain("            X509v3 Basic Constraints: critical\n                CA:TRUE, pathlen:0\n");
        text.ShouldContain("            X509v3 Key Usage: \n                Certificate Sign, CRL Sign\n");
        cert.GetExtensionCount().ShouldBe(3);
    }

    [Fact]
    public void ToString_SubjectAltName_OtherFormsAsGeneralNamePrint()
    {
        // pyOpenSSL prints email/DNS/URI itself and the rest with GENERAL_NAME_print, whose DirName is
        // X509_NAME_print_ex(..., XN_FLAG_ONELINE) and whose otherName shows the UPN value.
        byte[] upn = [0x0C, 0x06, .. "upn@x."u8];
        var names = new ManagedTls.X509.AlternativeNames(
        [
            ManagedTls.X509.GeneralName.Dns("a.example"),
            ManagedTls.X509.GeneralName.Directory(ManagedTls.X509.DistinguishedName.Parse("/C=US/CN=x")),
            ManagedTls.X509.GeneralName.OtherName("1.3.6.1.4.1.311.20.2.3", upn),
            ManagedTls.X509.GeneralName.OtherName("1.2.3.4", [0x05, 0x00]),
            ManagedTls.X509.GeneralName.RegisteredId("1.2.3.4"),
            ManagedTls.X509.GeneralName.IPAddress(System.Net.IPAddress.IPv6Loopback.GetAddressBytes()),
        ]);

        new X509Extension(names.ToExtension()).ToString().ShouldBe(
            "DNS:a.example, DirName:C = US, CN = x, othername:UPN:upn@x., othername:<unsupported>, Registered ID:1.2.3.4, IP Address:0:0:0:0:0:0:0:1");
    }

    private static byte[] SubjectPublicKeyBits(X509 cert)
    {
        var reader = new ManagedTls.Asn1.DerReader(cert.ToCertificate().SubjectPublicKeyInfo.Span);
        ManagedTls.Asn1.DerReader spki = reader.ReadSequence();
        spki.ReadEncodedValue();
        return spki.ReadBitStringBytes(out _);
    }
}
