using System.Buffers;
using System.Buffers.Binary;

namespace ManagedTls.Tls.Record;

/// <summary>
/// The TLS record layer, sans-I/O (RFC 8446 §5, RFC 5246 §6.2): <see cref="Feed"/> buffers received bytes,
/// <see cref="TryReadRecord"/> cuts, checks and opens one record at a time, <see cref="Write"/> fragments and seals
/// outgoing content into a queue that <see cref="Drain"/> empties. Records are opened in place in the input buffer
/// and sealed in place in the output buffer, both pooled: no allocation per record.
/// </summary>
/// <remarks>
/// <para>Every violation throws a <see cref="TlsException"/> naming the alert: record_overflow past the 2^14
/// plaintext / 2^14+256 (TLS 1.3) / 2^14+2048 (TLS 1.2) ciphertext limits, bad_record_mac when authentication fails,
/// unexpected_message for unknown content types, empty handshake records, a TLS 1.3 inner plaintext without a content
/// type or an improper change_cipher_spec, decode_error for an alert record that is not exactly one alert.</para>
/// <para>Installing protection resets that direction's sequence number. The layer owns the protections it is given
/// and disposes them when they are replaced or when it is disposed. Keys must not change in the middle of a handshake
/// message (RFC 8446 §5.1): the engine checks <see cref="HandshakeJoiner.HasPartialMessage"/> first.</para>
/// </remarks>
internal sealed class RecordLayer : IDisposable
{
    /// <summary>The largest TLSPlaintext.fragment, 2^14 (RFC 8446 §5.1, RFC 5246 §6.2.1).</summary>
    public const int MaxPlaintextLength = 16384;

    /// <summary>The largest TLSInnerPlaintext, 2^14 + 1 (RFC 8446 §5.4).</summary>
    public const int MaxTls13InnerPlaintextLength = MaxPlaintextLength + 1;

    /// <summary>The largest TLS 1.3 TLSCiphertext.encrypted_record, 2^14 + 256 (RFC 8446 §5.2).</summary>
    public const int MaxTls13CiphertextLength = MaxPlaintextLength + 256;

    /// <summary>The largest TLS 1.2 TLSCiphertext.fragment, 2^14 + 2048 (RFC 5246 §6.2.3).</summary>
    public const int MaxTls12CiphertextLength = MaxPlaintextLength + 2048;

    /// <summary>The largest record on the wire, header included.</summary>
    public const int MaxRecordLength = RecordProtection.HeaderLength + MaxTls12CiphertextLength;

    private readonly RecordLayerOptions _options;
    private readonly int _inputCapacity;
    private byte[] _input;
    private int _inStart;
    private int _inEnd;
    private int _consumeOnNextRead;
    private byte[] _output = [];
    private int _outStart;
    private int _outEnd;
    private RecordProtection? _read;
    private RecordProtection? _write;
    private ulong _readSequence;
    private ulong _writeSequence;
    private int _consecutiveEmptyRecords;
    private bool _openedProtectedRecord;
    private bool _disposed;

    /// <summary>Creates a record layer with no protection in either direction.</summary>
    /// <param name="options">Limits; null for the defaults.</param>
    /// <exception cref="ArgumentException">The buffered-input limit cannot hold one maximal record.</exception>
    public RecordLayer(RecordLayerOptions? options = null)
    {
        _options = options ?? new RecordLayerOptions();
        if (_options.MaxBufferedInput < MaxRecordLength)
        {
            throw new ArgumentException($"MaxBufferedInput must hold one maximal record ({MaxRecordLength} bytes).", nameof(options));
        }

        if (_options.MaxFragmentLength is < 1 or > MaxPlaintextLength)
        {
            throw new ArgumentException($"MaxFragmentLength must be 1..{MaxPlaintextLength}.", nameof(options));
        }

        _inputCapacity = _options.MaxBufferedInput;
        _input = ArrayPool<byte>.Shared.Rent(_inputCapacity);
    }

    /// <summary>The version written in the header of unprotected records (and TLS 1.2 protected ones): 0x0301 for the first ClientHello, 0x0303 after.</summary>
    public TlsProtocolVersion LegacyWriteVersion { get; set; } = TlsProtocolVersion.Tls12;

    /// <summary>
    /// The record version every received record must carry once TLS 1.2 is negotiated (protocol_version otherwise);
    /// null accepts any 0x03XX (before negotiation; and in TLS 1.3, which ignores the field, RFC 8446 §5.1).
    /// </summary>
    public TlsProtocolVersion? ExpectedReadVersion { get; set; }

