using ManagedTls.Asn1;

namespace ManagedTls.X509;

/// <content>Typed views of the CRL entry extensions (RFC 5280 §5.3), decoded on demand.</content>
public sealed partial class RevokedCertificate
{
    /// <summary>Finds an entry extension by OID.</summary>
    /// <param name="oid">Dotted OID.</param>
    /// <returns>The extension, or null.</returns>
    public X509Extension? FindExtension(string oid)
    {
        foreach (X509Extension extension in Extensions)
        {
            if (extension.Oid == oid)
            {
                return extension;
            }
        }

        return null;
    }

    /// <summary>The reasonCode entry extension (§5.3.1) as <see cref="CrlReason"/>, or null when absent.</summary>
    /// <returns>The reason.</returns>
    /// <exception cref="X509FormatException">Present but malformed (<see cref="X509FormatError.InvalidExtension"/>).</exception>
    public CrlReason? GetReason() => FindExtension(Oids.CrlReason) is { } e ? CrlReasonCode.Decode(e.Value.Span).Reason : null;

    /// <summary>The invalidityDate entry extension (§5.3.2), or null when absent.</summary>
    /// <returns>The date.</returns>
    /// <exception cref="X509FormatException">Present but malformed (<see cref="X509FormatError.InvalidExtension"/>).</exception>
    public DateTimeOffset? GetInvalidityDate() => FindExtension(Oids.InvalidityDate) is { } e ? InvalidityDate.Decode(e.Value.Span).Date : null;

    /// <summary>The certificateIssuer entry extension (§5.3.3), or null when absent.</summary>
    /// <returns>The names.</returns>
    /// <exception cref="X509FormatException">Present but malformed (<see cref="X509FormatError.InvalidExtension"/>).</exception>
    public CertificateIssuer? GetCertificateIssuer() => FindExtension(Oids.CertificateIssuer) is { } e ? CertificateIssuer.Decode(e.Value.Span) : null;
}
