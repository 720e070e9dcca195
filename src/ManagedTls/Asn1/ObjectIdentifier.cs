using System.Buffers;
using System.Globalization;

namespace ManagedTls.Asn1;

/// <summary>
/// Converts OBJECT IDENTIFIER content octets (ITU-T X.690 §8.19) to and from dotted-decimal text. Arcs may be up to
/// <see cref="MaxArcBits"/> bits, enough for the 128-bit UUID arcs under 2.25.
/// </summary>
public static class ObjectIdentifier
{
    /// <summary>The largest arc this codec represents, in bits; a larger arc is <see cref="DecodeError.TooLarge"/>.</summary>
    public const int MaxArcBits = 128;

    private const int StackCharLimit = 256;

    /// <summary>Formats validated content octets as dotted decimal, for example <c>1.2.840.113549.1.1.11</c>.</summary>
    /// <param name="content">The content octets (no tag or length).</param>
    /// <returns>The dotted string.</returns>
    /// <exception cref="DecodeException">The content is empty, unterminated, non-minimal or has an arc over 128 bits; the offset is relative to <paramref name="content"/>.</exception>
    public static string ToDotted(ReadOnlySpan<byte> content) => ToDotted(content, 0);

    internal static string ToDotted(ReadOnlySpan<byte> content, int baseOffset)
    {
        Validate(content, baseOffset);

        // An n-octet arc has at most 3n decimal digits; plus one separator per octet and "2." for the first arc.
        int maxChars = (content.Length * 4) + 4;
        char[]? rented = null;
        Span<char> buffer = maxChars <= StackCharLimit ? stackalloc char[StackCharLimit] : (rented = ArrayPool<char>.Shared.Rent(maxChars));
        try
        {
            int written = 0;
            int pos = 0;
            bool first = true;
            while (pos < content.Length)
            {
                UInt128 arc = ReadArc(content, ref pos);
                if (first)
                {
                    int top = arc < 40u ? 0 : arc < 80u ? 1 : 2;
                    buffer[written++] = (char)('0' + top);
                    buffer[written++] = '.';
                    arc -= (uint)(top * 40);
                    first = false;
                }
                else
                {
                    buffer[written++] = '.';
                }

                arc.TryFormat(buffer.Slice(written), out int digits, default, CultureInfo.InvariantCulture);
                written += digits;
            }

            return new string(buffer.Slice(0, written));
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Encodes dotted-decimal text as OBJECT IDENTIFIER content octets.</summary>
    /// <param name="dotted">At least two arcs; the first 0, 1 or 2; the second below 40 unless the first is 2; no leading zeros.</param>
    /// <returns>The content octets.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="dotted"/> is null.</exception>
    /// <exception cref="FormatException"><paramref name="dotted"/> is not a valid OID.</exception>
    public static byte[] Encode(string dotted)
    {
        ArgumentNullException.ThrowIfNull(dotted);
        Span<byte> buffer = dotted.Length <= 512 ? stackalloc byte[dotted.Length + 20] : new byte[dotted.Length + 20];
        if (!TryEncode(dotted, buffer, out int written))
        {
            throw new FormatException($"'{dotted}' is not a valid object identifier.");
        }

        return buffer.Slice(0, written).ToArray();
    }

    /// <summary>Encodes dotted-decimal text as content octets into <paramref name="destination"/>.</summary>
    /// <param name="dotted">The dotted text.</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="written">Octets written.</param>
    /// <returns>False when the text is not a valid OID or <paramref name="destination"/> is too small.</returns>
    public static bool TryEncode(ReadOnlySpan<char> dotted, Span<byte> destination, out int written)
    {
        written = 0;
        int arcIndex = 0;
        UInt128 firstArc = 0u;
        while (true)
        {
            int dot = dotted.IndexOf('.');
            ReadOnlySpan<char> text = dot < 0 ? dotted : dotted.Slice(0, dot);
            if (!TryParseArc(text, out UInt128 arc))
            {
                return false;
            }

            if (arcIndex == 0)
            {
                if (arc > 2u)
                {
                    return false;
                }

                firstArc = arc;
            }
            else
            {
                if (arcIndex == 1)
                {
                    if (firstArc < 2u && arc >= 40u)
                    {
                        return false;
                    }

                    if (arc > UInt128.MaxValue - 80u)
                    {
                        return false;
                    }

                    arc += firstArc * 40u;
                }

                if (!TryWriteArc(arc, destination.Slice(written), out int n))
                {
                    return false;
                }

                written += n;
            }

            arcIndex++;
            if (dot < 0)
            {
                break;
            }

            dotted = dotted.Slice(dot + 1);
        }

        return arcIndex >= 2;
    }

    /// <summary>True when <paramref name="content"/> is well-formed OBJECT IDENTIFIER content.</summary>
    /// <param name="content">The content octets.</param>
    /// <returns>Whether <see cref="ToDotted(ReadOnlySpan{byte})"/> would succeed.</returns>
    public static bool IsValid(ReadOnlySpan<byte> content) => FindError(content, out _) < 0;

    internal static void Validate(ReadOnlySpan<byte> content, int baseOffset)
    {
        int at = FindError(content, out DecodeError reason);
        if (at >= 0)
        {
            throw new DecodeException(reason, baseOffset + at, "malformed OBJECT IDENTIFIER");
        }
    }

    // Returns -1 when valid, else the index of the offending octet.
    private static int FindError(ReadOnlySpan<byte> content, out DecodeError reason)
    {
        reason = DecodeError.InvalidObjectIdentifier;
        if (content.IsEmpty)
        {
            return 0;
        }

        if ((content[^1] & 0x80) != 0)
        {
            return content.Length - 1;
        }

        int start = 0;
        for (int i = 0; i < content.Length; i++)
        {
            if (i == start && content[i] == 0x80)
            {
                return i;
            }

            if ((content[i] & 0x80) == 0)
            {
                // 7 bits per octet; 19 octets = 133 bits, so check the top octet when at the limit.
                int octets = i - start + 1;
                if (octets > 19 || (octets == 19 && (content[start] & 0x7F) > 0x03))
                {
                    reason = DecodeError.TooLarge;
                    return start;
                }

                start = i + 1;
            }
        }

        return -1;
    }

    private static UInt128 ReadArc(ReadOnlySpan<byte> content, ref int pos)
    {
        UInt128 value = 0u;
        byte b;
        do
        {
            b = content[pos++];
            value = (value << 7) | (uint)(b & 0x7F);
        }
        while ((b & 0x80) != 0);
        return value;
    }

    private static bool TryParseArc(ReadOnlySpan<char> text, out UInt128 arc)
    {
        arc = 0u;
        if (text.IsEmpty || (text.Length > 1 && text[0] == '0'))
        {
            return false;
        }

        foreach (char c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return UInt128.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out arc);
    }

    private static bool TryWriteArc(UInt128 arc, Span<byte> destination, out int written)
    {
        int bits = 128 - (int)UInt128.LeadingZeroCount(arc);
        int octets = Math.Max(1, (bits + 6) / 7);
        written = 0;
        if (destination.Length < octets)
        {
            return false;
        }

        for (int i = octets - 1; i >= 0; i--)
        {
            destination[i] = (byte)(((uint)arc & 0x7F) | (i == octets - 1 ? 0u : 0x80u));
            arc >>= 7;
        }

        written = octets;
        return true;
    }
}
