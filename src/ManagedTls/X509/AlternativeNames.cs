using ManagedTls.Asn1;

namespace ManagedTls.X509;

/// <summary>subjectAltName or issuerAltName (RFC 5280 §4.2.1.6, §4.2.1.7): GeneralNames.</summary>
/// <param name="Names">The names in encoded order.</param>
public sealed record AlternativeNames(IReadOnlyList<GeneralName> Names)
{
    /// <summary>The extnValue DER: GeneralNames in list order.</summary>
    /// <returns>The encoding.</returns>
    /// <exception cref="ArgumentException">The list is empty (SIZE (1..MAX)).</exception>
    public byte[] Encode() => ExtensionDecoding.Encode(writer => GeneralName.EncodeSequence(writer, Names));

    /// <summary>A subjectAltName extension holding <see cref="Encode"/>.</summary>
    /// <param name="critical">The critical flag (RFC 5280 wants it set when the subject is empty).</param>
    /// <returns>The extension.</returns>
    public X509Extension ToExtension(bool critical = false) => new(Oids.SubjectAltName, critical, Encode());

    /// <summary>An issuerAltName extension holding <see cref="Encode"/>.</summary>
    /// <param name="critical">The critical flag.</param>
    /// <returns>The extension.</returns>
    public X509Extension ToIssuerAltNameExtension(bool critical = false) => new(Oids.IssuerAltName, critical, Encode());

    /// <summary>Decodes the extnValue.</summary>
    /// <param name="value">The extension's value octets.</param>
    /// <returns>The names.</returns>
    /// <exception cref="X509FormatException">Malformed or empty (<see cref="X509FormatError.InvalidExtension"/>).</exception>
    public static AlternativeNames Decode(ReadOnlySpan<byte> value) => ExtensionDecoding.Run(value, "GeneralNames", static (ref DerReader reader) =>
        new AlternativeNames(GeneralName.DecodeSequence(ref reader)));
}
