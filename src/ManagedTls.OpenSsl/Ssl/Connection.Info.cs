using ManagedTls.Tls;
using ManagedTls.X509;
using ManagedTls.X509.Verification;

namespace ManagedTls.OpenSsl;

/// <summary>What the handshake established: peer certificates, cipher, version, Finished messages, randoms, exporters, state.</summary>
/// <remarks>As in pyOpenSSL, these return null (or pyOpenSSL's empty value) until the handshake got far enough.</remarks>
public sealed partial class Connection
{
    private string? _hostName;
    private string[]? _alpnProtocols;

    /// <summary>The peer's certificate (<c>get_peer_certificate</c>).</summary>
    /// <returns>The certificate, or null before the handshake or when the peer sent none.</returns>
    public X509? GetPeerCertificate() => _tls is { PeerCertificates: { Count: > 0 } certificates } ? new X509(certificates[0]) : null;

    /// <summary>
    /// The certificates the peer sent (<c>get_peer_cert_chain</c>), as OpenSSL's <c>SSL_get_peer_cert_chain</c>: on a
    /// client the server's whole chain, leaf first; on a server the client's chain without its leaf (use
    /// <see cref="GetPeerCertificate"/> for that).
    /// </summary>
    /// <returns>The list; null when the peer sent no certificate message (and, on a server, none was asked for).</returns>
    public IReadOnlyList<X509>? GetPeerCertChain()
    {
        if (_tls is not { } tls)
        {
            return null;
        }

        IReadOnlyList<Certificate> sent = tls.PeerCertificates;
        if (!tls.IsServer)
        {
            return sent.Count == 0 ? null : Wrap(sent, 0);
        }

        bool asked = tls.IsHandshakeComplete && (_context.VerifyModeValue & VerifyMode.Peer) != 0;
        return sent.Count == 0 && !asked ? null : Wrap(sent, 1);
    }

    /// <summary>
    /// The chain the peer's certificate was verified along (<c>get_verified_chain</c>), leaf first, trust anchor last.
    /// </summary>
    /// <returns>The chain, or null before the handshake or when none was built.</returns>
    public IReadOnlyList<X509>? GetVerifiedChain() => _tls?.VerifiedChain is { } chain ? Wrap(chain, 0) : null;

    /// <summary>The verification result of the peer's chain (an addition: OpenSSL's <c>SSL_get_verify_result</c>).</summary>
    /// <returns><see cref="X509VerifyError.Ok"/> when it verified (or before the handshake), else OpenSSL's error.</returns>
    public X509VerifyError GetVerifyResult() => _tls?.PeerVerifyResult ?? X509VerifyError.Ok;

    /// <summary>This side's certificate (<c>get_certificate</c>): the one presented, or the context's before the handshake.</summary>
    /// <returns>The certificate, or null.</returns>
    public X509? GetCertificate() => _tls?.LocalCertificate is { } local ? new X509(local.Leaf) : _context.GetCertificate();

    /// <summary>The name of the negotiated cipher (<c>get_cipher_name</c>), OpenSSL's spelling: <c>TLS_AES_128_GCM_SHA256</c>, <c>ECDHE-RSA-AES256-GCM-SHA384</c>.</summary>
    /// <returns>The name, or null before the handshake.</returns>
    public string? GetCipherName() => CurrentSuite() is { } suite ? CipherNames.OpenSslName(suite) : null;

    /// <summary>The secret bits of the negotiated cipher (<c>get_cipher_bits</c>), e.g. 128 or 256.</summary>
    /// <returns>The bits, or null before the handshake.</returns>
    public int? GetCipherBits() => CurrentSuite() is { } suite ? CipherNames.Bits(suite) : null;

    /// <summary>The protocol version the negotiated cipher belongs to (<c>get_cipher_version</c>): <c>TLSv1.3</c> or <c>TLSv1.2</c>.</summary>
    /// <returns>The version name, or null before the handshake.</returns>
    public string? GetCipherVersion() => CurrentSuite() is { } suite ? CipherNames.Version(suite) : null;