    /// <summary>
    /// True once TLS 1.3 is negotiated: unprotected change_cipher_spec records must be the single byte 0x01
    /// (unexpected_message otherwise, RFC 8446 §5), and the record version is ignored. Protected records follow the
    /// installed protection's own version.
    /// </summary>
    public bool IsTls13 { get; set; }

    /// <summary>Bytes sealed and waiting for <see cref="Drain"/>.</summary>
    public int PendingOutput => _outEnd - _outStart;

    /// <summary>The queued output, for drivers that write it without copying; follow with <see cref="ConsumeOutput"/>.</summary>
    public ReadOnlySpan<byte> PendingOutputSpan => _output.AsSpan(_outStart, _outEnd - _outStart);

    /// <summary>Received bytes buffered and not yet returned as records.</summary>
    public int BufferedInput => _inEnd - _inStart - _consumeOnNextRead;

    /// <summary>True when a received record is incomplete in the buffer (an EOF now would truncate it).</summary>
    public bool HasPartialRecord => BufferedInput > 0;

    /// <summary>How many more bytes <see cref="Feed"/> would accept now.</summary>
    public int InputCapacity => _inputCapacity - (_inEnd - _inStart - _consumeOnNextRead);

    /// <summary>The next read sequence number (the number of records opened under the current read key).</summary>
    public ulong ReadSequence => _readSequence;

    /// <summary>The next write sequence number (the number of records sealed under the current write key).</summary>
    public ulong WriteSequence => _writeSequence;

    /// <summary>True when read protection is installed.</summary>
    public bool IsReadProtected => _read is not null;

    /// <summary>True when write protection is installed.</summary>
    public bool IsWriteProtected => _write is not null;

    /// <summary>The records written with the current key reached the AEAD's usage limit (RFC 8446 §5.5): time for a KeyUpdate.</summary>
    public bool WriteKeyLimitReached => _write is not null && _writeSequence >= (_options.KeyUsageLimit ?? _write.ConfidentialityLimit);

    /// <summary>The records read under the current key reached the AEAD's usage limit (RFC 8446 §5.5): the peer should update.</summary>
    public bool ReadKeyLimitReached => _read is not null && _readSequence >= (_options.KeyUsageLimit ?? _read.ConfidentialityLimit);

    /// <summary>Buffers received bytes.</summary>
    /// <param name="tlsBytes">Bytes from the transport.</param>
    /// <returns>How many were accepted (fewer when the buffer is full; process records and offer the rest again).</returns>
    /// <remarks>A payload returned by <see cref="TryReadRecord"/> is invalid after this call.</remarks>
    public int Feed(ReadOnlySpan<byte> tlsBytes)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ConsumePending();
        int free = _inputCapacity - _inEnd;
        if (free < tlsBytes.Length && _inStart > 0)
        {
            int buffered = _inEnd - _inStart;
            _input.AsSpan(_inStart, buffered).CopyTo(_input);
            _inStart = 0;
            _inEnd = buffered;
            free = _inputCapacity - _inEnd;
        }

