namespace ManagedTls.Cli.Commands.Asn1Parse;

/// <summary>OpenSSL's <c>c2i_ibuf</c>: INTEGER/ENUMERATED content to sign and magnitude, rejecting bad padding.</summary>
internal static class IntegerContent
{
    /// <summary>
    /// Splits two's-complement <paramref name="content"/> into sign and big-endian magnitude, as OpenSSL stores an
    /// ASN1_INTEGER; false for empty content or a redundant leading 0x00/0xFF (X.690 §8.3.2).
    /// </summary>
    public static bool TryGetMagnitude(ReadOnlySpan<byte> content, out bool negative, out byte[] magnitude)
    {
        negative = false;
        magnitude = [];
        if (content.IsEmpty)
        {
            return false;
        }

        negative = (content[0] & 0x80) != 0;
        if (content.Length == 1)
        {
            magnitude = [negative ? (byte)((content[0] ^ 0xFF) + 1) : content[0]];
            return true;
        }

        int pad = 0;
        if (content[0] == 0)
        {
            pad = 1;
        }
        else if (content[0] == 0xFF)
        {
            // "one less than a minimal negative": padded only if any other octet is non-zero
            pad = content[1..].ContainsAnyExcept((byte)0) ? 1 : 0;
        }

        if (pad == 1 && negative == ((content[1] & 0x80) != 0))
        {
            return false;
        }

        ReadOnlySpan<byte> src = content[pad..];
        magnitude = new byte[src.Length];
        if (!negative)
        {
            src.CopyTo(magnitude);
            return true;
        }

        int carry = 1;
        for (int i = src.Length - 1; i >= 0; i--)
        {
            int v = (src[i] ^ 0xFF) + carry;
            magnitude[i] = (byte)v;
            carry = v >> 8;
        }

        return true;
    }
}
