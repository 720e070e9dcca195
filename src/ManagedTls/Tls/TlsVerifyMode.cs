namespace ManagedTls.Tls;

/// <summary>How the peer's certificate is requested and checked (OpenSSL's <c>SSL_VERIFY_*</c> values).</summary>
[Flags]
public enum TlsVerifyMode
{
    /// <summary>Do not request (server) or do not require a valid (client) peer certificate; the result is still recorded.</summary>
    None = 0,

    /// <summary>Request and verify the peer certificate; a verification failure aborts the handshake.</summary>
    Peer = 1,

    /// <summary>Server only, with <see cref="Peer"/>: abort when the client sends no certificate.</summary>
    FailIfNoPeerCertificate = 2,

    /// <summary>Server only, with <see cref="Peer"/>: request the client certificate only on the initial handshake.</summary>
    ClientOnce = 4,
}
