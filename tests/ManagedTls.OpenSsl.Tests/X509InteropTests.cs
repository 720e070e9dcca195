using ManagedTls.OpenSsl.Tests.TestSupport;
using System.Text;

namespace ManagedTls.OpenSsl.Tests;

/// <summary>
/// Certificates, requests and CRLs built through the facade, checked by the openssl binary (<c>verify</c>,
/// <c>req -verify</c>, <c>crl -CAfile</c>), and FILETYPE_TEXT compared byte for byte with <c>openssl ... -text -noout -nameopt compat</c>
/// (pyOpenSSL prints with name flags 0, which is what <c>-nameopt compat</c> selects).
/// </summary>
public sealed class X509InteropTests
{
    public static TheoryData<string, string> SignerCases => new()
    {
        { "rsa", "sha256" },
        { "rsa", "sha1" },
        { "dsa", "sha256" },
        { "ec", "sha256" },
        { "ec384", "sha384" },
        { "ed25519", "sha256" },
        { "ed448", "sha512" },
    };

    [SkippableTheory]
    [MemberData(nameof(SignerCases))]
    public void CaAndLeafBuiltByFacade_OpenSslVerifyAccepts(string keyName, string digest)
    {
        PKey caKey = TestKeys.Get(keyName);
        X509 ca = X509Tests.SelfSigned(caKey, "/C=US/O=Facade/CN=Facade Root " + keyName);
        ca.AddExtensions(BasicConstraintsFrom(X509Fixtures.CaCertPem));
        ca.Sign(caKey, digest);

        PKey leafKey = TestKeys.Get("ec");
        var leaf = new X509();
        leaf.SetVersion(2);
        leaf.SetSerialNumber(0x1234);
        leaf.GetSubject().CN = "leaf.example";
        leaf.SetIssuer(ca.GetSubject());
        leaf.GmtimeAdjNotBefore(-60);
        leaf.GmtimeAdjNotAfter(86400);
        leaf.SetPubkey(leafKey);
        leaf.Sign(caKey, digest);

        string caPath = TempFiles.Write(Crypto.DumpCertificate(FileType.Pem, ca), ".pem");
        string leafPath = TempFiles.Write(Crypto.DumpCertificate(FileType.Pem, leaf), ".pem");
        ProcessResult result = OpenSslPeer.TryRun(null, "verify", "-CAfile", caPath, leafPath);

        result.Stdout.ShouldContain(": OK", customMessage: result.Stderr);
    }

    [SkippableTheory]
    [MemberData(nameof(SignerCases))]
    public void RequestBuiltByFacade_OpenSslReqVerifyAccepts(string keyName, string digest)
    {
        X509Req req = X509ReqTests.NewSigned(TestKeys.Get(keyName), digest, "req " + keyName);
        req.AddExtensions(Crypto.LoadCertificateRequest(FileType.Pem, X509Fixtures.Bytes(X509Fixtures.ServerCsrPem)).GetExtensions());
        req.SetChallengePassword("pw");
        req.Sign(TestKeys.Get(keyName), digest);
        string path = TempFiles.Write(Crypto.DumpCertificateRequest(FileType.Pem, req), ".pem");

        ProcessResult result = OpenSslPeer.TryRun(null, "req", "-in", path, "-verify", "-noout", "-text");

        (result.Stdout + result.Stderr).ShouldContain("verify OK");
        result.Stdout.ShouldContain("challengePassword        :pw");
        result.Stdout.ShouldContain("DNS:example.com, IP Address:192.0.2.1");
    }

