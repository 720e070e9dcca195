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
}
