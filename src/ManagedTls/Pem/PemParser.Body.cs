using System.Buffers;
using System.Buffers.Text;
using System.Collections.Immutable;
using System.Text;

namespace ManagedTls.Pem;

/// <summary>The inside of a block: RFC 1421 headers, the base64 text and the END line.</summary>
internal static partial class PemParser
{
    private static readonly sbyte[] s_base64Values = BuildBase64Values();

    private static readonly SearchValues<byte> s_base64Alphabet =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"u8);

    /// <summary>
    /// OpenSSL (get_header_and_data) treats the lines before the first blank line as headers when one has a colon;
    /// base64 never contains a colon, so a colon on the first line is decisive.
    /// </summary>
    private static bool LooksLikeHeader(ReadOnlySpan<byte> data, int pos)
    {
        int end = LineEnd(data, pos, out _);
        ReadOnlySpan<byte> text = data[pos..end];
        return !text.StartsWith(Dashes) && text.Contains((byte)':');
    }

    /// <summary>Reads "Name: value" lines, with RFC 1421 §4.4 continuation lines, up to and including the blank line.</summary>
    private static ImmutableArray<PemHeader> ReadHeaders(ReadOnlySpan<byte> data, ref int pos, ref int line, PemReaderOptions options, int blockStart, int beginLine, string label)
    {
        ImmutableArray<PemHeader>.Builder headers = ImmutableArray.CreateBuilder<PemHeader>();
        int sectionStart = pos;
        while (true)
        {
            if (pos >= data.Length)
            {
                throw Error(PemError.MissingEndLine, blockStart, beginLine, $"BEGIN {label} has no END line");
            }

            int end = LineEnd(data, pos, out int next);
            int contentEnd = ContentEnd(data, pos, end, strict: false);
            if (next - sectionStart > options.MaxHeaderLength)
            {
                throw Error(PemError.HeaderLimitExceeded, pos, line, $"the headers are longer than {options.MaxHeaderLength} bytes");
            }

            ReadOnlySpan<byte> text = data[pos..contentEnd];
            if (text.IsEmpty)
            {
                pos = next; // the blank line that ends the headers
                line++;
                return headers.DrainToImmutable();
            }

            if (text[0] is (byte)' ' or (byte)'\t')
            {
                if (headers.Count == 0)
                {
                    throw Error(PemError.InvalidHeader, pos, line, "a header continuation line has no header to continue");
                }

                ReadOnlySpan<byte> more = text.TrimStart(" \t"u8);
                CheckHeaderValue(more, pos + (text.Length - more.Length), line);
                PemHeader last = headers[^1];
                headers[^1] = last with { Value = last.Value + Encoding.ASCII.GetString(more) };
            }
            else if (text.StartsWith(Dashes))
            {
                throw Error(PemError.InvalidHeader, pos, line, "the headers are not followed by a blank line");
            }
            else
            {
                headers.Add(ParseHeader(text, pos, line));
                if (headers.Count > options.MaxHeaderCount)
                {
                    throw Error(PemError.HeaderLimitExceeded, pos, line, $"more than {options.MaxHeaderCount} headers");
                }
            }

            pos = next;
            line++;
        }
    }

    private static PemHeader ParseHeader(ReadOnlySpan<byte> text, int offset, int line)
    {
        int colon = text.IndexOf((byte)':');
        if (colon < 0)
        {
            throw Error(PemError.InvalidHeader, offset, line, "a header line has no colon (or the headers are not followed by a blank line)");
        }

        if (colon == 0)
        {
            throw Error(PemError.InvalidHeader, offset, line, "a header has an empty name");
        }

        ReadOnlySpan<byte> name = text[..colon];
        for (int i = 0; i < name.Length; i++)
        {
            if (name[i] is <= 0x20 or > 0x7E)
            {
                throw Error(PemError.InvalidHeader, offset + i, line, $"a header name has {Describe(name[i])}");
            }
        }

        ReadOnlySpan<byte> value = text[(colon + 1)..].TrimStart(" \t"u8);
        int valueOffset = offset + (text.Length - value.Length);
        CheckHeaderValue(value, valueOffset, line);
        return new PemHeader(Encoding.ASCII.GetString(name), Encoding.ASCII.GetString(value));
    }

