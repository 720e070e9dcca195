namespace ManagedTls.OpenSsl;

/// <summary>pyOpenSSL's <c>SSL.MODE_*</c> flags (OpenSSL's <c>SSL_MODE_*</c> values), for <see cref="Context.SetMode"/>.</summary>
/// <remarks>
/// Modes are recorded and reported back. Over memory BIOs the observable behaviour is already that of
/// <see cref="EnablePartialWrite"/> | <see cref="AutoRetry"/> (what pyOpenSSL sets): a send writes everything at once.
/// </remarks>
[Flags]
public enum SslMode : uint
{
    /// <summary>No mode.</summary>
    None = 0,

    /// <summary><c>SSL_MODE_ENABLE_PARTIAL_WRITE</c> (pyOpenSSL sets it on every context).</summary>
    EnablePartialWrite = 0x00000001,

    /// <summary><c>SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER</c>.</summary>
    AcceptMovingWriteBuffer = 0x00000002,

    /// <summary><c>SSL_MODE_AUTO_RETRY</c> (OpenSSL 3.0's default).</summary>
    AutoRetry = 0x00000004,

    /// <summary><c>SSL_MODE_NO_AUTO_CHAIN</c>.</summary>
    NoAutoChain = 0x00000008,

    /// <summary><c>MODE_RELEASE_BUFFERS</c>.</summary>
    ReleaseBuffers = 0x00000010,

    /// <summary><c>SSL_MODE_SEND_CLIENTHELLO_TIME</c>.</summary>
    SendClientHelloTime = 0x00000020,

    /// <summary><c>SSL_MODE_SEND_SERVERHELLO_TIME</c>.</summary>
    SendServerHelloTime = 0x00000040,

    /// <summary><c>SSL_MODE_SEND_FALLBACK_SCSV</c>.</summary>
    SendFallbackScsv = 0x00000080,

    /// <summary><c>SSL_MODE_ASYNC</c>.</summary>
    Async = 0x00000100,
}
