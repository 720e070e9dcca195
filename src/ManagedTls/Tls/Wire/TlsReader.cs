using System.Buffers.Binary;

namespace ManagedTls.Tls.Wire;

/// <summary>
/// A forward-only reader of TLS presentation-language structures (RFC 8446 §3) over a span. Every read is
/// bounds-checked; running short throws a decode_error <see cref="TlsException"/>. Vectors come back as nested
/// readers so a structure can never read past its own length prefix.
/// </summary>
public ref struct TlsReader
{
    private ReadOnlySpan<byte> _data;

    /// <summary>Creates a reader over <paramref name="data"/>.</summary>
    /// <param name="data">The bytes to read.</param>
    public TlsReader(ReadOnlySpan<byte> data) => _data = data;

    /// <summary>Bytes not read yet.</summary>
    public readonly int Remaining => _data.Length;

    /// <summary>True when everything has been read.</summary>
    public readonly bool IsEmpty => _data.IsEmpty;

    /// <summary>The unread bytes, without consuming them.</summary>
    public readonly ReadOnlySpan<byte> RemainingSpan => _data;

    /// <summary>Reads a uint8.</summary>
    /// <returns>The value.</returns>
    public byte ReadUInt8()
    {
        Need(1);
        byte value = _data[0];
        _data = _data.Slice(1);
        return value;
    }

    /// <summary>Reads a big-endian uint16.</summary>
    /// <returns>The value.</returns>
    public ushort ReadUInt16()
    {
        Need(2);
        ushort value = BinaryPrimitives.ReadUInt16BigEndian(_data);
        _data = _data.Slice(2);
        return value;
    }

    /// <summary>Reads a big-endian uint24.</summary>
    /// <returns>The value.</returns>
    public int ReadUInt24()
    {
        Need(3);
        int value = (_data[0] << 16) | (_data[1] << 8) | _data[2];
        _data = _data.Slice(3);
        return value;
    }

    /// <summary>Reads a big-endian uint32.</summary>
    /// <returns>The value.</returns>
    public uint ReadUInt32()
    {
        Need(4);
        uint value = BinaryPrimitives.ReadUInt32BigEndian(_data);
        _data = _data.Slice(4);
        return value;
    }

    /// <summary>Reads exactly <paramref name="count"/> bytes.</summary>
    /// <param name="count">How many bytes.</param>
    /// <returns>A slice of the input (no copy).</returns>
    public ReadOnlySpan<byte> ReadBytes(int count)
    {
        if (count < 0)
        {
            throw TlsException.Decode("negative length");
        }

        Need(count);
        ReadOnlySpan<byte> value = _data.Slice(0, count);
        _data = _data.Slice(count);
        return value;
    }

    /// <summary>Reads an opaque vector with a one-byte length prefix (<c>opaque x&lt;0..2^8-1&gt;</c>).</summary>
    /// <returns>The vector's content.</returns>
    public ReadOnlySpan<byte> ReadVector8() => ReadBytes(ReadUInt8());

    /// <summary>Reads an opaque vector with a two-byte length prefix (<c>opaque x&lt;0..2^16-1&gt;</c>).</summary>
    /// <returns>The vector's content.</returns>
    public ReadOnlySpan<byte> ReadVector16() => ReadBytes(ReadUInt16());

    /// <summary>Reads an opaque vector with a three-byte length prefix (<c>opaque x&lt;0..2^24-1&gt;</c>).</summary>
    /// <returns>The vector's content.</returns>
    public ReadOnlySpan<byte> ReadVector24() => ReadBytes(ReadUInt24());

    /// <summary>Reads a one-byte-length vector whose length must lie in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    /// <param name="min">Smallest allowed length.</param>
    /// <param name="max">Largest allowed length.</param>
    /// <returns>The vector's content.</returns>
    public ReadOnlySpan<byte> ReadVector8(int min, int max) => CheckLength(ReadVector8(), min, max);

    /// <summary>Reads a two-byte-length vector whose length must lie in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    /// <param name="min">Smallest allowed length.</param>
    /// <param name="max">Largest allowed length.</param>
    /// <returns>The vector's content.</returns>
    public ReadOnlySpan<byte> ReadVector16(int min, int max) => CheckLength(ReadVector16(), min, max);

    /// <summary>Reads a three-byte-length vector whose length must lie in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    /// <param name="min">Smallest allowed length.</param>
    /// <param name="max">Largest allowed length.</param>
    /// <returns>The vector's content.</returns>
    public ReadOnlySpan<byte> ReadVector24(int min, int max) => CheckLength(ReadVector24(), min, max);

    /// <summary>Reads a one-byte-length vector as a nested reader.</summary>
    /// <returns>A reader confined to the vector.</returns>
    public TlsReader ReadNested8() => new(ReadVector8());

    /// <summary>Reads a two-byte-length vector as a nested reader.</summary>
    /// <returns>A reader confined to the vector.</returns>
    public TlsReader ReadNested16() => new(ReadVector16());

    /// <summary>Reads a three-byte-length vector as a nested reader.</summary>
    /// <returns>A reader confined to the vector.</returns>
    public TlsReader ReadNested24() => new(ReadVector24());

    /// <summary>Throws decode_error unless everything has been read (no trailing bytes).</summary>
    /// <param name="what">The structure, for the message.</param>
    public readonly void ExpectEnd(string what)
    {
        if (!_data.IsEmpty)
        {
            throw TlsException.Decode($"{_data.Length} trailing byte(s) after {what}");
        }
    }

    private static ReadOnlySpan<byte> CheckLength(ReadOnlySpan<byte> vector, int min, int max)
    {
        if (vector.Length < min || vector.Length > max)
        {
            throw TlsException.Decode($"vector length {vector.Length} outside <{min}..{max}>");
        }

        return vector;
    }

    private readonly void Need(int count)
    {
        if (_data.Length < count)
        {
            throw TlsException.Decode($"truncated: needed {count} byte(s), {_data.Length} left");
        }
    }
}
