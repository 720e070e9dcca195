using System.Buffers;
using System.Buffers.Binary;
using System.Numerics;

namespace ManagedTls.Asn1;

/// <content>BOOLEAN, INTEGER, ENUMERATED, NULL, OBJECT IDENTIFIER, BIT STRING, OCTET STRING and raw elements.</content>
public sealed partial class DerWriter
{
    /// <summary>Writes a BOOLEAN (TRUE as 0xFF, X.690 §11.1).</summary>
    /// <param name="value">The value.</param>
    /// <param name="tag">Implicit tag override.</param>
    public void WriteBoolean(bool value, Asn1Tag? tag = null)
    {
        ReadOnlySpan<byte> content = [value ? (byte)0xFF : (byte)0x00];
        WriteTagged((tag ?? Asn1Tag.Boolean).AsPrimitive(), content);
    }

    /// <summary>Writes a NULL.</summary>
    /// <param name="tag">Implicit tag override.</param>
    public void WriteNull(Asn1Tag? tag = null) => WriteTagged((tag ?? Asn1Tag.Null).AsPrimitive(), default);

    /// <summary>Writes an INTEGER in minimal two's complement.</summary>
    /// <param name="value">The value.</param>
    /// <param name="tag">Implicit tag override.</param>
    public void WriteInteger(long value, Asn1Tag? tag = null) => WriteInt64(value, (tag ?? Asn1Tag.Integer).AsPrimitive());

