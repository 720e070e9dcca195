using System.Numerics;
using ManagedTls.Asn1;

namespace ManagedTls.X509;

/// <summary>deltaCRLIndicator (RFC 5280 §5.2.4).</summary>
/// <param name="BaseCrlNumber">The BaseCRLNumber.</param>
public sealed record DeltaCrlIndicator(BigInteger BaseCrlNumber)
{
    /// <summary>Decodes the extnValue.</summary>
    /// <param name="value">The extension's value octets.</param>
    /// <returns>The indicator.</returns>
    /// <exception cref="X509FormatException">Malformed (<see cref="X509FormatError.InvalidExtension"/>).</exception>
    public static DeltaCrlIndicator Decode(ReadOnlySpan<byte> value) => ExtensionDecoding.Run(value, "deltaCRLIndicator", static (ref DerReader reader) =>
        new DeltaCrlIndicator(reader.ReadInteger()));

    /// <summary>The extnValue DER.</summary>
    /// <returns>The encoding.</returns>
    public byte[] Encode() => ExtensionDecoding.Encode(writer => writer.WriteInteger(BaseCrlNumber));

    /// <summary>A deltaCRLIndicator extension holding <see cref="Encode"/>.</summary>
    /// <param name="critical">The critical flag (RFC 5280: MUST be critical).</param>
    /// <returns>The extension.</returns>
    public X509Extension ToExtension(bool critical = true) => new(Oids.DeltaCrlIndicator, critical, Encode());
}
