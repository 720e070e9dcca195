using System.Globalization;
using ManagedTls.PythonSsl;
using ManagedTls.Tests.TestSupport;
using ManagedTls.Tests.X509.Verification;
using ManagedTls.X509;

namespace ManagedTls.Tests.PythonSsl;

/// <summary>Mirrors CPython's Lib/test/test_ssl.py cases for the module-level certificate helpers.</summary>
public class SslModuleTests
{
    private const string IdnaPython = "xn--pthon-kva.python.org"; // 'püthon.python.org'.encode("idna")

    // test_match_hostname: (commonName, subjectAltNames ("|"-separated), hostname, ok).
    [Theory]
    [InlineData("example.com", "", "example.com", true)]
    [InlineData("example.com", "", "ExAmple.cOm", true)]
    [InlineData("example.com", "", "www.example.com", false)]
    [InlineData("example.com", "", ".example.com", false)]
    [InlineData("example.com", "", "example.org", false)]
    [InlineData("example.com", "", "exampleXcom", false)]
    [InlineData("*.a.com", "", "foo.a.com", true)]
    [InlineData("*.a.com", "", "bar.foo.a.com", false)]
    [InlineData("*.a.com", "", "a.com", false)]
    [InlineData("*.a.com", "", "Xa.com", false)]
    [InlineData("*.a.com", "", ".a.com", false)]
    [InlineData("f*.com", "", "foo.com", false)]
    [InlineData("f*.com", "", "f.com", false)]
    [InlineData("f*.com", "", "bar.com", false)]
    [InlineData("f*.com", "", "foo.a.com", false)]
    [InlineData("f*.com", "", "bar.foo.com", false)]
    [InlineData("null.python.org\0example.org", "", "example.org", false)] // CVE-2013-4073
    [InlineData("null.python.org\0example.org", "", "null.python.org", false)]
    [InlineData("*.*.a.com", "", "bar.foo.a.com", false)]
    [InlineData("*.*.a.com", "", "a.com", false)]
    [InlineData("a.*.com", "", "a.foo.com", false)]
    [InlineData("a.*.com", "", "a..com", false)]
    [InlineData("a.*.com", "", "a.com", false)]
    [InlineData(IdnaPython, "", IdnaPython, true)]
    [InlineData("x*.python.org", "", IdnaPython, false)] // wildcard doesn't match IDNA prefix 'xn--'
    [InlineData("xn--p*.python.org", "", IdnaPython, false)]
    [InlineData("www*.xn--pythn-mua.org", "", "www.xn--pythn-mua.org", false)]
    [InlineData("www*.xn--pythn-mua.org", "", "www1.xn--pythn-mua.org", false)]
    [InlineData("www*.xn--pythn-mua.org", "", "ftp.xn--pythn-mua.org", false)]
    [InlineData("www*.xn--pythn-mua.org", "", "xn--pythn-mua.org", false)]
    [InlineData("linuxfrz.org", "DNS:linuxfr.org|DNS:linuxfr.com|othername", "linuxfr.org", true)] // slightly fake real-world example
    [InlineData("linuxfrz.org", "DNS:linuxfr.org|DNS:linuxfr.com|othername", "linuxfr.com", true)]
    [InlineData("linuxfrz.org", "DNS:linuxfr.org|DNS:linuxfr.com|othername", "<unsupported>", false)]
    [InlineData("linuxfrz.org", "DNS:linuxfr.org|DNS:linuxfr.com|othername", "linuxfrz.org", false)] // with a SAN, CN is not used
    [InlineData("mail.google.com", "", "mail.google.com", true)]
    [InlineData("mail.google.com", "", "gmail.com", false)]
    [InlineData("mail.google.com", "", "California", false)]
    [InlineData("example.com", "DNS:example.com|IP:0A0B0C0D|IP:0E0F1011|IP:7F000001", "10.11.12.13", true)] // IPv4
    [InlineData("example.com", "DNS:example.com|IP:0A0B0C0D|IP:0E0F1011|IP:7F000001", "14.15.16.17", true)]
    [InlineData("example.com", "DNS:example.com|IP:0A0B0C0D|IP:0E0F1011|IP:7F000001", "127.1", false)]
    [InlineData("example.com", "DNS:example.com|IP:0A0B0C0D|IP:0E0F1011|IP:7F000001", "14.15.16.17 ", false)]
    [InlineData("example.com", "DNS:example.com|IP:0A0B0C0D|IP:0E0F1011|IP:7F000001", "14.15.16.17 extra data", false)]
    [InlineData("example.com", "DNS:example.com|IP:0A0B0C0D|IP:0E0F1011|IP:7F000001", "14.15.16.18", false)]
    [InlineData("example.com", "DNS:example.com|IP:0A0B0C0D|IP:0E0F1011|IP:7F000001", "example.net", false)]
    [InlineData("example.com", "DNS:example.com|IP:2001000000000000000000000000CAFE|IP:2003000000000000000000000000BABA", "2001::cafe", true)] // IPv6
    [InlineData("example.com", "DNS:example.com|IP:2001000000000000000000000000CAFE|IP:2003000000000000000000000000BABA", "2003::baba", true)]
    [InlineData("example.com", "DNS:example.com|IP:2001000000000000000000000000CAFE|IP:2003000000000000000000000000BABA", "2003::baba ", false)]
    [InlineData("example.com", "DNS:example.com|IP:2001000000000000000000000000CAFE|IP:2003000000000000000000000000BABA", "2003::baba extra data", false)]
    [InlineData("example.com", "DNS:example.com|IP:2001000000000000000000000000CAFE|IP:2003000000000000000000000000BABA", "2003::bebe", false)]
    [InlineData("example.com", "DNS:example.com|IP:2001000000000000000000000000CAFE|IP:2003000000000000000000000000BABA", "example.net", false)]
    [InlineData(null, "", "mail.google.com", false)] // neither commonName nor subjectAltName
    [InlineData("mail.google.com", "othername", "mail.google.com", true)] // no DNS entry in subjectAltName but a commonName
    [InlineData(null, "othername", "google.com", false)]
    public void MatchHostname_CPythonCases(string? commonName, string subjectAltNames, string hostname, bool ok)
    {
        Certificate certificate = IdentityCertificate.Build(commonName, null, subjectAltNames.Length == 0 ? [] : subjectAltNames.Split('|'));

        if (ok)
        {
            Should.NotThrow(() => SslModule.MatchHostname(certificate, hostname));
        }
        else
        {
            Should.Throw<CertificateException>(() => SslModule.MatchHostname(certificate, hostname));
        }
    }