    private static void CheckHeaderValue(ReadOnlySpan<byte> value, int offset, int line)
    {
        for (int i = 0; i < value.Length; i++)
        {
            if (value[i] is not ((>= 0x20 and <= 0x7E) or (byte)'\t'))
            {
                throw Error(PemError.InvalidHeader, offset + i, line, $"a header value has {Describe(value[i])}");
            }
        }
    }

    /// <summary>Validates the base64 lines and the END line, leaving <paramref name="pos"/> after the END line.</summary>
    private static Base64Scan ScanBase64(ReadOnlySpan<byte> data, ref int pos, ref int line, PemReaderOptions options, int blockStart, int beginLine, ReadOnlySpan<byte> label, string labelText)
    {
        bool strict = options.Strict;
        long maxChars = ((long)options.MaxBlockDataLength + 2) / 3 * 4;
        var scan = new Base64Scan { DataStart = pos, PadOffset = -1 };
        bool shortLineSeen = false;
        while (true)
        {
            if (pos >= data.Length)
            {
                throw Error(PemError.MissingEndLine, blockStart, beginLine, $"BEGIN {labelText} has no END line");
            }

            int end = LineEnd(data, pos, out int next);
            ReadOnlySpan<byte> raw = data[pos..end];
            if (raw.StartsWith(EndPrefix))
            {
                scan.DataEnd = pos;
                scan.BoundaryEnd = CheckEndLine(data, pos, end, line, strict, label, labelText, beginLine);
                scan.EndOffset = pos;
                scan.EndLine = line;
                pos = next;
                line++;
                return scan;
            }

            if (raw.StartsWith(BeginPrefix))
            {
                throw Error(PemError.MissingEndLine, pos, line, $"BEGIN {labelText} at line {beginLine} is followed by another BEGIN line before its END line");
            }

            int contentEnd = ContentEnd(data, pos, end, strict);
            if (strict)
            {
                int length = contentEnd - pos;
                if (length == 0)
                {
                    throw Error(PemError.UnexpectedWhitespace, pos, line, "a blank line inside the base64 text");
                }

                if (shortLineSeen || length > LineWidth)
                {
                    throw Error(PemError.InvalidLineLength, pos, line, $"base64 lines must be {LineWidth} characters, only the last may be shorter");
                }

                shortLineSeen = length < LineWidth;
            }

            ScanLine(data[pos..contentEnd], pos, line, strict, ref scan);
            if (scan.Count > maxChars)
            {
                // Checked per line, before anything is allocated: only counting has been done so far.
                throw Error(PemError.BlockTooLarge, blockStart, beginLine, $"{labelText} block decodes to more than the limit of {options.MaxBlockDataLength} bytes");
            }

            pos = next;
            line++;
        }
    }

    /// <summary>Validates one line of base64 text (RFC 4648 §4 alphabet, §3.2 padding) and counts its characters.</summary>
    private static void ScanLine(ReadOnlySpan<byte> text, int offset, int line, bool strict, ref Base64Scan scan)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (scan.Pads == 0)
            {
                // Fast path: skip the run of alphabet characters (vectorised), then look at what stopped it.
                int run = text[i..].IndexOfAnyExcept(s_base64Alphabet);
                int runEnd = run < 0 ? text.Length : i + run;
                if (runEnd > i)
                {
                    scan.Count += runEnd - i;
                    scan.LastValue = s_base64Values[text[runEnd - 1]];
                    i = runEnd - 1;
                    continue;
                }
            }

