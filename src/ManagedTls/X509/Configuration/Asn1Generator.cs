using System.Globalization;
using System.Numerics;
using System.Text;
using ManagedTls.Asn1;

namespace ManagedTls.X509.Configuration;

/// <summary>
/// OpenSSL's <c>ASN1_generate_nconf</c> string syntax (<c>[modifier,...]TYPE[:value]</c>), as used by <c>ASN1:</c>
/// extension values and <c>otherName</c>. See <see cref="X509ExtensionConfig"/> for the types and modifiers supported.
/// </summary>
internal static class Asn1Generator
{
    private const int MaxDepth = 50;

    private static readonly Dictionary<string, int> s_tags = new(StringComparer.OrdinalIgnoreCase)
    {
        ["BOOL"] = 1, ["BOOLEAN"] = 1, ["NULL"] = 5, ["INT"] = 2, ["INTEGER"] = 2, ["ENUM"] = 10, ["ENUMERATED"] = 10,
        ["OID"] = 6, ["OBJECT"] = 6, ["UTCTIME"] = 23, ["UTC"] = 23, ["GENERALIZEDTIME"] = 24, ["GENTIME"] = 24,
        ["OCT"] = 4, ["OCTETSTRING"] = 4, ["BITSTR"] = 3, ["BITSTRING"] = 3, ["UNIVERSALSTRING"] = 28, ["UNIV"] = 28,
        ["IA5"] = 22, ["IA5STRING"] = 22, ["UTF8"] = 12, ["UTF8String"] = 12, ["BMP"] = 30, ["BMPSTRING"] = 30,
        ["VISIBLESTRING"] = 26, ["VISIBLE"] = 26, ["PRINTABLESTRING"] = 19, ["PRINTABLE"] = 19, ["T61"] = 20,
        ["T61STRING"] = 20, ["TELETEXSTRING"] = 20, ["GeneralString"] = 27, ["GENSTR"] = 27, ["NUMERIC"] = 18,
        ["NUMERICSTRING"] = 18, ["SEQUENCE"] = 16, ["SEQ"] = 16, ["SET"] = 17,
        ["EXP"] = -1, ["EXPLICIT"] = -1, ["IMP"] = -2, ["IMPLICIT"] = -2, ["OCTWRAP"] = -3, ["SEQWRAP"] = -4,
        ["SETWRAP"] = -5, ["BITWRAP"] = -6, ["FORM"] = -7, ["FORMAT"] = -7,
    };

    private enum Format
    {
        Ascii,
        Utf8,
        Hex,
        BitList,
    }

    /// <summary>Generates the DER of one value.</summary>
    /// <exception cref="Failure">OpenSSL's reason, e.g. <c>unknown tag</c> or <c>illegal integer</c>.</exception>
    public static byte[] Generate(string text, OpenSslConfig? config) => Generate(text, config, 0);

