using ManagedTls.Tests.TestSupport;
using ManagedTls.X509;
using ManagedTls.X509.Verification;

namespace ManagedTls.Tests.X509.Verification;

public class NameMatcherTests
{
    [Theory]
    // RFC 6125 §6.4.3 examples and the CA/B Forum wildcard rules.
    [InlineData("*.example.com", "foo.example.com", true)]
    [InlineData("*.example.com", "bar.foo.example.com", false)]
    [InlineData("*.example.com", "example.com", false)]
    [InlineData("*.example.com", ".example.com", false)]
    [InlineData("baz*.example.net", "baz1.example.net", false)] // partial wildcards: RFC 6125 MAY, RFC 9525 and CA/B: no
    [InlineData("*baz.example.net", "foobaz.example.net", false)]
    [InlineData("b*z.example.net", "buzz.example.net", false)]
    [InlineData("a.*.example.com", "a.b.example.com", false)]
    [InlineData("*.*.example.com", "a.b.example.com", false)]
    [InlineData("*", "example", false)]
    [InlineData("*.com", "example.com", false)]
    [InlineData("*.co.uk", "example.co.uk", false)]
    [InlineData("*.com.au", "example.com.au", false)]
    [InlineData("*.example.co.uk", "www.example.co.uk", true)]
    [InlineData("*.example.uk", "www.example.uk", true)]
    [InlineData("*.example.com", "xn--bcher-kva.example.com", false)] // no wildcard over an A-label
    [InlineData("*.xn--bcher-kva.example", "www.xn--bcher-kva.example", true)]
    [InlineData("*.xn--bcher-kva.example", "www.bücher.example", true)]
    [InlineData("xn--bcher-kva.example", "BÜCHER.example", true)]
    [InlineData("XN--BCHER-KVA.EXAMPLE", "bücher.example", true)]
    [InlineData("bücher.example", "bücher.example", false)] // a dNSName is IA5: U-labels never match
    [InlineData("xn--zz.example", "xn--zz.example", false)] // not a valid A-label
    // Case, dots and invalid reference names.
    [InlineData("www.example.com", "WWW.Example.COM", true)]
    [InlineData("www.example.com", "www.example.com.", true)]
    [InlineData("www.example.com.", "www.example.com", false)]
    [InlineData("www.example.com", "www.example.com..", false)]
    [InlineData("www.example.com", "www..example.com", false)]
    [InlineData("www.example.com", "www.example.com ", false)]
    [InlineData("null.python.org\0example.org", "null.python.org", false)]
    [InlineData("example.com", "", false)]
    [InlineData("1.2.3.4", "1.2.3.4", false)] // IP literals are never matched as DNS names
    public void MatchesDnsName_Table(string pattern, string hostname, bool expected)
    {
        NameMatcher.MatchesDnsName(pattern, hostname).ShouldBe(expected);
    }

    [Fact]
    public void MatchesDnsName_NoWildcards_OnlyExactNames()
    {
        NameMatcher.MatchesDnsName("*.example.com", "a.example.com", NameMatchOptions.NoWildcards).ShouldBeFalse();
        NameMatcher.MatchesDnsName("a.example.com", "a.example.com", NameMatchOptions.NoWildcards).ShouldBeTrue();
    }

    [Theory]
    [InlineData(null, "DNS:www.example.com", "www.example.com", NameMatchOptions.None, true)]
    [InlineData("www.example.com", null, "www.example.com", NameMatchOptions.None, false)] // no CN unless asked
    [InlineData("www.example.com", null, "www.example.com", NameMatchOptions.SubjectFallback, true)]
    [InlineData("www.example.com", "DNS:other.example.com", "www.example.com", NameMatchOptions.SubjectFallback, false)] // SAN DNS present: CN ignored
    [InlineData("www.example.com", "IP:01020304", "www.example.com", NameMatchOptions.SubjectFallback, true)] // only DNS SANs disable the CN
    [InlineData("www.example.com", "othername", "www.example.com", NameMatchOptions.SubjectFallback, true)]
    [InlineData("1.2.3.4", null, "1.2.3.4", NameMatchOptions.SubjectFallback, false)] // an IP never matches a CN
    [InlineData(null, "DNS:1.2.3.4", "1.2.3.4", NameMatchOptions.None, false)] // ... nor a dNSName
    [InlineData(null, "IP:01020304", "1.2.3.4", NameMatchOptions.None, true)] // a hostname argument that is an IP literal
    [InlineData(null, "URI:https://www.example.com/", "www.example.com", NameMatchOptions.SubjectFallback, false)]
    public void MatchesHostname_SanAndSubject(string? cn, string? san, string hostname, NameMatchOptions options, bool expected)
    {
        Certificate certificate = IdentityCertificate.Build(cn, null, san is null ? [] : [san]);

        NameMatcher.MatchesHostname(certificate, hostname, options).ShouldBe(expected);
    }

