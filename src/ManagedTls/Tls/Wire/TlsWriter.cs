using System.Buffers;
using System.Buffers.Binary;

namespace ManagedTls.Tls.Wire;

/// <summary>
/// A growable writer of TLS presentation-language structures on a pooled buffer. Length prefixes come from scopes
/// (<c>using (writer.PushVector16()) { ... }</c>), never from arithmetic: the scope reserves the prefix and patches it
/// when disposed, checking the content fits. Dispose the writer to return its buffer to the pool.
/// </summary>
public sealed class TlsWriter : IDisposable
{
    private byte[] _buffer;
    private int _length;

    /// <summary>Creates a writer.</summary>
    /// <param name="initialCapacity">Initial buffer size in bytes.</param>
    public TlsWriter(int initialCapacity = 256)
    {
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(initialCapacity, 16));
    }

    /// <summary>Bytes written so far.</summary>
    public int Length => _length;

    /// <summary>The bytes written so far (valid until the next write).</summary>
    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _length);

    /// <summary>The bytes written so far as memory (valid until the next write).</summary>
    public ReadOnlyMemory<byte> WrittenMemory => _buffer.AsMemory(0, _length);

    /// <summary>Copies out what was written.</summary>
    /// <returns>A new array.</returns>
    public byte[] ToArray() => WrittenSpan.ToArray();

    /// <summary>Forgets everything written, keeping the buffer.</summary>
    public void Reset() => _length = 0;

    /// <summary>Writes a uint8.</summary>
    /// <param name="value">The value.</param>
    public void WriteUInt8(byte value) => GetSpan(1)[0] = value;

    /// <summary>Writes a big-endian uint16.</summary>
    /// <param name="value">The value.</param>
    public void WriteUInt16(ushort value) => BinaryPrimitives.WriteUInt16BigEndian(GetSpan(2), value);

    /// <summary>Writes a big-endian uint24.</summary>
    /// <param name="value">The value (0 to 2^24-1).</param>
    public void WriteUInt24(int value)
    {
        if ((uint)value > 0xFFFFFF)
        {
            throw new ArgumentOutOfRangeException(nameof(value));
        }

        Span<byte> span = GetSpan(3);
        span[0] = (byte)(value >> 16);
        span[1] = (byte)(value >> 8);
        span[2] = (byte)value;
    }

    /// <summary>Writes a big-endian uint32.</summary>
    /// <param name="value">The value.</param>
    public void WriteUInt32(uint value) => BinaryPrimitives.WriteUInt32BigEndian(GetSpan(4), value);

    /// <summary>Writes raw bytes.</summary>
    /// <param name="data">The bytes.</param>
    public void WriteBytes(ReadOnlySpan<byte> data) => data.CopyTo(GetSpan(data.Length));

    /// <summary>Writes an opaque vector with a one-byte length prefix.</summary>
    /// <param name="data">The content.</param>
    public void WriteVector8(ReadOnlySpan<byte> data)
    {
        using (PushVector8())
        {
            WriteBytes(data);
        }
    }

    /// <summary>Writes an opaque vector with a two-byte length prefix.</summary>
    /// <param name="data">The content.</param>
    public void WriteVector16(ReadOnlySpan<byte> data)
    {
        using (PushVector16())
        {
            WriteBytes(data);
        }
    }

    /// <summary>Writes an opaque vector with a three-byte length prefix.</summary>
    /// <param name="data">The content.</param>
    public void WriteVector24(ReadOnlySpan<byte> data)
    {
        using (PushVector24())
        {
            WriteBytes(data);
        }
    }

    /// <summary>Starts a vector with a one-byte length prefix, patched when the scope is disposed.</summary>
    /// <returns>The scope.</returns>
    public Scope PushVector8() => Push(1);

    /// <summary>Starts a vector with a two-byte length prefix, patched when the scope is disposed.</summary>
    /// <returns>The scope.</returns>
    public Scope PushVector16() => Push(2);

    /// <summary>Starts a vector with a three-byte length prefix, patched when the scope is disposed.</summary>
    /// <returns>The scope.</returns>
    public Scope PushVector24() => Push(3);

    /// <summary>Reserves <paramref name="count"/> bytes and returns them for the caller to fill.</summary>
    /// <param name="count">How many bytes.</param>
    /// <returns>The reserved span (valid until the next write).</returns>
    public Span<byte> GetSpan(int count)
    {
        int needed = _length + count;
        if (needed > _buffer.Length)
        {
            Grow(needed);
        }

        Span<byte> span = _buffer.AsSpan(_length, count);
        _length = needed;
        return span;
    }

    /// <summary>Returns the buffer to the pool.</summary>
    public void Dispose()
    {
        byte[] buffer = _buffer;
        _buffer = [];
        _length = 0;
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private Scope Push(int prefixLength)
    {
        int start = _length;
        GetSpan(prefixLength).Clear();
        return new Scope(this, start, prefixLength);
    }

    private void Grow(int needed)
    {
        byte[] bigger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, _buffer.Length * 2));
        _buffer.AsSpan(0, _length).CopyTo(bigger);
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
        }

        _buffer = bigger;
    }

    private void Patch(int start, int prefixLength)
    {
        int contentLength = _length - start - prefixLength;
        int max = prefixLength switch { 1 => 0xFF, 2 => 0xFFFF, _ => 0xFFFFFF };
        if (contentLength > max)
        {
            throw new InvalidOperationException($"vector of {contentLength} bytes does not fit a {prefixLength}-byte length prefix");
        }

        Span<byte> prefix = _buffer.AsSpan(start, prefixLength);
        for (int i = prefixLength - 1; i >= 0; i--)
        {
            prefix[i] = (byte)contentLength;
            contentLength >>= 8;
        }
    }

    /// <summary>An open length-prefixed vector; disposing it writes the prefix.</summary>
    public readonly struct Scope : IDisposable
    {
        private readonly TlsWriter _writer;
        private readonly int _start;
        private readonly int _prefixLength;

        internal Scope(TlsWriter writer, int start, int prefixLength)
        {
            _writer = writer;
            _start = start;
            _prefixLength = prefixLength;
        }

        /// <summary>Patches the length prefix.</summary>
        public void Dispose() => _writer?.Patch(_start, _prefixLength);
    }
}
