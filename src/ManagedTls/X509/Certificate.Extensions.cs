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

    /// <summary>cRLDistributionPoints, or null when absent.</summary>
    /// <returns>The decoded extension.</returns>
    /// <exception cref="X509FormatException">Present but malformed.</exception>
    public CrlDistributionPoints? GetCrlDistributionPoints() => FindExtension(Oids.CrlDistributionPoints) is { } e ? CrlDistributionPoints.Decode(e.Value.Span) : null;

    /// <summary>freshestCRL (delta CRL distribution points), or null when absent.</summary>
    /// <returns>The decoded extension.</returns>
    /// <exception cref="X509FormatException">Present but malformed.</exception>
    public CrlDistributionPoints? GetFreshestCrl() => FindExtension(Oids.FreshestCrl) is { } e ? CrlDistributionPoints.Decode(e.Value.Span) : null;

    /// <summary>authorityInfoAccess, or null when absent.</summary>
    /// <returns>The decoded extension.</returns>
    /// <exception cref="X509FormatException">Present but malformed.</exception>
    public AuthorityInformationAccess? GetAuthorityInformationAccess() => FindExtension(Oids.AuthorityInfoAccess) is { } e ? AuthorityInformationAccess.Decode(e.Value.Span) : null;

    /// <summary>subjectInfoAccess, or null when absent.</summary>
    /// <returns>The decoded extension.</returns>
    /// <exception cref="X509FormatException">Present but malformed.</exception>
    public AuthorityInformationAccess? GetSubjectInformationAccess() => FindExtension(Oids.SubjectInfoAccess) is { } e ? AuthorityInformationAccess.Decode(e.Value.Span) : null;

    /// <summary>certificatePolicies, or null when absent.</summary>
    /// <returns>The decoded extension.</returns>
    /// <exception cref="X509FormatException">Present but malformed.</exception>
    public CertificatePolicies? GetCertificatePolicies() => FindExtension(Oids.CertificatePolicies) is { } e ? CertificatePolicies.Decode(e.Value.Span) : null;

    /// <summary>policyMappings, or null when absent.</summary>
    /// <returns>The decoded extension.</returns>
    /// <exception cref="X509FormatException">Present but malformed.</exception>
    public PolicyMappings? GetPolicyMappings() => FindExtension(Oids.PolicyMappings) is { } e ? PolicyMappings.Decode(e.Value.Span) : null;

    /// <summary>policyConstraints, or null when absent.</summary>
    /// <returns>The decoded extension.</returns>
    /// <exception cref="X509FormatException">Present but malformed.</exception>
    public PolicyConstraints? GetPolicyConstraints() => FindExtension(Oids.PolicyConstraints) is { } e ? PolicyConstraints.Decode(e.Value.Span) : null;

    /// <summary>inhibitAnyPolicy, or null when absent.</summary>
    /// <returns>The decoded extension.</returns>
    /// <exception cref="X509FormatException">Present but malformed.</exception>
    public InhibitAnyPolicy? GetInhibitAnyPolicy() => FindExtension(Oids.InhibitAnyPolicy) is { } e ? InhibitAnyPolicy.Decode(e.Value.Span) : null;

    /// <summary>nameConstraints, or null when absent.</summary>
    /// <returns>The decoded extension.</returns>
    /// <exception cref="X509FormatException">Present but malformed.</exception>
    public NameConstraints? GetNameConstraints() => FindExtension(Oids.NameConstraints) is { } e ? NameConstraints.Decode(e.Value.Span) : null;

    /// <summary>the TLS feature extension (must-staple), or null when absent.</summary>
    /// <returns>The decoded extension.</returns>
    /// <exception cref="X509FormatException">Present but malformed.</exception>
    public TlsFeature? GetTlsFeature() => FindExtension(Oids.TlsFeature) is { } e ? TlsFeature.Decode(e.Value.Span) : null;

    /// <summary>the CT precertificate SCT list, or null when absent.</summary>
    /// <returns>The decoded extension.</returns>
    /// <exception cref="X509FormatException">Present but malformed.</exception>
    public SignedCertificateTimestampList? GetSignedCertificateTimestamps() => FindExtension(Oids.CtPrecertScts) is { } e ? SignedCertificateTimestampList.Decode(e.Value.Span) : null;

    /// <summary>nsCertType, or null when absent.</summary>
    /// <returns>The decoded extension.</returns>
    /// <exception cref="X509FormatException">Present but malformed.</exception>
    public NetscapeCertType? GetNetscapeCertType() => FindExtension(ExtensionOids.NetscapeCertType) is { } e ? NetscapeCertType.Decode(e.Value.Span) : null;

    /// <summary>nsComment, or null when absent.</summary>
    /// <returns>The decoded extension.</returns>
    /// <exception cref="X509FormatException">Present but malformed.</exception>
    public NetscapeComment? GetNetscapeComment() => FindExtension(ExtensionOids.NetscapeComment) is { } e ? NetscapeComment.Decode(e.Value.Span) : null;

    /// <summary>privateKeyUsagePeriod, or null when absent.</summary>
    /// <returns>The decoded extension.</returns>
    /// <exception cref="X509FormatException">Present but malformed.</exception>
    public PrivateKeyUsagePeriod? GetPrivateKeyUsagePeriod() => FindExtension(ExtensionOids.PrivateKeyUsagePeriod) is { } e ? PrivateKeyUsagePeriod.Decode(e.Value.Span) : null;

    /// <summary>True when the CT precertificate poison extension (1.3.6.1.4.1.11129.2.4.3) is present: a precertificate, not a certificate (RFC 6962 §3.1).</summary>
    public bool IsPrecertificate => FindExtension(Oids.CtPrecertPoison) is not null;
}
