using System.Numerics;
using ManagedTls.Asn1;

namespace ManagedTls.X509;

/// <summary>inhibitAnyPolicy (RFC 5280 §4.2.1.14).</summary>
/// <param name="SkipCerts">The SkipCerts INTEGER.</param>
public sealed record InhibitAnyPolicy(BigInteger SkipCerts)
{
    /// <summary>Decodes the extnValue.</summary>
    /// <param name="value">The extension's value octets.</param>
    /// <returns>The value.</returns>
    /// <exception cref="X509FormatException">Malformed (<see cref="X509FormatError.InvalidExtension"/>).</exception>
    public static InhibitAnyPolicy Decode(ReadOnlySpan<byte> value) => ExtensionDecoding.Run(value, "inhibitAnyPolicy", static (ref DerReader reader) =>
        new InhibitAnyPolicy(reader.ReadInteger()));

    /// <summary>The extnValue DER.</summary>
    /// <returns>The encoding.</returns>
    public byte[] Encode() => ExtensionDecoding.Encode(writer => writer.WriteInteger(SkipCerts));

    /// <summary>An inhibitAnyPolicy extension holding <see cref="Encode"/>.</summary>
    /// <param name="critical">The critical flag (RFC 5280: MUST be critical).</param>
    /// <returns>The extension.</returns>
    public X509Extension ToExtension(bool critical = false) => new(Oids.InhibitAnyPolicy, critical, Encode());
}
