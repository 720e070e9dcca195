namespace ManagedTls.Tls;

public sealed partial class TlsConnection
{
    private TlsConnection(TlsOptions options, bool isServer)
    {
        IsServer = isServer;
        _options = options;
    }

    private readonly TlsOptions _options;

    /// <summary>The number of TLS bytes queued for the peer.</summary>
    public int PendingTlsBytes => throw new NotImplementedException();

    /// <summary>The number of decrypted application bytes ready for <see cref="Read"/>.</summary>
    public int PlaintextAvailable => throw new NotImplementedException();

    /// <summary>Whether more TLS input is needed to make progress (handshake or application data).</summary>
    public bool WantsRead => throw new NotImplementedException();

    /// <summary>OpenSSL's <c>SSL_state_string_long</c> text for the current handshake state.</summary>
    public string StateString => throw new NotImplementedException();

    /// <summary>Buffers TLS bytes received from the peer; call <see cref="ProcessNewPackets"/> afterwards.</summary>
    /// <param name="data">Bytes from the transport.</param>
    /// <returns>The number of bytes accepted (less than offered when the input buffer is full).</returns>
    /// <exception cref="TlsException">The connection has failed (sticky).</exception>
    public int ReadTls(ReadOnlySpan<byte> data) => throw new NotImplementedException();

    /// <summary>Processes buffered TLS input: handshake progress, alerts, application data.</summary>
    /// <exception cref="TlsException">A protocol failure or a fatal alert from the peer; sticky.</exception>
    public void ProcessNewPackets() => throw new NotImplementedException();

    /// <summary>Drains queued TLS bytes for the peer.</summary>
    /// <param name="destination">Where to copy them.</param>
    /// <returns>The number of bytes copied.</returns>
    public int WriteTls(Span<byte> destination) => throw new NotImplementedException();

    /// <summary>Reads decrypted application data.</summary>
    /// <param name="destination">Where to copy it.</param>
    /// <returns>The number of bytes copied; 0 when none is available now (see <see cref="ReceivedCloseNotify"/>).</returns>
    /// <exception cref="TlsException">The connection has failed (sticky).</exception>
    public int Read(Span<byte> destination) => throw new NotImplementedException();

    /// <summary>Like <see cref="Read"/> but leaves the data buffered.</summary>
    /// <param name="destination">Where to copy it.</param>
    /// <returns>The number of bytes copied.</returns>
    /// <exception cref="TlsException">The connection has failed (sticky).</exception>
    public int Peek(Span<byte> destination) => throw new NotImplementedException();

    /// <summary>Queues application data as records of at most 16 KiB; before the handshake completes it is held and sent afterwards.</summary>
    /// <param name="data">The plaintext.</param>
    /// <exception cref="TlsException">The connection has failed or close_notify was sent.</exception>
    public void Write(ReadOnlySpan<byte> data) => throw new NotImplementedException();

    /// <summary>Queues a close_notify alert; further writes are refused, reads continue (half close).</summary>
    public void SendCloseNotify() => throw new NotImplementedException();

    /// <summary>TLS 1.3: queues a KeyUpdate and switches to the next sending key.</summary>
    /// <param name="requestPeerUpdate">Whether the peer is asked to update its sending key too.</param>
    /// <exception cref="InvalidOperationException">The handshake is not complete or the version is not TLS 1.3.</exception>
    /// <exception cref="TlsException">The connection has failed (sticky).</exception>
    public void SendKeyUpdate(bool requestPeerUpdate) => throw new NotImplementedException();

    /// <summary>Derives keying material (RFC 8446 §7.5 for TLS 1.3, RFC 5705 for TLS 1.2).</summary>
    /// <param name="label">The exporter label.</param>
    /// <param name="context">The context value.</param>
    /// <param name="useContext">Whether a context is used (TLS 1.2 distinguishes no context from an empty one).</param>
    /// <param name="length">The number of bytes wanted.</param>
    /// <returns>The keying material.</returns>
    /// <exception cref="InvalidOperationException">The handshake is not complete.</exception>
    public byte[] ExportKeyingMaterial(string label, ReadOnlySpan<byte> context, bool useContext, int length) => throw new NotImplementedException();

    /// <summary>Releases the keys; the connection is unusable afterwards.</summary>
    public void Dispose()
    {
    }
}