    [Theory]
    [InlineData("a*b.example.com", "axxb.example.com", "partial wildcards in leftmost label are not supported: 'a*b.example.com'.")]
    [InlineData("www.*.example.com", "www.sub.example.com", "wildcard can only be present in the leftmost label: 'www.*.example.com'.")]
    [InlineData("a*b*.example.com", "axxbxxc.example.com", "too many wildcards in certificate DNS name: 'a*b*.example.com'.")]
    [InlineData("*", "host", "sole wildcard without additional labels are not support: '*'.")]
    [InlineData("*.com", "com", "hostname 'com' doesn't match '*.com'")]
    [InlineData("example.com", "example.org", "hostname 'example.org' doesn't match 'example.com'")]
    [InlineData("it's.example", "x.example", "hostname 'x.example' doesn't match \"it's.example\"")]
    public void MatchHostname_Messages(string commonName, string hostname, string message)
    {
        Certificate certificate = IdentityCertificate.Build(commonName, null);

        Should.Throw<CertificateException>(() => SslModule.MatchHostname(certificate, hostname)).Message.ShouldBe(message);
    }

    [Fact]
    public void MatchHostname_SeveralNames_ListsThemAll()
    {
        Certificate certificate = IdentityCertificate.Build("example.com", null, "DNS:example.com", "IP:0A0B0C0D", "IP:2001000000000000000000000000CAFE");

        Should.Throw<CertificateException>(() => SslModule.MatchHostname(certificate, "example.net")).Message
            .ShouldBe("hostname 'example.net' doesn't match either of 'example.com', '10.11.12.13', '2001:0:0:0:0:0:0:CAFE'");
    }

    [Fact]
    public void MatchHostname_NoNames_SaysWhichFieldsWereLookedFor()
    {
        Certificate certificate = IdentityCertificate.Build(null, null, "othername");

        Should.Throw<CertificateException>(() => SslModule.MatchHostname(certificate, "google.com")).Message
            .ShouldBe("no appropriate commonName or subjectAltName fields were found");
        Should.Throw<CertificateException>(() => SslModule.MatchHostname(IdentityCertificate.Build("google.com", null), "google.com", checkCommonName: false)).Message
            .ShouldBe("no appropriate subjectAltName fields were found");
    }

