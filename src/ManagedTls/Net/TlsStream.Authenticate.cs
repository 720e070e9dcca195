using System.Buffers;
using ManagedTls.Tls;

namespace ManagedTls.Net;

/// <summary>The handshake drivers.</summary>
public sealed partial class TlsStream
{
    /// <summary>Runs the client handshake to completion.</summary>
    /// <param name="options">The client configuration (server name, trust, versions, suites, groups...).</param>
    /// <exception cref="TlsException">The handshake failed; the alert was sent to (or received from) the peer.</exception>
    /// <exception cref="IOException">The transport failed or closed during the handshake.</exception>
    /// <exception cref="InvalidOperationException">This stream has already been authenticated.</exception>
    public void AuthenticateAsClient(TlsClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Start(TlsConnection.CreateClient(options));
        HandshakeAsync(sync: true, CancellationToken.None).GetAwaiter().GetResult();
    }

    /// <summary>Runs the client handshake to completion asynchronously.</summary>
    /// <param name="options">The client configuration.</param>
    /// <param name="cancellationToken">Cancels the transport reads and writes.</param>
    /// <returns>A task that completes when the handshake has.</returns>
    /// <exception cref="TlsException">The handshake failed; the alert was sent to (or received from) the peer.</exception>
    /// <exception cref="IOException">The transport failed or closed during the handshake.</exception>
    public Task AuthenticateAsClientAsync(TlsClientOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        Start(TlsConnection.CreateClient(options));
        return HandshakeAsync(sync: false, cancellationToken).AsTask();
    }

    /// <summary>Runs the server handshake to completion.</summary>
    /// <param name="options">The server configuration (certificate identity, client verification, suites...).</param>
    /// <exception cref="TlsException">The handshake failed; the alert was sent to (or received from) the peer.</exception>
    /// <exception cref="IOException">The transport failed or closed during the handshake.</exception>
    public void AuthenticateAsServer(TlsServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Start(TlsConnection.CreateServer(options));
        HandshakeAsync(sync: true, CancellationToken.None).GetAwaiter().GetResult();
    }

    /// <summary>Runs the server handshake to completion asynchronously.</summary>
    /// <param name="options">The server configuration.</param>
    /// <param name="cancellationToken">Cancels the transport reads and writes.</param>
    /// <returns>A task that completes when the handshake has.</returns>
    /// <exception cref="TlsException">The handshake failed; the alert was sent to (or received from) the peer.</exception>
    /// <exception cref="IOException">The transport failed or closed during the handshake.</exception>
    public Task AuthenticateAsServerAsync(TlsServerOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        Start(TlsConnection.CreateServer(options));
        return HandshakeAsync(sync: false, cancellationToken).AsTask();
    }

    private void Start(TlsConnection connection)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_connection is not null)
        {
            connection.Dispose();
            throw new InvalidOperationException("This stream has already been authenticated.");
        }

        _connection = connection;
        _input = ArrayPool<byte>.Shared.Rent(InputBufferSize);
        _output = ArrayPool<byte>.Shared.Rent(OutputBufferSize);
    }

    private async ValueTask HandshakeAsync(bool sync, CancellationToken cancellationToken)
    {
        TlsConnection connection = _connection!;
        while (true)
        {
            await FlushOutputAsync(sync, cancellationToken).ConfigureAwait(false);
            lock (_engineLock)
            {
                if (connection.Failure is { } failure)
                {
                    throw failure;
                }

                if (connection.IsHandshakeComplete)
                {
                    return;
                }
            }

            if (_inputStart < _inputEnd && await ProcessInputAsync(sync, cancellationToken).ConfigureAwait(false) > 0)
            {
                continue;
            }

            if (!await FillAsync(sync, cancellationToken).ConfigureAwait(false))
            {
                throw new IOException("The peer closed the connection during the TLS handshake (unexpected EOF).");
            }

            await ProcessInputAsync(sync, cancellationToken).ConfigureAwait(false);
        }
    }
}
