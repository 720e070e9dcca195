using ManagedTls.Asn1;

namespace ManagedTls.X509;

/// <summary>subjectKeyIdentifier (RFC 5280 §4.2.1.2).</summary>
/// <param name="KeyIdentifier">The identifier octets.</param>
public sealed record SubjectKeyIdentifier(ReadOnlyMemory<byte> KeyIdentifier)
{
    /// <summary>Decodes the extnValue.</summary>
    /// <param name="value">The extension's value octets.</param>
    /// <returns>The identifier.</returns>
    /// <exception cref="X509FormatException">Malformed (<see cref="X509FormatError.InvalidExtension"/>).</exception>
    public static SubjectKeyIdentifier Decode(ReadOnlySpan<byte> value) => ExtensionDecoding.Run(value, "subjectKeyIdentifier", static (ref DerReader reader) =>
        new SubjectKeyIdentifier(reader.ReadOctetString().ToArray()));
}
