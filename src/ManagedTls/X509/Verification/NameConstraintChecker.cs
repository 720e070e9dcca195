using ManagedTls.Asn1;

namespace ManagedTls.X509.Verification;

/// <summary>RFC 5280 §4.2.1.10 / §6.1.3 (b)(c) name constraints over a validated path.</summary>
internal static class NameConstraintChecker
{
    public static Failure? Check(Certificate[] chain, VerificationOptions options)
    {
        int budget = options.MaxNameConstraintChecks;
        for (int ca = chain.Length - 1; ca >= 1; ca--)
        {
            NameConstraints? constraints;
            try
            {
                constraints = chain[ca].GetNameConstraints();
            }
            catch (X509FormatException e)
            {
                return new Failure(X509VerifyError.UnsupportedConstraintSyntax, ca, chain[ca], chain, e.Message);
            }

            if (constraints is null)
            {
                continue;
            }

            if (options.Strict && (constraints.Permitted?.Count ?? 0) == 0 && (constraints.Excluded?.Count ?? 0) == 0)
            {
                return new Failure(X509VerifyError.UnsupportedConstraintSyntax, ca, chain[ca], chain, "nameConstraints with no subtrees (CABF 7.1.2.5.2)");
            }

            foreach (GeneralSubtree subtree in Concat(constraints))
            {
                if (!IsValidBase(subtree.Base))
                {
                    return new Failure(X509VerifyError.UnsupportedConstraintSyntax, ca, chain[ca], chain, "invalid constraint " + subtree.Base);
                }

                if (subtree.Minimum != 0 || subtree.Maximum is not null)
                {
                    return new Failure(X509VerifyError.SubtreeMinMax, ca, chain[ca], chain, null);
                }
            }

            for (int depth = ca - 1; depth >= 0; depth--)
            {
                Certificate subject = chain[depth];
                if (depth > 0 && ChainVerifier.IsSelfIssued(subject))
                {
                    continue; // RFC 5280 §6.1.3 (b): self-issued intermediates are exempt.
                }

                List<GeneralName> names = NamesOf(subject, out string? error);
                if (error is not null)
                {
                    return new Failure(X509VerifyError.UnsupportedNameSyntax, depth, subject, chain, error);
                }

                int constraintCount = (constraints.Permitted?.Count ?? 0) + (constraints.Excluded?.Count ?? 0);
                budget -= names.Count * Math.Max(1, constraintCount);
                if (budget < 0)
                {
                    return new Failure(X509VerifyError.UnsupportedNameSyntax, depth, subject, chain, "name constraint check budget exhausted");
                }

                foreach (GeneralName name in names)
                {
                    if (!IsValidName(name))
                    {
                        return new Failure(X509VerifyError.UnsupportedNameSyntax, depth, subject, chain, "invalid name " + name);
                    }

                    if (constraints.Excluded is { } excluded)
                    {
                        foreach (GeneralSubtree subtree in excluded)
                        {
                            if (subtree.Base.Kind == name.Kind && Matches(name, subtree.Base, excludedCheck: true))
                            {
                                return new Failure(X509VerifyError.ExcludedViolation, depth, subject, chain, name.ToString());
                            }
                        }
                    }

                    if (constraints.Permitted is { } permitted)
                    {
                        bool anyOfKind = false;
                        bool matched = false;
                        foreach (GeneralSubtree subtree in permitted)
                        {
                            if (subtree.Base.Kind != name.Kind)
                            {
                                continue;
                            }

                            anyOfKind = true;
                            if (Matches(name, subtree.Base, excludedCheck: false))
                            {
                                matched = true;
                                break;
                            }
                        }

                        if (anyOfKind && !matched)
                        {
                            return new Failure(X509VerifyError.PermittedViolation, depth, subject, chain, name.ToString());
                        }
                    }
                }
            }
        }

        return null;
    }

