using System.Buffers;
using ManagedTls.Tls;
using ManagedTls.X509;
using ManagedTls.X509.Verification;

namespace ManagedTls.Net;

/// <summary>
/// A <see cref="Stream"/> that runs one sans-I/O <see cref="TlsConnection"/> over an inner stream (usually a
/// <see cref="System.Net.Sockets.NetworkStream"/>), shaped like <c>SslStream</c>: authenticate as client or server with
/// an options object, then read and write plaintext; <see cref="ShutdownAsync"/> sends close_notify.
/// </summary>
/// <remarks>
/// <para>The stream is a thin driver: every protocol decision is the engine's. It moves bytes between the inner stream
/// and the engine through two pooled buffers and allocates nothing per record.</para>
/// <para>One read and one write may run at the same time (as with <c>SslStream</c>); the engine is guarded by a lock
/// and TLS output is written to the inner stream by one writer at a time, in the order the engine produced it.</para>
/// <para>Authentication failures throw <see cref="TlsException"/> (its <see cref="TlsException.Alert"/> names the
/// alert sent or received). After the handshake, failures surface as <see cref="IOException"/> whose inner exception
/// is the <see cref="TlsException"/>, as Stream consumers expect.</para>
/// </remarks>
public sealed partial class TlsStream : Stream
{
    // One TLS record is at most 5 + 2^14 + 2048 bytes; reading 32 KiB at a time lets two records arrive per call.
    private const int InputBufferSize = 32 * 1024;
    private const int OutputBufferSize = 32 * 1024;

    // Application data is handed to the engine in pieces of this size so its queued output stays bounded.
    private const int WriteChunkSize = 4 * 16 * 1024;

    private readonly Stream _inner;
    private readonly bool _leaveInnerStreamOpen;
    private readonly Lock _engineLock = new();
    private readonly SemaphoreSlim _outputGate = new(1, 1);
    private readonly SemaphoreSlim _readGate = new(1, 1);

    private TlsConnection? _connection;
    private byte[]? _input;
    private byte[]? _output;
    private int _inputStart;
    private int _inputEnd;
    private bool _innerEof;
    private bool _disposed;
    private long _bytesReceived;
    private long _bytesSent;

    /// <summary>Creates a TLS stream over <paramref name="innerStream"/>; call one of the Authenticate methods next.</summary>
    /// <param name="innerStream">The transport, readable and writable.</param>
    /// <param name="leaveInnerStreamOpen">True to leave <paramref name="innerStream"/> open when this stream is disposed.</param>
    /// <exception cref="ArgumentNullException"><paramref name="innerStream"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="innerStream"/> cannot both read and write.</exception>
    public TlsStream(Stream innerStream, bool leaveInnerStreamOpen = false)
    {
        ArgumentNullException.ThrowIfNull(innerStream);
        if (!innerStream.CanRead || !innerStream.CanWrite)
        {
            throw new ArgumentException("The inner stream must be readable and writable.", nameof(innerStream));
        }

        _inner = innerStream;
        _leaveInnerStreamOpen = leaveInnerStreamOpen;
    }

    /// <summary>The transport this stream reads and writes.</summary>
    public Stream InnerStream => _inner;

    /// <summary>The engine, once an Authenticate method has started; null before. Use it for anything not mirrored here.</summary>
    public TlsConnection? Connection => _connection;

    /// <summary>True once the handshake has completed successfully.</summary>
    public bool IsAuthenticated => _connection is { IsHandshakeComplete: true, Failure: null };

    /// <summary>True when this side authenticated as the server.</summary>
    public bool IsServer => _connection?.IsServer ?? false;

    /// <summary>True when the peer was authenticated with a certificate that verified (<see cref="PeerVerifyResult"/> is Ok).</summary>
    public bool IsMutuallyAuthenticated => IsAuthenticated && _connection!.PeerCertificates.Count > 0 && _connection.LocalCertificate is not null
        && _connection.PeerVerifyResult == X509VerifyError.Ok;

    /// <summary>True when the data is encrypted (always, once authenticated).</summary>
    public bool IsEncrypted => IsAuthenticated;

    /// <summary>The negotiated protocol version (<see cref="TlsProtocolVersion.None"/> before the handshake).</summary>
    public TlsProtocolVersion NegotiatedVersion => _connection?.NegotiatedVersion ?? TlsProtocolVersion.None;

