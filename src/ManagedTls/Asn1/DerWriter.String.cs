using System.Text;

namespace ManagedTls.Asn1;

/// <content>Character strings, UTCTime and GeneralizedTime.</content>
public sealed partial class DerWriter
{
    private static readonly UTF32Encoding s_utf32BigEndian = new(bigEndian: true, byteOrderMark: false, throwOnInvalidCharacters: true);
    private static readonly UTF8Encoding s_utf8Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly UnicodeEncoding s_utf16BigEndianStrict = new(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true);

    /// <summary>Writes a character string of type <paramref name="stringType"/>.</summary>
    /// <param name="stringType">UTF8String, PrintableString, IA5String, T61String (Latin-1), BMPString (UTF-16BE),
    /// UniversalString (UTF-32BE), VisibleString or NumericString.</param>
    /// <param name="value">The text.</param>
    /// <param name="tag">Implicit tag override; defaults to <paramref name="stringType"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException">The type is unsupported or <paramref name="value"/> has characters outside its repertoire.</exception>
    public void WriteCharacterString(Asn1Tag stringType, string value, Asn1Tag? tag = null)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (stringType.TagClass != TagClass.Universal || !DerReader.IsCharacterStringType(stringType.TagValue))
        {
            throw new ArgumentException($"{stringType} is not a supported character string type.", nameof(stringType));
        }

        byte[] content;
        try
        {
            content = stringType.TagValue switch
            {
                12 => s_utf8Strict.GetBytes(value),
                20 => EncodeLatin1(value),
                28 => s_utf32BigEndian.GetBytes(value),
                30 => EncodeBmp(value),
                _ => EncodeAscii(value),
            };
        }
        catch (EncoderFallbackException e)
        {
            throw new ArgumentException($"The text cannot be encoded as {stringType}.", nameof(value), e);
        }

        if (DerReader.FindInvalidCharacter(stringType.TagValue, content) >= 0)
        {
            throw new ArgumentException($"The text has characters outside the {stringType} repertoire.", nameof(value));
        }

        WriteTagged((tag ?? stringType).AsPrimitive(), content);
    }

    /// <summary>Writes a UTCTime as <c>YYMMDDHHMMSSZ</c> (the instant converted to UTC; fractions dropped).</summary>
    /// <param name="value">An instant in 1950–2049.</param>
    /// <param name="tag">Implicit tag override.</param>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside 1950–2049 (RFC 5280 §4.1.2.5).</exception>
    public void WriteUtcTime(DateTimeOffset value, Asn1Tag? tag = null)
    {
        DateTime utc = value.UtcDateTime;
        if (utc.Year is < 1950 or > 2049)
        {
            throw new ArgumentOutOfRangeException(nameof(value), "UTCTime covers 1950 to 2049.");
        }

        Span<byte> text = stackalloc byte[13];
        WriteDigits(text, 0, utc.Year % 100, 2);
        WriteDateTimeFields(text, 2, utc);
        text[12] = (byte)'Z';
        WriteTagged((tag ?? Asn1Tag.UtcTime).AsPrimitive(), text);
    }

    /// <summary>Writes a GeneralizedTime as <c>YYYYMMDDHHMMSS[.f]Z</c> with no trailing zeros in the fraction.</summary>
    /// <param name="value">The instant (converted to UTC).</param>
    /// <param name="tag">Implicit tag override.</param>
    public void WriteGeneralizedTime(DateTimeOffset value, Asn1Tag? tag = null) => WriteGeneralizedTime(value, omitFractionalSeconds: false, tag);

    /// <summary>Writes a GeneralizedTime, optionally dropping fractions (RFC 5280 §4.1.2.5.2 forbids them in certificates).</summary>
    /// <param name="value">The instant (converted to UTC).</param>
    /// <param name="omitFractionalSeconds">True to truncate to whole seconds.</param>
    /// <param name="tag">Implicit tag override.</param>
    public void WriteGeneralizedTime(DateTimeOffset value, bool omitFractionalSeconds, Asn1Tag? tag = null)
    {
        DateTime utc = value.UtcDateTime;
        Span<byte> text = stackalloc byte[23];
        WriteDigits(text, 0, utc.Year, 4);
        WriteDateTimeFields(text, 4, utc);
        int length = 14;
        long fraction = utc.Ticks % TimeSpan.TicksPerSecond;
        if (!omitFractionalSeconds && fraction != 0)
        {
            int digits = 7;
            while (fraction % 10 == 0)
            {
                fraction /= 10;
                digits--;
            }

            text[length++] = (byte)'.';
            WriteDigits(text, length, (int)fraction, digits);
            length += digits;
        }

        text[length++] = (byte)'Z';
        WriteTagged((tag ?? Asn1Tag.GeneralizedTime).AsPrimitive(), text.Slice(0, length));
    }

    private static void WriteDateTimeFields(Span<byte> text, int at, DateTime utc)
    {
        WriteDigits(text, at, utc.Month, 2);
        WriteDigits(text, at + 2, utc.Day, 2);
        WriteDigits(text, at + 4, utc.Hour, 2);
        WriteDigits(text, at + 6, utc.Minute, 2);
        WriteDigits(text, at + 8, utc.Second, 2);
    }

    private static void WriteDigits(Span<byte> text, int at, int value, int count)
    {
        for (int i = at + count - 1; i >= at; i--)
        {
            text[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }

    private static byte[] EncodeLatin1(string value)
    {
        foreach (char c in value)
        {
            if (c > 0xFF)
            {
                throw new ArgumentException("T61String is written as Latin-1; the text has characters above U+00FF.", nameof(value));
            }
        }

        return Encoding.Latin1.GetBytes(value);
    }

    private static byte[] EncodeAscii(string value)
    {
        foreach (char c in value)
        {
            if (c > 0x7F)
            {
                throw new ArgumentException("The text has non-ASCII characters.", nameof(value));
            }
        }

        return Encoding.ASCII.GetBytes(value);
    }

    private static byte[] EncodeBmp(string value)
    {
        foreach (char c in value)
        {
            if (char.IsSurrogate(c))
            {
                throw new ArgumentException("BMPString cannot hold characters outside the Basic Multilingual Plane.", nameof(value));
            }
        }

        return s_utf16BigEndianStrict.GetBytes(value);
    }
}
