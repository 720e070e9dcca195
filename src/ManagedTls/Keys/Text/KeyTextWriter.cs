using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace ManagedTls.Keys;

/// <summary>
/// The line writer behind <see cref="KeyTextFormatter"/>: OpenSSL 3.0's <c>print_labeled_bignum</c> and
/// <c>print_labeled_buf</c> (providers/implementations/encode_decode/encode_key2text.c) plus the
/// <c>BIO_f_prefix</c> indentation <c>EVP_PKEY_print_*</c> applies to every line.
/// </summary>
internal sealed class KeyTextWriter
{
    /// <summary>Octets per hex line (encode_key2text.c's LABELED_BUF_PRINT_WIDTH; also ASN1_buf_print's).</summary>
    internal const int BytesPerLine = 15;

    /// <summary>Integers of at most this many octets print in decimal and hex (BN_BYTES on 64-bit builds).</summary>
    internal const int MaxSmallIntegerBytes = 8;

    private const string HexIndent = "    ";

    private readonly StringBuilder _builder = new();
    private readonly string _prefix;
    private bool _lineStart = true;

    /// <summary>Creates a writer that prefixes every line, empty ones included, with <paramref name="indent"/> spaces.</summary>
    public KeyTextWriter(int indent)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(indent);
        _prefix = new string(' ', indent);
    }

    /// <summary>Appends text, inserting the indentation at the start of each line.</summary>
    public void Write(string text)
    {
        int start = 0;
        while (start < text.Length)
        {
            if (_lineStart)
            {
                _builder.Append(_prefix);
                _lineStart = false;
            }

            int newline = text.IndexOf('\n', start);
            int end = newline < 0 ? text.Length : newline + 1;
            _builder.Append(text, start, end - start);
            _lineStart = newline >= 0;
            start = end;
        }
    }

    /// <summary>Appends text and a line feed.</summary>
    public void WriteLine(string text) => Write(text + "\n");

    /// <summary>
    /// An unsigned integer as <c>print_labeled_bignum</c> writes it: <c>label 0</c> for zero, <c>label 65537 (0x10001)</c>
    /// up to eight octets, otherwise the label on its own line and colon hex, 15 octets a line under a 4-space indent,
    /// with a leading <c>00</c> when the top bit is set.
    /// </summary>
    /// <param name="label">The label, e.g. <c>modulus:</c>.</param>
    /// <param name="value">Big-endian unsigned; leading zero octets are ignored.</param>
    /// <param name="spaceAfterLabel">
    /// False reproduces the provider encoder's null label (the multi-prime <c>prime3:</c> fields), where a small value
    /// follows the colon directly.
    /// </param>
    public void WriteInteger(string label, ReadOnlySpan<byte> value, bool spaceAfterLabel = true)
    {
        int first = value.IndexOfAnyExcept((byte)0);
        ReadOnlySpan<byte> magnitude = first < 0 ? default : value[first..];
        string separator = spaceAfterLabel ? " " : string.Empty;
        if (magnitude.IsEmpty)
        {
            WriteLine($"{label}{separator}0");
            return;
        }

        if (magnitude.Length <= MaxSmallIntegerBytes)
        {
            Span<byte> padded = stackalloc byte[sizeof(ulong)];
            magnitude.CopyTo(padded[(sizeof(ulong) - magnitude.Length)..]);
            ulong small = BinaryPrimitives.ReadUInt64BigEndian(padded);
            WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label}{separator}{small} (0x{small:x})"));
            return;
        }

        WriteLine(label);
        var hex = new StringBuilder((magnitude.Length + 1) * 4);
        hex.Append(HexIndent);
        int count = 0;
        if (magnitude[0] >= 0x80)
        {
            hex.Append("00");
            count = 1;
        }

        AppendHexLines(hex, magnitude, count);
        WriteLine(hex.ToString());
    }

    /// <summary>
    /// An octet string as <c>print_labeled_buf</c> writes it: the label on its own line, then colon hex 15 octets a
    /// line under a 4-space indent, no leading zero added (EC private scalars, points, ECX keys). An empty buffer
    /// leaves an empty line.
    /// </summary>
    /// <param name="label">The label, e.g. <c>pub:</c>.</param>
    /// <param name="value">The octets, printed as they are.</param>
    public void WriteOctets(string label, ReadOnlySpan<byte> value)
    {
        WriteLine(label);
        var hex = new StringBuilder(value.Length * 4);
        if (!value.IsEmpty)
        {
            hex.Append(HexIndent);
            AppendHexLines(hex, value, 0);
        }

        WriteLine(hex.ToString());
    }

    /// <inheritdoc/>
    public override string ToString() => _builder.ToString();

    /// <summary>Appends colon-separated lower-case hex, breaking after every 15 octets counted from <paramref name="count"/>.</summary>
    private static void AppendHexLines(StringBuilder hex, ReadOnlySpan<byte> value, int count)
    {
        foreach (byte b in value)
        {
            if (count > 0)
            {
                hex.Append(count % BytesPerLine == 0 ? ":\n" + HexIndent : ":");
            }

            hex.Append(b.ToString("x2", CultureInfo.InvariantCulture));
            count++;
        }
    }
}