    /// <summary>
    /// The cipher names this connection would offer or accept (<c>get_cipher_list</c>), OpenSSL's order: the TLS 1.3
    /// suites, then the TLS 1.2 ones.
    /// </summary>
    /// <returns>The names.</returns>
    public IReadOnlyList<string> GetCipherList() => _context.CipherNameList();

    /// <summary>The protocol version (<c>get_protocol_version</c>).</summary>
    /// <returns>The negotiated version; before that <see cref="SslVersion.Tls1_2"/> for a TLS 1.2-only context, else <see cref="SslVersion.TlsAnyVersion"/>.</returns>
    public SslVersion GetProtocolVersion() => (_tls?.NegotiatedVersion ?? TlsProtocolVersion.None) switch
    {
        TlsProtocolVersion.Tls13 => SslVersion.Tls1_3,
        TlsProtocolVersion.Tls12 => SslVersion.Tls1_2,
        _ => _context.Method == SslMethod.Tlsv1_2 ? SslVersion.Tls1_2 : SslVersion.TlsAnyVersion,
    };

    /// <summary>The protocol version's name (<c>get_protocol_version_name</c>): <c>TLSv1.3</c>, <c>TLSv1.2</c>, or <c>unknown</c> before it is known.</summary>
    /// <returns>The name.</returns>
    public string GetProtocolVersionName() => GetProtocolVersion() switch
    {
        SslVersion.Tls1_3 => "TLSv1.3",
        SslVersion.Tls1_2 => "TLSv1.2",
        _ => "unknown",
    };

    /// <summary>The verify_data of the last Finished message this side sent (<c>get_finished</c>).</summary>
    /// <returns>A copy (12 bytes in TLS 1.2, the hash length in TLS 1.3), or null before it was sent.</returns>
    public byte[]? GetFinished() => Copy(_tls?.LocalFinished);

    /// <summary>The verify_data of the last Finished message the peer sent (<c>get_peer_finished</c>).</summary>
    /// <returns>A copy, or null before it arrived.</returns>
    public byte[]? GetPeerFinished() => Copy(_tls?.PeerFinished);

    /// <summary>The ClientHello random (<c>client_random</c>).</summary>
    /// <returns>32 bytes, or null before the handshake started.</returns>
    public byte[]? ClientRandom() => Copy(_tls?.ClientRandom);

    /// <summary>The ServerHello random (<c>server_random</c>).</summary>
    /// <returns>32 bytes, or null before the ServerHello.</returns>
    public byte[]? ServerRandom() => Copy(_tls?.ServerRandom);

    /// <summary>The session's master key (<c>master_key</c>): TLS 1.2's master secret, TLS 1.3's resumption master secret.</summary>
    /// <returns>The secret, or null before the handshake completed.</returns>
    public byte[]? MasterKey() => Copy(_tls?.MasterSecret);

    /// <summary>
    /// Derives keying material for the application (<c>export_keying_material</c>; RFC 5705 in TLS 1.2, RFC 8446 §7.5
    /// in TLS 1.3).
    /// </summary>
    /// <param name="label">The disambiguating label, e.g. <c>EXPERIMENTAL-my-protocol</c>.</param>
    /// <param name="olen">The number of bytes wanted.</param>
    /// <param name="context">The context value, or null for none (TLS 1.2 tells the two apart).</param>
    /// <returns>The keying material.</returns>
    /// <exception cref="SslException">The handshake is not complete.</exception>
    public byte[] ExportKeyingMaterial(string label, int olen, byte[]? context = null)
    {
        ArgumentNullException.ThrowIfNull(label);
        ArgumentOutOfRangeException.ThrowIfNegative(olen);
        if (_tls is not { IsHandshakeComplete: true } tls)
        {
            throw new SslException(SslErrors.Ssl, "SSL_export_keying_material", "uninitialized");
        }

        try
        {
            return tls.ExportKeyingMaterial(label, context, context is not null, olen);
        }
        catch (InvalidOperationException e)
        {
            throw new SslException(SslErrors.Ssl, "SSL_export_keying_material", "uninitialized", e);
        }
    }

    /// <summary>OpenSSL's long state string (<c>get_state_string</c>), e.g. <c>before SSL initialization</c>, <c>SSL negotiation finished successfully</c>.</summary>
    /// <returns>The text.</returns>
    public string GetStateString() => _tls?.StateString ?? "before SSL initialization";

