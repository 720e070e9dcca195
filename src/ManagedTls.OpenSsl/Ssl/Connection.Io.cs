using System.Net.Sockets;
using ManagedTls.Tls;

namespace ManagedTls.OpenSsl;

/// <summary>The memory BIOs and the I/O calls: <c>bio_write</c>/<c>bio_read</c>/<c>bio_shutdown</c>, <c>do_handshake</c>, <c>send</c>, <c>recv</c>, <c>shutdown</c>.</summary>
public sealed partial class Connection
{
    private readonly ByteQueue _incoming = new();
    private readonly ByteQueue _outgoing = new();
    private readonly ConnectionHooks _hooks = new();
    private TlsConnection? _tls;
    private bool? _isServer;
    private bool _inputEof;
    private bool _wantRead;
    private ShutdownState _shutdown;
    private bool _closeNotifySeen;

    /// <summary>Makes the connection a client (<c>set_connect_state</c>): the handshake starts at the next I/O call.</summary>
    public void SetConnectState() => _isServer = false;

    /// <summary>Makes the connection a server (<c>set_accept_state</c>): it waits for a ClientHello at the next I/O call.</summary>
    public void SetAcceptState() => _isServer = true;

    /// <summary>
    /// Adds bytes received from the peer to the read end of the memory BIO (<c>bio_write</c>). Nothing is processed
    /// until the next I/O call (<see cref="DoHandshake"/>, <see cref="Recv"/>, <see cref="Send"/>, <see cref="Shutdown"/>).
    /// </summary>
    /// <param name="buf">The bytes.</param>
    /// <returns>The number of bytes taken: all of them.</returns>
    public int BioWrite(ReadOnlySpan<byte> buf)
    {
        _incoming.Enqueue(buf);
        return buf.Length;
    }

