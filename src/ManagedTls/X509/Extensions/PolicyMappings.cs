using ManagedTls.Asn1;

namespace ManagedTls.X509;

/// <summary>policyMappings (RFC 5280 §4.2.1.5).</summary>
/// <param name="Mappings">The mappings in encoded order.</param>
public sealed record PolicyMappings(IReadOnlyList<PolicyMapping> Mappings)
{
    /// <summary>Decodes the extnValue.</summary>
    /// <param name="value">The extension's value octets.</param>
    /// <returns>The mappings.</returns>
    /// <exception cref="X509FormatException">Malformed (<see cref="X509FormatError.InvalidExtension"/>).</exception>
    public static PolicyMappings Decode(ReadOnlySpan<byte> value) => ExtensionDecoding.Run(value, "policyMappings", static (ref DerReader reader) =>
    {
        DerReader sequence = reader.ReadSequence();
        var mappings = new List<PolicyMapping>();
        while (sequence.HasData)
        {
            DerReader mapping = sequence.ReadSequence();
            string issuer = mapping.ReadObjectIdentifier();
            string subject = mapping.ReadObjectIdentifier();
            mapping.ExpectEmpty();
            mappings.Add(new PolicyMapping(issuer, subject));
        }

        return new PolicyMappings(mappings.AsReadOnly());
    });

    /// <summary>The extnValue DER.</summary>
    /// <returns>The encoding.</returns>
    public byte[] Encode() => ExtensionDecoding.Encode(writer =>
    {
        using (writer.PushSequence())
        {
            foreach (PolicyMapping mapping in Mappings)
            {
                using (writer.PushSequence())
                {
                    writer.WriteObjectIdentifier(mapping.IssuerDomainPolicy);
                    writer.WriteObjectIdentifier(mapping.SubjectDomainPolicy);
                }
            }
        }
    });

    /// <summary>A policyMappings extension holding <see cref="Encode"/>.</summary>
    /// <param name="critical">The critical flag (RFC 5280: SHOULD be critical).</param>
    /// <returns>The extension.</returns>
    public X509Extension ToExtension(bool critical = false) => new(Oids.PolicyMappings, critical, Encode());
}
