using ManagedTls.X509;
using ManagedTls.X509.Verification;

namespace ManagedTls.Tls;

/// <summary>
/// One TLS connection, client or server, as a sans-I/O state machine: feed received bytes with <see cref="ReadTls"/>,
/// run <see cref="ProcessNewPackets"/>, send what <see cref="WriteTls"/> drains; exchange application data with
/// <see cref="Read"/> and <see cref="Write"/>. No sockets, threads or awaits inside; not thread-safe.
/// </summary>
/// <remarks>
/// A failure is sticky: the exception is stored in <see cref="Failure"/>, the fatal alert is queued for
/// <see cref="WriteTls"/>, and every later call that needs the protocol rethrows it.
/// </remarks>
public sealed partial class TlsConnection : IDisposable
{
    /// <summary>Creates a client connection; the ClientHello is queued at once (drain it with <see cref="WriteTls"/>).</summary>
    /// <param name="options">The client configuration.</param>
    /// <returns>The connection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="TlsException">The configuration is unusable (<see cref="TlsError.Configuration"/>).</exception>
    public static TlsConnection CreateClient(TlsClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new TlsConnection(options, isServer: false);
    }

    /// <summary>Creates a server connection waiting for a ClientHello.</summary>
    /// <param name="options">The server configuration.</param>
    /// <returns>The connection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="TlsException">The configuration is unusable (<see cref="TlsError.Configuration"/>).</exception>
    public static TlsConnection CreateServer(TlsServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new TlsConnection(options, isServer: true);
    }

    /// <summary>Whether this is the server end.</summary>
    public bool IsServer { get; }

    /// <summary>Whether the handshake is still in progress (false once complete or failed).</summary>
    public bool IsHandshaking => !IsHandshakeComplete && Failure is null;

    /// <summary>Whether the handshake has completed.</summary>
    public bool IsHandshakeComplete { get; private set; }

    /// <summary>Whether a close_notify alert has been received from the peer.</summary>
    public bool ReceivedCloseNotify { get; private set; }

    /// <summary>Whether a close_notify alert has been queued for the peer.</summary>
    public bool SentCloseNotify { get; private set; }

    /// <summary>The sticky failure, or null.</summary>
    public TlsException? Failure { get; private set; }

    /// <summary>The negotiated protocol version, or <see cref="TlsProtocolVersion.None"/> before the ServerHello.</summary>
    public TlsProtocolVersion NegotiatedVersion { get; internal set; }

    /// <summary>The negotiated cipher suite, or <see cref="TlsCipherSuite.TLS_NULL_WITH_NULL_NULL"/> before the ServerHello.</summary>
    public TlsCipherSuite NegotiatedCipherSuite { get; internal set; }

    /// <summary>The key exchange group used, or null (none yet, or a non-(EC)DHE key exchange).</summary>
    public TlsNamedGroup? NegotiatedGroup { get; internal set; }

    /// <summary>The signature scheme the peer signed its handshake with, or null.</summary>
    public TlsSignatureScheme? PeerSignatureScheme { get; internal set; }

    /// <summary>Client: the SNI name sent; server: the SNI name received; null when none.</summary>
    public string? ServerName { get; internal set; }

    /// <summary>The ALPN protocol agreed, or null.</summary>
    public string? NegotiatedApplicationProtocol { get; internal set; }

    /// <summary>The peer's certificates as sent, leaf first; empty when none.</summary>
    public IReadOnlyList<Certificate> PeerCertificates { get; internal set; } = [];

    /// <summary>The chain built to a trust anchor during peer verification, or null when none was built.</summary>
    public IReadOnlyList<Certificate>? VerifiedChain { get; internal set; }

    /// <summary>The peer verification result (OpenSSL's <c>SSL_get_verify_result</c>).</summary>
    public X509VerifyError PeerVerifyResult { get; internal set; } = X509VerifyError.Ok;

    /// <summary>The identity this end presented, or null.</summary>
    public TlsCertificateIdentity? LocalCertificate { get; internal set; }

    /// <summary>The client hello random, or null before it exists.</summary>
    public byte[]? ClientRandom { get; internal set; }

    /// <summary>The server hello random, or null before it exists.</summary>
    public byte[]? ServerRandom { get; internal set; }

    /// <summary>TLS 1.2: the master secret; TLS 1.3: the resumption master secret; null before the handshake completes.</summary>
    public byte[]? MasterSecret { get; internal set; }

    /// <summary>The verify_data of the Finished message this end sent, or null.</summary>
    public byte[]? LocalFinished { get; internal set; }

    /// <summary>The verify_data of the Finished message the peer sent, or null.</summary>
    public byte[]? PeerFinished { get; internal set; }

    /// <summary>The session id (TLS 1.2) or the legacy session id echoed (TLS 1.3), or null.</summary>
    public byte[]? SessionId { get; internal set; }

    /// <summary>Whether the session was resumed.</summary>
    public bool SessionReused { get; internal set; }

    /// <summary>Whether a TLS 1.3 HelloRetryRequest was part of the handshake.</summary>
    public bool HelloRetryRequested { get; internal set; }
}
