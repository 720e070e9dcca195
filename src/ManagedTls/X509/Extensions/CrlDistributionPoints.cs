using ManagedTls.Asn1;

namespace ManagedTls.X509;

/// <summary>cRLDistributionPoints (RFC 5280 §4.2.1.13), also the syntax of freshestCRL (§4.2.1.15, §5.2.6).</summary>
/// <param name="Points">The points in encoded order.</param>
public sealed record CrlDistributionPoints(IReadOnlyList<DistributionPoint> Points)
{
    /// <summary>Decodes the extnValue.</summary>
    /// <param name="value">The extension's value octets.</param>
    /// <returns>The points.</returns>
    /// <exception cref="X509FormatException">Malformed (<see cref="X509FormatError.InvalidExtension"/>).</exception>
    public static CrlDistributionPoints Decode(ReadOnlySpan<byte> value) => ExtensionDecoding.Run(value, "cRLDistributionPoints", static (ref DerReader reader) =>
    {
        DerReader sequence = reader.ReadSequence();
        var points = new List<DistributionPoint>();
        while (sequence.HasData)
        {
            points.Add(DistributionPoint.Decode(ref sequence));
        }

        return new CrlDistributionPoints(points.AsReadOnly());
    });

    /// <summary>The extnValue DER.</summary>
    /// <returns>The encoding.</returns>
    public byte[] Encode() => ExtensionDecoding.Encode(writer =>
    {
        using (writer.PushSequence())
        {
            foreach (DistributionPoint point in Points)
            {
                point.Encode(writer);
            }
        }
    });

    /// <summary>A cRLDistributionPoints extension holding <see cref="Encode"/>.</summary>
    /// <param name="critical">The critical flag.</param>
    /// <returns>The extension.</returns>
    public X509Extension ToExtension(bool critical = false) => new(Oids.CrlDistributionPoints, critical, Encode());

    /// <summary>A freshestCRL extension holding <see cref="Encode"/>.</summary>
    /// <param name="critical">The critical flag (RFC 5280: MUST be non-critical).</param>
    /// <returns>The extension.</returns>
    public X509Extension ToFreshestCrlExtension(bool critical = false) => new(Oids.FreshestCrl, critical, Encode());
}