            byte b = text[i];
            int value = s_base64Values[b];
            if (value >= 0)
            {
                if (scan.Pads > 0)
                {
                    throw Error(PemError.DataAfterPadding, offset + i, line, "base64 characters follow the '=' padding");
                }

                scan.LastValue = value;
                scan.Count++;
            }
            else if (b == (byte)'=')
            {
                if (scan.Pads == 0)
                {
                    scan.PadOffset = offset + i;
                    scan.PadLine = line;
                }

                if (++scan.Pads > 2)
                {
                    throw Error(PemError.InvalidBase64Padding, offset + i, line, "more than two '=' padding characters");
                }
            }
            else if (!IsWhitespace(b))
            {
                throw Error(PemError.InvalidBase64Character, offset + i, line, $"{Describe(b)} is not a base64 character");
            }
            else if (strict)
            {
                throw Error(PemError.UnexpectedWhitespace, offset + i, line, "whitespace inside a base64 line (RFC 7468 §3 strict)");
            }
        }
    }

    /// <summary>Checks "-----END label-----" and returns the offset just past its last dash.</summary>
    private static int CheckEndLine(ReadOnlySpan<byte> data, int pos, int end, int line, bool strict, ReadOnlySpan<byte> label, string labelText, int beginLine)
    {
        int contentEnd = ContentEnd(data, pos, end, strict);
        ReadOnlySpan<byte> text = data[pos..contentEnd];
        if (text.Length < EndPrefix.Length + Dashes.Length || !text.EndsWith(Dashes))
        {
            throw Error(PemError.InvalidBoundary, pos, line, $"the END line of {labelText} does not end with '-----'");
        }

        ReadOnlySpan<byte> endLabel = text[EndPrefix.Length..^Dashes.Length];
        if (!endLabel.SequenceEqual(label))
        {
            throw Error(PemError.MismatchedEndLabel, pos, line, $"BEGIN {labelText} at line {beginLine} is closed by END {Printable(endLabel)}");
        }

        return contentEnd;
    }

    /// <summary>
    /// Decodes base64 already validated by <see cref="ScanBase64"/>, skipping whitespace and padding. Whole groups
    /// of four characters go through the vectorised <see cref="Base64.DecodeFromUtf8"/>; groups split across lines
    /// are assembled bit by bit.
    /// </summary>
    private static void Decode(ReadOnlySpan<byte> text, Span<byte> destination)
    {
        int accumulator = 0;
        int bits = 0;
        int written = 0;
        int i = 0;
        while (i < text.Length)
        {
            if (bits == 0)
            {
                int run = text[i..].IndexOfAnyExcept(s_base64Alphabet);
                int whole = (run < 0 ? text.Length - i : run) & ~3;
                if (whole > 0)
                {
                    Base64.DecodeFromUtf8(text.Slice(i, whole), destination[written..], out _, out int decoded, isFinalBlock: false);
                    written += decoded;
                    i += whole;
                    continue;
                }
            }

            int value = s_base64Values[text[i++]];
            if (value < 0)
            {
                continue;
            }

            accumulator = (accumulator << 6) | value;
            bits += 6;
            if (bits >= 8)
            {
                bits -= 8;
                destination[written++] = (byte)(accumulator >> bits);
                accumulator &= (1 << bits) - 1;
            }
        }
    }

    private static sbyte[] BuildBase64Values()
    {
        sbyte[] values = new sbyte[256];
        values.AsSpan().Fill(-1);
        ReadOnlySpan<byte> alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"u8;
        for (int i = 0; i < alphabet.Length; i++)
        {
            values[alphabet[i]] = (sbyte)i;
        }

        return values;
    }

    /// <summary>What <see cref="ScanBase64"/> learnt about one block's text.</summary>
    private struct Base64Scan
    {
        public int DataStart;
        public int DataEnd;
        public int BoundaryEnd;
        public int EndOffset;
        public int EndLine;
        public long Count;
        public int Pads;
        public int PadOffset;
        public int PadLine;
        public int LastValue;

        /// <summary>RFC 4648 §3.2/§3.5 padding rules; returns the decoded length.</summary>
        public readonly int CheckPadding(bool strict, string label, int beginLine)
        {
            int remainder = (int)(Count % 4);
            if (Pads > 0 && remainder + Pads != 4)
            {
                throw Error(PemError.InvalidBase64Padding, PadOffset, PadLine, $"misplaced '=' padding in {label} (BEGIN at line {beginLine})");
            }

            if (Pads == 0 && remainder != 0)
            {
                throw Error(PemError.InvalidBase64Padding, EndOffset, EndLine, $"the base64 text of {label} is not a multiple of 4 characters (missing '=' padding)");
            }

            int unusedBitsMask = remainder switch { 2 => 0x0F, 3 => 0x03, _ => 0 };
            if (strict && (LastValue & unusedBitsMask) != 0)
            {
                throw Error(PemError.NonCanonicalBase64, PadOffset - 1, PadLine, "the unused bits before the '=' padding are not zero");
            }

            long decoded = (Count / 4 * 3) + (remainder switch { 2 => 1, 3 => 2, _ => 0 });
            return decoded > int.MaxValue ? int.MaxValue : (int)decoded;
        }
    }
}
