using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ManagedTls.X509;
using ManagedTls.X509.Verification;

namespace ManagedTls.PythonSsl;

/// <summary>
/// The certificate helpers of Python's <c>ssl</c> module: <c>match_hostname</c>, <c>cert_time_to_seconds</c>,
/// <c>DER_cert_to_PEM_cert</c>, <c>PEM_cert_to_DER_cert</c> and <c>get_default_verify_paths</c>, with Python's
/// accepted inputs and messages (as of Python 3.7+).
/// </summary>
public static partial class SslModule
{
    /// <summary>Python's <c>ssl.PEM_HEADER</c>.</summary>
    public const string PemHeader = "-----BEGIN CERTIFICATE-----";

    /// <summary>Python's <c>ssl.PEM_FOOTER</c>.</summary>
    public const string PemFooter = "-----END CERTIFICATE-----";

    private static readonly string[] s_months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    /// <summary>
    /// Python's <c>ssl.match_hostname(cert, hostname)</c>: returns when the certificate matches, else throws
    /// <see cref="CertificateException"/> with Python's message.
    /// </summary>
    /// <remarks>
    /// As Python: subjectAltName dNSName entries, or iPAddress entries when <paramref name="hostname"/> is an IP
    /// address; the subject's commonName only when there is no dNSName or iPAddress entry (and
    /// <paramref name="checkCommonName"/>); malformed wildcards (<c>a*b.example.com</c>, <c>www.*.example.com</c>,
    /// two wildcards, a sole <c>*</c>) raise. Names are then compared by <see cref="NameMatcher"/>, which is stricter
    /// than Python in three places: no wildcard over an <c>xn--</c> label or directly under a public-suffix-like
    /// domain (<c>*.co.uk</c>), and an IP address never matches a commonName.
    /// </remarks>
    /// <param name="certificate">The peer certificate.</param>
    /// <param name="hostname">The expected hostname or IP address.</param>
    /// <param name="checkCommonName">Whether to fall back to the commonName (Python's behaviour; urllib3 2 and browsers do not).</param>
    /// <exception cref="CertificateException">No match, or a malformed wildcard.</exception>
    /// <exception cref="X509FormatException">The subjectAltName extension is malformed.</exception>
    public static void MatchHostname(Certificate certificate, string hostname, bool checkCommonName = true)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(hostname);
        byte[]? hostIp = TryParseIP(hostname);
        var names = new List<string>();
        foreach (GeneralName name in certificate.GetSubjectAlternativeNames()?.Names ?? [])
        {
            if (name.Kind == GeneralNameKind.DnsName)
            {
                if (hostIp is null && DnsNameMatch(name.Text!, hostname))
                {
                    return;
                }

                names.Add(name.Text!);
            }
            else if (name.Kind == GeneralNameKind.IPAddress)
            {
                if (hostIp is not null && name.IPAddressOctets!.Value.Span.SequenceEqual(hostIp))
                {
                    return;
                }

                names.Add(IPAddressText.Format(name.IPAddressOctets!.Value.Span));
            }
        }

        if (names.Count == 0 && checkCommonName)
        {
            foreach (AttributeTypeAndValue attribute in certificate.Subject.Attributes)
            {
                if (attribute.Oid == Asn1.Oids.CommonName && attribute.Value is { } cn)
                {
                    if (hostIp is null && DnsNameMatch(cn, hostname))
                    {
                        return;
                    }

                    names.Add(cn);
                }
            }
        }

