using System.Text;
using System.Text.Unicode;

namespace ManagedTls.Asn1;

/// <content>BIT STRING, OCTET STRING and the character string types (ITU-T X.690 §8.6, §8.7, §8.23; X.680 §41).</content>
public ref partial struct DerReader
{
    private static readonly UTF32Encoding s_utf32BigEndian = new(bigEndian: true, byteOrderMark: false, throwOnInvalidCharacters: true);

    /// <summary>Reads a primitive BIT STRING.</summary>
    /// <param name="unusedBits">The number of padding bits (0–7) in the last octet.</param>
    /// <param name="tag">Implicit tag override.</param>
    /// <returns>The bit octets, without the leading unused-bits octet.</returns>
    /// <exception cref="DecodeException">Wrong tag, constructed, no content, unused-bit count over 7 or set on an empty string, or (DER, X.690 §11.2.1) non-zero padding bits.</exception>
    public ReadOnlySpan<byte> ReadBitString(out int unusedBits, Asn1Tag? tag = null)
    {
        ReadOnlySpan<byte> content = ReadPrimitive(tag ?? Asn1Tag.BitString, out Asn1Header header);
        if (content.IsEmpty)
        {
            throw new DecodeException(DecodeError.InvalidBitString, header.Offset, "BIT STRING has no unused-bits octet");
        }

        unusedBits = content[0];
        if (unusedBits > 7 || (content.Length == 1 && unusedBits != 0))
        {
            throw new DecodeException(DecodeError.InvalidBitString, header.Offset + header.HeaderLength, "unused-bit count over 7, or non-zero on an empty string");
        }

        if (_options.Mode == DerMode.Der && unusedBits != 0 && (content[^1] & ((1 << unusedBits) - 1)) != 0)
        {
            throw new DecodeException(DecodeError.InvalidBitString, header.Offset + header.HeaderLength + content.Length - 1, "DER padding bits must be zero");
        }

        return content.Slice(1);
    }

    /// <summary>Reads a BIT STRING into a new array; in BER mode also joins the segments of a constructed string (X.690 §8.6.4).</summary>
    /// <param name="unusedBits">The number of padding bits (0–7) in the last octet.</param>
    /// <param name="tag">Implicit tag override.</param>
    /// <returns>A copy of the bit octets.</returns>
    /// <exception cref="DecodeException">Wrong tag, malformed, constructed in DER, or a segment other than the last with unused bits.</exception>
    public byte[] ReadBitStringBytes(out int unusedBits, Asn1Tag? tag = null)
    {
        Asn1Tag expected = tag ?? Asn1Tag.BitString;
        Asn1Header header = PeekHeader();
        if (!header.Tag.IsConstructed || !header.Tag.HasSameClassAndValue(expected) || _options.Mode == DerMode.Der)
        {
            return ReadBitString(out unusedBits, expected).ToArray();
        }

        DerReader child = ReadSequence(expected.AsConstructed());
        var output = new MemoryStream();
        unusedBits = 0;
        CollectBitSegments(ref child, output, ref unusedBits);
        return output.ToArray();
    }

    /// <summary>Reads a primitive OCTET STRING.</summary>
    /// <param name="tag">Implicit tag override.</param>
    /// <returns>The content octets (a view into the input).</returns>
    /// <exception cref="DecodeException">Wrong tag or constructed (use <see cref="ReadOctetStringBytes"/> for BER constructed strings).</exception>
    public ReadOnlySpan<byte> ReadOctetString(Asn1Tag? tag = null) => ReadPrimitive(tag ?? Asn1Tag.OctetString, out _);

    /// <summary>Reads an OCTET STRING into a new array; in BER mode also joins the segments of a constructed string.</summary>
    /// <param name="tag">Implicit tag override.</param>
    /// <returns>A copy of the octets.</returns>
    /// <exception cref="DecodeException">Wrong tag, malformed, or constructed in DER (<see cref="DecodeError.ConstructedStringInDer"/>).</exception>
    public byte[] ReadOctetStringBytes(Asn1Tag? tag = null)
    {
        Asn1Tag expected = tag ?? Asn1Tag.OctetString;
        Asn1Header header = PeekHeader();
        if (!header.Tag.IsConstructed || !header.Tag.HasSameClassAndValue(expected) || _options.Mode == DerMode.Der)
        {
            return ReadPrimitive(expected, out _).ToArray();
        }

        // X.690 §8.7.3.2: the segments are OCTET STRINGs (universal tag) whatever the outer tag, nested to any depth.
        DerReader child = ReadSequence(expected.AsConstructed());
        var output = new MemoryStream();
        CollectOctetSegments(ref child, output);
        return output.ToArray();
    }

    /// <summary>Reads a character string of type <paramref name="stringType"/> and decodes it.</summary>
    /// <param name="stringType">The universal string type: UTF8String, PrintableString, IA5String, T61String (read as Latin-1),
    /// BMPString (UTF-16BE), UniversalString (UTF-32BE), VisibleString or NumericString.</param>
    /// <param name="tag">Implicit tag override (for example <c>[2]</c> for a dNSName); defaults to <paramref name="stringType"/>.</param>
    /// <returns>The decoded text.</returns>
    /// <exception cref="ArgumentException"><paramref name="stringType"/> is not one of the supported universal string types.</exception>
    /// <exception cref="DecodeException">Wrong tag or a character outside the type's repertoire (<see cref="DecodeError.InvalidString"/>).</exception>
    /// <remarks>In BER mode a constructed string (OCTET STRING segments) is joined first.
    /// PrintableString also admits <c>*</c> and <c>&amp;</c>, which real CA names use (as Go's crypto/x509 does); see docs/decisions/0002-der-leniency.md.</remarks>
    public string ReadCharacterString(Asn1Tag stringType, Asn1Tag? tag = null)
    {
        ReadOnlySpan<byte> content;
        Asn1Tag expected = tag ?? stringType;
        if (_options.Mode == DerMode.Ber && IsCharacterStringType(stringType.TagValue) && stringType.TagClass == TagClass.Universal &&
            HasData && PeekHeader() is { Tag.IsConstructed: true } header && header.Tag.HasSameClassAndValue(expected))
        {
            // X.690 §8.23.6: a constructed string is a series of OCTET STRING segments.
            DerReader child = ReadSequence(expected.AsConstructed());
            var joined = new MemoryStream();
            CollectOctetSegments(ref child, joined);
            content = joined.ToArray();
            int bad = FindInvalidCharacter(stringType.TagValue, content);
            if (bad >= 0)
            {
                throw new DecodeException(DecodeError.InvalidString, header.Offset, "invalid characters in a constructed string");
            }
        }
        else
        {
            content = ReadCharacterStringBytes(stringType, tag);
        }

        return stringType.TagValue switch
        {
            12 => Encoding.UTF8.GetString(content),
            20 => Encoding.Latin1.GetString(content),
            28 => s_utf32BigEndian.GetString(content),
            30 => Encoding.BigEndianUnicode.GetString(content),
            _ => Encoding.ASCII.GetString(content),
        };
    }

    /// <summary>Reads a character string of type <paramref name="stringType"/>, checks its repertoire and returns the raw content.</summary>
    /// <param name="stringType">The universal string type (see <see cref="ReadCharacterString"/>).</param>
    /// <param name="tag">Implicit tag override.</param>
    /// <returns>The validated content octets.</returns>
    /// <exception cref="ArgumentException"><paramref name="stringType"/> is not a supported string type.</exception>
    /// <exception cref="DecodeException">Wrong tag or invalid characters.</exception>
    public ReadOnlySpan<byte> ReadCharacterStringBytes(Asn1Tag stringType, Asn1Tag? tag = null)
    {
        if (stringType.TagClass != TagClass.Universal || !IsCharacterStringType(stringType.TagValue))
        {
            throw new ArgumentException($"{stringType} is not a supported character string type.", nameof(stringType));
        }

        ReadOnlySpan<byte> content = ReadPrimitive(tag ?? stringType.AsPrimitive(), out Asn1Header header);
        int bad = FindInvalidCharacter(stringType.TagValue, content);
        if (bad >= 0)
        {
            throw new DecodeException(DecodeError.InvalidString, header.Offset + header.HeaderLength + bad, $"invalid {stringType} content");
        }

        return content;
    }

    internal static bool IsCharacterStringType(int universalTag) => universalTag is 12 or 18 or 19 or 20 or 22 or 26 or 28 or 30;

    // Returns -1 when valid, else the index of the first bad octet.
    internal static int FindInvalidCharacter(int universalTag, ReadOnlySpan<byte> content)
    {
        switch (universalTag)
        {
            case 12:
                return Utf8.IsValid(content) ? -1 : 0;
            case 20:
                return -1;
            case 30:
                return FindInvalidBmp(content);
            case 28:
                return FindInvalidUtf32(content);
            default:
                for (int i = 0; i < content.Length; i++)
                {
                    if (!IsAllowed(universalTag, content[i]))
                    {
                        return i;
                    }
                }

                return -1;
        }
    }

    private static bool IsAllowed(int universalTag, byte b) => universalTag switch
    {
        18 => b is (>= (byte)'0' and <= (byte)'9') or (byte)' ',
        19 => b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'0' and <= (byte)'9')
            or (byte)' ' or (byte)'\'' or (byte)'(' or (byte)')' or (byte)'+' or (byte)',' or (byte)'-' or (byte)'.'
            or (byte)'/' or (byte)':' or (byte)'=' or (byte)'?' or (byte)'*' or (byte)'&',
        22 => b < 0x80,
        _ => b is >= 0x20 and <= 0x7E, // VisibleString
    };

    // BMPString is UCS-2 (X.680 §41): two octets a character, and the surrogate range D800-DFFF holds no characters.
    // Decoding would otherwise turn a lone surrogate into U+FFFD, so two different encodings would read as one name;
    // DerWriter refuses surrogates and OpenSSL's ASN1_STRING_to_UTF8 rejects them too.
    private static int FindInvalidBmp(ReadOnlySpan<byte> content)
    {
        if (content.Length % 2 != 0)
        {
            return content.Length - 1;
        }

        for (int i = 0; i < content.Length; i += 2)
        {
            if ((content[i] & 0xF8) == 0xD8)
            {
                return i;
            }
        }

        return -1;
    }

    private static int FindInvalidUtf32(ReadOnlySpan<byte> content)
    {
        if (content.Length % 4 != 0)
        {
            return content.Length - (content.Length % 4);
        }

        for (int i = 0; i < content.Length; i += 4)
        {
            uint c = ((uint)content[i] << 24) | ((uint)content[i + 1] << 16) | ((uint)content[i + 2] << 8) | content[i + 3];
            if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
            {
                return i;
            }
        }

        return -1;
    }

    private static void CollectBitSegments(ref DerReader reader, MemoryStream output, ref int unusedBits)
    {
        while (reader.HasData)
        {
            Asn1Header header = reader.PeekHeader();
            if (unusedBits != 0)
            {
                throw new DecodeException(DecodeError.InvalidBitString, header.Offset, "only the last segment may have unused bits");
            }

            if (header.Tag.IsConstructed && header.Tag.HasSameClassAndValue(Asn1Tag.BitString))
            {
                DerReader inner = reader.ReadSequence(Asn1Tag.BitString.AsConstructed());
                CollectBitSegments(ref inner, output, ref unusedBits);
            }
            else
            {
                output.Write(reader.ReadBitString(out unusedBits));
            }
        }
    }

    private static void CollectOctetSegments(ref DerReader reader, MemoryStream output)
    {
        while (reader.HasData)
        {
            Asn1Header header = reader.PeekHeader();
            if (header.Tag.IsConstructed && header.Tag.HasSameClassAndValue(Asn1Tag.OctetString))
            {
                DerReader inner = reader.ReadSequence(Asn1Tag.OctetString.AsConstructed());
                CollectOctetSegments(ref inner, output);
            }
            else
            {
                output.Write(reader.ReadOctetString());
            }
        }
    }
}
