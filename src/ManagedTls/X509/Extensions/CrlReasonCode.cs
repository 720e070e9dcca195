using ManagedTls.Asn1;

namespace ManagedTls.X509;

/// <summary>The reasonCode CRL entry extension (RFC 5280 §5.3.1).</summary>
/// <param name="Reason">The reason (values outside the enum are kept as their number).</param>
public sealed record CrlReasonCode(CrlReason Reason)
{
    /// <summary>Decodes the extnValue.</summary>
    /// <param name="value">The extension's value octets.</param>
    /// <returns>The reason.</returns>
    /// <exception cref="X509FormatException">Malformed (<see cref="X509FormatError.InvalidExtension"/>).</exception>
    public static CrlReasonCode Decode(ReadOnlySpan<byte> value) => ExtensionDecoding.Run(value, "reasonCode", static (ref DerReader reader) =>
        new CrlReasonCode((CrlReason)reader.ReadEnumerated()));

    /// <summary>The extnValue DER.</summary>
    /// <returns>The encoding.</returns>
    public byte[] Encode() => ExtensionDecoding.Encode(writer => writer.WriteEnumerated((int)Reason));

    /// <summary>A reasonCode extension holding <see cref="Encode"/>.</summary>
    /// <param name="critical">The critical flag (RFC 5280: non-critical).</param>
    /// <returns>The extension.</returns>
    public X509Extension ToExtension(bool critical = false) => new(Oids.CrlReason, critical, Encode());
}
