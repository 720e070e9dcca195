using ManagedTls.Asn1;

namespace ManagedTls.X509;

/// <summary>keyUsage (RFC 5280 §4.2.1.3).</summary>
/// <param name="Flags">The bits set.</param>
public sealed record KeyUsage(KeyUsageFlags Flags)
{
    /// <summary>Decodes the extnValue.</summary>
    /// <param name="value">The extension's value octets.</param>
    /// <returns>The key usage.</returns>
    /// <exception cref="X509FormatException">Malformed (<see cref="X509FormatError.InvalidExtension"/>).</exception>
    public static KeyUsage Decode(ReadOnlySpan<byte> value) => ExtensionDecoding.Run(value, "keyUsage", static (ref DerReader reader) =>
    {
        ReadOnlySpan<byte> bits = reader.ReadBitString(out _);
        int flags = 0;
        for (int bit = 0; bit < 9 && bit / 8 < bits.Length; bit++)
        {
            if ((bits[bit / 8] & (0x80 >> (bit % 8))) != 0)
            {
                flags |= 1 << bit;
            }
        }

        return new KeyUsage((KeyUsageFlags)flags);
    });
}
