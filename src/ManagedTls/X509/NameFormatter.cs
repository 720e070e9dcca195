using System.Text;
using ManagedTls.Asn1;

namespace ManagedTls.X509;

/// <summary>
/// OpenSSL's two name printers: <c>X509_NAME_print_ex</c> (crypto/asn1/a_strex.c <c>do_name_ex</c>/<c>do_print_ex</c>)
/// and <c>X509_NAME_oneline</c> (crypto/x509/x509_obj.c), reproduced byte for byte for OpenSSL 3.0.
/// </summary>
internal static class NameFormatter
{
    private const ulong SeparatorMask = 0xFUL << 16;
    private const ulong FieldMask = 0x3UL << 21;
    private const int FieldWidthShort = 10;
    private const int FieldWidthLong = 25;

    // char_type[] of crypto/asn1/charmap.h for 0..127: the escape class of each ASCII character.
    private const ushort Esc2253 = 1;
    private const ushort EscCtrl = 2;
    private const ushort EscMsb = 4;
    private const ushort EscQuote = 8;
    private const ushort FirstEsc2253 = 0x20;
    private const ushort LastEsc2253 = 0x40;
    private const ushort BackslashEscape = Esc2253 | FirstEsc2253 | LastEsc2253;
    private const ushort EscapeFlags = Esc2253 | EscCtrl | EscMsb | EscQuote;

    private static readonly string[] s_tagNames =
    [
        "EOC", "BOOLEAN", "INTEGER", "BIT STRING", "OCTET STRING", "NULL", "OBJECT", "OBJECT DESCRIPTOR", "EXTERNAL",
        "REAL", "ENUMERATED", "<ASN1 11>", "UTF8STRING", "<ASN1 13>", "<ASN1 14>", "<ASN1 15>", "SEQUENCE", "SET",
        "NUMERICSTRING", "PRINTABLESTRING", "T61STRING", "VIDEOTEXSTRING", "IA5STRING", "UTCTIME", "GENERALIZEDTIME",
        "GRAPHICSTRING", "VISIBLESTRING", "GENERALSTRING", "UNIVERSALSTRING", "<ASN1 29>", "BMPSTRING",
    ];

    public static string FormatOneLineFlags(DistinguishedName name) => Format(name, X509NameFormatFlags.OneLine, 0);

    public static string Format(DistinguishedName name, X509NameFormatFlags flags, int indent)
    {
        var output = new List<byte>();
        WriteName(output, name, (ulong)flags, Math.Max(0, indent));
        return Encoding.UTF8.GetString([.. output]);
    }

    /// <summary>
    /// X509_NAME_oneline: <c>/type=value</c> per attribute, <c>+</c> within a multi-valued RDN. With a
    /// <paramref name="maxLength"/> (OpenSSL's buffer size less one), an attribute that does not fit ends the text.
    /// </summary>
    public static string FormatCompat(DistinguishedName name, int maxLength = int.MaxValue)
    {
        var text = new StringBuilder();
        foreach (RelativeDistinguishedName rdn in name.Rdns)
        {
            for (int i = 0; i < rdn.Attributes.Count; i++)
            {
                AttributeTypeAndValue attribute = rdn.Attributes[i];
                var entry = new StringBuilder();
                entry.Append(i == 0 ? '/' : '+').Append(attribute.Info?.ShortName ?? attribute.Oid).Append('=');
                foreach (byte b in OpenSslData(attribute))
                {
                    if (b < (byte)' ' || b > (byte)'~')
                    {
                        entry.Append("\\x").Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        if (b is (byte)'/' or (byte)'+')
                        {
                            entry.Append('\\');
                        }

                        entry.Append((char)b);
                    }
                }

                if (text.Length + entry.Length > maxLength)
                {
                    return text.ToString();
                }

                text.Append(entry);
            }
        }

        return text.ToString();
    }

    // The octets OpenSSL keeps in the ASN1_STRING: the content, except a BIT STRING drops its unused-bits octet and a
    // SEQUENCE (or other constructed value) keeps its whole encoding.
    private static ReadOnlySpan<byte> OpenSslData(AttributeTypeAndValue attribute)
    {
        if (attribute.ValueTag.IsConstructed)
        {
            return attribute.RawValue.Span;
        }

        ReadOnlySpan<byte> content = attribute.ValueContentSpan;
        return attribute.ValueTag.TagValue == 3 && !content.IsEmpty ? content[1..] : content;
    }

