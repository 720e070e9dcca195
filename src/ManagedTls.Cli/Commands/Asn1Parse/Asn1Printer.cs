using System.Globalization;
using System.Text;
using ManagedTls.Asn1;

namespace ManagedTls.Cli.Commands.Asn1Parse;

/// <summary>
/// A port of OpenSSL 3.0's <c>ASN1_parse_dump</c> (<c>crypto/asn1/asn1_parse.c</c>): one line per element,
/// <c>"%5ld:d=%-2d hl=%ld l=%4ld cons: "</c> then the tag name padded to 18 and a value for the universal
/// primitives OpenSSL knows how to show. Output is bytes: string values are copied raw, as OpenSSL does.
/// </summary>
/// <remarks>
/// As in OpenSSL 3.0, OCTET STRING and BIT STRING content is never parsed as nested ASN.1 here: an OCTET STRING
/// prints as text when every octet is printable (or \t \r \n), else as <c>[HEX DUMP]:</c>; a BIT STRING prints
/// nothing (hex rows with <c>-dump</c>). Digging in is what <c>-strparse</c> is for.
/// </remarks>
internal sealed class Asn1Printer
{
    private const int MaxDepth = 128; // ASN1_PARSE_MAXDEPTH
    private const int DumpIndent = 6;

    private static readonly string[] s_tagNames =
    [
        "EOC", "BOOLEAN", "INTEGER", "BIT STRING", "OCTET STRING", "NULL", "OBJECT", "OBJECT DESCRIPTOR", "EXTERNAL",
        "REAL", "ENUMERATED", "<ASN1 11>", "UTF8STRING", "<ASN1 13>", "<ASN1 14>", "<ASN1 15>", "SEQUENCE", "SET",
        "NUMERICSTRING", "PRINTABLESTRING", "T61STRING", "VIDEOTEXSTRING", "IA5STRING", "UTCTIME", "GENERALIZEDTIME",
        "GRAPHICSTRING", "VISIBLESTRING", "GENERALSTRING", "UNIVERSALSTRING", "<ASN1 29>", "BMPSTRING",
    ];

    private readonly MemoryStream _out;
    private readonly bool _indent;
    private readonly int _dump; // 0 = off, -1 = all, n = first n bytes
    private readonly ExtraOids? _extraOids;

    /// <summary>Creates a printer writing to <paramref name="output"/>.</summary>
    /// <param name="output">Destination bytes.</param>
    /// <param name="indent"><c>-i</c>: indent tag names by depth.</param>
    /// <param name="dump"><c>-dump</c> (-1) or <c>-dlimit n</c> (n); 0 for neither.</param>
    /// <param name="extraOids">Objects added with <c>-oid</c>, if any.</param>
    public Asn1Printer(MemoryStream output, bool indent, int dump, ExtraOids? extraOids = null)
    {
        _extraOids = extraOids;
        _out = output;
        _indent = indent;
        _dump = dump;
    }

    /// <summary>After a failed <see cref="Print"/>: the error OpenSSL would queue (reason code and text), if any.</summary>
    public string? ErrorText { get; private set; }

    /// <summary>ASN1_tag2str.</summary>
    public static string TagName(int tag) => tag is >= 0 and <= 30 ? s_tagNames[tag] : "(unknown)";

    /// <summary>Prints every element of <paramref name="data"/>; false when OpenSSL would fail (exit 1).</summary>
    public bool Print(ReadOnlySpan<byte> data)
    {
        int p = 0;
        return Parse(data, ref p, data.Length, 0, 0) != 0;
    }

    private int Parse(ReadOnlySpan<byte> all, ref int pp, long length, int offset, int depth)
    {
        if (depth > MaxDepth)
        {
            Write("BAD RECURSION DEPTH\n");
            return 0;
        }

        int start = pp;
        int p = pp;
        int tot = p + (int)length;
        int ret = 0;
        while (length > 0)
        {
            int op = p;
            OpenSslHeader h = OpenSslHeader.Read(all[p..], length);
            if (h.IsError)
            {
                ErrorText = h.ErrorText;
                Write("Error in encoding\n");
                goto End;
            }

            int hl = h.HeaderLength;
            p += hl;
            length -= hl;
            long len = h.Length;
            PrintInfo(offset + (op - start), depth, hl, len, h);
            if (h.IsConstructed)
            {
                int sp = p;
                long ep = p + len;
                Write("\n");
                if (len > length)
                {
                    Write($"length is greater than {length}\n");
                    goto End;
                }

                if (h.IsIndefinite && len == 0)
                {
                    while (true)
                    {
                        int r = Parse(all, ref p, tot - p, offset + (p - start), depth + 1);
                        if (r == 0)
                        {
                            goto End;
                        }

                        if (r == 2 || p >= tot)
                        {
                            len = p - sp;
                            break;
                        }
                    }
                }
                else
                {
                    long tmp = len;
                    while (p < ep)
                    {
                        sp = p;
                        int r = Parse(all, ref p, tmp, offset + (p - start), depth + 1);
                        if (r == 0)
                        {
                            goto End;
                        }

                        tmp -= p - sp;
                    }
                }
            }
            else if (h.Class != 0)
            {
                p += (int)len;
                Write("\n");
            }
            else
            {
                ReadOnlySpan<byte> content = all.Slice(p, (int)len);
                bool newline = PrintValue(h.Tag, content);
                if (!newline)
                {
                    Write("\n");
                }

                p += (int)len;
                if (h.Tag == 0)
                {
                    ret = 2; // end of contents
                    goto End;
                }
            }

            length -= len;
        }

        ret = 1;
    End:
        pp = p;
        return ret;
    }