    private static IEnumerable<GeneralSubtree> Concat(NameConstraints constraints)
    {
        foreach (GeneralSubtree s in constraints.Permitted ?? [])
        {
            yield return s;
        }

        foreach (GeneralSubtree s in constraints.Excluded ?? [])
        {
            yield return s;
        }
    }

    /// <summary>The names a constraint applies to: SAN entries, the subject (as a directoryName) and its emailAddress values.</summary>
    private static List<GeneralName> NamesOf(Certificate certificate, out string? error)
    {
        var names = new List<GeneralName>();
        error = null;
        try
        {
            if (certificate.GetSubjectAlternativeNames() is { } san)
            {
                names.AddRange(san.Names);
            }
        }
        catch (X509FormatException e)
        {
            error = e.Message;
            return names;
        }

        if (!certificate.Subject.IsEmpty)
        {
            names.Add(GeneralName.Directory(certificate.Subject));
            foreach (AttributeTypeAndValue attribute in certificate.Subject.Attributes)
            {
                if (attribute.Oid == Oids.EmailAddress && attribute.Value is { } email)
                {
                    names.Add(GeneralName.Email(email));
                }
            }
        }

        return names;
    }

    private static bool IsValidBase(GeneralName name)
    {
        switch (name.Kind)
        {
            case GeneralNameKind.DnsName:
                string dns = name.Text!;
                return dns.Length == 0 || NameSyntax.IsValidHostname(dns) || (dns.StartsWith('.') && false);
            case GeneralNameKind.IPAddress:
                ReadOnlySpan<byte> octets = name.IPAddressOctets!.Value.Span;
                return octets.Length is 8 or 32 && IsContiguousMask(octets[(octets.Length / 2)..]);
            case GeneralNameKind.Rfc822Name:
                string email = name.Text!;
                int at = email.IndexOf('@');
                return at < 0 ? email.Length > 0 : at > 0 && email.IndexOf('@', at + 1) < 0 && at < email.Length - 1;
            default:
                return true;
        }
    }

    private static bool IsContiguousMask(ReadOnlySpan<byte> mask)
    {
        bool zero = false;
        foreach (byte b in mask)
        {
            for (int bit = 7; bit >= 0; bit--)
            {
                bool set = (b & (1 << bit)) != 0;
                if (set && zero)
                {
                    return false;
                }

                zero |= !set;
            }
        }

        return true;
    }

    private static bool IsValidName(GeneralName name) => name.Kind switch
    {
        GeneralNameKind.IPAddress => name.IPAddressOctets!.Value.Length is 4 or 16,
        GeneralNameKind.Rfc822Name => name.Text!.IndexOf('@') is int at && at > 0 && name.Text.IndexOf('@', at + 1) < 0,
        GeneralNameKind.DnsName => name.Text!.Length > 0 && !name.Text.StartsWith('.'),
        _ => true,
    };

