using System.Globalization;
using System.Text;
using ManagedTls.Asn1;

namespace ManagedTls.X509.Verification;

/// <summary>
/// Checks a certificate's identity against a hostname, an IP address or an e-mail address, by RFC 6125 / RFC 9525
/// and the CA/Browser Forum Baseline Requirements, more strictly than OpenSSL's <c>X509_check_host</c> where those
/// documents ask for it.
/// </summary>
/// <remarks>
/// <para><b>Hostnames</b> (dNSName entries): compared as A-labels, ASCII case-insensitively; a U-label hostname is
/// converted with IDNA (<see cref="IdnMapping"/>), one trailing dot on the hostname is ignored. A wildcard is allowed
/// only as the whole left-most label (<c>*.example.com</c>; never <c>f*.example.com</c>, <c>*f.example.com</c> or
/// <c>a.*.example.com</c>) and matches exactly one non-empty label that is not an A-label (<c>xn--</c>; RFC 6125
/// §6.4.3, CA/B BR 7.1.2.7.12). A wildcard needs at least two labels after it (<c>*.com</c> never matches) and is
/// refused over a two-label public-suffix-like domain: a two-letter country-code top-level label preceded by one of
/// the generic second-level labels registries sell names under (<c>*.co.uk</c>, <c>*.com.au</c>, <c>*.ac.jp</c>;
/// see <see cref="IsPublicSuffixLike"/>). Without the full Public Suffix List this rule errs towards refusing.</para>
/// <para><b>IP addresses</b> are matched only against iPAddress entries (4 or 16 octets), never against dNSName
/// entries or the commonName, after strict parsing (<c>127.1</c> and <c>010.0.0.1</c> are refused). A hostname
/// argument that is an IP literal is matched as an IP address.</para>
/// <para><b>E-mail addresses</b> are matched against rfc822Name entries: the local part exactly, the domain
/// ASCII case-insensitively (as A-labels).</para>
/// <para>The subject is consulted only with <see cref="NameMatchOptions.SubjectFallback"/> and only when the
/// certificate has no subjectAltName entry of the type being matched.</para>
/// </remarks>
public static class NameMatcher
{
    private static readonly IdnMapping s_idn = new() { AllowUnassigned = false, UseStd3AsciiRules = true };

    // Second-level labels under which ccTLD registries sell names (co.uk, com.au, ac.jp, ...).
    private static readonly HashSet<string> s_genericSecondLevel = new(StringComparer.Ordinal)
    {
        "ac", "co", "com", "edu", "gov", "net", "org", "mil", "int", "nom", "ne", "or", "go", "gob", "gouv", "govt",
        "ltd", "plc", "sch", "nic", "lg", "ed", "gr", "ad", "nhs", "police", "mod", "me", "info", "biz", "web",
    };

    /// <summary>Whether the certificate's identity includes <paramref name="hostname"/> (or, for an IP literal, that address).</summary>
    /// <param name="certificate">The certificate.</param>
    /// <param name="hostname">A DNS name (A-labels or U-labels) or an IP literal.</param>
    /// <param name="options">Subject fallback and wildcard control.</param>
    /// <returns>True on a match; false when nothing matches or the hostname is not a valid name.</returns>
    /// <exception cref="X509FormatException">The subjectAltName extension is malformed.</exception>
    public static bool MatchesHostname(Certificate certificate, string hostname, NameMatchOptions options = NameMatchOptions.None)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(hostname);
        if (IPAddressText.LooksLikeIP(hostname))
        {
            return MatchesIPAddress(certificate, hostname);
        }

        if (!TryNormalizeHostname(hostname, out string? host))
        {
            return false;
        }

        bool anyDns = false;
        foreach (GeneralName name in SubjectAltNames(certificate))
        {
            if (name.Kind == GeneralNameKind.DnsName)
            {
                anyDns = true;
                if (MatchesDnsPattern(name.Text!, host, options))
                {
                    return true;
                }
            }
        }

        if (anyDns || (options & NameMatchOptions.SubjectFallback) == 0)
        {
            return false;
        }