    private static byte[] Generate(string text, OpenSslConfig? config, int depth)
    {
        int? implicitTag = null;
        TagClass implicitClass = TagClass.ContextSpecific;
        var wrappers = new List<(int Tag, TagClass Class, bool Constructed, bool Pad)>();
        Format format = Format.Ascii;
        int type = -100;
        string? value = null;

        int start = 0;
        while (true)
        {
            int comma = text.IndexOf(',', start);
            int end = comma < 0 ? text.Length : comma;
            string element = text[start..end].Trim(' ', '\t', '\n', '\v', '\f', '\r');
            int elementStart = start + (text[start..end].Length - text[start..end].TrimStart(' ', '\t', '\n', '\v', '\f', '\r').Length);
            int colon = element.IndexOf(':', StringComparison.Ordinal);
            string tagName = colon < 0 ? element : element[..colon];
            string? argument = colon < 0 ? null : text[(elementStart + colon + 1)..];
            string? shortArgument = colon < 0 ? null : element[(colon + 1)..];
            if (!s_tags.TryGetValue(tagName, out int tag))
            {
                throw Failure.Make("unknown tag", "asn1_cb", $"tag={element}");
            }

            if (tag >= 0)
            {
                if (argument is null && comma >= 0)
                {
                    throw Failure.Make("missing value", "asn1_cb", string.Empty);
                }

                type = tag;
                value = argument;
                break;
            }

            switch (tag)
            {
                case -1 or -2:
                    (int number, TagClass tagClass) = ParseTagging(shortArgument);
                    if (tag == -2)
                    {
                        if (implicitTag is not null)
                        {
                            throw Failure.Make("illegal nested tagging", "asn1_cb", string.Empty);
                        }

                        implicitTag = number;
                        implicitClass = tagClass;
                    }
                    else
                    {
                        if (implicitTag is not null)
                        {
                            throw Failure.Make("illegal implicit tag", "append_exp", string.Empty);
                        }

                        wrappers.Add((number, tagClass, true, false));
                    }

                    break;
                case -7:
                    format = shortArgument switch
                    {
                        not null when shortArgument.StartsWith("ASCII", StringComparison.Ordinal) => Format.Ascii,
                        not null when shortArgument.StartsWith("UTF8", StringComparison.Ordinal) => Format.Utf8,
                        not null when shortArgument.StartsWith("HEX", StringComparison.Ordinal) => Format.Hex,
                        not null when shortArgument.StartsWith("BITLIST", StringComparison.Ordinal) => Format.BitList,
                        _ => throw Failure.Make("unknown format", "asn1_cb", string.Empty),
                    };
                    break;
                default:
                    (int wrapTag, bool constructed, bool pad) = tag switch
                    {
                        -3 => (4, false, false),
                        -4 => (16, true, false),
                        -5 => (17, true, false),
                        _ => (3, false, true),
                    };
                    if (implicitTag is int taken)
                    {
                        wrappers.Add((taken, implicitClass, constructed, pad));
                        implicitTag = null;
                    }
                    else
                    {
                        wrappers.Add((wrapTag, TagClass.Universal, constructed, pad));
                    }

                    break;
            }

            if (comma < 0)
            {
                throw Failure.Make("unsupported type", "asn1_str2type", string.Empty);
            }

            start = comma + 1;
        }

        byte[] encoded;
        if (type is 16 or 17)
        {
            if (config is null)
            {
                throw Failure.Make("sequence or set needs config", "generate_v3", string.Empty);
            }

            if (depth >= MaxDepth)
            {
                throw Failure.Make("illegal nested tagging", "generate_v3", string.Empty);
            }

            encoded = Multi(type, value, config, depth);
        }
        else
        {
            encoded = Primitive(type, value ?? string.Empty, format);
        }

        if (implicitTag is int implicitNumber)
        {
            bool constructed = (encoded[0] & 0x20) != 0 || (implicitClass == TagClass.Universal && implicitNumber is 16 or 17);
            encoded = Retag(encoded, new Asn1Tag(implicitClass, implicitNumber, constructed));
        }

        for (int i = wrappers.Count - 1; i >= 0; i--)
        {
            (int tag, TagClass tagClass, bool constructed, bool pad) = wrappers[i];
            using var writer = new DerWriter();
            byte[] content = pad ? [0, .. encoded] : encoded;
            writer.WritePrimitive(new Asn1Tag(tagClass, tag, false), content);
            byte[] wrapped = writer.ToArray();
            if (constructed)
            {
                wrapped[0] |= 0x20;
            }

            encoded = wrapped;
        }

        return encoded;
    }

    private static (int Number, TagClass Class) ParseTagging(string? text)
    {
        if (text is null)
        {
            throw Failure.Make("invalid number", "parse_tagging", string.Empty);
        }

        int digits = 0;
        while (digits < text.Length && char.IsAsciiDigit(text[digits]))
        {
            digits++;
        }

        int number = digits == 0 ? 0 : int.Parse(text.AsSpan(0, digits), CultureInfo.InvariantCulture);
        if (digits == text.Length)
        {
            return (number, TagClass.ContextSpecific);
        }

        return text[digits] switch
        {
            'U' => (number, TagClass.Universal),
            'A' => (number, TagClass.Application),
            'P' => (number, TagClass.Private),
            'C' => (number, TagClass.ContextSpecific),
            _ => throw Failure.Make("invalid modifier", "parse_tagging", $"Char={text[digits]}"),
        };
    }

    private static byte[] Retag(byte[] encoded, Asn1Tag tag)
    {
        var reader = new DerReader(encoded);
        Asn1Header header = reader.PeekHeader();
        ReadOnlySpan<byte> content = encoded.AsSpan(header.HeaderLength);
        using var writer = new DerWriter();
        writer.WritePrimitive(tag, content);
        byte[] result = writer.ToArray();
        if (tag.IsConstructed)
        {
            result[0] |= 0x20;
        }

        return result;
    }

    private static byte[] Multi(int type, string? section, OpenSslConfig config, int depth)
    {
        using var writer = new DerWriter();
        using (type == 17 ? writer.PushSetOf() : writer.PushSequence())
        {
            if (section is not null)
            {
                IReadOnlyList<KeyValuePair<string, string>> entries = config.GetSection(section)
                    ?? throw Failure.Make("sequence or set needs config", "asn1_multi", $"section={section}");
                foreach (KeyValuePair<string, string> entry in entries)
                {
                    writer.WriteEncodedValue(Generate(entry.Value, config, depth + 1));
                }
            }
        }

        return writer.ToArray();
    }

