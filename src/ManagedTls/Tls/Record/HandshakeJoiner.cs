using System.Buffers;

namespace ManagedTls.Tls.Record;

/// <summary>
/// Reassembles handshake messages from handshake-record payloads: a message may span records and one record may carry
/// several messages (RFC 8446 §5.1, RFC 5246 §6.2.1). Messages larger than the configured bound are refused as soon
/// as their header arrives, so a peer cannot make the engine buffer without limit.
/// </summary>
internal sealed class HandshakeJoiner : IDisposable
{
    /// <summary>The handshake message header: type and uint24 length.</summary>
    public const int HeaderLength = 4;

    private byte[] _buffer = [];
    private int _start;
    private int _end;
    private bool _disposed;

    /// <summary>Creates a joiner.</summary>
    /// <param name="maxMessageSize">The largest message body accepted (MaxHandshakeMessageSize).</param>
    public HandshakeJoiner(int maxMessageSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxMessageSize);
        MaxMessageSize = maxMessageSize;
    }

    /// <summary>The largest message body accepted.</summary>
    public int MaxMessageSize { get; }

    /// <summary>
    /// True when bytes of an incomplete message are buffered. Keys must not change then: a handshake message must not
    /// span a key change (RFC 8446 §5.1); the engine checks this before installing new read keys.
    /// </summary>
    public bool HasPartialMessage => _end > _start;

    /// <summary>How many bytes are buffered (incomplete or not yet taken).</summary>
    public int BufferedLength => _end - _start;

    /// <summary>Adds the payload of one handshake record. Messages returned earlier by <see cref="TryNext"/> become invalid.</summary>
    /// <param name="payload">The record's content.</param>
    /// <exception cref="TlsException">The next message is longer than <see cref="MaxMessageSize"/> (illegal_parameter).</exception>
    public void Add(ReadOnlySpan<byte> payload)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (payload.IsEmpty)
        {
            return;
        }

        int buffered = _end - _start;
        if (_buffer.Length - _end < payload.Length)
        {
            if (_buffer.Length - buffered >= payload.Length)
            {
                _buffer.AsSpan(_start, buffered).CopyTo(_buffer);
            }
            else
            {
                byte[] larger = ArrayPool<byte>.Shared.Rent(Math.Max(buffered + payload.Length, Math.Max(4096, _buffer.Length * 2)));
                _buffer.AsSpan(_start, buffered).CopyTo(larger);
                Release();
                _buffer = larger;
            }

            _start = 0;
            _end = buffered;
        }

        payload.CopyTo(_buffer.AsSpan(_end));
        _end += payload.Length;
        CheckNextHeader();
    }

    /// <summary>Takes the next complete message, if any.</summary>
    /// <param name="type">The handshake type.</param>
    /// <param name="messageWithHeader">The whole message, header included (what the transcript hashes); valid until the next <see cref="Add"/>.</param>
    /// <returns>False when no complete message is buffered.</returns>
    /// <exception cref="TlsException">The next message is longer than <see cref="MaxMessageSize"/> (illegal_parameter).</exception>
    public bool TryNext(out TlsHandshakeType type, out ReadOnlyMemory<byte> messageWithHeader)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        type = default;
        messageWithHeader = default;
        int length = CheckNextHeader();
        if (length < 0 || _end - _start < HeaderLength + length)
        {
            return false;
        }

        type = (TlsHandshakeType)_buffer[_start];
        messageWithHeader = _buffer.AsMemory(_start, HeaderLength + length);
        _start += HeaderLength + length;
        return true;
    }

    /// <summary>Returns the buffer to the pool.</summary>
    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            Release();
            _start = _end = 0;
        }
    }

    /// <summary>The next message's body length, or -1 when its header is incomplete; refuses oversized messages.</summary>
    private int CheckNextHeader()
    {
        if (_end - _start < HeaderLength)
        {
            return -1;
        }

        int length = (_buffer[_start + 1] << 16) | (_buffer[_start + 2] << 8) | _buffer[_start + 3];
        if (length > MaxMessageSize)
        {
            throw new TlsException(
                TlsError.LimitExceeded,
                TlsAlertDescription.IllegalParameter,
                $"RFC 8446 §4: a {(TlsHandshakeType)_buffer[_start]} handshake message of {length} bytes exceeds MaxHandshakeMessageSize ({MaxMessageSize}).");
        }

        return length;
    }

    private void Release()
    {
        if (_buffer.Length > 0)
        {
            _buffer.AsSpan(0, _end).Clear();
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }
    }
}
