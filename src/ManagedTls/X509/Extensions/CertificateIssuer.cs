using ManagedTls.Asn1;

namespace ManagedTls.X509;

/// <summary>The certificateIssuer CRL entry extension (RFC 5280 §5.3.3): GeneralNames.</summary>
/// <param name="Names">The names in encoded order.</param>
public sealed record CertificateIssuer(IReadOnlyList<GeneralName> Names)
{
    /// <summary>Decodes the extnValue.</summary>
    /// <param name="value">The extension's value octets.</param>
    /// <returns>The names.</returns>
    /// <exception cref="X509FormatException">Malformed or empty (<see cref="X509FormatError.InvalidExtension"/>).</exception>
    public static CertificateIssuer Decode(ReadOnlySpan<byte> value) => ExtensionDecoding.Run(value, "certificateIssuer", static (ref DerReader reader) =>
        new CertificateIssuer(GeneralName.DecodeSequence(ref reader)));

    /// <summary>The extnValue DER.</summary>
    /// <returns>The encoding.</returns>
    /// <exception cref="ArgumentException">The list is empty.</exception>
    public byte[] Encode() => ExtensionDecoding.Encode(writer => GeneralName.EncodeSequence(writer, Names));

    /// <summary>A certificateIssuer extension holding <see cref="Encode"/>.</summary>
    /// <param name="critical">The critical flag (RFC 5280: MUST be critical).</param>
    /// <returns>The extension.</returns>
    public X509Extension ToExtension(bool critical = true) => new(Oids.CertificateIssuer, critical, Encode());
}
