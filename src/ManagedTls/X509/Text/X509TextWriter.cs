using System.Globalization;
using System.Text;
using ManagedTls.Asn1;
using ManagedTls.Keys;

namespace ManagedTls.X509.Text;

/// <summary>
/// The one <see cref="StringBuilder"/> behind <see cref="Certificate.ToText"/>, <see cref="CertificationRequest.ToText"/>
/// and <see cref="CertificateRevocationList.ToText"/>: the pieces OpenSSL 3.0's <c>X509_print_ex</c>,
/// <c>X509_REQ_print_ex</c> and <c>X509_CRL_print_ex</c> share (crypto/x509/t_x509.c, t_req.c, t_crl.c), each
/// reproducing the OpenSSL function named in its summary.
/// </summary>
internal sealed partial class X509TextWriter
{
    /// <summary>The indentation cap of <c>BIO_indent(bio, indent, ASN1_PRINT_MAX_INDENT)</c>.</summary>
    private const int MaxIndent = 128;

    /// <summary>Octets per line in <c>X509_signature_dump</c>.</summary>
    private const int SignatureBytesPerLine = 18;

    /// <summary>Octets per line in <c>ASN1_buf_print</c>.</summary>
    private const int BufferBytesPerLine = 15;

    /// <summary>Fixed stand-in for the thread id OpenSSL puts in front of each <c>ERR_print_errors</c> line.</summary>
    private const string ErrorThreadId = "0000000000000000";

    private readonly StringBuilder _text = new(4096);

    /// <summary>Appends literal text.</summary>
    public X509TextWriter Append(string text)
    {
        _text.Append(text);
        return this;
    }

    /// <summary>Appends one character.</summary>
    public X509TextWriter Append(char c)
    {
        _text.Append(c);
        return this;
    }

    /// <summary><c>BIO_indent(bio, count, 128)</c>: spaces, at most 128.</summary>
    public X509TextWriter Indent(int count)
    {
        _text.Append(' ', Math.Clamp(count, 0, MaxIndent));
        return this;
    }

    /// <summary>Spaces, uncapped (a <c>BIO_write</c> loop or <c>%*s</c>).</summary>
    public X509TextWriter Spaces(int count)
    {
        _text.Append(' ', Math.Max(count, 0));
        return this;
    }

    /// <summary>
    /// <c>i2a_ASN1_OBJECT</c>: OpenSSL's long name for the OID, or the dotted form when OpenSSL has no name for it.
    /// </summary>
    /// <returns>The number of characters written (what <c>i2a_ASN1_OBJECT</c> returns).</returns>
    public int AppendObject(string oid)
    {
        string text = OidRegistry.TryGetByDotted(oid, out OidInfo? info) ? info.LongName : oid;
        _text.Append(text);
        return text.Length;
    }

    /// <summary><c>X509_NAME_print_ex(bio, name, 0, XN_FLAG_ONELINE)</c>, the name form the 3.0 apps print by default.</summary>
    public X509TextWriter AppendName(DistinguishedName name)
    {
        _text.Append(name.ToString());
        return this;
    }

    /// <summary><c>ASN1_TIME_print</c> (RFC 822 form): <c>Jan  1 00:00:00 2020 GMT</c>.</summary>
    public X509TextWriter AppendTime(DateTimeOffset time)
    {
        _text.Append(OpenSslText.FormatTime(time));
        return this;
    }

    /// <summary><c>i2a_ASN1_INTEGER</c>: upper-case hex of the magnitude, <c>-</c> first when negative.</summary>
    public X509TextWriter AppendInteger(ReadOnlySpan<byte> twosComplement)
    {
        _text.Append(OpenSslText.FormatInteger(twosComplement));
        return this;
    }

    /// <summary>
    /// The serial number as <c>X509_print_ex</c> prints it: <c> 4096 (0x1000)</c> when the value fits a C
    /// <c>long</c> and is not -1, otherwise a new line, 12 spaces, <c> (Negative)</c> for negative values, and the
    /// magnitude's octets in lower-case colon hex; a trailing newline either way.
    /// </summary>
    public X509TextWriter AppendSerialNumber(ReadOnlySpan<byte> twosComplement)
    {
        bool negative = !twosComplement.IsEmpty && twosComplement[0] >= 0x80;
        byte[] magnitude = Magnitude(twosComplement, negative);

        // ASN1_INTEGER_get on at most sizeof(long) magnitude octets; it yields -1 (the "does not fit" marker that the
        // caller cannot tell from a real -1) for magnitudes over LONG_MAX and for the value -1 itself.
        if (magnitude.Length <= sizeof(long))
        {
            ulong value = 0;
            foreach (byte b in magnitude)
            {
                value = (value << 8) | b;
            }

            bool fits = negative ? value <= 1UL << 63 && value != 1 : value <= long.MaxValue;
            if (fits)
            {
                string sign = negative ? "-" : string.Empty;
                _text.Append(CultureInfo.InvariantCulture, $" {sign}{value} ({sign}0x{value:x})\n");
                return this;
            }
        }

        _text.Append('\n').Append(' ', 12);
        if (negative)
        {
            _text.Append(" (Negative)");
        }

        for (int i = 0; i < magnitude.Length; i++)
        {
            AppendHex(magnitude[i]);
            _text.Append(i + 1 == magnitude.Length ? '\n' : ':');
        }

        return this;
    }

