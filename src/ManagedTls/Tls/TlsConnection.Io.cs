using ManagedTls.Tls.Handshake;
using ManagedTls.Tls.Record;

namespace ManagedTls.Tls;

public sealed partial class TlsConnection
{
    private const int MaxPlaintextChunk = 16384;

    private readonly RecordLayer _record;
    private readonly HandshakeJoiner _joiner;
    private readonly HandshakeContext _context;
    private readonly List<byte[]> _heldWrites = [];
    private HandshakeState _state;
    private byte[] _plaintext = new byte[1024];
    private int _plaintextStart;
    private int _plaintextLength;
    private bool _compatibilityCcsReceived;
    private bool _peerKeyUpdateRequested;
    private bool _disposed;

    private TlsConnection(TlsOptions options, bool isServer)
    {
        IsServer = isServer;
        _record = new RecordLayer(RecordOptions(options));
        _joiner = new HandshakeJoiner(options.MaxHandshakeMessageSize);
        _context = new HandshakeContext(this, options, isServer, _record);
        _state = isServer ? ExpectClientHello.Instance : ExpectServerHello.Start(_context);
    }

    /// <summary>The number of TLS bytes queued for the peer.</summary>
    public int PendingTlsBytes => _record.PendingOutput;

    /// <summary>The number of decrypted application bytes ready for <see cref="Read"/>.</summary>
    public int PlaintextAvailable => _plaintextLength;

    /// <summary>Whether more TLS input is needed to make progress (handshake or application data).</summary>
    public bool WantsRead => Failure is null && !ReceivedCloseNotify && (!IsHandshakeComplete || _plaintextLength == 0);

    /// <summary>OpenSSL's <c>SSL_state_string_long</c> text for the current handshake state ("error" after a failure).</summary>
    public string StateString => Failure is not null ? "error" : _state.StateString;

    /// <summary>Buffers TLS bytes received from the peer; call <see cref="ProcessNewPackets"/> afterwards.</summary>
    /// <param name="data">Bytes from the transport.</param>
    /// <returns>The number of bytes accepted (less than offered when the input buffer is full).</returns>
    /// <exception cref="TlsException">The connection has failed (sticky).</exception>
    public int ReadTls(ReadOnlySpan<byte> data)
    {
        ThrowIfFailed();
        return _record.Feed(data);
    }

    /// <summary>Processes buffered TLS input: handshake progress, alerts, application data.</summary>
    /// <exception cref="TlsException">A protocol failure or a fatal alert from the peer; sticky.</exception>
    public void ProcessNewPackets()
    {
        ThrowIfFailed();
        try
        {
            while (!ReceivedCloseNotify && _record.TryReadRecord(out TlsContentType type, out ReadOnlyMemory<byte> payload))
            {
                ProcessRecord(type, payload.Span);
            }

            CheckKeyLimits();
        }
        catch (TlsException e)
        {
            Fail(e);
            throw;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException or IndexOutOfRangeException)
        {
            // One translation at the engine boundary: a lower layer's surprise becomes internal_error, still sticky.
            var failure = new TlsException(TlsError.Internal, TlsAlertDescription.InternalError, $"internal error: {e.Message}", e);
            Fail(failure);
            throw failure;
        }
    }

    /// <summary>Drains queued TLS bytes for the peer (also after a failure, to deliver the alert).</summary>
    /// <param name="destination">Where to copy them.</param>
    /// <returns>The number of bytes copied.</returns>
    public int WriteTls(Span<byte> destination) => _record.Drain(destination);

    /// <summary>Reads decrypted application data.</summary>
    /// <param name="destination">Where to copy it.</param>
    /// <returns>The number of bytes copied; 0 when none is available now (see <see cref="ReceivedCloseNotify"/>).</returns>
    /// <exception cref="TlsException">The connection has failed (sticky).</exception>
    public int Read(Span<byte> destination)
    {
        int count = Peek(destination);
        _plaintextStart += count;
        _plaintextLength -= count;
        if (_plaintextLength == 0)
        {
            _plaintextStart = 0;
        }

        return count;
    }

    /// <summary>Like <see cref="Read"/> but leaves the data buffered.</summary>
    /// <param name="destination">Where to copy it.</param>
    /// <returns>The number of bytes copied.</returns>
    /// <exception cref="TlsException">The connection has failed (sticky).</exception>
    public int Peek(Span<byte> destination)
    {
        if (_plaintextLength == 0)
        {
            ThrowIfFailed();
            return 0;
        }

        int count = Math.Min(destination.Length, _plaintextLength);
        _plaintext.AsSpan(_plaintextStart, count).CopyTo(destination);
        return count;
    }

