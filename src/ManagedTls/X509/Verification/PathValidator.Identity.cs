using ManagedTls.Asn1;

namespace ManagedTls.X509.Verification;

/// <content>The leaf's identity: expected host, IP and e-mail, and the CABF rules for SAN and commonName.</content>
internal static partial class PathValidator
{
    private static Failure? CheckIdentity(Certificate[] chain, VerificationOptions options)
    {
        Certificate leaf = chain[0];
        Failure Fail(X509VerifyError error, string? detail = null) => new(error, 0, leaf, chain, detail);
        AlternativeNames? san = TryGet(leaf.GetSubjectAlternativeNames);
        if (options.Profile == VerificationProfile.WebPki)
        {
            if (san is null)
            {
                return Fail(X509VerifyError.InvalidExtension, "leaf without subjectAltName (CABF 7.1.2.7.12)");
            }

            foreach (GeneralName name in san.Names)
            {
                if (name.Kind == GeneralNameKind.DnsName && !NameSyntax.IsValidDnsPattern(name.Text!))
                {
                    return Fail(X509VerifyError.UnsupportedNameSyntax, "invalid dNSName " + name.Text);
                }
            }
        }

        if (options.Profile == VerificationProfile.WebPki && san is not null && CheckCommonNames(leaf, san) is { } cnProblem)
        {
            return Fail(X509VerifyError.InvalidExtension, cnProblem + " (CABF 7.1.4.3)");
        }

        var matchOptions = options.CommonNameFallback && options.Profile != VerificationProfile.WebPki ? NameMatchOptions.SubjectFallback : NameMatchOptions.None;
        try
        {
            if (options.ExpectedHostnames.Count > 0)
            {
                bool any = false;
                foreach (string host in options.ExpectedHostnames)
                {
                    if (NameMatcher.MatchesHostname(leaf, host, matchOptions))
                    {
                        any = true;
                        break;
                    }
                }

                if (!any)
                {
                    return Fail(X509VerifyError.HostnameMismatch);
                }
            }

            if (options.ExpectedIPAddress is { } ip && !NameMatcher.MatchesIPAddress(leaf, ip))
            {
                return Fail(X509VerifyError.IPAddressMismatch);
            }

            if (options.ExpectedEmail is { } email && !NameMatcher.MatchesEmail(leaf, email, matchOptions))
            {
                return Fail(X509VerifyError.EmailMismatch);
            }
        }
        catch (X509FormatException e)
        {
            return Fail(X509VerifyError.InvalidExtension, e.Message);
        }

        return null;
    }

    /// <summary>
    /// The parts of CABF 7.1.4.3 that can be checked without refusing the commonName conventions of other suites: a
    /// commonName that is an IP address must be in canonical text form (RFC 3986 / RFC 5952); one that names a SAN in another
    /// letter case, or an A-label name absent from the SANs, is refused.
    /// </summary>
    private static string? CheckCommonNames(Certificate leaf, AlternativeNames san)
    {
        foreach (AttributeTypeAndValue attribute in leaf.Subject.Attributes)
        {
            if (attribute.Oid != Oids.CommonName || attribute.Value is not { } cn)
            {
                continue;
            }

            bool exact = false;
            bool caseless = false;
            bool ipExact = false;
            foreach (GeneralName name in san.Names)
            {
                if (name.Kind == GeneralNameKind.DnsName)
                {
                    exact |= string.Equals(name.Text, cn, StringComparison.Ordinal);
                    caseless |= string.Equals(name.Text, cn, StringComparison.OrdinalIgnoreCase);
                }
                else if (name.Kind == GeneralNameKind.IPAddress)
                {
                    ipExact |= string.Equals(IPAddressText.Format(name.IPAddressOctets!.Value.Span), cn, StringComparison.Ordinal);
                }
            }

            if (exact || ipExact)
            {
                continue;
            }

            if (caseless)
            {
                return "commonName differs in case from its SAN";
            }

            if (LooksLikeIPAddress(cn) && !(IPAddressText.TryParse(cn, out byte[] octets) && IPAddressText.Format(octets) == cn))
            {
                return "commonName IP address not in canonical text form";
            }

            if (cn.StartsWith("xn--", StringComparison.OrdinalIgnoreCase) || cn.Contains(".xn--", StringComparison.OrdinalIgnoreCase))
            {
                return "commonName A-label name is not among the SANs";
            }
        }

        return null;
    }

    private static bool LooksLikeIPAddress(string text)
    {
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            return text.Length > 2 && text.AsSpan(2).ContainsAnyExcept("0123456789abcdefABCDEF") == false;
        }

        bool separator = false;
        foreach (char c in text)
        {
            if (c is '.' or ':')
            {
                separator = true;
            }
            else if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return separator && (text.Contains(':', StringComparison.Ordinal) || !text.AsSpan().ContainsAnyExcept("0123456789."));
    }
}