    private void PrintInfo(int offset, int depth, int hl, long len, OpenSslHeader h)
    {
        string kind = h.IsConstructed ? "cons: " : "prim: ";
        var line = new StringBuilder();
        line.Append(offset.ToString(CultureInfo.InvariantCulture).PadLeft(5)).Append(":d=")
            .Append(depth.ToString(CultureInfo.InvariantCulture).PadRight(2)).Append(" hl=")
            .Append(hl.ToString(CultureInfo.InvariantCulture));
        if (h.IsConstructed && h.IsIndefinite)
        {
            line.Append(" l=inf  ");
        }
        else
        {
            line.Append(" l=").Append(len.ToString(CultureInfo.InvariantCulture).PadLeft(4)).Append(' ');
        }

        line.Append(kind);
        if (_indent)
        {
            line.Append(' ', depth);
        }

        string name = h.Class switch
        {
            0xC0 => $"priv [ {h.Tag} ] ",
            0x80 => $"cont [ {h.Tag} ]",
            0x40 => $"appl [ {h.Tag} ]",
            _ => h.Tag > 30 ? $"<ASN1 {h.Tag}>" : TagName(h.Tag),
        };
        line.Append(name.PadRight(18));
        Write(line.ToString());
    }

    /// <summary>Prints the value column of a universal primitive; returns true when the line already ended.</summary>
    private bool PrintValue(int tag, ReadOnlySpan<byte> content)
    {
        bool newline = false;
        bool dumpContent = false;
        switch (tag)
        {
            case 12 or 18 or 19 or 20 or 22 or 23 or 24 or 26:
                // UTF8String, NumericString, PrintableString, T61String, IA5String, UTCTime, GeneralizedTime, VisibleString
                if (content.Length > 0)
                {
                    Write(":");
                    _out.Write(content);
                }

                break;
            case 6:
                if (OidCodec.IsValid(content))
                {
                    Write(":");
                    string? name = _extraOids?.Find(content);
                    if (name is null && content.Length > OidCodec.MaxTextContentLength)
                    {
                        // OBJ_obj2txt refuses it, so i2a_ASN1_OBJECT prints <INVALID> and BIO_dump (indent 0) of the content.
                        Write("<INVALID>");
                        HexDump(content, indent: 0, limit: content.Length);
                    }
                    else
                    {
                        Write(name ?? OidRegistry.GetDisplayName(content));
                    }
                }
                else
                {
                    Write(":BAD OBJECT");
                    dumpContent = true;
                }

                break;
            case 1:
                if (content.Length != 1)
                {
                    Write(":BAD BOOLEAN");
                    dumpContent = true;
                }

                if (content.Length > 0)
                {
                    Write(":" + content[0].ToString(CultureInfo.InvariantCulture));
                }

                break;
            case 30:
                break; // BMPString: OpenSSL prints nothing, not even with -dump
            case 4:
                newline = PrintOctetString(content);
                break;
            case 2 or 10:
                if (IntegerContent.TryGetMagnitude(content, out bool negative, out byte[] magnitude))
                {
                    Write(negative ? ":-" : ":");
                    Write(magnitude.Length == 0 ? "00" : Convert.ToHexString(magnitude));
                }
                else
                {
                    Write(tag == 2 ? ":BAD INTEGER" : ":BAD ENUMERATED");
                    dumpContent = true;
                }

                break;
            default:
                if (content.Length > 0 && _dump != 0)
                {
                    Write("\n");
                    HexDump(content);
                    newline = true;
                }

                break;
        }

        if (dumpContent)
        {
            Write(":[" + Convert.ToHexString(content) + "]");
        }

        return newline;
    }

    private bool PrintOctetString(ReadOnlySpan<byte> content)
    {
        if (content.IsEmpty)
        {
            return false;
        }

        bool printable = true;
        foreach (byte b in content)
        {
            if ((b < ' ' && b != '\n' && b != '\r' && b != '\t') || b > '~')
            {
                printable = false;
                break;
            }
        }

        if (printable)
        {
            Write(":");
            _out.Write(content);
            return false;
        }

        if (_dump == 0)
        {
            Write("[HEX DUMP]:" + Convert.ToHexString(content));
            return false;
        }

        Write("\n");
        HexDump(content);
        return true;
    }

    /// <summary>BIO_dump_indent with indent 6 (16 bytes a row), limited by -dlimit.</summary>
    private void HexDump(ReadOnlySpan<byte> data) =>
        HexDump(data, DumpIndent, _dump == -1 || _dump > data.Length ? data.Length : _dump);

    /// <summary>BIO_dump_indent of the first <paramref name="limit"/> bytes (16 a row for indents up to 6).</summary>
    private void HexDump(ReadOnlySpan<byte> data, int indent, int limit)
    {
        int len = limit;
        const int Width = 16;
        var text = new StringBuilder();
        for (int row = 0; row * Width < len; row++)
        {
            text.Append(' ', indent).Append((row * Width).ToString("x4", CultureInfo.InvariantCulture)).Append(" - ");
            for (int j = 0; j < Width; j++)
            {
                int i = (row * Width) + j;
                if (i >= len)
                {
                    text.Append("   ");
                }
                else
                {
                    text.Append(data[i].ToString("x2", CultureInfo.InvariantCulture)).Append(j == 7 ? '-' : ' ');
                }
            }

            text.Append("  ");
            for (int j = 0; j < Width && (row * Width) + j < len; j++)
            {
                byte ch = data[(row * Width) + j];
                text.Append(ch is >= (byte)' ' and <= (byte)'~' ? (char)ch : '.');
            }

            text.Append('\n');
        }

        Write(text.ToString());
    }

    private void Write(string ascii) => _out.Write(Encoding.Latin1.GetBytes(ascii));
}
