using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace ManagedTls.Asn1;

/// <content>Identifier and length octets (ITU-T X.690 §8.1.2–8.1.3, §10.1), BER end-of-contents, SET OF order.</content>
public ref partial struct DerReader
{
    // Fast path for the common shape (low tag number, short-form length), small enough to inline.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Asn1Header DecodeHeader(ReadOnlySpan<byte> data, int offset, DerMode mode)
    {
        if (data.Length >= 2)
        {
            byte first = data[0];
            int length = data[1];
            if ((first & 0x1F) != 0x1F && length < 0x80)
            {
                if (length > data.Length - 2)
                {
                    ThrowContentOverrun(offset, length, data.Length - 2);
                }

                return new Asn1Header(new Asn1Tag((byte)(first & 0xE0), first & 0x1F), offset, 2, length);
            }
        }

        return DecodeHeaderSlow(data, offset, mode);
    }

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowContentOverrun(int offset, int length, int available) =>
        throw new DecodeException(DecodeError.Truncated, offset, $"content of {length} bytes overruns the {available} available");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Asn1Header DecodeHeaderSlow(ReadOnlySpan<byte> data, int offset, DerMode mode)
    {
        if (data.IsEmpty)
        {
            throw new DecodeException(DecodeError.Truncated, offset, "expected an element");
        }

        byte first = data[0];
        int tagValue = first & 0x1F;
        int pos = 1;
        if (tagValue == 0x1F)
        {
            // High tag number form, X.690 §8.1.2.4: base-128, no leading 0x80, only for numbers >= 31.
            tagValue = 0;
            while (true)
            {
                if (pos >= data.Length)
                {
                    throw new DecodeException(DecodeError.Truncated, offset + pos, "inside a high tag number");
                }

                byte b = data[pos++];
                if (tagValue == 0 && b == 0x80)
                {
                    throw new DecodeException(DecodeError.InvalidTag, offset, "high tag number has a leading 0x80 octet");
                }

                if (tagValue > (int.MaxValue >> 7))
                {
                    throw new DecodeException(DecodeError.TooLarge, offset, "tag number does not fit in 31 bits");
                }

                tagValue = (tagValue << 7) | (b & 0x7F);
                if ((b & 0x80) == 0)
                {
                    break;
                }
            }

            if (tagValue < 31)
            {
                throw new DecodeException(DecodeError.InvalidTag, offset, "high tag number form used for a number below 31");
            }
        }

        var tag = new Asn1Tag((byte)(first & 0xE0), tagValue);
        if (pos >= data.Length)
        {
            throw new DecodeException(DecodeError.Truncated, offset + pos, "expected length octets");
        }

        byte lengthByte = data[pos++];
        int contentLength;
        if (lengthByte < 0x80)
        {
            contentLength = lengthByte;
        }
        else if (lengthByte == 0x80)
        {
            // X.690 §8.1.3.6; forbidden in DER by §10.1.
            if (mode == DerMode.Der)
            {
                throw new DecodeException(DecodeError.IndefiniteLengthInDer, offset + pos - 1);
            }

            if (!tag.IsConstructed)
            {
                throw new DecodeException(DecodeError.InvalidLength, offset + pos - 1, "indefinite length on a primitive element");
            }

            return new Asn1Header(tag, offset, pos, -1);
        }
        else
        {
            contentLength = DecodeLongLength(data, offset, ref pos, lengthByte & 0x7F, mode);
        }

        if (contentLength > data.Length - pos)
        {
            ThrowContentOverrun(offset, contentLength, data.Length - pos);
        }

        return new Asn1Header(tag, offset, pos, contentLength);
    }

    private static int DecodeLongLength(ReadOnlySpan<byte> data, int offset, ref int pos, int count, DerMode mode)
    {
        int lengthOffset = offset + pos - 1;
        if (count == 0x7F)
        {
            throw new DecodeException(DecodeError.InvalidLength, lengthOffset, "reserved length octet 0xFF");
        }

        if (count > data.Length - pos)
        {
            throw new DecodeException(DecodeError.Truncated, lengthOffset, "inside the length octets");
        }

        if (mode == DerMode.Der && data[pos] == 0)
        {
            throw new DecodeException(DecodeError.NonMinimalLength, lengthOffset, "length has a leading zero octet");
        }

        int value = 0;
        for (int i = 0; i < count; i++)
        {
            if (value > (int.MaxValue >> 8))
            {
                throw new DecodeException(DecodeError.TooLarge, lengthOffset, "length does not fit in 31 bits");
            }

            value = (value << 8) | data[pos++];
        }

        if (mode == DerMode.Der && value < 0x80)
        {
            throw new DecodeException(DecodeError.NonMinimalLength, lengthOffset, "long form used for a length below 128");
        }

        return value;
    }

    // Returns the content length of an indefinite-length element whose content starts at data[0]
    // (excluding the final end-of-contents octets). Iterative, so hostile nesting cannot grow the stack.
    private static int MeasureIndefinite(ReadOnlySpan<byte> data, int offset, int depthAvailable)
    {
        int pos = 0;
        int level = 1;
        while (true)
        {
            Asn1Header h = DecodeHeader(data.Slice(pos), offset + pos, DerMode.Ber);
            if (h.Tag.TagValue == 0 && h.Tag.TagClass == TagClass.Universal)
            {
                if (h.Tag.IsConstructed || h.ContentLength != 0 || h.HeaderLength != 2)
                {
                    throw new DecodeException(DecodeError.InvalidEndOfContents, offset + pos, "end-of-contents must be 00 00");
                }

                level--;
                if (level == 0)
                {
                    return pos;
                }

                pos += 2;
            }
            else if (h.IsIndefinite)
            {
                level++;
                if (level > depthAvailable)
                {
                    throw new DecodeException(DecodeError.DepthExceeded, offset + pos, "indefinite-length nesting too deep");
                }

                pos += h.HeaderLength;
            }
            else
            {
                pos += h.HeaderLength + h.ContentLength;
            }
        }
    }

    // X.690 §11.6: SET OF components ascend as octet strings, the shorter padded with trailing zero octets.
    private static void CheckSetOfSorted(DerReader child)
    {
        ReadOnlySpan<byte> previous = default;
        bool first = true;
        while (child.HasData)
        {
            int offset = child._offset;
            ReadOnlySpan<byte> current = child.ReadEncodedValue();
            if (!first && CompareSetOfElements(previous, current) > 0)
            {
                throw new DecodeException(DecodeError.SetOfNotSorted, offset);
            }

            previous = current;
            first = false;
        }
    }

    /// <summary>Compares two encodings by the DER SET OF rule (X.690 §11.6).</summary>
    internal static int CompareSetOfElements(ReadOnlySpan<byte> x, ReadOnlySpan<byte> y)
    {
        int common = Math.Min(x.Length, y.Length);
        int c = x.Slice(0, common).SequenceCompareTo(y.Slice(0, common));
        if (c != 0 || x.Length == y.Length)
        {
            return c;
        }

        // The shorter one is padded with zeros: equal unless the longer tail has a non-zero octet.
        if (x.Length > y.Length)
        {
            return x.Slice(common).IndexOfAnyExcept((byte)0) >= 0 ? 1 : 0;
        }

        return y.Slice(common).IndexOfAnyExcept((byte)0) >= 0 ? -1 : 0;
    }

    // Reads a primitive element with the expected tag (class and number; the form must be primitive).
    private ReadOnlySpan<byte> ReadPrimitive(Asn1Tag expected, out Asn1Header header)
    {
        header = DecodeHeader(_data, _offset, _options.Mode);
        if (!header.Tag.HasSameClassAndValue(expected))
        {
            ThrowUnexpectedTag(header, expected.AsPrimitive());
        }

        if (header.Tag.IsConstructed)
        {
            ThrowConstructed(header, expected, _options.Mode);
        }

        ReadOnlySpan<byte> content = _data.Slice(header.HeaderLength, header.ContentLength);
        Advance(header.HeaderLength + header.ContentLength);
        return content;
    }

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowConstructed(Asn1Header header, Asn1Tag expected, DerMode mode) =>
        throw new DecodeException(
            IsStringType(expected) && mode == DerMode.Der ? DecodeError.ConstructedStringInDer : DecodeError.UnexpectedTag,
            header.Offset,
            $"{expected} must be primitive here");

    private static bool IsStringType(Asn1Tag tag) =>
        tag.TagClass == TagClass.Universal && tag.TagValue is 3 or 4 or 12 or (>= 18 and <= 22) or (>= 25 and <= 28) or 30;
}
