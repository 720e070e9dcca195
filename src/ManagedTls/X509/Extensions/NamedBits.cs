using ManagedTls.Asn1;

namespace ManagedTls.X509;

/// <summary>Named-bit BIT STRINGs (keyUsage, ReasonFlags, nsCertType): bit n maps to <c>1 &lt;&lt; n</c>.</summary>
internal static class NamedBits
{
    /// <summary>Reads bits 0..<paramref name="count"/>-1; later bits are ignored, as OpenSSL's printers do.</summary>
    public static int Read(ref DerReader reader, int count, Asn1Tag? tag = null)
    {
        ReadOnlySpan<byte> bits = reader.ReadBitString(out _, tag);
        int flags = 0;
        for (int bit = 0; bit < count && bit / 8 < bits.Length; bit++)
        {
            if ((bits[bit / 8] & (0x80 >> (bit % 8))) != 0)
            {
                flags |= 1 << bit;
            }
        }

        return flags;
    }

    /// <summary>Writes bits 0..<paramref name="count"/>-1 with trailing zero bits removed (X.690 §11.2.2), as OpenSSL does.</summary>
    public static void Write(DerWriter writer, int flags, int count, Asn1Tag? tag = null)
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

        writer.WriteBitString(bits.Slice(0, length), highest < 0 ? 0 : 7 - (highest % 8), tag);
    }
}
