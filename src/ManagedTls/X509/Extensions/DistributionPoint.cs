using ManagedTls.Asn1;

namespace ManagedTls.X509;

/// <summary>One DistributionPoint (RFC 5280 §4.2.1.13).</summary>
/// <param name="Name">distributionPoint, or null when absent.</param>
/// <param name="Reasons">reasons, or null when absent (all reasons).</param>
/// <param name="CrlIssuer">cRLIssuer, or null when absent.</param>
public sealed record DistributionPoint(DistributionPointName? Name, CrlReasonFlags? Reasons = null, IReadOnlyList<GeneralName>? CrlIssuer = null)
{
    /// <summary>A point with a fullName of one URI, the common form.</summary>
    /// <param name="uri">The CRL's URI.</param>
    /// <returns>The point.</returns>
    public static DistributionPoint FromUri(string uri) => new(new DistributionPointName([GeneralName.Uri(uri)]));

    internal static DistributionPoint Decode(ref DerReader reader)
    {
        DerReader sequence = reader.ReadSequence();
        DistributionPointName? name = DistributionPointName.DecodeOptional(ref sequence);
        CrlReasonFlags? reasons = sequence.NextTagIs(Asn1Tag.Context(1, false))
            ? (CrlReasonFlags)NamedBits.Read(ref sequence, 9, Asn1Tag.Context(1, false))
            : null;
        IReadOnlyList<GeneralName>? issuer = sequence.NextTagIs(Asn1Tag.Context(2, true))
            ? GeneralName.DecodeSequence(ref sequence, Asn1Tag.Context(2, true))
            : null;
        sequence.ExpectEmpty();
        return new DistributionPoint(name, reasons, issuer);
    }

    internal void Encode(DerWriter writer)
    {
        using (writer.PushSequence())
        {
            Name?.EncodeExplicit(writer);
            if (Reasons is { } reasons)
            {
                NamedBits.Write(writer, (int)reasons, 9, Asn1Tag.Context(1, false));
            }

            if (CrlIssuer is not null)
            {
                GeneralName.EncodeSequence(writer, CrlIssuer, Asn1Tag.Context(2, true));
            }
        }
    }
}
