using ManagedTls.Asn1;

namespace ManagedTls.X509;

/// <summary>The invalidityDate CRL entry extension (RFC 5280 §5.3.2): a GeneralizedTime.</summary>
/// <param name="Date">The instant (fractions of a second are kept).</param>
public sealed record InvalidityDate(DateTimeOffset Date)
{
    /// <summary>Decodes the extnValue.</summary>
    /// <param name="value">The extension's value octets.</param>
    /// <returns>The date.</returns>
    /// <exception cref="X509FormatException">Malformed (<see cref="X509FormatError.InvalidExtension"/>).</exception>
    public static InvalidityDate Decode(ReadOnlySpan<byte> value) => ExtensionDecoding.Run(value, "invalidityDate", static (ref DerReader reader) =>
        new InvalidityDate(reader.ReadGeneralizedTime()));

    /// <summary>The extnValue DER.</summary>
    /// <returns>The encoding.</returns>
    public byte[] Encode() => ExtensionDecoding.Encode(writer => writer.WriteGeneralizedTime(Date));

    /// <summary>An invalidityDate extension holding <see cref="Encode"/>.</summary>
    /// <param name="critical">The critical flag (RFC 5280: non-critical).</param>
    /// <returns>The extension.</returns>
    public X509Extension ToExtension(bool critical = false) => new(Oids.InvalidityDate, critical, Encode());
}