    [SkippableFact]
    public void CrlBuiltByFacade_OpenSslCrlVerifiesWithTheCa()
    {
        PKey caKey = Crypto.LoadPrivateKey(FileType.Pem, X509Fixtures.Bytes(X509Fixtures.CaKeyPem));
        X509 ca = Crypto.LoadCertificate(FileType.Pem, X509Fixtures.Bytes(X509Fixtures.CaCertPem));
        var crl = new CRL();
        crl.AddRevoked(CrlTests.NewRevoked("0123456789ABCDEF01", "keyCompromise"));
        crl.AddRevoked(CrlTests.NewRevoked("05", "certificateHold"));
        string caPath = TempFiles.Write(Crypto.DumpCertificate(FileType.Pem, ca), ".pem");
        string crlPath = TempFiles.Write(crl.Export(ca, caKey, FileType.Pem, 10, "sha256"), ".pem");

        ProcessResult result = OpenSslPeer.TryRun(null, "crl", "-in", crlPath, "-CAfile", caPath, "-noout", "-text");

        (result.Stdout + result.Stderr).ShouldContain("verify OK");
        result.Stdout.ShouldContain("Serial Number: 0123456789ABCDEF01");
        result.Stdout.ShouldContain("Certificate Hold");
    }

    [SkippableFact]
    public void CrlRevokingTheLeaf_OpenSslVerifyCrlCheckRejects()
    {
        PKey caKey = Crypto.LoadPrivateKey(FileType.Pem, X509Fixtures.Bytes(X509Fixtures.CaKeyPem));
        X509 ca = Crypto.LoadCertificate(FileType.Pem, X509Fixtures.Bytes(X509Fixtures.CaCertPem));
        X509 leaf = Crypto.LoadCertificate(FileType.Pem, X509Fixtures.Bytes(X509Fixtures.ServerCertPem));
        var crl = new CRL();
        crl.SetVersion(1);
        crl.AddRevoked(CrlTests.NewRevoked(leaf.GetSerialNumber().ToString("x"), "keyCompromise"));
        crl.SetLastUpdate(Yesterday());
        crl.SetNextUpdate("20400101000000Z");
        crl.Sign(ca, caKey, "sha256");
        string bundle = TempFiles.Write(
            [.. Crypto.DumpCertificate(FileType.Pem, ca), .. Crypto.DumpCrl(FileType.Pem, crl)], ".pem");
        string leafPath = TempFiles.Write(Crypto.DumpCertificate(FileType.Pem, leaf), ".pem");

        ProcessResult result = OpenSslPeer.TryRun(null, "verify", "-crl_check", "-CAfile", bundle, leafPath);

        (result.Stdout + result.Stderr).ShouldContain("certificate revoked");
    }

    public static TheoryData<string> CertificatePems => ["CaCertPem", "ServerCertPem"];

    [SkippableTheory]
    [MemberData(nameof(CertificatePems))]
    public void DumpCertificate_Text_EqualsOpenSslNameoptCompat(string fixture)
    {
        string pem = fixture == "CaCertPem" ? X509Fixtures.CaCertPem : X509Fixtures.ServerCertPem;
        string path = TempFiles.Write(X509Fixtures.Bytes(pem), ".pem");
        string expected = OpenSslPeer.Run("x509", "-in", path, "-noout", "-text", "-nameopt", "compat").Stdout;

        string actual = Encoding.UTF8.GetString(Crypto.DumpCertificate(FileType.Text, Crypto.LoadCertificate(FileType.Pem, X509Fixtures.Bytes(pem))));

        actual.ShouldBe(expected);
        actual.ShouldContain("        Subject: C=US, ST=IL, L=Chicago, O=Testing, CN=");
    }

    [SkippableFact]
    public void DumpCertificate_Text_SystemRoots_EqualOpenSsl()
    {
        string[] files = Directory.Exists("/etc/ssl/certs") ? Directory.GetFiles("/etc/ssl/certs", "*.pem") : [];
        Skip.If(files.Length == 0, "no /etc/ssl/certs");
        int same = 0;
        var different = new List<string>();
        foreach (string file in files)
        {
            string expected = OpenSslPeer.Run("x509", "-in", file, "-noout", "-text", "-nameopt", "compat").Stdout;
            string actual = Encoding.UTF8.GetString(Crypto.DumpCertificate(FileType.Text, Crypto.LoadCertificate(FileType.Pem, File.ReadAllBytes(file))));
            if (actual == expected)
            {
                same++;
            }
            else
            {
                different.Add(file);
            }
        }

        Console.WriteLine($"FILETYPE_TEXT identical to openssl x509 -text -nameopt compat: {same}/{same + different.Count}");
        different.ShouldBeEmpty();
    }

