using System.Text;

namespace ManagedTls.OpenSsl.Tests;

/// <summary>pyOpenSSL's X509ReqTests and the request load/dump tests, ported.</summary>
public sealed class X509ReqTests
{
    private static X509Req LoadCsr() => Crypto.LoadCertificateRequest(FileType.Pem, X509Fixtures.Bytes(X509Fixtures.ServerCsrPem));

    internal static X509Req NewSigned(PKey key, string digest = "sha256", string cn = "request")
    {
        var req = new X509Req();
        req.SetPubkey(key);
        req.GetSubject().CN = cn;
        req.Sign(key, digest);
        return req;
    }

    [Fact]
    public void New_VersionZeroEmptySubjectNoExtensions()
    {
        var req = new X509Req();

        req.GetVersion().ShouldBe(0);
        req.GetSubject().GetComponents().ShouldBeEmpty();
        req.GetExtensions().ShouldBeEmpty();
        req.GetChallengePassword().ShouldBeNull();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(-1)]
    public void SetVersion_NotZero_Throws(int version) =>
        Should.Throw<ArgumentException>(() => new X509Req().SetVersion(version)).Message.ShouldStartWith("Invalid version. The only valid version for X509Req is 0.");

    [Fact]
    public void GetSubject_IsLive()
    {
        var req = new X509Req();
        X509Name subject = req.GetSubject();

        subject.commonName = "foo";

        req.GetSubject().CN.ShouldBe("foo");
    }

    [Fact]
    public void Loaded_FieldsAttributesAndExtensions()
    {
        X509Req req = LoadCsr();

        req.GetVersion().ShouldBe(0);
        req.GetSubject().CN.ShouldBe("example.com");
        req.GetChallengePassword().ShouldBe("s3cret");
        req.GetPubkey().Type().ShouldBe(KeyType.Ec);
        req.GetExtensions().Select(e => (e.GetShortName(), e.ToString())).ShouldBe(
        [
            ("subjectAltName", "DNS:example.com, IP Address:192.0.2.1, email:a@b.c, URI:http://example.com/"),
            ("basicConstraints", "CA:FALSE"),
        ]);
        req.Verify(req.GetPubkey()).ShouldBeTrue();
    }

    [Fact]
    public void LoadDump_PemAndDer_ByteIdentical()
    {
        byte[] pem = X509Fixtures.Bytes(X509Fixtures.ServerCsrPem);
        X509Req req = Crypto.LoadCertificateRequest(FileType.Pem, pem);
        byte[] der = Crypto.DumpCertificateRequest(FileType.Asn1, req);

        Crypto.DumpCertificateRequest(FileType.Pem, req).ShouldBe(pem);
        Crypto.DumpCertificateRequest(FileType.Asn1, Crypto.LoadCertificateRequest(FileType.Asn1, der)).ShouldBe(der);
    }

    [Theory]
    [MemberData(nameof(TestKeys.Names), MemberType = typeof(TestKeys))]
    public void Sign_ThenVerify_TrueWithOwnKey_RaisesWithAnother(string name)
    {
        PKey key = TestKeys.Get(name);
        X509Req req = NewSigned(key);

        req.Verify(key).ShouldBeTrue();
        req.Verify(req.GetPubkey()).ShouldBeTrue();
        PKey other = name == "rsa" ? TestKeys.Get("ec") : TestKeys.Get("rsa");
        Should.Throw<CryptoException>(() => req.Verify(other)).Errors[^1].Reason.ShouldBe("EVP lib");
    }

    [Fact]
    public void Verify_ChangedAfterSigning_Raises()
    {
        PKey key = TestKeys.Get("ec");
        X509Req req = NewSigned(key);

        req.GetSubject().O = "changed";

        Should.Throw<CryptoException>(() => req.Verify(key));
    }

    [Fact]
    public void Verify_UninitializedKey_Throws() =>
        Should.Throw<ArgumentException>(() => NewSigned(TestKeys.Get("ec")).Verify(new PKey()));

    [Fact]
    public void Sign_PublicOnlyOrEmptyKey_Throws()
    {
        var req = new X509Req();
        req.SetPubkey(TestKeys.Get("ec"));

        Should.Throw<ArgumentException>(() => req.Sign(req.GetPubkey(), "sha256")).Message.ShouldStartWith("Key has only public part");
        Should.Throw<ArgumentException>(() => req.Sign(new PKey(), "sha256")).Message.ShouldStartWith("Key is uninitialized");
        Should.Throw<ArgumentException>(() => req.Sign(TestKeys.Get("ec"), "monkeys")).Message.ShouldStartWith("No such digest method");
    }

    [Fact]
    public void AddExtensions_ThenGetExtensions_InOrderAndSurviveSigning()
    {
        PKey key = TestKeys.Get("ec");
        X509Req source = LoadCsr();
        var req = new X509Req();
        req.SetPubkey(key);
        req.GetSubject().CN = "ext";

        req.AddExtensions(source.GetExtensions());
        req.GetExtensions().Count.ShouldBe(2);
        req.Sign(key, "sha256");

        X509Req reloaded = Crypto.LoadCertificateRequest(FileType.Asn1, Crypto.DumpCertificateRequest(FileType.Asn1, req));
        reloaded.GetExtensions().Select(e => e.ToString()).ShouldBe(source.GetExtensions().Select(e => e.ToString()));
        Should.Throw<ArgumentException>(() => req.AddExtensions([null!])).Message.ShouldStartWith("One of the elements is not an X509Extension");
    }

    [Fact]
    public void ChallengePassword_SetReplaceRemove()
    {
        PKey key = TestKeys.Get("ec");
        X509Req req = LoadCsr();

        req.SetChallengePassword("other");
        req.GetChallengePassword().ShouldBe("other");
        req.SetPubkey(key);
        req.Sign(key, "sha256");
        Crypto.LoadCertificateRequest(FileType.Pem, Crypto.DumpCertificateRequest(FileType.Pem, req)).GetChallengePassword().ShouldBe("other");

        req.SetChallengePassword(null);
        req.Sign(key, "sha256");
        Crypto.LoadCertificateRequest(FileType.Pem, Crypto.DumpCertificateRequest(FileType.Pem, req)).GetChallengePassword().ShouldBeNull();
    }

    [Fact]
    public void GetPubkey_NoKey_RaisesCryptoError() => Should.Throw<CryptoException>(() => new X509Req().GetPubkey());

    [Fact]
    public void LoadCertificateRequest_Errors()
    {
        Should.Throw<ArgumentException>(() => Crypto.LoadCertificateRequest(FileType.Text, [1]));
        Should.Throw<CryptoException>(() => Crypto.LoadCertificateRequest(FileType.Pem, X509Fixtures.Bytes(X509Fixtures.CaCertPem)))
            .Errors[0].Reason.ShouldBe("no start line");
        Should.Throw<CryptoException>(() => Crypto.LoadCertificateRequest(FileType.Asn1, "garbage"u8.ToArray()));
        Should.Throw<InvalidOperationException>(() => Crypto.DumpCertificateRequest(FileType.Pem, new X509Req()));
    }

    [Fact]
    public void DumpCertificateRequest_Text_HeadsWithCompatSubject()
    {
        string text = Encoding.UTF8.GetString(Crypto.DumpCertificateRequest(FileType.Text, LoadCsr()));

        text.ShouldStartWith("Certificate Request:\n    Data:\n        Version: 1 (0x0)\n        Subject: C=US, ST=IL, L=Chicago, O=Testing, CN=example.com/emailAddress=admin@example.com\n");
    }
}
