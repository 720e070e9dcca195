namespace ManagedTls.Tls;

/// <summary>Behaviour switches, modelled on OpenSSL's <c>SSL_OP_*</c> options.</summary>
[Flags]
public enum TlsOptionFlags
{
    /// <summary>No option.</summary>
    None = 0,

    /// <summary>The server picks the cipher suite (and group) by its own preference order, not the client's.</summary>
    CipherServerPreference = 1,

    /// <summary>Do not issue or accept session tickets.</summary>
    NoTicket = 2,

    /// <summary>Refuse renegotiation (TLS 1.2).</summary>
    NoRenegotiation = 4,

    /// <summary>No compression (always the case; accepted for parity with OpenSSL).</summary>
    NoCompression = 8,

    /// <summary>Treat a transport EOF without close_notify as a clean close (OpenSSL's <c>SSL_OP_IGNORE_UNEXPECTED_EOF</c>).</summary>
    IgnoreUnexpectedEof = 16,

    /// <summary>
    /// Do not use TLS 1.3 middlebox compatibility mode (RFC 8446 Appendix D.4): no legacy session id in the
    /// ClientHello and no dummy ChangeCipherSpec records sent. OpenSSL's default is compatibility mode on.
    /// </summary>
    NoMiddleboxCompatibility = 32,
}
