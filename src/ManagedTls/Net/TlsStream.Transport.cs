using ManagedTls.Tls;

namespace ManagedTls.Net;

/// <summary>Moving TLS bytes between the inner stream and the engine.</summary>
public sealed partial class TlsStream
{
    /// <summary>
    /// Reads once from the inner stream into the free tail of the input buffer (compacting it first).
    /// Returns false on end of stream.
    /// </summary>
    private async ValueTask<bool> FillAsync(bool sync, CancellationToken cancellationToken)
    {
        byte[] input = _input ?? throw new ObjectDisposedException(nameof(TlsStream));
        if (_inputStart == _inputEnd)
        {
            _inputStart = _inputEnd = 0;
        }
        else if (_inputStart > 0)
        {
            Buffer.BlockCopy(input, _inputStart, input, 0, _inputEnd - _inputStart);
            _inputEnd -= _inputStart;
            _inputStart = 0;
        }

        if (_inputEnd == input.Length)
        {
            throw new IOException("The TLS engine accepts no more input while its buffered records are unread.");
        }

        int read = sync
            ? _inner.Read(input, _inputEnd, input.Length - _inputEnd)
            : await _inner.ReadAsync(input.AsMemory(_inputEnd), cancellationToken).ConfigureAwait(false);
        if (read == 0)
        {
            _innerEof = true;
            return false;
        }

        _inputEnd += read;
        Interlocked.Add(ref _bytesReceived, read);
        return true;
    }

    /// <summary>
    /// Hands the buffered input to the engine and lets it process; then sends whatever it queued (handshake
    /// flights, KeyUpdate answers, alerts). On a protocol failure the alert is sent before the exception propagates.
    /// Returns the number of bytes the engine accepted.
    /// </summary>
    private async ValueTask<int> ProcessInputAsync(bool sync, CancellationToken cancellationToken)
    {
        int accepted = 0;
        TlsException? failure = null;
        lock (_engineLock)
        {
            TlsConnection connection = _connection!;
            try
            {
                while (_inputStart < _inputEnd)
                {
                    int n = connection.ReadTls(_input.AsSpan(_inputStart, _inputEnd - _inputStart));
                    _inputStart += n;
                    accepted += n;
                    connection.ProcessNewPackets();
                    if (n == 0)
                    {
                        break;
                    }
                }
            }
            catch (TlsException e)
            {
                failure = e;
            }
        }

        try
        {
            await FlushOutputAsync(sync, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException) when (failure is not null)
        {
            // The peer may already have gone; the protocol failure is the one to report.
        }

        if (failure is not null)
        {
            throw failure;
        }

        return accepted;
    }

    /// <summary>Writes everything the engine has queued to the inner stream, one writer at a time, in order.</summary>
    private async ValueTask FlushOutputAsync(bool sync, CancellationToken cancellationToken)
    {
        if (sync)
        {
            _outputGate.Wait(cancellationToken);
        }
        else
        {
            await _outputGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            bool wrote = false;
            while (true)
            {
                int n;
                byte[] output;
                lock (_engineLock)
                {
                    output = _output ?? throw new ObjectDisposedException(nameof(TlsStream));
                    if (_connection!.PendingTlsBytes == 0)
                    {
                        break;
                    }

                    n = _connection.WriteTls(output);
                }

                if (n == 0)
                {
                    break;
                }

                if (sync)
                {
                    _inner.Write(output, 0, n);
                }
                else
                {
                    await _inner.WriteAsync(output.AsMemory(0, n), cancellationToken).ConfigureAwait(false);
                }

                Interlocked.Add(ref _bytesSent, n);
                wrote = true;
            }

            if (wrote)
            {
                if (sync)
                {
                    _inner.Flush();
                }
                else
                {
                    await _inner.FlushAsync(cancellationToken).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            _outputGate.Release();
        }
    }
}