    [Theory]
    [InlineData("0A0B0C0D", "10.11.12.13", true)]
    [InlineData("0A0B0C0D", "10.11.12.14", false)]
    [InlineData("7F000001", "127.1", false)] // inet_aton shorthand refused
    [InlineData("7F000001", "127.000.000.001", false)]
    [InlineData("7F000001", "0x7f.0.0.1", false)]
    [InlineData("7F000001", "127.0.0.1 ", false)]
    [InlineData("7F000001", "127.0.0.1/24", false)]
    [InlineData("200100000000000000000000000CAFE0", "2001::cafe0", false)]
    [InlineData("2001000000000000000000000000CAFE", "2001::cafe", true)]
    [InlineData("2001000000000000000000000000CAFE", "2001:0:0:0:0:0:0:CAFE", true)]
    [InlineData("2001000000000000000000000000CAFE", "[2001::cafe]", false)]
    [InlineData("2001000000000000000000000000CAFE", "2001::cafe%1", false)]
    [InlineData("00000000000000000000FFFF7F000001", "::ffff:127.0.0.1", true)]
    [InlineData("7F000001", "::ffff:127.0.0.1", false)] // a mapped address is 16 octets: not the 4-octet entry
    [InlineData("00000000000000000000FFFF7F000001", "::ffff:127.1", false)]
    public void MatchesIPAddress_Table(string sanHex, string address, bool expected)
    {
        Certificate certificate = IdentityCertificate.Build("example.com", null, "DNS:example.com", "IP:" + sanHex);

        NameMatcher.MatchesIPAddress(certificate, address).ShouldBe(expected);
    }

    [Theory]
    [InlineData("email:user@example.com", "user@example.com", NameMatchOptions.None, true)]
    [InlineData("email:user@example.com", "user@EXAMPLE.com", NameMatchOptions.None, true)]
    [InlineData("email:user@example.com", "User@example.com", NameMatchOptions.None, false)] // local part is exact
    [InlineData("email:user@xn--bcher-kva.example", "user@bücher.example", NameMatchOptions.None, true)]
    [InlineData("email:example.com", "user@example.com", NameMatchOptions.None, false)] // a domain is not a mailbox
    [InlineData("email:user@example.com", "user@", NameMatchOptions.None, false)]
    [InlineData("email:user@example.com", "@example.com", NameMatchOptions.None, false)]
    [InlineData("DNS:example.com", "user@example.com", NameMatchOptions.None, false)]
    [InlineData("DNS:example.com", "subject@example.com", NameMatchOptions.SubjectFallback, true)] // no rfc822Name: emailAddress used
    [InlineData("email:other@example.com", "subject@example.com", NameMatchOptions.SubjectFallback, false)]
    public void MatchesEmail_Table(string san, string email, NameMatchOptions options, bool expected)
    {
        Certificate certificate = IdentityCertificate.Build("x", "subject@example.com", san);

        NameMatcher.MatchesEmail(certificate, email, options).ShouldBe(expected);
    }

    [Theory]
    [InlineData("co.uk", true)]
    [InlineData("com.au", true)]
    [InlineData("ac.jp", true)]
    [InlineData("com", true)]
    [InlineData("example.com", false)]
    [InlineData("example.uk", false)]
    [InlineData("co.example", false)]
    [InlineData("example.co.uk", false)]
    public void IsPublicSuffixLike_Table(string domain, bool expected)
    {
        NameMatcher.IsPublicSuffixLike(domain).ShouldBe(expected);
    }

