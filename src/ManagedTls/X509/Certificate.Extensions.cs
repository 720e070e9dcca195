using ManagedTls.Asn1;

namespace ManagedTls.X509;

/// <content>Typed views of the common extensions, decoded on demand (OpenSSL also decodes extensions lazily).</content>
public sealed partial class Certificate
{
    /// <summary>basicConstraints, or null when absent.</summary>
    /// <returns>The decoded extension.</returns>
    /// <exception cref="X509FormatException">Present but malformed (<see cref="X509FormatError.InvalidExtension"/>).</exception>
    public BasicConstraints? GetBasicConstraints() => FindExtension(Oids.BasicConstraints) is { } e ? BasicConstraints.Decode(e.Value.Span) : null;

    /// <summary>keyUsage, or null when absent.</summary>
    /// <returns>The decoded extension.</returns>
    /// <exception cref="X509FormatException">Present but malformed.</exception>
    public KeyUsage? GetKeyUsage() => FindExtension(Oids.KeyUsage) is { } e ? KeyUsage.Decode(e.Value.Span) : null;

    /// <summary>extendedKeyUsage, or null when absent.</summary>
    /// <returns>The decoded extension.</returns>
    /// <exception cref="X509FormatException">Present but malformed.</exception>
    public ExtendedKeyUsage? GetExtendedKeyUsage() => FindExtension(Oids.ExtKeyUsage) is { } e ? ExtendedKeyUsage.Decode(e.Value.Span) : null;

    /// <summary>subjectAltName, or null when absent.</summary>
    /// <returns>The decoded extension.</returns>
    /// <exception cref="X509FormatException">Present but malformed.</exception>
    public AlternativeNames? GetSubjectAlternativeNames() => FindExtension(Oids.SubjectAltName) is { } e ? AlternativeNames.Decode(e.Value.Span) : null;

    /// <summary>issuerAltName, or null when absent.</summary>
    /// <returns>The decoded extension.</returns>
    /// <exception cref="X509FormatException">Present but malformed.</exception>
    public AlternativeNames? GetIssuerAlternativeNames() => FindExtension(Oids.IssuerAltName) is { } e ? AlternativeNames.Decode(e.Value.Span) : null;

    /// <summary>subjectKeyIdentifier, or null when absent.</summary>
    /// <returns>The decoded extension.</returns>
    /// <exception cref="X509FormatException">Present but malformed.</exception>
    public SubjectKeyIdentifier? GetSubjectKeyIdentifier() => FindExtension(Oids.SubjectKeyIdentifier) is { } e ? SubjectKeyIdentifier.Decode(e.Value.Span) : null;

    /// <summary>authorityKeyIdentifier, or null when absent.</summary>
    /// <returns>The decoded extension.</returns>
    /// <exception cref="X509FormatException">Present but malformed.</exception>
    public AuthorityKeyIdentifier? GetAuthorityKeyIdentifier() => FindExtension(Oids.AuthorityKeyIdentifier) is { } e ? AuthorityKeyIdentifier.Decode(e.Value.Span) : null;
}
