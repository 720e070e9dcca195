using ManagedTls.Asn1;

namespace ManagedTls.X509;

/// <summary>subjectAltName or issuerAltName (RFC 5280 §4.2.1.6, §4.2.1.7): GeneralNames.</summary>
/// <param name="Names">The names in encoded order.</param>
public sealed record AlternativeNames(IReadOnlyList<GeneralName> Names)
{
    /// <summary>Decodes the extnValue.</summary>
    /// <param name="value">The extension's value octets.</param>
    /// <returns>The names.</returns>
    /// <exception cref="X509FormatException">Malformed or empty (<see cref="X509FormatError.InvalidExtension"/>).</exception>
    public static AlternativeNames Decode(ReadOnlySpan<byte> value) => ExtensionDecoding.Run(value, "GeneralNames", static (ref DerReader reader) =>
        new AlternativeNames(GeneralName.DecodeSequence(ref reader)));
}