    /// <summary>The negotiated cipher suite (<see cref="TlsCipherSuite.TLS_NULL_WITH_NULL_NULL"/> before the handshake).</summary>
    public TlsCipherSuite NegotiatedCipherSuite => _connection?.NegotiatedCipherSuite ?? TlsCipherSuite.TLS_NULL_WITH_NULL_NULL;

    /// <summary>The key exchange group, when one was used.</summary>
    public TlsNamedGroup? NegotiatedGroup => _connection?.NegotiatedGroup;

    /// <summary>The ALPN protocol both sides agreed on, or null.</summary>
    public string? NegotiatedApplicationProtocol => _connection?.NegotiatedApplicationProtocol;

    /// <summary>The peer's end-entity certificate, or null when it sent none.</summary>
    public Certificate? RemoteCertificate => _connection is { PeerCertificates.Count: > 0 } c ? c.PeerCertificates[0] : null;

    /// <summary>The certificates the peer sent, leaf first (empty when none).</summary>
    public IReadOnlyList<Certificate> RemoteCertificates => _connection?.PeerCertificates ?? [];

    /// <summary>This side's certificate, when it presented one.</summary>
    public Certificate? LocalCertificate => _connection?.LocalCertificate?.Leaf;

    /// <summary>The result of verifying the peer's chain, as OpenSSL's <c>SSL_get_verify_result</c>.</summary>
    public X509VerifyError PeerVerifyResult => _connection?.PeerVerifyResult ?? X509VerifyError.Ok;

    /// <summary>The server name: the one the client asked for (SNI) on a server, the one configured on a client.</summary>
    public string? TargetHostName => _connection?.ServerName;

    /// <summary>TLS bytes read from the inner stream so far (handshake and records).</summary>
    public long BytesReceived => Interlocked.Read(ref _bytesReceived);

    /// <summary>TLS bytes written to the inner stream so far.</summary>
    public long BytesSent => Interlocked.Read(ref _bytesSent);

    /// <summary>True once the peer's close_notify has arrived; reads then return 0.</summary>
    public bool ReceivedCloseNotify => _connection?.ReceivedCloseNotify ?? false;

    /// <summary>True when the inner stream ended without a close_notify (a possible truncation); reads return 0.</summary>
    public bool ReceivedUncleanEof => _innerEof && !ReceivedCloseNotify;

    /// <inheritdoc/>
    public override bool CanRead => !_disposed && IsAuthenticated;

    /// <inheritdoc/>
    public override bool CanWrite => !_disposed && IsAuthenticated;

    /// <inheritdoc/>
    public override bool CanSeek => false;

    /// <inheritdoc/>
    public override bool CanTimeout => _inner.CanTimeout;

    /// <inheritdoc/>
    public override int ReadTimeout { get => _inner.ReadTimeout; set => _inner.ReadTimeout = value; }

    /// <inheritdoc/>
    public override int WriteTimeout { get => _inner.WriteTimeout; set => _inner.WriteTimeout = value; }

    /// <inheritdoc/>
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc/>
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    /// <inheritdoc/>
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            lock (_engineLock)
            {
                _connection?.Dispose();
                ReturnBuffers();
            }

            if (!_leaveInnerStreamOpen)
            {
                _inner.Dispose();
            }
        }

        base.Dispose(disposing);
    }

    /// <inheritdoc/>
    public override async ValueTask DisposeAsync()
    {
        if (!_disposed)
        {
            _disposed = true;
            lock (_engineLock)
            {
                _connection?.Dispose();
                ReturnBuffers();
            }

            if (!_leaveInnerStreamOpen)
            {
                await _inner.DisposeAsync().ConfigureAwait(false);
            }
        }

        await base.DisposeAsync().ConfigureAwait(false);
    }

    private void ReturnBuffers()
    {
        if (_input is not null)
        {
            ArrayPool<byte>.Shared.Return(_input);
            _input = null;
        }

        if (_output is not null)
        {
            ArrayPool<byte>.Shared.Return(_output);
            _output = null;
        }
    }

    private TlsConnection Engine()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _connection ?? throw new InvalidOperationException("Call AuthenticateAsClient or AuthenticateAsServer first.");
    }
}
