using System.Buffers;
using ManagedTls.Crypto;

namespace ManagedTls.Tls.KeySchedule;

/// <summary>
/// The running hash of the handshake messages (RFC 8446 §4.4.1, RFC 5246 §7.4.9). Messages are added with their
/// 4-byte headers. Until the cipher suite (and so the hash) is known the messages are buffered; <see cref="SetHash"/>
/// replays them. After a HelloRetryRequest, <see cref="ReplaceWithMessageHash"/> collapses ClientHello1 into the
/// synthetic message_hash message.
/// </summary>
/// <remarks>
/// With <c>retainMessages</c> the full message bytes are also kept (TLS 1.2 CertificateVerify signs the messages
/// themselves with a hash that may differ from the PRF hash, RFC 5246 §7.4.8).
/// </remarks>
internal sealed class TranscriptHash : IDisposable
{
    private readonly ICryptoProvider _provider;
    private readonly bool _retainMessages;
    private IHash? _hash;
    private byte[] _buffer = [];
    private int _bufferLength;
    private bool _disposed;

    /// <summary>Creates an empty transcript.</summary>
    /// <param name="provider">The primitive provider.</param>
    /// <param name="retainMessages">Keep every message added (see <see cref="Messages"/>).</param>
    public TranscriptHash(ICryptoProvider provider, bool retainMessages = false)
    {
        ArgumentNullException.ThrowIfNull(provider);
        _provider = provider;
        _retainMessages = retainMessages;
    }

    /// <summary>True once <see cref="SetHash"/> has chosen the hash.</summary>
    public bool IsHashSet => _hash is not null;

    /// <summary>The hash algorithm.</summary>
    /// <exception cref="InvalidOperationException">The hash is not chosen yet.</exception>
    public HashAlgorithmId Hash => Current.Algorithm;

    /// <summary>The digest size in bytes.</summary>
    /// <exception cref="InvalidOperationException">The hash is not chosen yet.</exception>
    public int HashSize => Current.HashSize;

    /// <summary>Every message added so far (only with <c>retainMessages</c>; empty otherwise, or after the hash is chosen without it).</summary>
    public ReadOnlySpan<byte> Messages => _buffer.AsSpan(0, _bufferLength);

    private IHash Current => _hash ?? throw new InvalidOperationException("The transcript hash is not chosen yet (SetHash).");

    /// <summary>Adds one handshake message, header included.</summary>
    /// <param name="messageWithHeader">The message as it appeared on the wire (type, uint24 length, body).</param>
    public void Add(ReadOnlySpan<byte> messageWithHeader)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _hash?.Append(messageWithHeader);
        if (_hash is null || _retainMessages)
        {
            Buffer(messageWithHeader);
        }
    }

    /// <summary>Chooses the hash (once the cipher suite is known) and hashes the messages buffered so far.</summary>
    /// <param name="hash">The suite's hash.</param>
    /// <exception cref="InvalidOperationException">A different hash was already chosen.</exception>
    public void SetHash(HashAlgorithmId hash)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_hash is not null)
        {
            if (_hash.Algorithm != hash)
            {
                throw new InvalidOperationException($"The transcript already uses {_hash.Algorithm}.");
            }

            return;
        }

        _hash = _provider.CreateHash(hash);
        _hash.Append(Messages);
        if (!_retainMessages)
        {
            ReleaseBuffer();
        }
    }

    /// <summary>Writes Transcript-Hash(messages so far) without disturbing the running state.</summary>
    /// <param name="destination">At least <see cref="HashSize"/> bytes.</param>
    /// <returns>The number of bytes written.</returns>
    /// <exception cref="InvalidOperationException">The hash is not chosen yet.</exception>
    public int GetCurrentHash(Span<byte> destination)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return Current.GetCurrentHash(destination);
    }

    /// <summary>Transcript-Hash(messages so far) as a new array.</summary>
    /// <returns>The hash.</returns>
    public byte[] GetCurrentHash()
    {
        byte[] result = new byte[HashSize];
        GetCurrentHash(result);
        return result;
    }

    /// <summary>
    /// Writes the hash of the messages so far followed by <paramref name="extra"/>, without adding it (PSK binders over
    /// a truncated ClientHello, RFC 8446 §4.2.11.2; a Finished checked before it is added).
    /// </summary>
    /// <param name="extra">Bytes hashed after the transcript.</param>
    /// <param name="destination">At least <see cref="HashSize"/> bytes.</param>
    /// <returns>The number of bytes written.</returns>
    public int GetHashWith(ReadOnlySpan<byte> extra, Span<byte> destination)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        using IHash copy = Current.Clone();
        copy.Append(extra);
        return copy.GetHashAndReset(destination);
    }

    /// <summary>
    /// Replaces the transcript (ClientHello1) with message_hash(Hash(ClientHello1)) after a HelloRetryRequest
    /// (RFC 8446 §4.4.1): handshake type 254, a uint24 length of Hash.length, then the hash.
    /// </summary>
    /// <exception cref="InvalidOperationException">The hash is not chosen yet.</exception>
    public void ReplaceWithMessageHash()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        IHash current = Current;
        int size = current.HashSize;
        Span<byte> synthetic = stackalloc byte[4 + HashAlgorithms.MaxHashSize];
        synthetic[0] = (byte)TlsHandshakeType.MessageHash;
        synthetic[1] = 0;
        synthetic[2] = 0;
        synthetic[3] = (byte)size;
        current.GetHashAndReset(synthetic.Slice(4, size));
        current.Append(synthetic[..(4 + size)]);
        if (_retainMessages)
        {
            _bufferLength = 0;
            Buffer(synthetic[..(4 + size)]);
        }
    }

    /// <summary>Releases the hash state and the buffer.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _hash?.Dispose();
        _hash = null;
        ReleaseBuffer();
    }

    private void Buffer(ReadOnlySpan<byte> data)
    {
        int needed = _bufferLength + data.Length;
        if (needed > _buffer.Length)
        {
            byte[] larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, Math.Max(512, _buffer.Length * 2)));
            _buffer.AsSpan(0, _bufferLength).CopyTo(larger);
            ReleaseBuffer(keepLength: true);
            _buffer = larger;
        }

        data.CopyTo(_buffer.AsSpan(_bufferLength));
        _bufferLength = needed;
    }

    private void ReleaseBuffer(bool keepLength = false)
    {
        if (_buffer.Length > 0)
        {
            _buffer.AsSpan(0, _bufferLength).Clear();
            ArrayPool<byte>.Shared.Return(_buffer);
        }

        _buffer = [];
        if (!keepLength)
        {
            _bufferLength = 0;
        }
    }
}