    /// <summary>Queues application data as records of at most 16 KiB; before the handshake completes it is held and sent afterwards.</summary>
    /// <param name="data">The plaintext.</param>
    /// <exception cref="TlsException">The connection has failed or close_notify was sent.</exception>
    public void Write(ReadOnlySpan<byte> data)
    {
        ThrowIfFailed();
        if (SentCloseNotify)
        {
            throw new TlsException(TlsError.Closed, TlsAlertDescription.CloseNotify, "the connection was closed for writing (close_notify sent)");
        }

        if (!IsHandshakeComplete)
        {
            _heldWrites.Add(data.ToArray());
            return;
        }

        byte[] copy = data.ToArray();
        Guarded(() => WriteApplicationData(copy));
    }

    /// <summary>Queues a close_notify alert; further writes are refused, reads continue (half close).</summary>
    public void SendCloseNotify()
    {
        if (SentCloseNotify || Failure is not null || _disposed)
        {
            return;
        }

        SentCloseNotify = true;
        _record.Write(TlsContentType.Alert, [(byte)TlsAlertLevel.Warning, (byte)TlsAlertDescription.CloseNotify]);
    }

    /// <summary>TLS 1.3: queues a KeyUpdate and switches to the next sending key.</summary>
    /// <param name="requestPeerUpdate">Whether the peer is asked to update its sending key too.</param>
    /// <exception cref="InvalidOperationException">The handshake is not complete, the version is not TLS 1.3, or close_notify was sent.</exception>
    /// <exception cref="TlsException">The connection has failed (sticky).</exception>
    public void SendKeyUpdate(bool requestPeerUpdate)
    {
        ThrowIfFailed();
        if (!IsHandshakeComplete || NegotiatedVersion != TlsProtocolVersion.Tls13 || _state is not ITrafficState traffic || SentCloseNotify)
        {
            throw new InvalidOperationException("KeyUpdate needs a completed TLS 1.3 handshake on a connection still open for writing.");
        }

        Guarded(() => traffic.SendKeyUpdate(_context, requestPeerUpdate));
    }

    /// <summary>Derives keying material (RFC 8446 §7.5 for TLS 1.3, RFC 5705 for TLS 1.2).</summary>
    /// <param name="label">The exporter label.</param>
    /// <param name="context">The context value.</param>
    /// <param name="useContext">Whether a context is used (TLS 1.2 distinguishes no context from an empty one).</param>
    /// <param name="length">The number of bytes wanted.</param>
    /// <returns>The keying material.</returns>
    /// <exception cref="InvalidOperationException">The handshake is not complete.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is negative.</exception>
    public byte[] ExportKeyingMaterial(string label, ReadOnlySpan<byte> context, bool useContext, int length)
    {
        ArgumentNullException.ThrowIfNull(label);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        if (!IsHandshakeComplete || _state is not ITrafficState traffic)
        {
            throw new InvalidOperationException("Keying material can be exported only after the handshake completes.");
        }

        return traffic.ExportKeyingMaterial(_context, label, context, useContext, length);
    }