    /// <summary>Writes an INTEGER of any size in minimal two's complement.</summary>
    /// <param name="value">The value.</param>
    /// <param name="tag">Implicit tag override.</param>
    public void WriteInteger(BigInteger value, Asn1Tag? tag = null)
    {
        int count = value.GetByteCount(isUnsigned: false);
        byte[]? rented = null;
        Span<byte> buffer = count <= 256 ? stackalloc byte[256] : (rented = ArrayPool<byte>.Shared.Rent(count));
        value.TryWriteBytes(buffer, out int written, isUnsigned: false, isBigEndian: true);
        WriteTagged((tag ?? Asn1Tag.Integer).AsPrimitive(), buffer.Slice(0, written));
        buffer.Slice(0, written).Clear(); // private key components (RSA d, p, q) pass through here
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Writes an INTEGER from content octets that are already minimal two's complement.</summary>
    /// <param name="twosComplement">Big-endian two's complement, as returned by <see cref="DerReader.ReadIntegerBytes"/>.</param>
    /// <param name="tag">Implicit tag override.</param>
    /// <exception cref="ArgumentException">The value is empty or has redundant leading octets.</exception>
    public void WriteInteger(ReadOnlySpan<byte> twosComplement, Asn1Tag? tag = null)
    {
        if (twosComplement.IsEmpty)
        {
            throw new ArgumentException("An INTEGER needs at least one octet.", nameof(twosComplement));
        }

        if (twosComplement.Length > 1 &&
            ((twosComplement[0] == 0 && (twosComplement[1] & 0x80) == 0) || (twosComplement[0] == 0xFF && (twosComplement[1] & 0x80) != 0)))
        {
            throw new ArgumentException("The INTEGER has redundant leading octets.", nameof(twosComplement));
        }

        WriteTagged((tag ?? Asn1Tag.Integer).AsPrimitive(), twosComplement);
    }

    /// <summary>Writes a non-negative INTEGER from a big-endian magnitude (leading zeros dropped, a 0x00 sign octet added when needed).</summary>
    /// <param name="bigEndianMagnitude">The unsigned magnitude; empty means zero.</param>
    /// <param name="tag">Implicit tag override.</param>
    public void WriteIntegerUnsigned(ReadOnlySpan<byte> bigEndianMagnitude, Asn1Tag? tag = null)
    {
        int skip = bigEndianMagnitude.IndexOfAnyExcept((byte)0);
        ReadOnlySpan<byte> magnitude = skip < 0 ? default : bigEndianMagnitude.Slice(skip);
        bool pad = magnitude.IsEmpty || (magnitude[0] & 0x80) != 0;
        WriteTag((tag ?? Asn1Tag.Integer).AsPrimitive());
        WriteLength(magnitude.Length + (pad ? 1 : 0));
        EnsureCapacity(magnitude.Length + 1);
        if (pad)
        {
            _buffer[_offset++] = 0;
        }

        magnitude.CopyTo(_buffer.AsSpan(_offset));
        _offset += magnitude.Length;
    }

    /// <summary>Writes an ENUMERATED.</summary>
    /// <param name="value">The value.</param>
    /// <param name="tag">Implicit tag override.</param>
    public void WriteEnumerated(int value, Asn1Tag? tag = null) => WriteInt64(value, (tag ?? Asn1Tag.Enumerated).AsPrimitive());

    /// <summary>Writes an OBJECT IDENTIFIER from dotted decimal text.</summary>
    /// <param name="dotted">For example <c>1.2.840.113549.1.1.11</c>.</param>
    /// <param name="tag">Implicit tag override.</param>
    /// <exception cref="ArgumentNullException"><paramref name="dotted"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="dotted"/> is not a valid OID.</exception>
    public void WriteObjectIdentifier(string dotted, Asn1Tag? tag = null)
    {
        ArgumentNullException.ThrowIfNull(dotted);
        Span<byte> buffer = dotted.Length <= 236 ? stackalloc byte[256] : new byte[dotted.Length + 20];
        if (!ObjectIdentifier.TryEncode(dotted, buffer, out int written))
        {
            throw new ArgumentException($"'{dotted}' is not a valid object identifier.", nameof(dotted));
        }

        WriteTagged((tag ?? Asn1Tag.ObjectIdentifier).AsPrimitive(), buffer.Slice(0, written));
    }

    /// <summary>Writes an OBJECT IDENTIFIER from content octets (for example a cached encoding).</summary>
    /// <param name="content">Valid OID content octets.</param>
    /// <param name="tag">Implicit tag override.</param>
    /// <exception cref="ArgumentException"><paramref name="content"/> is not valid OID content.</exception>
    public void WriteObjectIdentifier(ReadOnlySpan<byte> content, Asn1Tag? tag = null)
    {
        if (!ObjectIdentifier.IsValid(content))
        {
            throw new ArgumentException("Not valid OBJECT IDENTIFIER content.", nameof(content));
        }

        WriteTagged((tag ?? Asn1Tag.ObjectIdentifier).AsPrimitive(), content);
    }

    /// <summary>Writes a primitive BIT STRING; in DER the padding bits of the last octet are cleared (X.690 §11.2.1).</summary>
    /// <param name="bits">The bit octets.</param>
    /// <param name="unusedBits">Padding bits in the last octet, 0–7 (0 when <paramref name="bits"/> is empty).</param>
    /// <param name="tag">Implicit tag override.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unusedBits"/> is out of range.</exception>
    public void WriteBitString(ReadOnlySpan<byte> bits, int unusedBits = 0, Asn1Tag? tag = null)
    {
        if (unusedBits is < 0 or > 7 || (bits.IsEmpty && unusedBits != 0))
        {
            throw new ArgumentOutOfRangeException(nameof(unusedBits));
        }

        WriteTag((tag ?? Asn1Tag.BitString).AsPrimitive());
        WriteLength(bits.Length + 1);
        EnsureCapacity(bits.Length + 1);
        _buffer[_offset++] = (byte)unusedBits;
        bits.CopyTo(_buffer.AsSpan(_offset));
        _offset += bits.Length;
        if (_mode == DerMode.Der && unusedBits != 0)
        {
            _buffer[_offset - 1] &= (byte)~((1 << unusedBits) - 1);
        }
    }

    /// <summary>Writes a primitive OCTET STRING.</summary>
    /// <param name="value">The octets.</param>
    /// <param name="tag">Implicit tag override.</param>
    public void WriteOctetString(ReadOnlySpan<byte> value, Asn1Tag? tag = null) => WriteTagged((tag ?? Asn1Tag.OctetString).AsPrimitive(), value);

    /// <summary>Writes a primitive element of any tag from its content octets (for tree copies; no validation of the content).</summary>
    /// <param name="tag">The tag; written in primitive form.</param>
    /// <param name="content">The content octets.</param>
    public void WritePrimitive(Asn1Tag tag, ReadOnlySpan<byte> content) => WriteTagged(tag.AsPrimitive(), content);

    /// <summary>Writes an already encoded element (an ASN.1 ANY) verbatim, after checking it is exactly one element.</summary>
    /// <param name="encodedValue">One complete TLV, valid under this writer's mode.</param>
    /// <exception cref="ArgumentException"><paramref name="encodedValue"/> is not exactly one well-formed element.</exception>
    public void WriteEncodedValue(ReadOnlySpan<byte> encodedValue)
    {
        try
        {
            var reader = new DerReader(encodedValue, _mode);
            reader.ReadEncodedValue();
            reader.ExpectEmpty();
        }
        catch (DecodeException e)
        {
            throw new ArgumentException("The value is not exactly one well-formed element: " + e.Message, nameof(encodedValue), e);
        }

        EnsureCapacity(encodedValue.Length);
        encodedValue.CopyTo(_buffer.AsSpan(_offset));
        _offset += encodedValue.Length;
    }

    private void WriteInt64(long value, Asn1Tag tag)
    {
        Span<byte> buffer = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(buffer, value);
        int start = 0;
        while (start < 7 && ((buffer[start] == 0 && (buffer[start + 1] & 0x80) == 0) || (buffer[start] == 0xFF && (buffer[start + 1] & 0x80) != 0)))
        {
            start++;
        }

        WriteTagged(tag, buffer.Slice(start));
    }
}