    /// <summary>
    /// The same certificate judged by <c>openssl x509 -checkhost/-checkip/-checkemail</c> (OpenSSL's defaults, i.e.
    /// with subject fallback) and by ManagedTls with <see cref="NameMatchOptions.SubjectFallback"/>. Rows where
    /// <c>openssl</c> differs are the documented places where ManagedTls is deliberately stricter.
    /// </summary>
    [SkippableTheory]
    [InlineData("/CN=www.example.com", null, "host", "www.example.com", true, true)]
    [InlineData("/CN=www.example.com", null, "host", "WWW.EXAMPLE.COM", true, true)]
    [InlineData("/CN=www.example.com", "DNS:other.example.com", "host", "www.example.com", false, false)]
    [InlineData("/CN=x", "DNS:*.example.com", "host", "a.example.com", true, true)]
    [InlineData("/CN=x", "DNS:*.example.com", "host", "a.b.example.com", false, false)]
    [InlineData("/CN=x", "DNS:*.example.com", "host", "example.com", false, false)]
    [InlineData("/CN=x", "DNS:f*.example.com", "host", "foo.example.com", false, true)] // stricter: no partial wildcards (RFC 9525 §6.3, CA/B)
    [InlineData("/CN=x", "DNS:*.com", "host", "example.com", false, false)]
    [InlineData("/CN=x", "DNS:*.co.uk", "host", "example.co.uk", false, true)] // stricter: public-suffix-like parent
    [InlineData("/CN=x", "DNS:*.example.com", "host", "xn--bcher-kva.example.com", false, true)] // stricter: no wildcard over an A-label
    [InlineData("/CN=x", "DNS:a.*.example.com", "host", "a.b.example.com", false, false)]
    [InlineData("/CN=x", "DNS:www.example.com", "host", "www.example.com.", true, false)] // the one lenient row: an absolute name (trailing dot) is the same DNS name
    [InlineData("/CN=1.2.3.4", null, "ip", "1.2.3.4", false, false)]
    [InlineData("/CN=x", "IP:1.2.3.4", "ip", "1.2.3.4", true, true)]
    [InlineData("/CN=x", "IP:1.2.3.4", "host", "1.2.3.4", true, false)] // an IP literal given as host: matched as an IP (Python does the same)
    [InlineData("/CN=x", "DNS:1.2.3.4", "ip", "1.2.3.4", false, false)]
    [InlineData("/CN=x", "IP:2001:db8::1", "ip", "2001:DB8:0:0:0:0:0:1", true, true)]
    [InlineData("/CN=x", "IP:2001:db8::1", "ip", "2001:db8::2", false, false)]
    [InlineData("/CN=x", "email:user@example.com", "email", "user@example.com", true, true)]
    [InlineData("/CN=x", "email:user@example.com", "email", "user@EXAMPLE.COM", true, true)]
    [InlineData("/CN=x", "email:user@example.com", "email", "USER@example.com", false, false)]
    [InlineData("/CN=x/emailAddress=user@example.com", null, "email", "user@example.com", true, true)]
    public void Matches_AgreesWithOpenSsl(string subject, string? san, string kind, string reference, bool ours, bool openssl)
    {
        string path = IdentityCertificate.MakeWithOpenSsl(subject, san);
        Certificate certificate = Certificate.Load(File.ReadAllBytes(path));
        string flag = kind switch { "host" => "-checkhost", "ip" => "-checkip", _ => "-checkemail" };
        ProcessResult result = OpenSslPeer.TryRun(null, "x509", "-in", path, "-noout", flag, reference);
        bool opensslMatched = result.Stdout.Contains(" does match certificate", StringComparison.Ordinal);

        bool matched = kind switch
        {
            "host" => NameMatcher.MatchesHostname(certificate, reference, NameMatchOptions.SubjectFallback),
            "ip" => NameMatcher.MatchesIPAddress(certificate, reference),
            _ => NameMatcher.MatchesEmail(certificate, reference, NameMatchOptions.SubjectFallback),
        };

        opensslMatched.ShouldBe(openssl, result.Stdout + result.Stderr);
        matched.ShouldBe(ours);
    }
}