    /// <summary>
    /// Takes up to <paramref name="bufsiz"/> bytes the connection has to send to the peer from the write end of the
    /// memory BIO (<c>bio_read</c>); the rest stay queued for the next call.
    /// </summary>
    /// <param name="bufsiz">The most bytes to return (positive).</param>
    /// <returns>Between 1 and <paramref name="bufsiz"/> bytes.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bufsiz"/> is not positive.</exception>
    /// <exception cref="WantReadException">Nothing is queued (OpenSSL's empty memory BIO asks to retry).</exception>
    public byte[] BioRead(int bufsiz)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bufsiz);
        DrainEngine();
        if (_outgoing.Count == 0)
        {
            throw new WantReadException();
        }

        return _outgoing.Dequeue(bufsiz);
    }

    /// <summary>
    /// Signals the end of input on the read end of the memory BIO (<c>bio_shutdown</c>): once the queued bytes are
    /// processed, an operation that needs more input throws <see cref="SysCallException"/> <c>(-1, "Unexpected EOF")</c>
    /// (or <see cref="ZeroReturnException"/> after the peer's close_notify) instead of <see cref="WantReadException"/>.
    /// </summary>
    public void BioShutdown() => _inputEof = true;

    /// <summary>Runs the handshake as far as the input allows (<c>do_handshake</c>); returns once it is complete.</summary>
    /// <exception cref="WantReadException">It needs bytes from the peer: move them with <see cref="BioRead"/>/<see cref="BioWrite"/> and call again.</exception>
    /// <exception cref="SysCallException">The input ended (<see cref="BioShutdown"/>) before the handshake completed.</exception>
    /// <exception cref="SslException">
    /// The handshake failed (OpenSSL's reason: "certificate verify failed", "no shared cipher", "tlsv1 alert unknown ca"...;
    /// the engine's <see cref="TlsException"/> is the inner exception); or no connect/accept state was set
    /// ("connection type not set").
    /// </exception>
    public void DoHandshake()
    {
        TlsConnection tls = EnsureEngine("SSL_do_handshake", "connection type not set");
        Drive(tls);
        if (!tls.IsHandshakeComplete)
        {
            throw NeedInput(tls);
        }

        _wantRead = false;
    }

    /// <summary>
    /// Sends application data (<c>send</c>): finishes the handshake first if needed, then queues all of
    /// <paramref name="buf"/> as TLS records (one record per call up to 16 KiB) for <see cref="BioRead"/>.
    /// </summary>
    /// <param name="buf">The data.</param>
    /// <param name="flags">Ignored (socket-API compatibility, as in pyOpenSSL).</param>
    /// <returns>The number of bytes sent: all of them.</returns>
    /// <exception cref="WantReadException">The handshake needs bytes from the peer first.</exception>
    /// <exception cref="SysCallException">The input ended before the handshake completed.</exception>
    /// <exception cref="SslException">The handshake failed, or this side already sent close_notify ("protocol is shutdown").</exception>
    public int Send(ReadOnlySpan<byte> buf, int flags = 0)
    {
        _ = flags;
        if ((_shutdown & ShutdownState.Sent) != 0)
        {
            throw new SslException(SslErrors.Ssl, "ssl_write_internal", "protocol is shutdown");
        }

        TlsConnection tls = EnsureEngine("SSL_write", "uninitialized");
        if (!tls.IsHandshakeComplete)
        {
            Drive(tls);
            if (!tls.IsHandshakeComplete)
            {
                throw NeedInput(tls);
            }
        }

        _wantRead = false;
        if (buf.IsEmpty)
        {
            return 0;
        }

        try
        {
            tls.Write(buf);
        }
        catch (TlsException e)
        {
            DrainEngine();
            throw Translate(e, tls);
        }

        DrainEngine();
        return buf.Length;
    }

    /// <summary>pyOpenSSL's <c>write</c>, an alias of <see cref="Send"/>.</summary>
    /// <param name="buf">The data.</param>
    /// <param name="flags">Ignored.</param>
    /// <returns>The number of bytes sent.</returns>
    /// <exception cref="WantReadException">The handshake needs bytes from the peer first.</exception>
    /// <exception cref="SslException">As for <see cref="Send"/>.</exception>
    public int Write(ReadOnlySpan<byte> buf, int flags = 0) => Send(buf, flags);

    /// <summary>pyOpenSSL's <c>read</c>, an alias of <see cref="Recv"/>.</summary>
    /// <param name="bufsiz">The most bytes to return.</param>
    /// <param name="flags"><see cref="SocketFlags.Peek"/> or none.</param>
    /// <returns>The data.</returns>
    /// <exception cref="WantReadException">No data yet.</exception>
    /// <exception cref="ZeroReturnException">The peer closed cleanly.</exception>
    /// <exception cref="SysCallException">The input ended without a close_notify.</exception>
    /// <exception cref="SslException">The connection failed.</exception>
    public byte[] Read(int bufsiz, SocketFlags flags = SocketFlags.None) => Recv(bufsiz, flags);

    /// <summary>Sends all of the data (<c>sendall</c>); over memory BIOs the same as <see cref="Send"/>.</summary>
    /// <param name="buf">The data.</param>
    /// <param name="flags">Ignored.</param>
    /// <returns>The number of bytes sent.</returns>
    /// <exception cref="WantReadException">The handshake needs bytes from the peer first.</exception>
    /// <exception cref="SslException">As for <see cref="Send"/>.</exception>
    public int Sendall(ReadOnlySpan<byte> buf, int flags = 0) => Send(buf, flags);

    /// <summary>
    /// Receives up to <paramref name="bufsiz"/> bytes of application data (<c>recv</c>), finishing the handshake first
    /// if needed. With <see cref="SocketFlags.Peek"/> (<c>MSG_PEEK</c>) the data stays buffered for the next call.
    /// </summary>
    /// <param name="bufsiz">The most bytes to return.</param>
    /// <param name="flags"><see cref="SocketFlags.Peek"/> or none; other flags are ignored.</param>
    /// <returns>At least one byte (or none when <paramref name="bufsiz"/> is 0).</returns>
    /// <exception cref="WantReadException">No data yet: it needs bytes from the peer.</exception>
    /// <exception cref="ZeroReturnException">The peer's close_notify was received and all data before it read.</exception>
    /// <exception cref="SysCallException">The input ended (<see cref="BioShutdown"/>) without a close_notify: <c>(-1, "Unexpected EOF")</c>.</exception>
    /// <exception cref="SslException">The connection failed (e.g. a fatal alert from the peer).</exception>
    public byte[] Recv(int bufsiz, SocketFlags flags = SocketFlags.None)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bufsiz);
        byte[] buffer = new byte[bufsiz];
        int n = RecvInto(buffer, bufsiz, flags);
        return n == bufsiz ? buffer : buffer[..n];
    }

    /// <summary>Receives application data into <paramref name="buffer"/> (<c>recv_into</c>), as <see cref="Recv"/>.</summary>
    /// <param name="buffer">Where to copy the data.</param>
    /// <param name="nbytes">The most bytes to copy; null or larger than the buffer means the buffer's length.</param>
    /// <param name="flags"><see cref="SocketFlags.Peek"/> (<c>MSG_PEEK</c>) or none; other flags are ignored.</param>
    /// <returns>The number of bytes copied.</returns>
    /// <exception cref="WantReadException">No data yet.</exception>
    /// <exception cref="ZeroReturnException">The peer closed cleanly.</exception>
    /// <exception cref="SysCallException">The input ended without a close_notify.</exception>
    /// <exception cref="SslException">The connection failed.</exception>
    public int RecvInto(byte[] buffer, int? nbytes = null, SocketFlags flags = SocketFlags.None)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        int max = nbytes is { } n ? Math.Min(Math.Max(n, 0), buffer.Length) : buffer.Length;
        TlsConnection tls = EnsureEngine("SSL_read", "uninitialized");
        Drive(tls);
        if (!tls.IsHandshakeComplete)
        {
            throw NeedInput(tls);
        }

        if (tls.PlaintextAvailable > 0 || max == 0)
        {
            _wantRead = false;
            Span<byte> destination = buffer.AsSpan(0, max);
            return (flags & SocketFlags.Peek) != 0 ? tls.Peek(destination) : tls.Read(destination);
        }

        SyncShutdown(tls);
        if (_closeNotifySeen)
        {
            _wantRead = false;
            throw new ZeroReturnException();
        }

        throw NeedInput(tls);
    }

    /// <summary>
    /// Closes the TLS connection (<c>shutdown</c>), as OpenSSL's <c>SSL_shutdown</c>: the first call sends close_notify
    /// and returns true only if the peer's had already arrived; a later call returns true once the peer's close_notify
    /// is received (application data arriving meanwhile is discarded).
    /// </summary>
    /// <returns>True when both close_notify alerts have been exchanged, false when only ours was sent.</returns>
    /// <exception cref="WantReadException">A repeated call is still waiting for the peer's close_notify.</exception>
    /// <exception cref="SysCallException">The input ended without the peer's close_notify.</exception>
    /// <exception cref="SslException">Before or during the handshake ("uninitialized", "shutdown while in init"), or the connection failed.</exception>
    public bool Shutdown()
    {
        if (_tls is null)
        {
            throw new SslException(SslErrors.Ssl, "SSL_shutdown", "uninitialized");
        }

        TlsConnection tls = _tls;
        if (tls.Failure is { } failure)
        {
            throw Translate(failure, tls);
        }

        if (!tls.IsHandshakeComplete)
        {
            throw new SslException(SslErrors.Ssl, "SSL_shutdown", "shutdown while in init");
        }

        SyncShutdown(tls);
        if ((_shutdown & ShutdownState.Sent) == 0)
        {
            _shutdown |= ShutdownState.Sent;
            if (!tls.SentCloseNotify)
            {
                tls.SendCloseNotify();
            }

            DrainEngine();
            return (_shutdown & ShutdownState.Received) != 0;
        }

        if ((_shutdown & ShutdownState.Received) != 0)
        {
            return true;
        }

        Drive(tls);
        Span<byte> discard = stackalloc byte[1024];
        while (tls.PlaintextAvailable > 0)
        {
            tls.Read(discard);
        }

        SyncShutdown(tls);
        if ((_shutdown & ShutdownState.Received) != 0)
        {
            return true;
        }

        throw NeedInput(tls);
    }

    /// <summary>The shutdown state (<c>get_shutdown</c>): which close_notify alerts were sent and received.</summary>
    /// <returns>A combination of <see cref="ShutdownState.Sent"/> and <see cref="ShutdownState.Received"/>.</returns>
    public ShutdownState GetShutdown()
    {
        if (_tls is not null)
        {
            SyncShutdown(_tls);
        }

        return _shutdown;
    }

    /// <summary>
    /// Replaces the shutdown state (<c>set_shutdown</c>): e.g. <see cref="ShutdownState.Sent"/> makes
    /// <see cref="Shutdown"/> skip sending close_notify (OpenSSL's quiet shutdown).
    /// </summary>
    /// <param name="state">The new state.</param>
    public void SetShutdown(ShutdownState state) => _shutdown = state;

    /// <summary>Whether the last I/O call stopped for lack of input (<c>want_read</c>).</summary>
    /// <returns>True after a <see cref="WantReadException"/> until an I/O call succeeds.</returns>
    public bool WantRead() => _wantRead;

    /// <summary>Whether the last I/O call stopped because output could not be written (<c>want_write</c>): never over memory BIOs.</summary>
    /// <returns>False.</returns>
    public bool WantWrite() => false;

    /// <summary>The number of decrypted bytes ready to be read without more input (<c>pending</c>).</summary>
    /// <returns>The count (0 before the handshake).</returns>
    public int Pending() => _tls?.PlaintextAvailable ?? 0;

    /// <summary>The hooks that park callback exceptions.</summary>
    internal ConnectionHooks Hooks => _hooks;

    private TlsConnection EnsureEngine(string function, string notSetReason)
    {
        if (_tls is not null)
        {
            return _tls;
        }

        bool isServer = _isServer ?? _context.ImpliedServer ?? throw new SslException(SslErrors.Ssl, function, notSetReason);
        try
        {
            _tls = isServer
                ? TlsConnection.CreateServer(_context.BuildServerOptions(this, _hooks))
                : TlsConnection.CreateClient(_context.BuildClientOptions(this, _hooks));
        }
        catch (TlsException e)
        {
            throw SslErrors.FromTls(e, isServer);
        }

        _isServer = isServer;
        DrainEngine();
        return _tls;
    }

    /// <summary>Feeds the queued input to the engine, processes it and collects its output; failures become pyOpenSSL's.</summary>
    private void Drive(TlsConnection tls)
    {
        try
        {
            if (tls.Failure is { } failure)
            {
                throw failure;
            }

            do
            {
                int accepted = _incoming.Count == 0 ? 0 : tls.ReadTls(_incoming.Span);
                _incoming.Consume(accepted);
                tls.ProcessNewPackets();
                DrainEngine();
                if (accepted == 0)
                {
                    break;
                }
            }
            while (_incoming.Count > 0);
        }
        catch (TlsException e)
        {
            DrainEngine();
            throw Translate(e, tls);
        }

        _hooks.ThrowIfProblem();
    }

    private Exception Translate(TlsException e, TlsConnection tls)
    {
        _wantRead = false;
        _hooks.ThrowIfProblem();
        return SslErrors.FromTls(e, tls.IsServer);
    }

    private Exception NeedInput(TlsConnection tls)
    {
        if (!_inputEof || _incoming.Count > 0)
        {
            _wantRead = true;
            return new WantReadException();
        }

        _wantRead = false;
        SyncShutdown(tls);
        if (_closeNotifySeen || (_context.Options & SslOptions.IgnoreUnexpectedEof) != 0)
        {
            return new ZeroReturnException();
        }

        return SysCallException.UnexpectedEof();
    }

    private void DrainEngine()
    {
        if (_tls is null)
        {
            return;
        }

        int pending;
        while ((pending = _tls.PendingTlsBytes) > 0)
        {
            int written = _tls.WriteTls(_outgoing.GetWriteSpan(pending));
            _outgoing.Commit(written);
            if (written == 0)
            {
                break;
            }
        }
    }

    /// <summary>Notes the peer's close_notify once every byte before it has been read, as OpenSSL sets RECEIVED_SHUTDOWN.</summary>
    private void SyncShutdown(TlsConnection tls)
    {
        if (!_closeNotifySeen && tls.ReceivedCloseNotify && tls.PlaintextAvailable == 0)
        {
            _closeNotifySeen = true;
            _shutdown |= ShutdownState.Received;
        }
    }
}