    private static bool Matches(GeneralName name, GeneralName constraint, bool excludedCheck)
    {
        switch (name.Kind)
        {
            case GeneralNameKind.DnsName:
                string host = name.Text!.TrimEnd('.').ToLowerInvariant();
                string dnsBase = constraint.Text!.ToLowerInvariant();
                if (host.StartsWith("*.", StringComparison.Ordinal))
                {
                    // A wildcard stands for every single label under its parent: inside a subtree when the parent is;
                    // touching an excluded subtree when the subtree lies under the parent (CVE-2025-61727).
                    string parent = host[2..];
                    return DnsWithin(parent, dnsBase) || (excludedCheck && DnsWithin(dnsBase, parent) && dnsBase != parent);
                }

                return DnsWithin(host, dnsBase);
            case GeneralNameKind.IPAddress:
                ReadOnlySpan<byte> address = name.IPAddressOctets!.Value.Span;
                ReadOnlySpan<byte> network = constraint.IPAddressOctets!.Value.Span;
                if (network.Length != address.Length * 2)
                {
                    return false;
                }

                for (int i = 0; i < address.Length; i++)
                {
                    byte mask = network[address.Length + i];
                    if ((address[i] & mask) != (network[i] & mask))
                    {
                        return false;
                    }
                }

                return true;
            case GeneralNameKind.Rfc822Name:
                return EmailMatches(name.Text!, constraint.Text!);
            case GeneralNameKind.Uri:
                string? uriHost = UriHost(name.Text!);
                if (uriHost is null)
                {
                    return false;
                }

                string uriBase = constraint.Text!.ToLowerInvariant();
                return uriBase.StartsWith('.') ? uriHost.EndsWith(uriBase, StringComparison.Ordinal) : uriHost == uriBase;
            case GeneralNameKind.DirectoryName:
                IReadOnlyList<RelativeDistinguishedName> subject = name.DirectoryName!.Rdns;
                IReadOnlyList<RelativeDistinguishedName> prefix = constraint.DirectoryName!.Rdns;
                if (prefix.Count > subject.Count)
                {
                    return false;
                }

                for (int i = 0; i < prefix.Count; i++)
                {
                    if (!RdnEquals(subject[i], prefix[i]))
                    {
                        return false;
                    }
                }

                return true;
            case GeneralNameKind.OtherName:
                return name.Oid == constraint.Oid;
            default:
                return name.RawContent.Span.SequenceEqual(constraint.RawContent.Span);
        }
    }

    private static bool RdnEquals(RelativeDistinguishedName a, RelativeDistinguishedName b)
    {
        if (a.Attributes.Count != b.Attributes.Count)
        {
            return false;
        }

        for (int i = 0; i < a.Attributes.Count; i++)
        {
            AttributeTypeAndValue x = a.Attributes[i];
            AttributeTypeAndValue y = b.Attributes[i];
            if (x.Oid != y.Oid)
            {
                return false;
            }

            bool same = x.Value is not null && y.Value is not null
                ? string.Equals(Normalize(x.Value), Normalize(y.Value), StringComparison.OrdinalIgnoreCase)
                : x.RawValue.Span.SequenceEqual(y.RawValue.Span);
            if (!same)
            {
                return false;
            }
        }

        return true;
    }

    private static string Normalize(string value) => string.Join(' ', value.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static bool DnsWithin(string host, string dnsBase)
    {
        if (dnsBase.Length == 0)
        {
            return true;
        }

        return host == dnsBase || (host.Length > dnsBase.Length && host.EndsWith(dnsBase, StringComparison.Ordinal) && host[host.Length - dnsBase.Length - 1] == '.');
    }

    private static bool EmailMatches(string email, string constraint)
    {
        int at = email.LastIndexOf('@');
        string domain = email[(at + 1)..].ToLowerInvariant();
        if (constraint.Contains('@', StringComparison.Ordinal))
        {
            int cat = constraint.LastIndexOf('@');
            return string.Equals(email[..at], constraint[..cat], StringComparison.Ordinal) && domain == constraint[(cat + 1)..].ToLowerInvariant();
        }

        string lower = constraint.ToLowerInvariant();
        return lower.StartsWith('.') ? domain.EndsWith(lower, StringComparison.Ordinal) : domain == lower;
    }

    private static string? UriHost(string uri)
    {
        int scheme = uri.IndexOf("://", StringComparison.Ordinal);
        if (scheme < 0)
        {
            return null;
        }

        string rest = uri[(scheme + 3)..];
        int end = rest.IndexOfAny(['/', '?', '#']);
        if (end >= 0)
        {
            rest = rest[..end];
        }

        int userInfo = rest.LastIndexOf('@');
        if (userInfo >= 0)
        {
            rest = rest[(userInfo + 1)..];
        }

        if (rest.StartsWith('['))
        {
            return null;
        }

        int port = rest.LastIndexOf(':');
        if (port >= 0)
        {
            rest = rest[..port];
        }

        return rest.Length == 0 ? null : rest.ToLowerInvariant();
    }
}