    /// <summary>Releases the keys; the connection is unusable afterwards.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _context.Dispose();
        _record.Dispose();
    }

    private static RecordLayerOptions RecordOptions(TlsOptions options) => new()
    {
        MaxHandshakeMessageSize = options.MaxHandshakeMessageSize,
        KeyUsageLimit = options.KeyUpdateAfterRecords,
    };

    private void ProcessRecord(TlsContentType type, ReadOnlySpan<byte> payload)
    {
        switch (type)
        {
            case TlsContentType.Handshake:
                ProcessHandshake(payload);
                break;
            case TlsContentType.ChangeCipherSpec:
                ProcessChangeCipherSpec(payload);
                break;
            case TlsContentType.Alert:
                ProcessAlert(payload);
                break;
            case TlsContentType.ApplicationData:
                if (!_state.IsConnected || _joiner.HasPartialMessage)
                {
                    throw TlsException.Unexpected("RFC 8446 §5: application data before the handshake completed");
                }

                AppendPlaintext(payload);
                break;
            default:
                throw new TlsException(TlsError.UnexpectedRecord, TlsAlertDescription.UnexpectedMessage, $"RFC 8446 §5: unexpected record type {type}");
        }
    }

    private void ProcessHandshake(ReadOnlySpan<byte> payload)
    {
        _joiner.Add(payload);
        while (_joiner.TryNext(out TlsHandshakeType type, out ReadOnlyMemory<byte> raw))
        {
            _context.ReadKeyChanged = false;
            _state = _state.Handle(_context, new HandshakeMessage(type, raw.ToArray()));
            if (_context.ReadKeyChanged && (_joiner.HasPartialMessage || _joiner.TryNext(out _, out _)))
            {
                throw TlsException.Unexpected("RFC 8446 §5.1: handshake data not aligned with a key change");
            }

            if (_state.IsConnected && !IsHandshakeComplete)
            {
                CompleteHandshake();
            }
        }
    }

    private void ProcessChangeCipherSpec(ReadOnlySpan<byte> payload)
    {
        if (payload.Length != 1 || payload[0] != 1)
        {
            throw TlsException.Unexpected("RFC 8446 §5: a ChangeCipherSpec record must be the single byte 0x01");
        }

        if (_joiner.HasPartialMessage)
        {
            throw TlsException.Unexpected("RFC 8446 §5.1 / RFC 5246 §7.1: ChangeCipherSpec inside a fragmented handshake message");
        }

        if (_state.AcceptsCompatibilityChangeCipherSpec)
        {
            if (_compatibilityCcsReceived)
            {
                throw TlsException.Unexpected("RFC 8446 §5: a second ChangeCipherSpec during the TLS 1.3 handshake");
            }

            _compatibilityCcsReceived = true;
            return;
        }

        _state = _state.HandleChangeCipherSpec(_context);
    }

    private void ProcessAlert(ReadOnlySpan<byte> payload)
    {
        if (payload.Length != 2)
        {
            throw TlsException.Decode("RFC 8446 §6: an alert record must hold exactly one two-byte alert");
        }

        var level = (TlsAlertLevel)payload[0];
        var description = (TlsAlertDescription)payload[1];
        if (description == TlsAlertDescription.CloseNotify)
        {
            ReceivedCloseNotify = true;
            return;
        }

        // RFC 8446 §6: in TLS 1.3 every alert but close_notify and user_canceled is fatal whatever its level.
        bool tls13 = NegotiatedVersion == TlsProtocolVersion.Tls13 || NegotiatedVersion == TlsProtocolVersion.None;
        if (level == TlsAlertLevel.Warning && (description == TlsAlertDescription.UserCanceled || !tls13))
        {
            return;
        }

        throw new TlsException(TlsError.PeerAlert, description, $"the peer sent a fatal {description} alert");
    }

    private void CompleteHandshake()
    {
        IsHandshakeComplete = true;
        foreach (byte[] held in _heldWrites)
        {
            if (!SentCloseNotify)
            {
                WriteApplicationData(held);
            }
        }

        _heldWrites.Clear();
    }

    private void WriteApplicationData(byte[] data)
    {
        for (int offset = 0; offset < data.Length || (data.Length == 0 && offset == 0); offset += MaxPlaintextChunk)
        {
            CheckKeyLimits();
            int count = Math.Min(MaxPlaintextChunk, data.Length - offset);
            _record.Write(TlsContentType.ApplicationData, data.AsSpan(offset, count));
            if (data.Length == 0)
            {
                break;
            }
        }
    }

    private void CheckKeyLimits()
    {
        // RFC 8446 §5.5: update keys before the AEAD usage limit; ask the peer to update when our read key wears out.
        if (!IsHandshakeComplete || NegotiatedVersion != TlsProtocolVersion.Tls13 || SentCloseNotify || _state is not ITrafficState traffic)
        {
            return;
        }

        // One outstanding request at a time: the flag clears when the peer's KeyUpdate replaces our read key. Without it
        // every record written until then would carry another update_requested (RFC 8446 §4.6.3).
        if (!_record.ReadKeyLimitReached)
        {
            _peerKeyUpdateRequested = false;
        }

        bool requestPeer = _record.ReadKeyLimitReached && !_peerKeyUpdateRequested;
        if (_record.WriteKeyLimitReached || requestPeer)
        {
            traffic.SendKeyUpdate(_context, requestPeerUpdate: requestPeer);
            _peerKeyUpdateRequested |= requestPeer;
        }
    }

    private void AppendPlaintext(ReadOnlySpan<byte> data)
    {
        if (_plaintextStart + _plaintextLength + data.Length > _plaintext.Length)
        {
            if (_plaintextLength + data.Length <= _plaintext.Length)
            {
                _plaintext.AsSpan(_plaintextStart, _plaintextLength).CopyTo(_plaintext);
            }
            else
            {
                byte[] bigger = new byte[Math.Max(_plaintext.Length * 2, _plaintextLength + data.Length)];
                _plaintext.AsSpan(_plaintextStart, _plaintextLength).CopyTo(bigger);
                _plaintext = bigger;
            }

            _plaintextStart = 0;
        }

        data.CopyTo(_plaintext.AsSpan(_plaintextStart + _plaintextLength));
        _plaintextLength += data.Length;
    }

    private void Guarded(Action action)
    {
        try
        {
            action();
        }
        catch (TlsException e)
        {
            Fail(e);
            throw;
        }
    }

    private void Fail(TlsException failure)
    {
        if (Failure is not null)
        {
            return;
        }

        Failure = failure;
        if (failure.Error == TlsError.PeerAlert || _disposed)
        {
            return;
        }

        try
        {
            _record.Write(TlsContentType.Alert, [(byte)TlsAlertLevel.Fatal, (byte)failure.Alert]);
        }
        catch (TlsException)
        {
            // the alert cannot be sealed (the record layer itself failed): the failure stays sticky without it
        }
    }

    private void ThrowIfFailed()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (Failure is { } failure)
        {
            throw failure;
        }
    }
}