    private static void WriteName(List<byte> output, DistinguishedName name, ulong flags, int indent)
    {
        string dnSeparator;
        string mvSeparator;
        switch (flags & SeparatorMask)
        {
            case (ulong)X509NameFormatFlags.SeparatorMultiline:
                (dnSeparator, mvSeparator) = ("\n", " + ");
                break;
            case (ulong)X509NameFormatFlags.SeparatorCommaPlus:
                (dnSeparator, mvSeparator, indent) = (",", "+", 0);
                break;
            case (ulong)X509NameFormatFlags.SeparatorCommaPlusSpace:
                (dnSeparator, mvSeparator, indent) = (", ", " + ", 0);
                break;
            case (ulong)X509NameFormatFlags.SeparatorSemicolonPlusSpace:
                (dnSeparator, mvSeparator, indent) = ("; ", " + ", 0);
                break;
            default:
                return;
        }

        Indent(output, indent);
        string equals = (flags & (ulong)X509NameFormatFlags.SpaceAroundEquals) != 0 ? " = " : "=";
        ulong fieldOption = flags & FieldMask;

        // OpenSSL walks the flat entry list; an entry's "set" is the index of its RDN.
        var entries = new List<(AttributeTypeAndValue Attribute, int Set)>();
        for (int r = 0; r < name.Rdns.Count; r++)
        {
            foreach (AttributeTypeAndValue attribute in name.Rdns[r].Attributes)
            {
                entries.Add((attribute, r));
            }
        }

        if ((flags & (ulong)X509NameFormatFlags.Reverse) != 0)
        {
            entries.Reverse();
        }

        int previous = -1;
        foreach ((AttributeTypeAndValue attribute, int set) in entries)
        {
            if (previous != -1)
            {
                if (previous == set)
                {
                    Append(output, mvSeparator);
                }
                else
                {
                    Append(output, dnSeparator);
                    Indent(output, indent);
                }
            }

            previous = set;
            if (fieldOption != (ulong)X509NameFormatFlags.FieldNone)
            {
                string field;
                int width;
                if (fieldOption == (ulong)X509NameFormatFlags.FieldOid || attribute.Info is null)
                {
                    (field, width) = (attribute.Oid, 0);
                }
                else if (fieldOption == (ulong)X509NameFormatFlags.FieldLongName)
                {
                    (field, width) = (attribute.Info.LongName, FieldWidthLong);
                }
                else
                {
                    (field, width) = (attribute.Info.ShortName, FieldWidthShort);
                }

                Append(output, field);
                if (field.Length < width && (flags & (ulong)X509NameFormatFlags.AlignFields) != 0)
                {
                    Indent(output, width - field.Length);
                }

                Append(output, equals);
            }

            ulong valueFlags = flags;
            if (attribute.Info is null && (flags & (ulong)X509NameFormatFlags.DumpUnknownFields) != 0)
            {
                valueFlags |= (ulong)X509NameFormatFlags.DumpAll;
            }

            WriteValue(output, attribute, valueFlags);
        }
    }

    // do_print_ex
    private static void WriteValue(List<byte> output, AttributeTypeAndValue attribute, ulong flags)
    {
        ushort escapes = (ushort)(flags & EscapeFlags);
        int type = attribute.ValueTag.TagValue;
        if ((flags & (ulong)X509NameFormatFlags.ShowType) != 0)
        {
            Append(output, type < s_tagNames.Length ? s_tagNames[type] : $"(unknown {type})");
            output.Add((byte)':');
        }

        int width;
        if ((flags & (ulong)X509NameFormatFlags.DumpAll) != 0)
        {
            width = -1;
        }
        else if ((flags & (ulong)X509NameFormatFlags.IgnoreType) != 0)
        {
            width = 1;
        }
        else
        {
            width = CharacterWidth(type);
            if (width == -1 && (flags & (ulong)X509NameFormatFlags.DumpUnknown) == 0)
            {
                width = 1;
            }
        }

        if (width == -1)
        {
            output.Add((byte)'#');
            ReadOnlySpan<byte> dump = (flags & (ulong)X509NameFormatFlags.DumpDer) != 0 ? attribute.RawValue.Span : OpenSslData(attribute);
            Append(output, Convert.ToHexString(dump));
            return;
        }

        bool toUtf8 = false;
        if ((flags & (ulong)X509NameFormatFlags.Utf8Convert) != 0)
        {
            // A UTF8String is already UTF-8: OpenSSL reads it one byte per character rather than converting twice.
            if (width == 0)
            {
                width = 1;
            }
            else
            {
                toUtf8 = true;
            }
        }

        var escaped = new List<byte>();
        bool quotes = WriteCharacters(escaped, OpenSslData(attribute), width, toUtf8, escapes);
        if (quotes)
        {
            output.Add((byte)'"');
        }

        output.AddRange(escaped);
        if (quotes)
        {
            output.Add((byte)'"');
        }
    }

