using ManagedTls.Asn1;

namespace ManagedTls.X509;

/// <summary>extendedKeyUsage (RFC 5280 §4.2.1.12).</summary>
/// <param name="Oids">The KeyPurposeIds, dotted, in encoded order.</param>
public sealed record ExtendedKeyUsage(IReadOnlyList<string> Oids)
{
    /// <summary>The extnValue DER: a SEQUENCE OF the purpose OIDs in list order.</summary>
    /// <returns>The encoding.</returns>
    /// <exception cref="ArgumentException">The list is empty (SIZE (1..MAX)) or holds an invalid OID.</exception>
    public byte[] Encode()
    {
        if (Oids.Count == 0)
        {
            throw new ArgumentException("ExtKeyUsageSyntax is SIZE (1..MAX).", nameof(Oids));
        }

        return ExtensionDecoding.Encode(writer =>
        {
            using (writer.PushSequence())
            {
                foreach (string oid in Oids)
                {
                    writer.WriteObjectIdentifier(oid);
                }
            }
        });
    }

    /// <summary>An extendedKeyUsage extension holding <see cref="Encode"/>.</summary>
    /// <param name="critical">The critical flag.</param>
    /// <returns>The extension.</returns>
    public X509Extension ToExtension(bool critical = false) => new(Asn1.Oids.ExtKeyUsage, critical, Encode());

    /// <summary>Decodes the extnValue.</summary>
    /// <param name="value">The extension's value octets.</param>
    /// <returns>The purposes.</returns>
    /// <exception cref="X509FormatException">Malformed or empty (<see cref="X509FormatError.InvalidExtension"/>).</exception>
    public static ExtendedKeyUsage Decode(ReadOnlySpan<byte> value) => ExtensionDecoding.Run(value, "extendedKeyUsage", static (ref DerReader reader) =>
    {
        int offset = reader.Offset;
        DerReader sequence = reader.ReadSequence();
        var oids = new List<string>();
        while (sequence.HasData)
        {
            oids.Add(sequence.ReadObjectIdentifier());
        }

        if (oids.Count == 0)
        {
            throw new DecodeException(DecodeError.InvalidLength, offset, "ExtKeyUsageSyntax is SIZE (1..MAX)");
        }

        return new ExtendedKeyUsage(oids.AsReadOnly());
    });
}
