using ManagedTls.Asn1;
using ManagedTls.X509;

namespace ManagedTls.Tests.X509;

/// <summary>Decodes an extension with its typed view and encodes it again (null when the type has no typed view).</summary>
internal static class ExtensionRoundTrip
{
    public static byte[]? Encode(X509Extension extension)
    {
        ReadOnlySpan<byte> value = extension.Value.Span;
        return extension.Oid switch
        {
            Oids.BasicConstraints => BasicConstraints.Decode(value).Encode(),
            Oids.KeyUsage => KeyUsage.Decode(value).Encode(),
            Oids.ExtKeyUsage => ExtendedKeyUsage.Decode(value).Encode(),
            Oids.SubjectAltName or Oids.IssuerAltName => AlternativeNames.Decode(value).Encode(),
            Oids.SubjectKeyIdentifier => SubjectKeyIdentifier.Decode(value).Encode(),
            Oids.AuthorityKeyIdentifier => AuthorityKeyIdentifier.Decode(value).Encode(),
            Oids.CrlDistributionPoints or Oids.FreshestCrl => CrlDistributionPoints.Decode(value).Encode(),
            Oids.AuthorityInfoAccess or Oids.SubjectInfoAccess => AuthorityInformationAccess.Decode(value).Encode(),
            Oids.CertificatePolicies => CertificatePolicies.Decode(value).Encode(),
            Oids.PolicyMappings => PolicyMappings.Decode(value).Encode(),
            Oids.PolicyConstraints => PolicyConstraints.Decode(value).Encode(),
            Oids.InhibitAnyPolicy => InhibitAnyPolicy.Decode(value).Encode(),
            Oids.NameConstraints => NameConstraints.Decode(value).Encode(),
            Oids.TlsFeature => TlsFeature.Decode(value).Encode(),
            Oids.CtPrecertScts => SignedCertificateTimestampList.Decode(value).Encode(),
            "2.16.840.1.113730.1.1" => NetscapeCertType.Decode(value).Encode(),
            "2.16.840.1.113730.1.13" => NetscapeComment.Decode(value).Encode(),
            "2.5.29.16" => PrivateKeyUsagePeriod.Decode(value).Encode(),
            Oids.CrlReason => CrlReasonCode.Decode(value).Encode(),
            Oids.InvalidityDate => InvalidityDate.Decode(value).Encode(),
            Oids.CertificateIssuer => CertificateIssuer.Decode(value).Encode(),
            Oids.CrlNumber => CrlNumber.Decode(value).Encode(),
            Oids.DeltaCrlIndicator => DeltaCrlIndicator.Decode(value).Encode(),
            Oids.IssuingDistributionPoint => IssuingDistributionPoint.Decode(value).Encode(),
            _ => null,
        };
    }
}