    [Theory]
    [InlineData("Jan  5 09:34:43 2018 GMT", 1515144883L)]
    [InlineData("Jan 05 09:34:43 2018 GMT", 1515144883L)] // %e and %d
    [InlineData("JaN  5 09:34:43 2018 GmT", 1515144883L)] // case-insensitive
    [InlineData("Dec 31 23:59:60 2008 GMT", 1230768000L)] // leap second
    [InlineData("Jan  1 00:00:00 2009 GMT", 1230768000L)]
    [InlineData("Jan  5 09:34:59 2018 GMT", 1515144899L)]
    [InlineData("Jan  5 09:34:60 2018 GMT", 1515144900L)] // 60th second, not a leap second
    [InlineData("Jan  5 09:34:61 2018 GMT", 1515144901L)] // second leap second, as time.strptime
    [InlineData("Dec 31 23:59:59 9999 GMT", 253402300799L)] // no special treatment of 99991231235959Z
    [InlineData("Feb 30 00:00:00 2018 GMT", 1519948800L)] // timegm rolls over: 2018-03-02
    [InlineData("Jan  1 00:00:00 1950 GMT", -631152000L)]
    public void CertTimeToSeconds_Accepted(string text, long seconds)
    {
        SslModule.CertTimeToSeconds(text).ShouldBe(seconds);
    }

    [Theory]
    [InlineData("Jan  5 09:34 2018 GMT")] // no seconds
    [InlineData("Jan  5 09:34:43 2018")] // no GMT
    [InlineData("Jan  5 09:34:43 2018 UTC")] // not GMT
    [InlineData("Jan 35 09:34:43 2018 GMT")] // invalid day
    [InlineData("Jon  5 09:34:43 2018 GMT")] // invalid month
    [InlineData("Jan  5 24:00:00 2018 GMT")] // invalid hour
    [InlineData("Jan  5 09:60:43 2018 GMT")] // invalid minute
    [InlineData("Jan  5 09:34:62 2018 GMT")] // invalid seconds
    [InlineData("Jan  5 09:34:43 2018 GMT ")]
    [InlineData("Jan5 09:34:43 2018 GMT")]
    [InlineData("")]
    public void CertTimeToSeconds_Rejected(string text)
    {
        Should.Throw<FormatException>(() => SslModule.CertTimeToSeconds(text));
    }

    [SkippableFact]
    public void CertTimeToSeconds_AgreesWithCertificateNotAfter()
    {
        // The form OpenSSL prints (and getpeercert returns) for a certificate's notAfter.
        Certificate certificate = Certificate.LoadAll(File.ReadAllBytes(FirstSystemCertificate()))[0];
        string text = certificate.NotAfter.UtcDateTime.ToString("MMM d HH:mm:ss yyyy 'GMT'", CultureInfo.InvariantCulture);

        SslModule.CertTimeToSeconds(text).ShouldBe(certificate.NotAfter.ToUnixTimeSeconds());
    }

    [SkippableFact]
    public void DerToPem_RoundTripsAndMatchesOpenSsl()
    {
        // test_DER_to_PEM, on a real CA certificate; openssl's DER is the reference.
        string path = FirstSystemCertificate();
        string pem = File.ReadAllText(path);
        byte[] d1 = SslModule.PemCertToDerCert(pem);
        string p2 = SslModule.DerCertToPemCert(d1);
        byte[] d2 = SslModule.PemCertToDerCert(p2);

        d2.ShouldBe(d1);
        p2.ShouldStartWith(SslModule.PemHeader + "\n");
        p2.ShouldEndWith("\n" + SslModule.PemFooter + "\n");
        d1.ShouldBe(OpenSslPeer.Run("x509", "-in", path, "-outform", "DER").StdoutBytes);
        p2.ShouldBe(OpenSslPeer.Run("x509", "-in", path).Stdout);
    }

    [Theory]
    [InlineData("-----BEGIN CERTIFICATE-----\nAAEC\n-----END CERTIFICATE-----\n", "000102")]
    [InlineData("-----BEGIN CERTIFICATE-----\r\nAA\r\nEC\r\n-----END CERTIFICATE-----  \n", "000102")]
    [InlineData("-----BEGIN CERTIFICATE-----\nAAE=\n-----END CERTIFICATE-----", "0001")]
    [InlineData("-----BEGIN CERTIFICATE-----\nAA*E=\n-----END CERTIFICATE-----", "0001")] // non-alphabet characters skipped
    [InlineData("-----BEGIN CERTIFICATE----------END CERTIFICATE-----", "")]
    public void PemCertToDerCert_Lenient(string pem, string hex)
    {
        SslModule.PemCertToDerCert(pem).ShouldBe(Convert.FromHexString(hex));
    }

