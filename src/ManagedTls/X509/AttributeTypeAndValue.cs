using System.Text;
using System.Text.Unicode;
using ManagedTls.Asn1;

namespace ManagedTls.X509;

/// <summary>
/// One <c>AttributeTypeAndValue</c> of a Name (X.501; RFC 5280 §4.1.2.4): the attribute type OID and its value, kept
/// exactly as encoded. The value is decoded to text when it is one of the string types OpenSSL converts.
/// </summary>
/// <remarks>
/// Accepted value types follow OpenSSL 3.0's <c>X509_NAME_ENTRY</c> (an <c>ASN1_PRINTABLE</c> MSTRING) as measured
/// with <c>d2i_X509_NAME</c>: UTF8String (valid UTF-8), NumericString, PrintableString, T61String, IA5String
/// (any octets, read as Latin-1 like OpenSSL), UniversalString (valid scalar values), BMPString (no surrogates), BIT
/// STRING, SEQUENCE, and the unnamed universal tags 7, 8, 9, 11, 13, 14, 15 and 29 (kept raw). Everything else — VisibleString,
/// OCTET STRING, GeneralString, times, context-specific tags — OpenSSL rejects, and so does this type.
/// </remarks>
public sealed partial class AttributeTypeAndValue
{
    private static readonly Encoding s_utf32BigEndian = new UTF32Encoding(bigEndian: true, byteOrderMark: false, throwOnInvalidCharacters: true);

    private readonly ReadOnlyMemory<byte> _raw;
    private readonly int _oidOffset;
    private readonly int _oidLength;
    private readonly int _valueOffset;
    private readonly int _valueContentOffset;
    private readonly int _valueContentLength;

    private AttributeTypeAndValue(ReadOnlyMemory<byte> raw, int oidOffset, int oidLength, int valueOffset, int valueContentOffset, int valueContentLength, Asn1Tag valueTag, string? value)
    {
        _raw = raw;
        _oidOffset = oidOffset;
        _oidLength = oidLength;
        _valueOffset = valueOffset;
        _valueContentOffset = valueContentOffset;
        _valueContentLength = valueContentLength;
        ValueTag = valueTag;
        Value = value;
        OidRegistry.TryGetByEncoded(OidContent, out OidInfo? info);
        Info = info;
        Oid = info?.Dotted ?? ObjectIdentifier.ToDotted(OidContent);
    }

    /// <summary>The attribute type, dotted (for example <c>2.5.4.3</c>).</summary>
    public string Oid { get; }

    /// <summary>OpenSSL's entry for the type, or null when OpenSSL does not name it.</summary>
    public OidInfo? Info { get; }

    /// <summary>OpenSSL's short name (<c>CN</c>, <c>emailAddress</c>), or the dotted OID when unnamed.</summary>
    public string ShortName => Info?.ShortName ?? Oid;

    /// <summary>OpenSSL's long name (<c>commonName</c>), or the dotted OID when unnamed.</summary>
    public string LongName => Info?.LongName ?? Oid;

    /// <summary>The value's tag (UTF8String, PrintableString, BMPString, ...).</summary>
    public Asn1Tag ValueTag { get; }

    /// <summary>
    /// The value as text for UTF8String, NumericString, PrintableString, T61String (Latin-1), IA5String,
    /// UniversalString and BMPString; null for the other accepted types (BIT STRING, SEQUENCE, unnamed tags).
    /// </summary>
    public string? Value { get; }

    /// <summary>The whole encoded <c>AttributeTypeAndValue</c> SEQUENCE.</summary>
    public ReadOnlyMemory<byte> RawData => _raw;

    /// <summary>The whole encoded value (tag, length, content).</summary>
    public ReadOnlyMemory<byte> RawValue => _raw.Slice(_valueOffset);

    /// <summary>The value's content octets.</summary>
    public ReadOnlyMemory<byte> ValueContent => _raw.Slice(_valueContentOffset, _valueContentLength);

    internal ReadOnlySpan<byte> OidContent => _raw.Span.Slice(_oidOffset, _oidLength);

    internal ReadOnlySpan<byte> ValueContentSpan => _raw.Span.Slice(_valueContentOffset, _valueContentLength);

    /// <summary>True for the types OpenSSL canonicalises to UTF-8 when comparing and hashing names (<c>ASN1_MASK_CANON</c>).</summary>
    internal bool IsCanonicalisedString => ValueTag.TagClass == TagClass.Universal && ValueTag.TagValue is 12 or 19 or 20 or 22 or 28 or 30;

