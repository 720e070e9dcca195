using ManagedTls.Tls.Messages;

namespace ManagedTls.Tls.Handshake.Tls12;

// OWNED BY wt/tls12 — this file is the agreed hand-off point; core13 only calls it. Replace the bodies, keep the
// signatures (ask core13 before changing them).

/// <summary>Where a client hands over to TLS 1.2 after the ServerHello.</summary>
internal static class Tls12ClientHandshake
{
    /// <summary>
    /// Continues a client handshake once <paramref name="serverHello"/> selected TLS 1.2. Already done by the caller:
    /// the ServerHello decoded; version checked (0x0303, no supported_versions); the RFC 8446 §4.1.3 downgrade
    /// sentinel checked; <see cref="TlsConnection.NegotiatedVersion"/> set to TLS 1.2, ServerRandom and ClientRandom
    /// set; the transcript holds ClientHello and ServerHello with no hash chosen yet (call SetHash with the PRF hash);
    /// the record layer still unprotected. Still to do here: cipher suite / extensions checks (renegotiation_info,
    /// extended_master_secret, ALPN) against <paramref name="clientHello"/>, and everything after.
    /// </summary>
    /// <returns>The next state (the one expecting the server Certificate / ServerKeyExchange).</returns>
    internal static HandshakeState Start(HandshakeContext context, ClientHello clientHello, ServerHello serverHello) =>
        throw new TlsException(TlsError.NoCommonVersion, TlsAlertDescription.ProtocolVersion, "TLS 1.2 is not available in this build");
}

/// <summary>Where a server hands over to TLS 1.2 after the ClientHello.</summary>
internal static class Tls12ServerHandshake
{
    /// <summary>
    /// Continues a server handshake once version negotiation picked TLS 1.2 for <paramref name="clientHello"/>.
    /// Already done by the caller: ClientHello decoded; versions checked (TLS 1.2 chosen); SNI read and the
    /// ServerNameCallback applied (<see cref="HandshakeContext.LocalIdentity"/>, <see cref="TlsConnection.ServerName"/>);
    /// ClientRandom set; the transcript holds the ClientHello, no hash chosen yet. Still to do here: suite choice,
    /// the ServerHello (with the RFC 8446 §4.1.3 downgrade sentinel "DOWNGRD\x01" when TLS 1.3 was enabled — see
    /// <paramref name="tls13Enabled"/>), and everything after.
    /// </summary>
    /// <returns>The next state (the one expecting the client's second flight).</returns>
    internal static HandshakeState Start(HandshakeContext context, ClientHello clientHello, bool tls13Enabled) =>
        throw new TlsException(TlsError.NoCommonVersion, TlsAlertDescription.ProtocolVersion, "TLS 1.2 is not available in this build");
}