        foreach (string cn in SubjectValues(certificate, Oids.CommonName))
        {
            if (MatchesDnsPattern(cn, host, options))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether one presented identifier (a dNSName or commonName value) matches a hostname.</summary>
    /// <param name="pattern">The certificate's name, possibly <c>*.</c>-prefixed.</param>
    /// <param name="hostname">The reference hostname (A-labels or U-labels).</param>
    /// <param name="options"><see cref="NameMatchOptions.NoWildcards"/> is honoured.</param>
    /// <returns>True on a match.</returns>
    public static bool MatchesDnsName(string pattern, string hostname, NameMatchOptions options = NameMatchOptions.None)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(hostname);
        return !IPAddressText.LooksLikeIP(hostname) && TryNormalizeHostname(hostname, out string? host) && MatchesDnsPattern(pattern, host, options);
    }

    /// <summary>Whether the certificate has an iPAddress entry equal to <paramref name="address"/>.</summary>
    /// <param name="certificate">The certificate.</param>
    /// <param name="address">Canonical IPv4 (four decimal octets) or IPv6 text.</param>
    /// <returns>True on a match; false when nothing matches or the text is not a canonical address.</returns>
    /// <exception cref="X509FormatException">The subjectAltName extension is malformed.</exception>
    public static bool MatchesIPAddress(Certificate certificate, string address)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(address);
        return IPAddressText.TryParse(address, out byte[] octets) && MatchesIPAddress(certificate, octets);
    }

    /// <summary>Whether the certificate has an iPAddress entry with exactly these octets (4 for IPv4, 16 for IPv6).</summary>
    /// <param name="certificate">The certificate.</param>
    /// <param name="address">The address octets.</param>
    /// <returns>True on a match.</returns>
    /// <exception cref="X509FormatException">The subjectAltName extension is malformed.</exception>
    public static bool MatchesIPAddress(Certificate certificate, ReadOnlySpan<byte> address)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        if (address.Length is not (4 or 16))
        {
            return false;
        }

        foreach (GeneralName name in SubjectAltNames(certificate))
        {
            if (name.Kind == GeneralNameKind.IPAddress && name.IPAddressOctets!.Value.Span.SequenceEqual(address))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the certificate has an rfc822Name entry for <paramref name="email"/>.</summary>
    /// <param name="certificate">The certificate.</param>
    /// <param name="email">A mailbox <c>local@domain</c>; the domain may use U-labels.</param>
    /// <param name="options"><see cref="NameMatchOptions.SubjectFallback"/> also consults the subject's emailAddress when there is no rfc822Name entry.</param>
    /// <returns>True on a match.</returns>
    /// <exception cref="X509FormatException">The subjectAltName extension is malformed.</exception>
    public static bool MatchesEmail(Certificate certificate, string email, NameMatchOptions options = NameMatchOptions.None)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(email);
        if (!TrySplitMailbox(email, out string? local, out string? domain) || !TryNormalizeHostname(domain, out string? host))
        {
            return false;
        }

        bool anyEmail = false;
        foreach (GeneralName name in SubjectAltNames(certificate))
        {
            if (name.Kind == GeneralNameKind.Rfc822Name)
            {
                anyEmail = true;
                if (MailboxEquals(name.Text!, local, host))
                {
                    return true;
                }
            }
        }

        if (anyEmail || (options & NameMatchOptions.SubjectFallback) == 0)
        {
            return false;
        }

        foreach (string value in SubjectValues(certificate, Oids.EmailAddress))
        {
            if (MailboxEquals(value, local, host))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Converts a hostname to the lower-case A-label form used for comparison: U-labels through IDNA (UTS #46
    /// mapping with STD3 rules), one trailing dot removed, every label 1–63 letters, digits, hyphens or
    /// underscores, at most 253 characters, and every <c>xn--</c> label a valid Punycode A-label.
    /// </summary>
    /// <param name="hostname">The hostname.</param>
    /// <param name="normalized">The lower-case A-label form.</param>
    /// <returns>False when the hostname is not a valid DNS name.</returns>
    public static bool TryNormalizeHostname(string hostname, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? normalized)
    {
        ArgumentNullException.ThrowIfNull(hostname);
        normalized = null;
        string host = hostname.Length > 1 && hostname[^1] == '.' ? hostname[..^1] : hostname;
        if (host.Length == 0)
        {
            return false;
        }

        if (!Ascii.IsValid(host))
        {
            try
            {
                host = s_idn.GetAscii(host);
            }
            catch (ArgumentException)
            {
                return false;
            }
        }

        host = host.ToLowerInvariant();
        if (host.Length > 253 || !AllLabelsValid(host, allowStar: false))
        {
            return false;
        }

        normalized = host;
        return true;
    }

    /// <summary>
    /// Whether a wildcard's parent domain is treated as a public suffix: two labels, the last a two-letter
    /// (country-code) label and the first a generic second-level label such as <c>co</c>, <c>com</c>, <c>ac</c>,
    /// <c>gov</c> or <c>org</c> (<c>co.uk</c>, <c>com.au</c>, <c>ac.jp</c>).
    /// </summary>
    /// <param name="domain">The lower-case parent domain (after <c>*.</c>).</param>
    /// <returns>True when a wildcard directly under it is refused.</returns>
    public static bool IsPublicSuffixLike(string domain)
    {
        ArgumentNullException.ThrowIfNull(domain);
        string[] labels = domain.Split('.');
        if (labels.Length < 2)
        {
            return true;
        }

        return labels.Length == 2 && labels[1].Length == 2 && labels[1].All(char.IsAsciiLetter) && s_genericSecondLevel.Contains(labels[0]);
    }

    private static bool MatchesDnsPattern(string pattern, string host, NameMatchOptions options)
    {
        if (pattern.Length == 0 || !Ascii.IsValid(pattern))
        {
            return false;
        }

        string p = pattern.ToLowerInvariant();
        if (!p.StartsWith("*.", StringComparison.Ordinal))
        {
            return AllLabelsValid(p, allowStar: false) && string.Equals(p, host, StringComparison.Ordinal);
        }

        // RFC 6125 §6.4.3 / CA/B BR: "*" must be the whole left-most label, with a registrable domain after it.
        string parent = p[2..];
        if ((options & NameMatchOptions.NoWildcards) != 0 || !AllLabelsValid(parent, allowStar: false) || IsPublicSuffixLike(parent))
        {
            return false;
        }

        int dot = host.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0)
        {
            return false;
        }

        string first = host[..dot];
        return !first.StartsWith("xn--", StringComparison.Ordinal) && string.Equals(host[(dot + 1)..], parent, StringComparison.Ordinal);
    }

    private static bool AllLabelsValid(string name, bool allowStar)
    {
        foreach (string label in name.Split('.'))
        {
            if (label.Length is 0 or > 63)
            {
                return false;
            }

            foreach (char c in label)
            {
                if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' || (allowStar && c == '*')))
                {
                    return false;
                }
            }

            if (label.StartsWith("xn--", StringComparison.OrdinalIgnoreCase))
            {
                try
                {
                    s_idn.GetUnicode(label);
                }
                catch (ArgumentException)
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool TrySplitMailbox(string email, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? local, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? domain)
    {
        int at = email.LastIndexOf('@');
        local = at > 0 ? email[..at] : null;
        domain = at > 0 && at < email.Length - 1 ? email[(at + 1)..] : null;
        return local is not null && domain is not null;
    }

    private static bool MailboxEquals(string presented, string local, string host)
    {
        if (!Ascii.IsValid(presented) || !TrySplitMailbox(presented, out string? pLocal, out string? pDomain))
        {
            return false;
        }

        // RFC 5280 §7.5: the local part is compared exactly, the domain case-insensitively.
        return string.Equals(pLocal, local, StringComparison.Ordinal) &&
            AllLabelsValid(pDomain.ToLowerInvariant(), allowStar: false) &&
            string.Equals(pDomain.ToLowerInvariant(), host, StringComparison.Ordinal);
    }

    private static IReadOnlyList<GeneralName> SubjectAltNames(Certificate certificate) =>
        certificate.GetSubjectAlternativeNames()?.Names ?? [];

    private static List<string> SubjectValues(Certificate certificate, string oid)
    {
        var values = new List<string>();
        foreach (AttributeTypeAndValue attribute in certificate.Subject.Attributes)
        {
            if (attribute.Oid == oid && attribute.Value is { } value)
            {
                values.Add(value);
            }
        }

        return values;
    }
}