    /// <summary>
    /// <c>X509_signature_dump</c>: lower-case colon hex, 18 octets a line, each line indented (the first too, with
    /// no newline before it), and a final newline; an empty string gives only the newline.
    /// </summary>
    public X509TextWriter AppendSignatureDump(ReadOnlySpan<byte> bytes, int indent)
    {
        for (int i = 0; i < bytes.Length; i++)
        {
            if (i % SignatureBytesPerLine == 0)
            {
                if (i > 0)
                {
                    _text.Append('\n');
                }

                Indent(indent);
            }

            AppendHex(bytes[i]);
            if (i + 1 != bytes.Length)
            {
                _text.Append(':');
            }
        }

        _text.Append('\n');
        return this;
    }

    /// <summary>
    /// <c>ASN1_bn_print</c> of a non-negative number: <c>label 0</c>, <c>label 5 (0x5)</c> up to eight octets,
    /// otherwise the label alone and <c>ASN1_buf_print</c> lines (15 octets, a leading 00 when the top bit is set)
    /// four spaces further in.
    /// </summary>
    public X509TextWriter AppendBigNumber(string label, ReadOnlySpan<byte> unsignedValue, int indent)
    {
        int first = unsignedValue.IndexOfAnyExcept((byte)0);
        ReadOnlySpan<byte> magnitude = first < 0 ? default : unsignedValue[first..];
        Indent(indent);
        if (magnitude.IsEmpty)
        {
            _text.Append(label).Append(" 0\n");
            return this;
        }

        if (magnitude.Length <= sizeof(ulong))
        {
            ulong value = 0;
            foreach (byte b in magnitude)
            {
                value = (value << 8) | b;
            }

            _text.Append(CultureInfo.InvariantCulture, $"{label} {value} (0x{value:x})\n");
            return this;
        }

        _text.Append(label).Append('\n');
        int count = magnitude[0] >= 0x80 ? magnitude.Length + 1 : magnitude.Length;
        for (int i = 0; i < count; i++)
        {
            if (i % BufferBytesPerLine == 0)
            {
                if (i > 0)
                {
                    _text.Append('\n');
                }

                Indent(indent + 4);
            }

            AppendHex(count > magnitude.Length ? (i == 0 ? (byte)0 : magnitude[i - 1]) : magnitude[i]);
            if (i != count - 1)
            {
                _text.Append(':');
            }
        }

        _text.Append('\n');
        return this;
    }

    /// <summary>
    /// <c>ASN1_STRING_print</c>: every octet as a character, with <c>.</c> for those outside space..<c>~</c> except
    /// CR and LF, which pass through.
    /// </summary>
    public X509TextWriter AppendPrintable(ReadOnlySpan<byte> bytes)
    {
        foreach (byte b in bytes)
        {
            _text.Append(b is (>= (byte)' ' and <= (byte)'~') or (byte)'\n' or (byte)'\r' ? (char)b : '.');
        }

        return this;
    }

    /// <summary>
    /// The Subject Public Key Info block: the algorithm line, then <c>EVP_PKEY_print_public</c> at indent 16, or, for a
    /// key OpenSSL cannot load, <c>Unable to load Public Key</c> and the two error-queue lines OpenSSL 3.0 prints
    /// for every such key (their leading thread id is the only part that differs from run to run in OpenSSL itself;
    /// here it is a fixed string of zeros).
    /// </summary>
    public X509TextWriter AppendPublicKeyInfo(X509AlgorithmIdentifier algorithm, PublicKey? key)
    {
        _text.Append("        Subject Public Key Info:\n");
        Indent(12).Append("Public Key Algorithm: ");
        AppendObject(algorithm.Oid);
        _text.Append('\n');
        string? keyText = null;
        if (key is not null)
        {
            try
            {
                keyText = KeyTextFormatter.FormatPublicKey(key, 16);
            }
            catch (ArgumentException)
            {
                // A key type with no text form: print what OpenSSL prints for a key it cannot load.
            }
        }

        if (keyText is not null)
        {
            _text.Append(keyText);
            return this;
        }

        Indent(12).Append("Unable to load Public Key\n");
        for (int i = 0; i < 2; i++)
        {
            _text.Append(ErrorThreadId)
                .Append(":error:03000072:digital envelope routines:X509_PUBKEY_get0:decode error:../crypto/x509/x_pubkey.c:461:\n");
        }

        return this;
    }

    /// <inheritdoc/>
    public override string ToString() => _text.ToString();

    private static byte[] Magnitude(ReadOnlySpan<byte> twosComplement, bool negative)
    {
        if (!negative)
        {
            int first = twosComplement.IndexOfAnyExcept((byte)0);
            return first < 0 ? [] : twosComplement[first..].ToArray();
        }

        var value = new System.Numerics.BigInteger(twosComplement, isUnsigned: false, isBigEndian: true);
        return System.Numerics.BigInteger.Abs(value).ToByteArray(isUnsigned: true, isBigEndian: true);
    }

    private void AppendHex(byte b)
    {
        const string Digits = "0123456789abcdef";
        _text.Append(Digits[b >> 4]).Append(Digits[b & 0xF]);
    }
}
