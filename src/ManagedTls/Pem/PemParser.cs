using System.Collections.Immutable;
using System.Text;

namespace ManagedTls.Pem;

/// <summary>Where a multi-block read has got to, and what it has used of its limits.</summary>
internal struct PemCursor
{
    /// <summary>The offset of the next line to look at.</summary>
    public int Position;

    /// <summary>The one-based line number of <see cref="Position"/>.</summary>
    public int Line;

    /// <summary>How many blocks have been parsed so far, skipped ones included.</summary>
    public int Blocks;

    /// <summary>How many decoded bytes have been handed out so far.</summary>
    public long TotalData;

    public PemCursor(int position)
    {
        Position = position;
        Line = 1;
    }
}

/// <summary>
/// The line-oriented PEM parser. Follows OpenSSL's <c>PEM_read_bio</c> (crypto/pem/pem_lib.c) in lax mode and
/// RFC 7468 §3 in strict mode: a block starts at a line beginning with <c>-----BEGIN </c> in column 0 and ends
/// at a line beginning with <c>-----END </c>; anything outside blocks is explanatory text and is skipped.
/// </summary>
internal static partial class PemParser
{
    internal const int LineWidth = 64;

    private static ReadOnlySpan<byte> BeginPrefix => "-----BEGIN "u8;

    private static ReadOnlySpan<byte> EndPrefix => "-----END "u8;

    private static ReadOnlySpan<byte> Dashes => "-----"u8;

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>
    /// Parses the next block at or after the cursor. Returns false when no BEGIN line remains. Returns true with a
    /// null <paramref name="block"/> when the block's label is not in <paramref name="acceptedLabels"/> (it is
    /// still fully validated, as OpenSSL does, but its data is not allocated).
    /// </summary>
    public static bool TryReadNext(ReadOnlySpan<byte> data, ref PemCursor cursor, PemReaderOptions options, ReadOnlySpan<string> acceptedLabels, out PemBlock? block)
    {
        int pos = cursor.Position;
        int line = cursor.Line;
        if (pos == 0 && !options.Strict && data.StartsWith(Utf8Bom))
        {
            pos = Utf8Bom.Length; // OpenSSL 3 strips a UTF-8 BOM before the first line
        }

        while (pos < data.Length)
        {
            int end = LineEnd(data, pos, out int next);
            ReadOnlySpan<byte> text = data[pos..end];
            if (text.StartsWith(BeginPrefix))
            {
                int trimmed = ContentEnd(data, pos, end, options.Strict);
                if (trimmed - pos >= BeginPrefix.Length + Dashes.Length && data[(trimmed - Dashes.Length)..trimmed].SequenceEqual(Dashes))
                {
                    cursor.Position = pos;
                    cursor.Line = line;
                    block = ReadBlock(data, ref cursor, options, pos + BeginPrefix.Length, trimmed - Dashes.Length, acceptedLabels);
                    return true;
                }

                if (options.Strict)
                {
                    throw Error(PemError.InvalidBoundary, pos, line, "a line starting with '-----BEGIN ' does not end with '-----'");
                }

                // Lax: OpenSSL's get_name() treats it as explanatory text.
            }

            pos = next;
            line++;
        }

        cursor.Position = pos;
        cursor.Line = line;
        block = null;
        return false;
    }

    private static PemBlock? ReadBlock(ReadOnlySpan<byte> data, ref PemCursor cursor, PemReaderOptions options, int labelStart, int labelEnd, ReadOnlySpan<string> acceptedLabels)
    {
        int blockStart = cursor.Position;
        int beginLine = cursor.Line;
        ReadOnlySpan<byte> label = data[labelStart..labelEnd];
        ValidateLabel(label, options.Strict, labelStart, beginLine);
        if (cursor.Blocks >= options.MaxBlocks)
        {
            throw Error(PemError.TooManyBlocks, blockStart, beginLine, $"more than {options.MaxBlocks} blocks");
        }

        cursor.Blocks++;
        string labelText = Encoding.ASCII.GetString(label);
        bool accepted = IsAccepted(labelText, acceptedLabels);

        LineEnd(data, blockStart, out int pos);
        int line = beginLine + 1;
        ImmutableArray<PemHeader> headers = ImmutableArray<PemHeader>.Empty;
        if (pos < data.Length && LooksLikeHeader(data, pos))
        {
            if (options.Strict)
            {
                throw Error(PemError.HeadersNotAllowed, pos, line, "RFC 7468 does not allow headers inside a block");
            }

            headers = ReadHeaders(data, ref pos, ref line, options, blockStart, beginLine, labelText);
        }

        Base64Scan scan = ScanBase64(data, ref pos, ref line, options, blockStart, beginLine, label, labelText);
        int decodedLength = scan.CheckPadding(options.Strict, labelText, beginLine);
        if (decodedLength > options.MaxBlockDataLength)
        {
            throw Error(PemError.BlockTooLarge, blockStart, beginLine, $"{labelText} block decodes to {decodedLength} bytes, over the limit of {options.MaxBlockDataLength}");
        }

        int blockEnd = scan.BoundaryEnd;
        cursor.Position = pos;
        cursor.Line = line;
        if (!accepted)
        {
            return null;
        }

        if (cursor.TotalData + decodedLength > options.MaxTotalDataLength)
        {
            throw Error(PemError.TotalSizeExceeded, blockStart, beginLine, $"the blocks decode to more than the limit of {options.MaxTotalDataLength} bytes");
        }

        cursor.TotalData += decodedLength;
        byte[] decoded = new byte[decodedLength];
        Decode(data[scan.DataStart..scan.DataEnd], decoded);
        return new PemBlock(labelText, decoded, headers, blockStart, blockEnd - blockStart, beginLine);
    }

