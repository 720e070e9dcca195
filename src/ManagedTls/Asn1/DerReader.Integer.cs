using System.Buffers.Binary;
using System.Numerics;

namespace ManagedTls.Asn1;

/// <content>BOOLEAN, INTEGER, ENUMERATED and NULL (ITU-T X.690 §8.2–8.4, §8.8, §11.1).</content>
public ref partial struct DerReader
{
    /// <summary>Reads a BOOLEAN.</summary>
    /// <param name="tag">Implicit tag override.</param>
    /// <returns>The value.</returns>
    /// <exception cref="DecodeException">Wrong tag, not one octet, or (DER, X.690 §11.1) neither 0x00 nor 0xFF.</exception>
    public bool ReadBoolean(Asn1Tag? tag = null)
    {
        ReadOnlySpan<byte> content = ReadPrimitive(tag ?? Asn1Tag.Boolean, out Asn1Header header);
        if (content.Length != 1)
        {
            throw new DecodeException(DecodeError.InvalidBoolean, header.Offset, "BOOLEAN must have one content octet");
        }

        byte b = content[0];
        if (_options.Mode == DerMode.Der && b != 0 && b != 0xFF)
        {
            throw new DecodeException(DecodeError.InvalidBoolean, header.Offset, "DER TRUE must be 0xFF");
        }

        return b != 0;
    }

    /// <summary>Reads a NULL.</summary>
    /// <param name="tag">Implicit tag override.</param>
    /// <exception cref="DecodeException">Wrong tag or non-empty content.</exception>
    public void ReadNull(Asn1Tag? tag = null)
    {
        ReadOnlySpan<byte> content = ReadPrimitive(tag ?? Asn1Tag.Null, out Asn1Header header);
        if (!content.IsEmpty)
        {
            throw new DecodeException(DecodeError.InvalidNull, header.Offset);
        }
    }

    /// <summary>
    /// Reads an INTEGER and returns its content: big-endian two's complement, minimal (X.690 §8.3.2) unless
    /// <see cref="DerReaderOptions.AllowNonMinimalIntegers"/> is set.
    /// </summary>
    /// <param name="tag">Implicit tag override.</param>
    /// <returns>The content octets (a view into the input).</returns>
    /// <exception cref="DecodeException">Wrong tag, empty content, or redundant leading octets.</exception>
    /// <remarks>
    /// Negative, zero and over-long (more than 20 octets) values are valid DER and are returned as they are; certificate
    /// serial numbers in the wild use all three and OpenSSL accepts them (docs/decisions/0002-der-leniency.md).
    /// </remarks>
    public ReadOnlySpan<byte> ReadIntegerBytes(Asn1Tag? tag = null) => ReadIntegerContent(tag ?? Asn1Tag.Integer);

    /// <summary>
    /// Reads an INTEGER that must not be negative and returns its magnitude without the sign octet (RSA moduli,
    /// exponents, ECDSA r and s).
    /// </summary>
    /// <param name="tag">Implicit tag override.</param>
    /// <returns>The big-endian magnitude; a single 0x00 octet for zero.</returns>
    /// <exception cref="DecodeException">Wrong tag, malformed, or negative (<see cref="DecodeError.InvalidInteger"/>).</exception>
    public ReadOnlySpan<byte> ReadUnsignedIntegerBytes(Asn1Tag? tag = null)
    {
        int offset = _offset;
        ReadOnlySpan<byte> content = ReadIntegerContent(tag ?? Asn1Tag.Integer);
        if ((content[0] & 0x80) != 0)
        {
            throw new DecodeException(DecodeError.InvalidInteger, offset, "negative value where a non-negative INTEGER is required");
        }

        while (content.Length > 1 && content[0] == 0)
        {
            content = content.Slice(1);
        }

        return content;
    }

    /// <summary>Reads an INTEGER of any size.</summary>
    /// <param name="tag">Implicit tag override.</param>
    /// <returns>The value.</returns>
    /// <exception cref="DecodeException">Wrong tag or malformed content.</exception>
    public BigInteger ReadInteger(Asn1Tag? tag = null) =>
        new(ReadIntegerContent(tag ?? Asn1Tag.Integer), isUnsigned: false, isBigEndian: true);

    /// <summary>Reads an INTEGER that fits in 32 bits.</summary>
    /// <param name="tag">Implicit tag override.</param>
    /// <returns>The value.</returns>
    /// <exception cref="DecodeException">Wrong tag, malformed, or out of range (<see cref="DecodeError.TooLarge"/>).</exception>
    public int ReadInt32(Asn1Tag? tag = null)
    {
        int offset = _offset;
        long value = ReadInt64(tag);
        if (value is < int.MinValue or > int.MaxValue)
        {
            throw new DecodeException(DecodeError.TooLarge, offset, "INTEGER does not fit in 32 bits");
        }

        return (int)value;
    }

    /// <summary>Reads an INTEGER that fits in 64 bits.</summary>
    /// <param name="tag">Implicit tag override.</param>
    /// <returns>The value.</returns>
    /// <exception cref="DecodeException">Wrong tag, malformed, or out of range (<see cref="DecodeError.TooLarge"/>).</exception>
    public long ReadInt64(Asn1Tag? tag = null)
    {
        int offset = _offset;
        return ToInt64(ReadIntegerContent(tag ?? Asn1Tag.Integer), offset);
    }

    /// <summary>Reads an ENUMERATED that fits in 32 bits.</summary>
    /// <param name="tag">Implicit tag override.</param>
    /// <returns>The value.</returns>
    /// <exception cref="DecodeException">Wrong tag, malformed, or out of range.</exception>
    public int ReadEnumerated(Asn1Tag? tag = null)
    {
        int offset = _offset;
        long value = ToInt64(ReadIntegerContent(tag ?? Asn1Tag.Enumerated), offset);
        if (value is < int.MinValue or > int.MaxValue)
        {
            throw new DecodeException(DecodeError.TooLarge, offset, "ENUMERATED does not fit in 32 bits");
        }

        return (int)value;
    }

    private ReadOnlySpan<byte> ReadIntegerContent(Asn1Tag expected)
    {
        ReadOnlySpan<byte> content = ReadPrimitive(expected, out Asn1Header header);
        if (content.IsEmpty)
        {
            throw new DecodeException(DecodeError.InvalidInteger, header.Offset, "INTEGER has no content octets");
        }

        // X.690 §8.3.2: the first nine bits must not be all ones or all zeros.
        if (content.Length > 1 && !_options.AllowNonMinimalIntegers &&
            ((content[0] == 0 && (content[1] & 0x80) == 0) || (content[0] == 0xFF && (content[1] & 0x80) != 0)))
        {
            throw new DecodeException(DecodeError.NonMinimalInteger, header.Offset);
        }

        return content;
    }

    private static long ToInt64(ReadOnlySpan<byte> content, int offset)
    {
        // Strip sign-extension octets that a lenient reader may have let through.
        while (content.Length > 1 && ((content[0] == 0 && (content[1] & 0x80) == 0) || (content[0] == 0xFF && (content[1] & 0x80) != 0)))
        {
            content = content.Slice(1);
        }

        if (content.Length > 8)
        {
            throw new DecodeException(DecodeError.TooLarge, offset, "INTEGER does not fit in 64 bits");
        }

        Span<byte> buffer = stackalloc byte[8];
        buffer.Fill((content[0] & 0x80) != 0 ? (byte)0xFF : (byte)0);
        content.CopyTo(buffer.Slice(8 - content.Length));
        return BinaryPrimitives.ReadInt64BigEndian(buffer);
    }
}
