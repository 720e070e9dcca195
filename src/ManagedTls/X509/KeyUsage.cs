using ManagedTls.Asn1;

namespace ManagedTls.X509;

/// <summary>keyUsage (RFC 5280 §4.2.1.3).</summary>
/// <param name="Flags">The bits set.</param>
public sealed record KeyUsage(KeyUsageFlags Flags)
{
    /// <summary>The extnValue DER: a named-bit BIT STRING with trailing zero bits removed (X.690 §11.2.2), as OpenSSL writes it.</summary>
    /// <returns>The encoding.</returns>
    public byte[] Encode() => ExtensionDecoding.Encode(writer => WriteNamedBits(writer, (int)Flags, 9));

    /// <summary>A keyUsage extension holding <see cref="Encode"/>.</summary>
    /// <param name="critical">The critical flag (RFC 5280 says conforming CAs SHOULD set it).</param>
    /// <returns>The extension.</returns>
    public X509Extension ToExtension(bool critical = false) => new(Oids.KeyUsage, critical, Encode());

    /// <summary>Writes bits 0..<paramref name="count"/>-1 of <paramref name="flags"/> (bit n = <c>1 &lt;&lt; n</c>) as a DER named-bit BIT STRING.</summary>
    internal static void WriteNamedBits(Asn1.DerWriter writer, int flags, int count)
    {
        flags &= (1 << count) - 1;
        int highest = -1;
        for (int bit = 0; bit < count; bit++)
        {
            if ((flags & (1 << bit)) != 0)
            {
                highest = bit;
            }
        }

        int length = highest < 0 ? 0 : (highest / 8) + 1;
        Span<byte> bits = stackalloc byte[4];
        bits.Clear();
        for (int bit = 0; bit <= highest; bit++)
        {
            if ((flags & (1 << bit)) != 0)
            {
                bits[bit / 8] |= (byte)(0x80 >> (bit % 8));
            }
        }

        writer.WriteBitString(bits.Slice(0, length), highest < 0 ? 0 : 7 - (highest % 8));
    }

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
