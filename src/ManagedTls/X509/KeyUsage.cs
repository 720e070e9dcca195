using ManagedTls.Asn1;

namespace ManagedTls.X509;

/// <summary>keyUsage (RFC 5280 §4.2.1.3).</summary>
/// <param name="Flags">The bits set.</param>
public sealed record KeyUsage(KeyUsageFlags Flags)
{
    /// <summary>The extnValue DER: a named-bit BIT STRING with trailing zero bits removed (X.690 §11.2.2), as OpenSSL writes it.</summary>
    /// <returns>The encoding.</returns>
    public byte[] Encode() => ExtensionDecoding.Encode(writer => NamedBits.Write(writer, (int)Flags, 9));

    /// <summary>A keyUsage extension holding <see cref="Encode"/>.</summary>
    /// <param name="critical">The critical flag (RFC 5280 says conforming CAs SHOULD set it).</param>
    /// <returns>The extension.</returns>
    public X509Extension ToExtension(bool critical = false) => new(Oids.KeyUsage, critical, Encode());

    /// <summary>Decodes the extnValue.</summary>
    /// <param name="value">The extension's value octets.</param>
    /// <returns>The key usage.</returns>
    /// <exception cref="X509FormatException">Malformed (<see cref="X509FormatError.InvalidExtension"/>).</exception>
    public static KeyUsage Decode(ReadOnlySpan<byte> value) => ExtensionDecoding.Run(value, "keyUsage", static (ref DerReader reader) =>
        new KeyUsage((KeyUsageFlags)NamedBits.Read(ref reader, 9)));
}
