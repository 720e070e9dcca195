namespace ManagedTls.X509.Verification;

/// <summary>Options for <see cref="NameMatcher"/>.</summary>
[Flags]
public enum NameMatchOptions
{
    /// <summary>
    /// The strict default: only subjectAltName entries are used, and a wildcard may stand for the whole left-most label.
    /// </summary>
    None = 0,

    /// <summary>
    /// Also use the subject when the certificate has no subjectAltName entry of the type being matched: its
    /// commonName(s) for a hostname (only without dNSName entries, RFC 6125 §6.4.4 / RFC 9525 drops it), its
    /// emailAddress(es) for an e-mail address (only without rfc822Name entries). OpenSSL does this by default.
    /// </summary>
    SubjectFallback = 1,

    /// <summary>Wildcard patterns never match (OpenSSL's <c>X509_CHECK_FLAG_NO_WILDCARDS</c>).</summary>
    NoWildcards = 2,
}