        throw names.Count switch
        {
            > 1 => new CertificateException($"hostname {Repr(hostname)} doesn't match either of {string.Join(", ", names.Select(Repr))}"),
            1 => new CertificateException($"hostname {Repr(hostname)} doesn't match {Repr(names[0])}"),
            _ => new CertificateException(checkCommonName
                ? "no appropriate commonName or subjectAltName fields were found"
                : "no appropriate subjectAltName fields were found"),
        };
    }

    /// <summary>
    /// Python's <c>ssl.cert_time_to_seconds</c>: seconds since the Epoch for a notBefore/notAfter string in
    /// <c>"%b %d %H:%M:%S %Y GMT"</c> form, e.g. <c>"Jan  5 09:34:43 2018 GMT"</c>.
    /// </summary>
    /// <remarks>
    /// Accepted as Python accepts: month names in any case; a day of one or two digits, space- or zero-padded;
    /// hours 0–23, minutes 0–59, seconds 0–61 (60 and 61 simply add, as <c>calendar.timegm</c> does); a four-digit
    /// year; the literal zone <c>GMT</c> in any case; any run of white space between fields. Days past the month's
    /// end roll over into the next month, as <c>timegm</c> computes.
    /// </remarks>
    /// <param name="certTime">The time string.</param>
    /// <returns>Seconds since 1970-01-01T00:00:00Z.</returns>
    /// <exception cref="FormatException">The string does not have that form (Python's ValueError).</exception>
    public static long CertTimeToSeconds(string certTime)
    {
        ArgumentNullException.ThrowIfNull(certTime);
        int month = certTime.Length >= 3 ? Array.IndexOf(s_months, Title(certTime[..3])) + 1 : 0;
        if (month == 0)
        {
            throw new FormatException($"time data {Repr(certTime)} does not match format \"%b %d %H:%M:%S %Y GMT\"");
        }

        Match m = CertTimeRegex().Match(certTime, 3);
        if (!m.Success || m.Index != 3)
        {
            throw new FormatException($"time data {Repr(certTime[3..])} does not match format ' %d %H:%M:%S %Y GMT'");
        }

        int year = Int(m, "Y");
        if (year == 0)
        {
            throw new FormatException($"year 0 is out of range in {Repr(certTime)}");
        }

        long days = (long)(new DateTime(year, month, 1, 0, 0, 0, DateTimeKind.Utc) - DateTime.UnixEpoch).TotalDays + Int(m, "d") - 1;
        return (((days * 24) + Int(m, "H")) * 60 + Int(m, "M")) * 60 + Int(m, "S");
    }

    /// <summary>Python's <c>ssl.DER_cert_to_PEM_cert</c>: base64 in 64-character lines between <see cref="PemHeader"/> and <see cref="PemFooter"/>, ending with a newline.</summary>
    /// <param name="derCertificate">The DER bytes (not checked, as in Python).</param>
    /// <returns>The PEM text.</returns>
    public static string DerCertToPemCert(ReadOnlySpan<byte> derCertificate)
    {
        string b64 = Convert.ToBase64String(derCertificate);
        var s = new StringBuilder(PemHeader).Append('\n');
        for (int i = 0; i < b64.Length; i += 64)
        {
            s.Append(b64, i, Math.Min(64, b64.Length - i)).Append('\n');
        }

        return s.Append(PemFooter).Append('\n').ToString();
    }

    /// <summary>Python's <c>ssl.PEM_cert_to_DER_cert</c>: the bytes between the header and footer, base64-decoded leniently (characters outside the alphabet are skipped, as <c>base64.decodebytes</c> does).</summary>
    /// <param name="pemCertificate">Text that starts with <see cref="PemHeader"/> and, after trimming, ends with <see cref="PemFooter"/>.</param>
    /// <returns>The DER bytes (not checked, as in Python).</returns>
    /// <exception cref="ArgumentException">The header or footer is missing (Python's ValueError).</exception>
    /// <exception cref="FormatException">The base64 body is incomplete (Python's binascii.Error).</exception>
    public static byte[] PemCertToDerCert(string pemCertificate)
    {
        ArgumentNullException.ThrowIfNull(pemCertificate);
        if (!pemCertificate.StartsWith(PemHeader, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Invalid PEM encoding; must start with {PemHeader}", nameof(pemCertificate));
        }

        string trimmed = pemCertificate.Trim();
        if (!trimmed.EndsWith(PemFooter, StringComparison.Ordinal) || trimmed.Length < PemHeader.Length + PemFooter.Length)
        {
            throw new ArgumentException($"Invalid PEM encoding; must end with {PemFooter}", nameof(pemCertificate));
        }

        return DecodeBase64Lenient(trimmed[PemHeader.Length..^PemFooter.Length]);
    }

    private static byte[] DecodeBase64Lenient(string body)
    {
        var data = new StringBuilder(body.Length);
        int padding = 0;
        foreach (char c in body)
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '+' or '/')
            {
                if (padding > 0)
                {
                    break; // binascii stops at the first complete padded group
                }

                data.Append(c);
            }
            else if (c == '=')
            {
                padding++;
            }
        }

        int rest = data.Length % 4;
        if (rest == 1)
        {
            throw new FormatException($"Invalid base64-encoded string: number of data characters ({data.Length}) cannot be 1 more than a multiple of 4");
        }

        if (rest != 0 && padding < 4 - rest)
        {
            throw new FormatException("Incorrect padding");
        }

        if (rest != 0)
        {
            data.Append('=', 4 - rest);
        }

        return Convert.FromBase64String(data.ToString());
    }

    // Python 3.7+ _dnsname_match: structure errors raise; the comparison itself is NameMatcher's.
    private static bool DnsNameMatch(string pattern, string hostname)
    {
        if (pattern.Length == 0)
        {
            return false;
        }

        int wildcards = pattern.Count(c => c == '*');
        if (wildcards > 1)
        {
            throw new CertificateException($"too many wildcards in certificate DNS name: {Repr(pattern)}.");
        }

        if (wildcards == 1)
        {
            int dot = pattern.IndexOf('.', StringComparison.Ordinal);
            string leftmost = dot < 0 ? pattern : pattern[..dot];
            if (dot >= 0 && pattern.IndexOf('*', dot) >= 0)
            {
                throw new CertificateException($"wildcard can only be present in the leftmost label: {Repr(pattern)}.");
            }

            if (dot < 0)
            {
                throw new CertificateException($"sole wildcard without additional labels are not support: {Repr(pattern)}.");
            }

            if (leftmost != "*")
            {
                throw new CertificateException($"partial wildcards in leftmost label are not supported: {Repr(pattern)}.");
            }
        }

        return NameMatcher.MatchesDnsName(pattern, hostname);
    }

    // Python's _inet_paton: a canonical dotted quad or an IPv6 address, else not an IP (compared as a DNS name).
    private static byte[]? TryParseIP(string text) => IPAddressText.TryParse(text, out byte[] address) ? address : null;

    /// <summary>Python's <c>repr()</c> of a str: single quotes unless the text has a single quote and no double quote.</summary>
    internal static string Repr(string value)
    {
        char quote = value.Contains('\'', StringComparison.Ordinal) && !value.Contains('"', StringComparison.Ordinal) ? '"' : '\'';
        var s = new StringBuilder().Append(quote);
        foreach (char c in value)
        {
            switch (c)
            {
                case '\\': s.Append("\\\\"); break;
                case '\n': s.Append("\\n"); break;
                case '\r': s.Append("\\r"); break;
                case '\t': s.Append("\\t"); break;
                default:
                    if (c == quote)
                    {
                        s.Append('\\').Append(c);
                    }
                    else if (c < 0x20 || c == 0x7F)
                    {
                        s.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}");
                    }
                    else
                    {
                        s.Append(c);
                    }

                    break;
            }
        }

        return s.Append(quote).ToString();
    }

    private static string Title(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..].ToLowerInvariant();

    private static int Int(Match m, string group) => int.Parse(m.Groups[group].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);

    // time.strptime(' %d %H:%M:%S %Y GMT'): white space in the format matches one or more white space characters;
    // the patterns of %d, %H, %M, %S and %Y are _strptime's.
    [GeneratedRegex(@"\G\s+(?<d>3[01]|[12][0-9]|0[1-9]|[1-9]| [1-9])\s+(?<H>2[0-3]|[01][0-9]|[0-9]):(?<M>[0-5][0-9]|[0-9]):(?<S>6[01]|[0-5][0-9]|[0-9])\s+(?<Y>[0-9]{4})\s+GMT\z", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CertTimeRegex();
}