        int accepted = Math.Min(free, tlsBytes.Length);
        tlsBytes[..accepted].CopyTo(_input.AsSpan(_inEnd));
        _inEnd += accepted;
        return accepted;
    }

    /// <summary>
    /// Takes the next complete record from the buffer, checks it and, under protection, opens it (in TLS 1.3 removing
    /// the padding and returning the inner content type).
    /// </summary>
    /// <param name="type">The content type.</param>
    /// <param name="payload">The content; valid until the next call to this method or to <see cref="Feed"/>.</param>
    /// <returns>False when no complete record is buffered.</returns>
    /// <exception cref="TlsException">The record breaks a record-layer rule; the exception names the alert.</exception>
    public bool TryReadRecord(out TlsContentType type, out ReadOnlyMemory<byte> payload)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ConsumePending();
        type = TlsContentType.Invalid;
        payload = default;
        int available = _inEnd - _inStart;
        if (available < RecordProtection.HeaderLength)
        {
            return false;
        }

        ReadOnlySpan<byte> header = _input.AsSpan(_inStart, RecordProtection.HeaderLength);
        TlsContentType outerType = (TlsContentType)header[0];
        ushort version = BinaryPrimitives.ReadUInt16BigEndian(header[1..]);
        int length = BinaryPrimitives.ReadUInt16BigEndian(header[3..]);
        CheckHeader(outerType, version, length);
        if (available < RecordProtection.HeaderLength + length)
        {
            return false;
        }

        int fragmentStart = _inStart + RecordProtection.HeaderLength;
        _consumeOnNextRead = RecordProtection.HeaderLength + length;
        int contentStart = fragmentStart;
        int contentLength = length;
        type = outerType;
        if (_read is not null && !IsUnprotectedRecord(outerType))
        {
            Open(outerType, fragmentStart, length, out type, out contentStart, out contentLength);
        }

        CheckContent(type, _input.AsSpan(contentStart, contentLength));
        payload = _input.AsMemory(contentStart, contentLength);
        return true;
    }

    /// <summary>Installs (or with null removes) read protection and resets the read sequence number to 0.</summary>
    /// <param name="protection">The new protection; the layer takes ownership and disposes the previous one.</param>
    public void SetReadProtection(RecordProtection? protection)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!ReferenceEquals(_read, protection))
        {
            _read?.Dispose();
        }

        _read = protection;
        _readSequence = 0;
    }

    /// <summary>Installs (or with null removes) write protection and resets the write sequence number to 0.</summary>
    /// <param name="protection">The new protection; the layer takes ownership and disposes the previous one.</param>
    public void SetWriteProtection(RecordProtection? protection)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!ReferenceEquals(_write, protection))
        {
            _write?.Dispose();
        }

        _write = protection;
        _writeSequence = 0;
    }

    /// <summary>
    /// Queues <paramref name="data"/> as records of <paramref name="type"/>, each at most MaxFragmentLength (2^14)
    /// bytes, sealed under the current write protection. Empty data writes nothing.
    /// </summary>
    /// <param name="type">The content type.</param>
    /// <param name="data">The content.</param>
    /// <exception cref="TlsException">The write sequence number would wrap (RFC 8446 §5.3, RFC 5246 §6.1).</exception>
    public void Write(TlsContentType type, ReadOnlySpan<byte> data)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        int maxFragment = _options.MaxFragmentLength;
        while (!data.IsEmpty)
        {
            int take = Math.Min(maxFragment, data.Length);
            WriteRecord(type, data[..take]);
            data = data[take..];
        }
    }

    /// <summary>Copies queued output into <paramref name="destination"/> and removes it from the queue.</summary>
    /// <param name="destination">Where to copy.</param>
    /// <returns>The number of bytes copied.</returns>
    public int Drain(Span<byte> destination)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        int count = Math.Min(destination.Length, _outEnd - _outStart);
        _output.AsSpan(_outStart, count).CopyTo(destination);
        ConsumeOutput(count);
        return count;
    }

    /// <summary>Removes <paramref name="count"/> bytes from the front of the output queue (after <see cref="PendingOutputSpan"/>).</summary>
    /// <param name="count">How many bytes were sent.</param>
    public void ConsumeOutput(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _outEnd - _outStart);
        _outStart += count;
        if (_outStart == _outEnd)
        {
            _outStart = _outEnd = 0;
        }
    }

    /// <summary>Sets both sequence numbers (tests of the wrap and usage limits).</summary>
    /// <param name="read">The next read sequence number.</param>
    /// <param name="write">The next write sequence number.</param>
    internal void SetSequenceNumbersForTesting(ulong read, ulong write)
    {
        _readSequence = read;
        _writeSequence = write;
    }

    /// <summary>Disposes the protections and returns the buffers to the pool.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _read?.Dispose();
        _write?.Dispose();
        _read = _write = null;
        _input.AsSpan().Clear();
        ArrayPool<byte>.Shared.Return(_input);
        _input = [];
        if (_output.Length > 0)
        {
            _output.AsSpan().Clear();
            ArrayPool<byte>.Shared.Return(_output);
            _output = [];
        }
    }

    private void ConsumePending()
    {
        if (_consumeOnNextRead > 0)
        {
            _inStart += _consumeOnNextRead;
            _consumeOnNextRead = 0;
            if (_inStart == _inEnd)
            {
                _inStart = _inEnd = 0;
            }
        }
    }

    /// <summary>A TLS 1.3 change_cipher_spec, and a plaintext alert before any protected record arrived, are not opened.</summary>
    private bool IsUnprotectedRecord(TlsContentType outerType)
    {
        if (_read!.Version != TlsProtocolVersion.Tls13)
        {
            return false;
        }

        // RFC 8446 §5: an unencrypted change_cipher_spec may arrive while handshake keys are in use.
        // A peer that could not derive the handshake keys reports that with a plaintext alert (as rustls allows).
        return outerType == TlsContentType.ChangeCipherSpec || (outerType == TlsContentType.Alert && !_openedProtectedRecord);
    }

    private void CheckHeader(TlsContentType outerType, ushort version, int length)
    {
        if (outerType is not (TlsContentType.ChangeCipherSpec or TlsContentType.Alert or TlsContentType.Handshake or TlsContentType.ApplicationData))
        {
            throw new TlsException(TlsError.UnexpectedRecord, TlsAlertDescription.UnexpectedMessage, $"RFC 8446 §5: record of unknown content type {(byte)outerType}.");
        }

        if ((version >> 8) != 3)
        {
            throw new TlsException(TlsError.NoCommonVersion, TlsAlertDescription.ProtocolVersion, $"RFC 8446 §5.1: record version 0x{version:x4} is not TLS (legacy_record_version must be 0x03XX).");
        }

        bool tls13 = IsTls13 || _read?.Version == TlsProtocolVersion.Tls13;
        if (!tls13 && ExpectedReadVersion is { } expected && version != (ushort)expected)
        {
            throw new TlsException(TlsError.NoCommonVersion, TlsAlertDescription.ProtocolVersion, $"RFC 5246 §6.2.1: record version 0x{version:x4} differs from the negotiated 0x{(ushort)expected:x4}.");
        }

        int limit;
        string clause;
        if (_read is null || IsUnprotectedRecord(outerType))
        {
            limit = MaxPlaintextLength;
            clause = "RFC 8446 §5.1: TLSPlaintext.length exceeds 2^14";
        }
        else if (_read.Version == TlsProtocolVersion.Tls13)
        {
            limit = MaxTls13CiphertextLength;
            clause = "RFC 8446 §5.2: TLSCiphertext.length exceeds 2^14 + 256";
        }
        else
        {
            limit = MaxTls12CiphertextLength;
            clause = "RFC 5246 §6.2.3: TLSCiphertext.length exceeds 2^14 + 2048";
        }

        if (length > limit)
        {
            throw new TlsException(TlsError.RecordOverflow, TlsAlertDescription.RecordOverflow, $"{clause} ({length} bytes).");
        }
    }

    private void Open(TlsContentType outerType, int fragmentStart, int length, out TlsContentType type, out int contentStart, out int contentLength)
    {
        RecordProtection read = _read!;
        if (read.Version == TlsProtocolVersion.Tls13 && outerType != TlsContentType.ApplicationData)
        {
            throw new TlsException(TlsError.UnexpectedRecord, TlsAlertDescription.UnexpectedMessage, $"RFC 8446 §5.2: a protected record must have opaque_type application_data, not {outerType}.");
        }

        if (_readSequence == ulong.MaxValue)
        {
            throw new TlsException(TlsError.LimitExceeded, TlsAlertDescription.InternalError, "RFC 8446 §5.3: the read sequence number would wrap; the peer had to update its keys.");
        }

        ReadOnlySpan<byte> header = _input.AsSpan(fragmentStart - RecordProtection.HeaderLength, RecordProtection.HeaderLength);
        Span<byte> fragment = _input.AsSpan(fragmentStart, length);
        if (!read.TryOpen(_readSequence, header, fragment, out type, out int offset, out contentLength, out int innerLength))
        {
            throw new TlsException(TlsError.BadRecordMac, TlsAlertDescription.BadRecordMac, "RFC 8446 §5.2: record authentication failed (bad_record_mac).");
        }

        _readSequence++;
        _openedProtectedRecord = true;
        contentStart = fragmentStart + offset;
        if (read.Version == TlsProtocolVersion.Tls13)
        {
            if (innerLength > MaxTls13InnerPlaintextLength)
            {
                throw new TlsException(TlsError.RecordOverflow, TlsAlertDescription.RecordOverflow, $"RFC 8446 §5.4: TLSInnerPlaintext of {innerLength} bytes exceeds 2^14 + 1.");
            }

            if (type == TlsContentType.Invalid)
            {
                throw new TlsException(TlsError.UnexpectedRecord, TlsAlertDescription.UnexpectedMessage, "RFC 8446 §5.4: the TLSInnerPlaintext has no non-zero content type.");
            }

            if (type == TlsContentType.ChangeCipherSpec)
            {
                throw new TlsException(TlsError.UnexpectedRecord, TlsAlertDescription.UnexpectedMessage, "RFC 8446 §5: a protected change_cipher_spec record.");
            }

            if (type is not (TlsContentType.Alert or TlsContentType.Handshake or TlsContentType.ApplicationData))
            {
                throw new TlsException(TlsError.UnexpectedRecord, TlsAlertDescription.UnexpectedMessage, $"RFC 8446 §5: protected record of unknown inner content type {(byte)type}.");
            }
        }
        else if (contentLength > MaxPlaintextLength)
        {
            throw new TlsException(TlsError.RecordOverflow, TlsAlertDescription.RecordOverflow, $"RFC 5246 §6.2.3: decrypted fragment of {contentLength} bytes exceeds 2^14.");
        }
    }

    private void CheckContent(TlsContentType type, ReadOnlySpan<byte> content)
    {
        if (content.IsEmpty)
        {
            if (type != TlsContentType.ApplicationData)
            {
                throw new TlsException(TlsError.UnexpectedRecord, TlsAlertDescription.UnexpectedMessage, $"RFC 8446 §5.1 / RFC 5246 §6.2.1: a zero-length {type} record.");
            }

            // RFC 8446 §5.1 allows zero-length application data; a flood of them is a denial of service.
            if (++_consecutiveEmptyRecords > _options.MaxConsecutiveEmptyRecords)
            {
                throw new TlsException(TlsError.UnexpectedRecord, TlsAlertDescription.UnexpectedMessage, $"More than {_options.MaxConsecutiveEmptyRecords} empty records in a row.");
            }

            return;
        }

        _consecutiveEmptyRecords = 0;
        switch (type)
        {
            case TlsContentType.Alert when content.Length != 2:
                // RFC 8446 §6 (and OpenSSL for TLS 1.2): one alert per record, never fragmented or coalesced.
                throw TlsException.Decode($"RFC 8446 §6: an alert record must hold exactly one 2-byte alert, not {content.Length} bytes.");
            case TlsContentType.ChangeCipherSpec when content.Length != 1 || content[0] != 1:
                if (IsTls13 || _read?.Version == TlsProtocolVersion.Tls13)
                {
                    throw new TlsException(TlsError.UnexpectedRecord, TlsAlertDescription.UnexpectedMessage, "RFC 8446 §5: a change_cipher_spec record must be the single byte 0x01.");
                }

                throw TlsException.Decode("RFC 5246 §7.1: a change_cipher_spec record must be the single byte 0x01.");
        }
    }

    private void WriteRecord(TlsContentType type, ReadOnlySpan<byte> content)
    {
        RecordProtection? write = _write;
        if (write is null)
        {
            Span<byte> plain = ReserveOutput(RecordProtection.HeaderLength + content.Length);
            plain[0] = (byte)type;
            BinaryPrimitives.WriteUInt16BigEndian(plain[1..], (ushort)LegacyWriteVersion);
            BinaryPrimitives.WriteUInt16BigEndian(plain[3..], (ushort)content.Length);
            content.CopyTo(plain[RecordProtection.HeaderLength..]);
            _outEnd += plain.Length;
            return;
        }

        if (_writeSequence == ulong.MaxValue)
        {
            throw new TlsException(TlsError.LimitExceeded, TlsAlertDescription.InternalError, "RFC 8446 §5.3 / RFC 5246 §6.1: the write sequence number would wrap; update the keys or close.");
        }

        Span<byte> record = ReserveOutput(RecordProtection.HeaderLength + content.Length + write.MaxExpansion);
        content.CopyTo(record[(RecordProtection.HeaderLength + write.ExplicitNonceLength)..]);
        int written = write.Seal(_writeSequence, type, LegacyWriteVersion, record, content.Length);
        _writeSequence++;
        _outEnd += written;
    }

    /// <summary>Makes room for <paramref name="count"/> bytes at the end of the output queue and returns that space.</summary>
    private Span<byte> ReserveOutput(int count)
    {
        int pending = _outEnd - _outStart;
        if (_output.Length - _outEnd < count)
        {
            if (_output.Length - pending >= count)
            {
                _output.AsSpan(_outStart, pending).CopyTo(_output);
            }
            else
            {
                byte[] larger = ArrayPool<byte>.Shared.Rent(Math.Max(pending + count, Math.Max(2 * MaxRecordLength, _output.Length * 2)));
                _output.AsSpan(_outStart, pending).CopyTo(larger);
                if (_output.Length > 0)
                {
                    _output.AsSpan().Clear();
                    ArrayPool<byte>.Shared.Return(_output);
                }

                _output = larger;
            }

            _outStart = 0;
            _outEnd = pending;
        }

        return _output.AsSpan(_outEnd, count);
    }
}
