using ManagedTls.Asn1;

namespace ManagedTls.X509;

/// <content>Typed views of the CRL extensions (RFC 5280 §5.2), decoded on demand.</content>
public sealed partial class CertificateRevocationList
{
    /// <summary>authorityKeyIdentifier (§5.2.1), or null when absent.</summary>
    /// <returns>The decoded extension.</returns>
    /// <exception cref="X509FormatException">Present but malformed (<see cref="X509FormatError.InvalidExtension"/>).</exception>
    public AuthorityKeyIdentifier? GetAuthorityKeyIdentifier() => FindExtension(Oids.AuthorityKeyIdentifier) is { } e ? AuthorityKeyIdentifier.Decode(e.Value.Span) : null;

    /// <summary>issuerAltName (§5.2.2), or null when absent.</summary>
    /// <returns>The decoded extension.</returns>
    /// <exception cref="X509FormatException">Present but malformed (<see cref="X509FormatError.InvalidExtension"/>).</exception>
    public AlternativeNames? GetIssuerAlternativeNames() => FindExtension(Oids.IssuerAltName) is { } e ? AlternativeNames.Decode(e.Value.Span) : null;

    /// <summary>cRLNumber (§5.2.3) as its typed extension, or null when absent.</summary>
    /// <returns>The decoded extension.</returns>
    /// <exception cref="X509FormatException">Present but malformed (<see cref="X509FormatError.InvalidExtension"/>).</exception>
    public CrlNumber? GetCrlNumberExtension() => FindExtension(Oids.CrlNumber) is { } e ? CrlNumber.Decode(e.Value.Span) : null;

    /// <summary>deltaCRLIndicator (§5.2.4), or null when absent.</summary>
    /// <returns>The decoded extension.</returns>
    /// <exception cref="X509FormatException">Present but malformed (<see cref="X509FormatError.InvalidExtension"/>).</exception>
    public DeltaCrlIndicator? GetDeltaCrlIndicator() => FindExtension(Oids.DeltaCrlIndicator) is { } e ? DeltaCrlIndicator.Decode(e.Value.Span) : null;

    /// <summary>issuingDistributionPoint (§5.2.5), or null when absent.</summary>
    /// <returns>The decoded extension.</returns>
    /// <exception cref="X509FormatException">Present but malformed (<see cref="X509FormatError.InvalidExtension"/>).</exception>
    public IssuingDistributionPoint? GetIssuingDistributionPoint() => FindExtension(Oids.IssuingDistributionPoint) is { } e ? IssuingDistributionPoint.Decode(e.Value.Span) : null;

    /// <summary>freshestCRL (§5.2.6), or null when absent.</summary>
    /// <returns>The decoded extension.</returns>
    /// <exception cref="X509FormatException">Present but malformed (<see cref="X509FormatError.InvalidExtension"/>).</exception>
    public CrlDistributionPoints? GetFreshestCrl() => FindExtension(Oids.FreshestCrl) is { } e ? CrlDistributionPoints.Decode(e.Value.Span) : null;

    /// <summary>authorityInfoAccess (§5.2.7), or null when absent.</summary>
    /// <returns>The decoded extension.</returns>
    /// <exception cref="X509FormatException">Present but malformed (<see cref="X509FormatError.InvalidExtension"/>).</exception>
    public AuthorityInformationAccess? GetAuthorityInformationAccess() => FindExtension(Oids.AuthorityInfoAccess) is { } e ? AuthorityInformationAccess.Decode(e.Value.Span) : null;
}