    private static byte[] Primitive(int type, string value, Format format)
    {
        using var writer = new DerWriter();
        switch (type)
        {
            case 5:
                if (value.Length > 0)
                {
                    throw Failure.Make("illegal null value", "asn1_str2type", string.Empty);
                }

                writer.WriteNull();
                break;
            case 1:
                RequireAscii(format, "not ascii format");
                writer.WriteBoolean(value switch
                {
                    "TRUE" or "true" or "Y" or "y" or "YES" or "yes" => true,
                    "FALSE" or "false" or "N" or "n" or "NO" or "no" => false,
                    _ => throw Failure.Make("illegal boolean", "asn1_str2type", $"string={value}"),
                });
                break;
            case 2 or 10:
                RequireAscii(format, "integer not ascii format");
                BigInteger integer;
                try
                {
                    integer = X509ExtensionConfig.ParseInteger(value, "s2i_ASN1_INTEGER", string.Empty);
                }
                catch (Failure)
                {
                    throw Failure.Make("illegal integer", "asn1_str2type", $"string={value}");
                }

                writer.WriteInteger(integer, type == 10 ? Asn1Tag.Enumerated : null);
                break;
            case 6:
                RequireAscii(format, "object not ascii format");
                writer.WriteObjectIdentifier(X509ExtensionConfig.ResolveOid(value) ?? throw Failure.Make("illegal object", "asn1_str2type", $"string={value}"));
                break;
            case 23 or 24:
                RequireAscii(format, "time not ascii format");
                if (!IsTime(value, type == 24))
                {
                    throw Failure.Make("illegal time value", "asn1_str2type", $"string={value}");
                }

                writer.WritePrimitive(new Asn1Tag(TagClass.Universal, type, false), Encoding.ASCII.GetBytes(value));
                break;
            case 3 or 4:
                byte[] bytes = format switch
                {
                    Format.Hex => Hex.Decode(value) ?? throw Failure.Make("illegal hex", "asn1_str2type", $"string={value}"),
                    Format.Ascii => Encoding.UTF8.GetBytes(value),
                    Format.BitList when type == 3 => [],
                    _ => throw Failure.Make("illegal bitstring format", "asn1_str2type", string.Empty),
                };
                if (type == 4)
                {
                    writer.WriteOctetString(bytes);
                }
                else if (format == Format.BitList)
                {
                    WriteBitList(writer, value);
                }
                else
                {
                    writer.WriteBitString(bytes);
                }

                break;
            default:
                WriteString(writer, type, value, format);
                break;
        }

        return writer.ToArray();
    }

    private static void RequireAscii(Format format, string reason)
    {
        if (format != Format.Ascii)
        {
            throw Failure.Make(reason, "asn1_str2type", string.Empty);
        }
    }

    /// <summary><c>ASN1_mbstring_copy</c> with the one type as mask.</summary>
    private static void WriteString(DerWriter writer, int type, string value, Format format)
    {
        if (format is not (Format.Ascii or Format.Utf8))
        {
            throw Failure.Make("illegal format", "asn1_str2type", string.Empty);
        }

        bool ok = type switch
        {
            18 => value.All(c => char.IsAsciiDigit(c) || c == ' '),
            19 => value.All(c => char.IsAsciiLetterOrDigit(c) || " '()+,-./:=?".Contains(c, StringComparison.Ordinal)),
            22 => value.All(char.IsAscii),
            20 => value.All(c => c <= 0xFF),
            30 => !value.Any(char.IsSurrogate),
            _ => true,
        };
        if (!ok)
        {
            throw Failure.Make("illegal characters", "ASN1_mbstring_ncopy", string.Empty);
        }

        (int tag, byte[] content) = type switch
        {
            18 or 19 or 22 => (type, Encoding.ASCII.GetBytes(value)),
            20 => (type, Encoding.Latin1.GetBytes(value)),
            30 => (type, Encoding.BigEndianUnicode.GetBytes(value)),
            28 => (type, new UTF32Encoding(bigEndian: true, byteOrderMark: false).GetBytes(value)),
            _ => (type, Encoding.UTF8.GetBytes(value)),
        };
        writer.WritePrimitive(new Asn1Tag(TagClass.Universal, tag, false), content);
    }

    private static void WriteBitList(DerWriter writer, string list)
    {
        var octets = new List<byte>();
        foreach (string raw in list.Split(','))
        {
            string item = raw.Trim();
            if (item.Length == 0 || !item.All(char.IsAsciiDigit) || !int.TryParse(item, CultureInfo.InvariantCulture, out int bit) || bit > 1 << 20)
            {
                throw Failure.Make("list error", "asn1_str2type", $"string={list}");
            }

            while (octets.Count <= bit / 8)
            {
                octets.Add(0);
            }

            octets[bit / 8] |= (byte)(0x80 >> (bit % 8));
        }

        while (octets.Count > 0 && octets[^1] == 0)
        {
            octets.RemoveAt(octets.Count - 1);
        }

        int unused = octets.Count == 0 ? 0 : BitOperations.TrailingZeroCount(octets[^1]);
        writer.WriteBitString(octets.ToArray(), unused);
    }

    private static bool IsTime(string value, bool generalized)
    {
        int digits = 0;
        while (digits < value.Length && char.IsAsciiDigit(value[digits]))
        {
            digits++;
        }

        string rest = value[digits..];
        int minimum = generalized ? 12 : 10;
        int maximum = generalized ? 14 : 12;
        if (digits < minimum || digits > maximum || digits % 2 != 0)
        {
            return false;
        }

        if (generalized && rest.StartsWith('.'))
        {
            int fraction = 1;
            while (fraction < rest.Length && char.IsAsciiDigit(rest[fraction]))
            {
                fraction++;
            }

            rest = rest[fraction..];
        }

        return rest == "Z" || (rest.Length == 5 && rest[0] is '+' or '-' && rest[1..].All(char.IsAsciiDigit));
    }
}
