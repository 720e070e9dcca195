using ManagedTls.Asn1;

namespace ManagedTls.X509;

/// <summary>nameConstraints (RFC 5280 §4.2.1.10).</summary>
/// <param name="Permitted">permittedSubtrees, or null when absent.</param>
/// <param name="Excluded">excludedSubtrees, or null when absent.</param>
public sealed record NameConstraints(IReadOnlyList<GeneralSubtree>? Permitted, IReadOnlyList<GeneralSubtree>? Excluded)
{
    /// <summary>Decodes the extnValue.</summary>
    /// <param name="value">The extension's value octets.</param>
    /// <returns>The constraints.</returns>
    /// <exception cref="X509FormatException">Malformed (<see cref="X509FormatError.InvalidExtension"/>).</exception>
    public static NameConstraints Decode(ReadOnlySpan<byte> value) => ExtensionDecoding.Run(value, "nameConstraints", static (ref DerReader reader) =>
    {
        DerReader sequence = reader.ReadSequence();
        IReadOnlyList<GeneralSubtree>? permitted = sequence.NextTagIs(Asn1Tag.Context(0, true)) ? GeneralSubtree.DecodeList(ref sequence, Asn1Tag.Context(0, true)) : null;
        IReadOnlyList<GeneralSubtree>? excluded = sequence.NextTagIs(Asn1Tag.Context(1, true)) ? GeneralSubtree.DecodeList(ref sequence, Asn1Tag.Context(1, true)) : null;
        sequence.ExpectEmpty();
        return new NameConstraints(permitted, excluded);
    });

    /// <summary>The extnValue DER.</summary>
    /// <returns>The encoding.</returns>
    public byte[] Encode() => ExtensionDecoding.Encode(writer =>
    {
        using (writer.PushSequence())
        {
            if (Permitted is not null)
            {
                GeneralSubtree.EncodeList(writer, Permitted, Asn1Tag.Context(0, true));
            }

            if (Excluded is not null)
            {
                GeneralSubtree.EncodeList(writer, Excluded, Asn1Tag.Context(1, true));
            }
        }
    });

    /// <summary>A nameConstraints extension holding <see cref="Encode"/>.</summary>
    /// <param name="critical">The critical flag (RFC 5280: MUST be critical).</param>
    /// <returns>The extension.</returns>
    public X509Extension ToExtension(bool critical = false) => new(Oids.NameConstraints, critical, Encode());
}
