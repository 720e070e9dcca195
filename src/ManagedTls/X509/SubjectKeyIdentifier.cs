using ManagedTls.Asn1;

namespace ManagedTls.X509;

/// <summary>subjectKeyIdentifier (RFC 5280 §4.2.1.2).</summary>
/// <param name="KeyIdentifier">The identifier octets.</param>
public sealed record SubjectKeyIdentifier(ReadOnlyMemory<byte> KeyIdentifier)
{
    /// <summary>The extnValue DER: the identifier as an OCTET STRING.</summary>
    /// <returns>The encoding.</returns>
    public byte[] Encode() => ExtensionDecoding.Encode(writer => writer.WriteOctetString(KeyIdentifier.Span));

    /// <summary>A subjectKeyIdentifier extension holding <see cref="Encode"/>.</summary>
    /// <param name="critical">The critical flag (RFC 5280: MUST NOT be critical).</param>
    /// <returns>The extension.</returns>
    public X509Extension ToExtension(bool critical = false) => new(Oids.SubjectKeyIdentifier, critical, Encode());

    /// <summary>Decodes the extnValue.</summary>
    /// <param name="value">The extension's value octets.</param>
    /// <returns>The identifier.</returns>
    /// <exception cref="X509FormatException">Malformed (<see cref="X509FormatError.InvalidExtension"/>).</exception>
    public static SubjectKeyIdentifier Decode(ReadOnlySpan<byte> value) => ExtensionDecoding.Run(value, "subjectKeyIdentifier", static (ref DerReader reader) =>
        new SubjectKeyIdentifier(reader.ReadOctetString().ToArray()));
}