    [SkippableFact]
    public void DumpCertificateRequest_Text_EqualsOpenSslNameoptCompat()
    {
        string path = TempFiles.Write(X509Fixtures.Bytes(X509Fixtures.ServerCsrPem), ".pem");
        string expected = OpenSslPeer.Run("req", "-in", path, "-noout", "-text", "-nameopt", "compat").Stdout;

        string actual = Encoding.UTF8.GetString(Crypto.DumpCertificateRequest(FileType.Text, Crypto.LoadCertificateRequest(FileType.Pem, X509Fixtures.Bytes(X509Fixtures.ServerCsrPem))));

        actual.ShouldBe(expected);
    }

    [SkippableFact]
    public void DumpCrl_Text_EqualsOpenSslNameoptCompat()
    {
        string path = TempFiles.Write(X509Fixtures.Bytes(X509Fixtures.CrlPem), ".pem");
        string expected = OpenSslPeer.Run("crl", "-in", path, "-noout", "-text", "-nameopt", "compat").Stdout;

        string actual = Encoding.UTF8.GetString(Crypto.DumpCrl(FileType.Text, Crypto.LoadCrl(FileType.Pem, X509Fixtures.Bytes(X509Fixtures.CrlPem))));

        actual.ShouldBe(expected);
        actual.ShouldContain("        Issuer: C=US, ST=IL, L=Chicago, O=Testing, CN=Testing Root CA\n");
    }

    [SkippableFact]
    public void FacadeBuiltCertificate_TextAndHashesEqualOpenSsl()
    {
        PKey key = TestKeys.Get("rsa");
        X509 cert = X509Tests.SelfSigned(key, "/C=DE/ST=Berlin/O=Facade GmbH/OU=Unit/CN=text.example/emailAddress=x@text.example");
        cert.SetSerialNumber(System.Numerics.BigInteger.Parse("123456789012345678901234567890", System.Globalization.CultureInfo.InvariantCulture));
        cert.Sign(key, "sha256");
        string path = TempFiles.Write(Crypto.DumpCertificate(FileType.Pem, cert), ".pem");

        string text = OpenSslPeer.Run("x509", "-in", path, "-noout", "-text", "-nameopt", "compat").Stdout;
        string hash = OpenSslPeer.Run("x509", "-in", path, "-noout", "-subject_hash").Stdout.Trim();
        string oldHash = OpenSslPeer.Run("x509", "-in", path, "-noout", "-subject_hash_old").Stdout.Trim();
        string fingerprint = OpenSslPeer.Run("x509", "-in", path, "-noout", "-fingerprint", "-sha256").Stdout.Trim();

        Encoding.UTF8.GetString(Crypto.DumpCertificate(FileType.Text, cert)).ShouldBe(text);
        cert.SubjectNameHash().ToString("x8", System.Globalization.CultureInfo.InvariantCulture).ShouldBe(hash);
        cert.GetSubject().Hash().ToString("x8", System.Globalization.CultureInfo.InvariantCulture).ShouldBe(oldHash);
        ("sha256 Fingerprint=" + cert.Digest("sha256")).ShouldBe(fingerprint);
    }

    private static X509Extension[] BasicConstraintsFrom(string pem)
    {
        X509 source = Crypto.LoadCertificate(FileType.Pem, X509Fixtures.Bytes(pem));
        return [.. Enumerable.Range(0, source.GetExtensionCount()).Select(source.GetExtension).Where(e => e.GetShortName() is "basicConstraints" or "keyUsage")];
    }

    private static string Yesterday() => DateTime.UtcNow.AddDays(-1).ToString("yyyyMMddHHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
