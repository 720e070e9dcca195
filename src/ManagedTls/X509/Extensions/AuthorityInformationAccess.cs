using ManagedTls.Asn1;

namespace ManagedTls.X509;

/// <summary>authorityInfoAccess (RFC 5280 §4.2.2.1), also the syntax of subjectInfoAccess (§4.2.2.2).</summary>
/// <param name="Descriptions">The access descriptions in encoded order.</param>
public sealed record AuthorityInformationAccess(IReadOnlyList<AccessDescription> Descriptions)
{
    /// <summary>Decodes the extnValue.</summary>
    /// <param name="value">The extension's value octets.</param>
    /// <returns>The descriptions.</returns>
    /// <exception cref="X509FormatException">Malformed (<see cref="X509FormatError.InvalidExtension"/>).</exception>
    public static AuthorityInformationAccess Decode(ReadOnlySpan<byte> value) => ExtensionDecoding.Run(value, "authorityInfoAccess", static (ref DerReader reader) =>
    {
        DerReader sequence = reader.ReadSequence();
        var descriptions = new List<AccessDescription>();
        while (sequence.HasData)
        {
            descriptions.Add(AccessDescription.Decode(ref sequence));
        }

        return new AuthorityInformationAccess(descriptions.AsReadOnly());
    });

    /// <summary>The extnValue DER.</summary>
    /// <returns>The encoding.</returns>
    public byte[] Encode() => ExtensionDecoding.Encode(writer =>
    {
        using (writer.PushSequence())
        {
            foreach (AccessDescription description in Descriptions)
            {
                description.Encode(writer);
            }
        }
    });

    /// <summary>An authorityInfoAccess extension holding <see cref="Encode"/>.</summary>
    /// <param name="critical">The critical flag (RFC 5280: MUST be non-critical).</param>
    /// <returns>The extension.</returns>
    public X509Extension ToExtension(bool critical = false) => new(Oids.AuthorityInfoAccess, critical, Encode());

    /// <summary>A subjectInfoAccess extension holding <see cref="Encode"/>.</summary>
    /// <param name="critical">The critical flag (RFC 5280: MUST be non-critical).</param>
    /// <returns>The extension.</returns>
    public X509Extension ToSubjectInformationAccessExtension(bool critical = false) => new(Oids.SubjectInfoAccess, critical, Encode());
}