    /// <summary>Reads one AttributeTypeAndValue.</summary>
    /// <param name="reader">Positioned at the SEQUENCE.</param>
    /// <returns>The attribute.</returns>
    /// <exception cref="DecodeException">The DER is malformed.</exception>
    /// <exception cref="X509FormatException">The value type or string content is one OpenSSL rejects (<see cref="X509FormatError.InvalidName"/>).</exception>
    public static AttributeTypeAndValue Decode(ref DerReader reader) => Decode(ref reader, X509Decoding.CopyNext(reader));

    /// <summary>Reads one AttributeTypeAndValue whose encoding is <paramref name="raw"/> (a copy or a shared slice).</summary>
    internal static AttributeTypeAndValue Decode(ref DerReader reader, ReadOnlyMemory<byte> raw)
    {
        int start = reader.Offset;
        DerReader sequence = reader.ReadSequence();
        int oidLength = sequence.ReadObjectIdentifierBytes().Length;
        int oidOffset = sequence.Offset - start - oidLength;
        int valueOffset = sequence.Offset - start;
        ReadOnlySpan<byte> content = sequence.ReadContent(out Asn1Header header);
        sequence.ExpectEmpty();
        int contentOffset = sequence.Offset - start - content.Length;
        string? value = DecodeValue(header.Tag, content, start + valueOffset);
        return new AttributeTypeAndValue(raw, oidOffset, oidLength, valueOffset, contentOffset, content.Length, header.Tag, value);
    }

    /// <summary>Writes the attribute exactly as it was read.</summary>
    /// <param name="writer">The destination.</param>
    public void Encode(DerWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteEncodedValue(_raw.Span);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{ShortName}={Value ?? "#" + Convert.ToHexString(RawValue.Span)}";

    /// <summary>The value as UTF-8 the way OpenSSL's <c>ASN1_STRING_to_UTF8</c> converts it (canonicalised types only).</summary>
    internal byte[] GetUtf8()
    {
        ReadOnlySpan<byte> content = ValueContentSpan;
        return ValueTag.TagValue == 12 ? content.ToArray() : Encoding.UTF8.GetBytes(Value!);
    }

    private static string? DecodeValue(Asn1Tag tag, ReadOnlySpan<byte> content, int offset)
    {
        if (tag.TagClass != TagClass.Universal)
        {
            throw Reject(offset, $"attribute value with tag {tag} (OpenSSL accepts only universal string types)");
        }

        if (tag.IsConstructed && tag.TagValue is not (16 or 8 or 11 or 29))
        {
            throw Reject(offset, $"constructed {tag} attribute value (DER strings are primitive)");
        }

        switch (tag.TagValue)
        {
            case 12:
                if (!Utf8.IsValid(content))
                {
                    throw Reject(offset, "UTF8String attribute value is not valid UTF-8");
                }

                return Encoding.UTF8.GetString(content);
            case 18 or 19 or 20 or 22:
                return Encoding.Latin1.GetString(content);
            case 28:
                if (content.Length % 4 != 0 || !IsValidUtf32(content))
                {
                    throw Reject(offset, "UniversalString attribute value is not a sequence of Unicode scalar values");
                }

                return s_utf32BigEndian.GetString(content);
            case 30:
                if (content.Length % 2 != 0 || HasSurrogateUnit(content))
                {
                    throw Reject(offset, "BMPString attribute value has odd length or surrogate code units");
                }

                return Encoding.BigEndianUnicode.GetString(content);
            case 3 or 16 or 7 or 8 or 9 or 11 or 13 or 14 or 15 or 29:
                return null;
            default:
                throw Reject(offset, $"attribute value of type {tag} (OpenSSL's X509_NAME_ENTRY does not accept it)");
        }
    }

    private static bool IsValidUtf32(ReadOnlySpan<byte> content)
    {
        for (int i = 0; i < content.Length; i += 4)
        {
            uint c = ((uint)content[i] << 24) | ((uint)content[i + 1] << 16) | ((uint)content[i + 2] << 8) | content[i + 3];
            if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
            {
                return false;
            }
        }

        return true;
    }

    private static bool HasSurrogateUnit(ReadOnlySpan<byte> content)
    {
        for (int i = 0; i < content.Length; i += 2)
        {
            if (content[i] is >= 0xD8 and <= 0xDF)
            {
                return true;
            }
        }

        return false;
    }

    private static X509FormatException Reject(int offset, string message) =>
        new(X509FormatError.InvalidName, $"Invalid Name at offset {offset}: {message}.");
}