    [Theory]
    [InlineData(" -----BEGIN CERTIFICATE-----\nAAEC\n-----END CERTIFICATE-----\n", typeof(ArgumentException))] // must start with the header
    [InlineData("-----BEGIN CERTIFICATE-----\nAAEC\n", typeof(ArgumentException))]
    [InlineData("-----BEGIN CERTIFICATE-----\nAAE\n-----END CERTIFICATE-----", typeof(FormatException))] // incorrect padding
    [InlineData("-----BEGIN CERTIFICATE-----\nAAECA\n-----END CERTIFICATE-----", typeof(FormatException))]
    public void PemCertToDerCert_Rejected(string pem, Type exception)
    {
        Should.Throw(() => SslModule.PemCertToDerCert(pem), exception);
    }

    [Fact]
    public void DerCertToPemCert_Empty_HeaderAndFooterOnly()
    {
        SslModule.DerCertToPemCert([]).ShouldBe("-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n");
    }

    [SkippableFact]
    public void GetDefaultVerifyPaths_ThisMachine_MatchesOpenSslDir()
    {
        DefaultVerifyPaths paths = SslModule.GetDefaultVerifyPaths(_ => null, File.Exists, Directory.Exists);
        string version = OpenSslPeer.Run("version", "-d").Stdout; // OPENSSLDIR: "/usr/lib/ssl"
        string openSslDir = version[(version.IndexOf('"', StringComparison.Ordinal) + 1)..version.LastIndexOf('"')];

        paths.OpensslCafileEnv.ShouldBe("SSL_CERT_FILE");
        paths.OpensslCapathEnv.ShouldBe("SSL_CERT_DIR");
        paths.OpensslCafile.ShouldBe(openSslDir + "/cert.pem");
        paths.OpensslCapath.ShouldBe(openSslDir + "/certs");
        paths.Cafile.ShouldBe(File.Exists(paths.OpensslCafile) ? paths.OpensslCafile : null);
        paths.Capath.ShouldBe(Directory.Exists(paths.OpensslCapath) ? paths.OpensslCapath : null);
    }

    [Fact]
    public void GetDefaultVerifyPaths_EnvironmentShadowsDefaults()
    {
        string dir = Path.GetTempPath().TrimEnd('/');
        string file = typeof(SslModuleTests).Assembly.Location;
        var env = new Dictionary<string, string> { ["SSL_CERT_DIR"] = dir, ["SSL_CERT_FILE"] = file };

        DefaultVerifyPaths paths = SslModule.GetDefaultVerifyPaths(k => env.GetValueOrDefault(k), File.Exists, Directory.Exists);

        paths.Cafile.ShouldBe(file);
        paths.Capath.ShouldBe(dir);
        SslModule.GetDefaultVerifyPaths(k => k == "SSL_CERT_FILE" ? "/nonexistent/ca.pem" : null, File.Exists, Directory.Exists).Cafile.ShouldBeNull();
    }

    [Theory]
    [InlineData("/etc/pki/tls", "/etc/pki/tls/cert.pem")] // RHEL, Fedora
    [InlineData("/etc/ssl", "/etc/ssl/cert.pem")] // Alpine, SUSE, macOS
    [InlineData("/opt/homebrew/etc/openssl@3", "/opt/homebrew/etc/openssl@3/cert.pem")]
    [InlineData("/usr/lib/ssl", "/usr/lib/ssl/cert.pem")] // Debian, Ubuntu
    [InlineData("/nowhere", "/usr/local/ssl/cert.pem")] // OpenSSL's own default
    public void GetDefaultVerifyPaths_PlatformLocations(string existingDir, string expectedFile)
    {
        DefaultVerifyPaths paths = SslModule.GetDefaultVerifyPaths(_ => null, f => f == expectedFile, d => d == existingDir || d == existingDir + "/certs");

        paths.OpensslCafile.ShouldBe(expectedFile);
        paths.Cafile.ShouldBe(expectedFile);
        paths.Capath.ShouldBe(existingDir == "/nowhere" ? null : existingDir + "/certs");
    }

    private static string FirstSystemCertificate()
    {
        string[] files = Directory.Exists("/etc/ssl/certs") ? Directory.GetFiles("/etc/ssl/certs", "*.pem") : [];
        Skip.If(files.Length == 0, "/etc/ssl/certs has no .pem files (no ca-certificates package).");
        Array.Sort(files, StringComparer.Ordinal);
        return files[0];
    }
}