    private static bool IsAccepted(string label, ReadOnlySpan<string> acceptedLabels)
    {
        if (acceptedLabels.IsEmpty)
        {
            return true;
        }

        foreach (string candidate in acceptedLabels)
        {
            if (string.Equals(candidate, label, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>RFC 7468 §2 label ABNF in strict mode; non-empty printable ASCII in lax mode.</summary>
    private static void ValidateLabel(ReadOnlySpan<byte> label, bool strict, int offset, int line)
    {
        if (label.IsEmpty)
        {
            throw Error(PemError.EmptyLabel, offset, line, "the BEGIN line has an empty label");
        }

        int bad = strict ? FindInvalidStrictLabelChar(label) : FindNonPrintable(label);
        if (bad >= 0)
        {
            throw Error(PemError.InvalidLabel, offset + bad, line, $"the label has a character RFC 7468 does not allow ({Describe(label[bad])})");
        }
    }

    /// <summary>
    /// label = [ labelchar *( ["-" / SP] labelchar ) ]; labelchar = %x21-2C / %x2E-7E (RFC 7468 §3).
    /// Returns the index of the first offending byte, or -1.
    /// </summary>
    internal static int FindInvalidStrictLabelChar(ReadOnlySpan<byte> label)
    {
        for (int i = 0; i < label.Length; i++)
        {
            byte b = label[i];
            bool labelChar = b is >= 0x21 and <= 0x7E && b != (byte)'-';
            if (labelChar)
            {
                continue;
            }

            bool separator = b is (byte)'-' or (byte)' ';
            bool between = i > 0 && i < label.Length - 1 && IsStrictLabelChar(label[i - 1]) && IsStrictLabelChar(label[i + 1]);
            if (!separator || !between)
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsStrictLabelChar(byte b) => b is >= 0x21 and <= 0x7E && b != (byte)'-';

    private static int FindNonPrintable(ReadOnlySpan<byte> text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] is < 0x20 or > 0x7E)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Returns the end of the line's content (before the LF) and the start of the next line.</summary>
    internal static int LineEnd(ReadOnlySpan<byte> data, int start, out int next)
    {
        int newline = data[start..].IndexOf((byte)'\n');
        if (newline < 0)
        {
            next = data.Length; // a missing final newline is fine
            return data.Length;
        }

        next = start + newline + 1;
        return start + newline;
    }

    /// <summary>Strict: drops the CR of a CRLF. Lax: drops all trailing whitespace, as OpenSSL's sanitize_line().</summary>
    internal static int ContentEnd(ReadOnlySpan<byte> data, int start, int end, bool strict)
    {
        if (strict)
        {
            return end > start && data[end - 1] == (byte)'\r' ? end - 1 : end;
        }

        while (end > start && IsWhitespace(data[end - 1]))
        {
            end--;
        }

        return end;
    }

    internal static bool IsWhitespace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0x0B or 0x0C;

    internal static string Describe(byte b) => b is >= 0x21 and <= 0x7E ? $"'{(char)b}'" : $"0x{b:X2}";

    internal static string Printable(ReadOnlySpan<byte> text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (byte b in text)
        {
            builder.Append(b is >= 0x20 and <= 0x7E ? (char)b : '?');
        }

        return builder.ToString();
    }

    internal static PemException Error(PemError reason, int offset, int line, string message) => new(reason, offset, line, message);
}
