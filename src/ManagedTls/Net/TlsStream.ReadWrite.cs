using ManagedTls.Tls;

namespace ManagedTls.Net;

/// <summary>Plaintext reads and writes, close_notify and KeyUpdate.</summary>
public sealed partial class TlsStream
{
    /// <inheritdoc/>
    public override int Read(byte[] buffer, int offset, int count)
    {
        ValidateBufferArguments(buffer, offset, count);
        return Read(buffer.AsSpan(offset, count));
    }

    /// <inheritdoc/>
    public override int Read(Span<byte> buffer)
    {
        TlsConnection connection = AuthenticatedEngine();
        if (buffer.IsEmpty)
        {
            return 0;
        }

        _readGate.Wait();
        try
        {
            while (true)
            {
                if (TryTakePlaintext(connection, buffer, out int n))
                {
                    return n;
                }

                try
                {
                    ProcessInputAsync(sync: true, CancellationToken.None).GetAwaiter().GetResult();
                    if (TryTakePlaintext(connection, buffer, out n))
                    {
                        return n;
                    }

                    if (!FillAsync(sync: true, CancellationToken.None).GetAwaiter().GetResult())
                    {
                        return 0;
                    }
                }
                catch (TlsException e)
                {
                    throw AsIOException(e);
                }
            }
        }
        finally
        {
            _readGate.Release();
        }
    }

    /// <inheritdoc/>
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        ValidateBufferArguments(buffer, offset, count);
        return ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }

    /// <inheritdoc/>
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        TlsConnection connection = AuthenticatedEngine();
        if (buffer.IsEmpty)
        {
            return 0;
        }

        await _readGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (true)
            {
                if (TryTakePlaintext(connection, buffer.Span, out int n))
                {
                    return n;
                }

                try
                {
                    await ProcessInputAsync(sync: false, cancellationToken).ConfigureAwait(false);
                    if (TryTakePlaintext(connection, buffer.Span, out n))
                    {
                        return n;
                    }

                    if (!await FillAsync(sync: false, cancellationToken).ConfigureAwait(false))
                    {
                        return 0;
                    }
                }
                catch (TlsException e)
                {
                    throw AsIOException(e);
                }
            }
        }
        finally
        {
            _readGate.Release();
        }
    }

    /// <inheritdoc/>
    public override void Write(byte[] buffer, int offset, int count)
    {
        ValidateBufferArguments(buffer, offset, count);
        Write(buffer.AsSpan(offset, count));
    }

    /// <inheritdoc/>
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        TlsConnection connection = AuthenticatedEngine();
        while (!buffer.IsEmpty)
        {
            int n = Math.Min(buffer.Length, WriteChunkSize);
            Queue(connection, buffer[..n]);
            FlushOutputAsync(sync: true, CancellationToken.None).GetAwaiter().GetResult();
            buffer = buffer[n..];
        }
    }

    /// <inheritdoc/>
    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        ValidateBufferArguments(buffer, offset, count);
        return WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }

    /// <inheritdoc/>
    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        TlsConnection connection = AuthenticatedEngine();
        while (!buffer.IsEmpty)
        {
            int n = Math.Min(buffer.Length, WriteChunkSize);
            Queue(connection, buffer.Span[..n]);
            await FlushOutputAsync(sync: false, cancellationToken).ConfigureAwait(false);
            buffer = buffer[n..];
        }
    }

    /// <inheritdoc/>
    public override void Flush()
    {
        if (_connection is not null && !_disposed)
        {
            FlushOutputAsync(sync: true, CancellationToken.None).GetAwaiter().GetResult();
        }

        _inner.Flush();
    }

    /// <inheritdoc/>
    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_connection is not null && !_disposed)
        {
            await FlushOutputAsync(sync: false, cancellationToken).ConfigureAwait(false);
        }

        await _inner.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends close_notify (a half close: the peer's data can still be read until its own close_notify).</summary>
    /// <exception cref="IOException">The transport failed.</exception>
    public void Shutdown()
    {
        TlsConnection connection = Engine();
        Run(connection, static c => c.SendCloseNotify());
        FlushOutputAsync(sync: true, CancellationToken.None).GetAwaiter().GetResult();
    }

    /// <summary>Sends close_notify asynchronously (a half close, as <see cref="Shutdown"/>).</summary>
    /// <param name="cancellationToken">Cancels the transport write.</param>
    /// <returns>A task that completes when the alert has been written.</returns>
    public async Task ShutdownAsync(CancellationToken cancellationToken = default)
    {
        TlsConnection connection = Engine();
        Run(connection, static c => c.SendCloseNotify());
        await FlushOutputAsync(sync: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends a TLS 1.3 KeyUpdate (RFC 8446 §4.6.3) and switches this side's write keys.</summary>
    /// <param name="requestPeerUpdate">True for update_requested: the peer must update its keys too.</param>
    /// <exception cref="IOException">The connection is not TLS 1.3, has failed, or the transport failed.</exception>
    public void SendKeyUpdate(bool requestPeerUpdate)
    {
        TlsConnection connection = AuthenticatedEngine();
        Run(connection, c => c.SendKeyUpdate(requestPeerUpdate));
        FlushOutputAsync(sync: true, CancellationToken.None).GetAwaiter().GetResult();
    }

    /// <summary>Sends a TLS 1.3 KeyUpdate asynchronously (see <see cref="SendKeyUpdate"/>).</summary>
    /// <param name="requestPeerUpdate">True for update_requested.</param>
    /// <param name="cancellationToken">Cancels the transport write.</param>
    /// <returns>A task that completes when the message has been written.</returns>
    public async Task SendKeyUpdateAsync(bool requestPeerUpdate, CancellationToken cancellationToken = default)
    {
        TlsConnection connection = AuthenticatedEngine();
        Run(connection, c => c.SendKeyUpdate(requestPeerUpdate));
        await FlushOutputAsync(sync: false, cancellationToken).ConfigureAwait(false);
    }

    private bool TryTakePlaintext(TlsConnection connection, Span<byte> buffer, out int count)
    {
        lock (_engineLock)
        {
            count = connection.Read(buffer);
            if (count > 0)
            {
                return true;
            }

            if (connection.Failure is { } failure)
            {
                throw AsIOException(failure);
            }

            return connection.ReceivedCloseNotify || (_innerEof && _inputStart == _inputEnd);
        }
    }

    private void Queue(TlsConnection connection, ReadOnlySpan<byte> data)
    {
        lock (_engineLock)
        {
            try
            {
                connection.Write(data);
            }
            catch (TlsException e)
            {
                throw AsIOException(e);
            }
        }
    }

    private void Run(TlsConnection connection, Action<TlsConnection> action)
    {
        lock (_engineLock)
        {
            try
            {
                action(connection);
            }
            catch (TlsException e)
            {
                throw AsIOException(e);
            }
        }
    }

    private static IOException AsIOException(TlsException e) =>
        new($"TLS connection failed: {e.Message} (alert {e.Alert})", e);

    private TlsConnection AuthenticatedEngine()
    {
        TlsConnection connection = Engine();
        return connection.IsHandshakeComplete
            ? connection
            : throw new InvalidOperationException("The TLS handshake has not completed; call an Authenticate method first.");
    }
}