    // do_buf: returns whether a character asked for quoting.
    private static bool WriteCharacters(List<byte> output, ReadOnlySpan<byte> data, int width, bool toUtf8, ushort flags)
    {
        bool quotes = false;
        int p = 0;
        Span<byte> utf8 = stackalloc byte[4];
        while (p < data.Length)
        {
            ushort position = p == 0 && (flags & Esc2253) != 0 ? FirstEsc2253 : (ushort)0;
            uint c;
            switch (width)
            {
                case 4:
                    c = ((uint)data[p] << 24) | ((uint)data[p + 1] << 16) | ((uint)data[p + 2] << 8) | data[p + 3];
                    p += 4;
                    break;
                case 2:
                    c = ((uint)data[p] << 8) | data[p + 1];
                    p += 2;
                    break;
                case 1:
                    c = data[p++];
                    break;
                default:
                    System.Text.Rune.DecodeFromUtf8(data[p..], out System.Text.Rune rune, out int consumed);
                    c = (uint)rune.Value;
                    p += consumed;
                    break;
            }

            if (p == data.Length && (flags & Esc2253) != 0)
            {
                position = LastEsc2253;
            }

            if (toUtf8)
            {
                int length = new System.Text.Rune(c).EncodeToUtf8(utf8);
                for (int i = 0; i < length; i++)
                {
                    quotes |= EscapeCharacter(output, utf8[i], (ushort)(flags | position));
                }
            }
            else
            {
                quotes |= EscapeCharacter(output, c, (ushort)(flags | position));
            }
        }

        return quotes;
    }

    // do_esc_char: returns true when the character asks for the value to be quoted.
    private static bool EscapeCharacter(List<byte> output, uint c, ushort flags)
    {
        if (c > 0xFFFF)
        {
            Append(output, $"\\W{c:X8}");
            return false;
        }

        if (c > 0xFF)
        {
            Append(output, $"\\U{c:X4}");
            return false;
        }

        byte b = (byte)c;
        ushort classes = b > 0x7F ? (ushort)(flags & EscMsb) : (ushort)(CharacterClass(b) & flags);
        if ((classes & BackslashEscape) != 0)
        {
            if ((classes & EscQuote) != 0)
            {
                output.Add(b);
                return true;
            }

            output.Add((byte)'\\');
            output.Add(b);
            return false;
        }

        if ((classes & (EscCtrl | EscMsb)) != 0)
        {
            Append(output, $"\\{b:X2}");
            return false;
        }

        if (b == (byte)'\\' && (flags & EscapeFlags) != 0)
        {
            Append(output, "\\\\");
            return false;
        }

        output.Add(b);
        return false;
    }

    private static ushort CharacterClass(byte b) => b switch
    {
        < 0x20 or 0x7F => EscCtrl,
        (byte)' ' => EscQuote | FirstEsc2253 | LastEsc2253,
        (byte)'"' or (byte)'\\' => Esc2253,
        (byte)'#' => EscQuote | FirstEsc2253,
        (byte)'+' or (byte)',' or (byte)';' or (byte)'<' or (byte)'>' => Esc2253 | EscQuote,
        _ => 0,
    };

    // tag2nbyte: 0 = UTF-8, n = n bytes per character, -1 = not a string type.
    private static int CharacterWidth(int type) => type switch
    {
        12 => 0,
        18 or 19 or 20 or 22 or 23 or 24 or 26 => 1,
        28 => 4,
        30 => 2,
        _ => -1,
    };

    private static void Indent(List<byte> output, int count)
    {
        for (int i = 0; i < count; i++)
        {
            output.Add((byte)' ');
        }
    }

    private static void Append(List<byte> output, string ascii)
    {
        foreach (char ch in ascii)
        {
            output.Add((byte)ch);
        }
    }
}