    /// <summary>
    /// Switches the connection to another context (<c>set_context</c>), typically from a server-name callback to
    /// present another certificate.
    /// </summary>
    /// <param name="context">The new context.</param>
    public void SetContext(Context context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
    }

    /// <summary>The server name (<c>get_servername</c>): on a server, the SNI name the client sent; on a client, the one set by <see cref="SetTlsextHostName"/>.</summary>
    /// <returns>The name, or null.</returns>
    public string? GetServername() => _isServer == true ? ReceivedServerName ?? _tls?.ServerName : _hostName;

    /// <summary>
    /// Sets the server name a client sends with SNI (<c>set_tlsext_host_name</c>). As in pyOpenSSL it does not make
    /// the client check the server certificate's names; do that from the verify callback or afterwards.
    /// </summary>
    /// <param name="name">The host name.</param>
    /// <exception cref="ArgumentException">The name contains a NUL character ("name must not contain NUL byte").</exception>
    public void SetTlsextHostName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException("name must not contain NUL byte", nameof(name));
        }

        _hostName = name;
    }

    /// <summary>
    /// The CA names for client certificates (<c>get_client_ca_list</c>): on a server, the context's list (what it
    /// sends when asking for a certificate); on a client, empty (the engine does not report the names a server sent).
    /// </summary>
    /// <returns>The names (copies).</returns>
    public IReadOnlyList<X509Name> GetClientCaList() => _isServer == true || (_isServer is null && _context.ImpliedServer == true) ? _context.ClientCaNames : [];

    /// <summary>Sets the ALPN protocols of this connection (<c>set_alpn_protos</c>), overriding the context's.</summary>
    /// <param name="protos">The protocol names, most preferred first.</param>
    /// <exception cref="ArgumentException">A name is empty or longer than 255 bytes.</exception>
    public void SetAlpnProtos(IEnumerable<string> protos) => _alpnProtocols = Context.CheckAlpn(protos);

    /// <summary>The protocol agreed with ALPN (<c>get_alpn_proto_negotiated</c>).</summary>
    /// <returns>The name, or the empty string when none was agreed (yet).</returns>
    public string GetAlpnProtoNegotiated() => _tls?.NegotiatedApplicationProtocol ?? string.Empty;

    /// <summary>Starts a renegotiation (<c>renegotiate</c>): never possible here — TLS 1.2 renegotiation is refused, TLS 1.3 has none.</summary>
    /// <returns>Never returns.</returns>
    /// <exception cref="SslException">Always: "wrong ssl version" on TLS 1.3, "no renegotiation" otherwise.</exception>
    public bool Renegotiate() => throw new SslException(
        SslErrors.Ssl, "SSL_renegotiate", _tls?.NegotiatedVersion == TlsProtocolVersion.Tls13 ? "wrong ssl version" : "no renegotiation");

    /// <summary>Whether a renegotiation is in progress (<c>renegotiate_pending</c>): never.</summary>
    /// <returns>False.</returns>
    public bool RenegotiatePending() => false;

    /// <summary>The number of renegotiations (<c>total_renegotiations</c>): always 0.</summary>
    /// <returns>0.</returns>
    public int TotalRenegotiations() => 0;

    /// <summary>The server name received by a server, recorded when the server-name callback runs.</summary>
    internal string? ReceivedServerName { get; set; }

    /// <summary>The name a client sends with SNI, or null.</summary>
    internal string? RequestedServerName => _hostName;

    /// <summary>The connection's own ALPN list, or null for the context's.</summary>
    internal IReadOnlyList<string>? AlpnProtocols => _alpnProtocols;

    private static X509[] Wrap(IReadOnlyList<Certificate> certificates, int skip)
    {
        var result = new X509[Math.Max(0, certificates.Count - skip)];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = new X509(certificates[i + skip]);
        }

        return result;
    }

    private static byte[]? Copy(byte[]? value) => value is null ? null : [.. value];

    private TlsCipherSuite? CurrentSuite() =>
        _tls is { } tls && tls.NegotiatedCipherSuite != TlsCipherSuite.TLS_NULL_WITH_NULL_NULL ? tls.NegotiatedCipherSuite : null;
}
