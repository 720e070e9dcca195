using System.Numerics;
using ManagedTls.Asn1;

namespace ManagedTls.X509;

/// <summary>cRLNumber (RFC 5280 §5.2.3).</summary>
/// <param name="Number">The number.</param>
public sealed record CrlNumber(BigInteger Number)
{
    /// <summary>Decodes the extnValue.</summary>
    /// <param name="value">The extension's value octets.</param>
    /// <returns>The number.</returns>
    /// <exception cref="X509FormatException">Malformed (<see cref="X509FormatError.InvalidExtension"/>).</exception>
    public static CrlNumber Decode(ReadOnlySpan<byte> value) => ExtensionDecoding.Run(value, "cRLNumber", static (ref DerReader reader) =>
        new CrlNumber(reader.ReadInteger()));

    /// <summary>The extnValue DER.</summary>
    /// <returns>The encoding.</returns>
    public byte[] Encode() => ExtensionDecoding.Encode(writer => writer.WriteInteger(Number));

    /// <summary>A cRLNumber extension holding <see cref="Encode"/>.</summary>
    /// <param name="critical">The critical flag (RFC 5280: non-critical).</param>
    /// <returns>The extension.</returns>
    public X509Extension ToExtension(bool critical = false) => new(Oids.CrlNumber, critical, Encode());
}
