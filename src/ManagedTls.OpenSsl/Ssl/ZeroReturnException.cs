namespace ManagedTls.OpenSsl;

/// <summary>
/// pyOpenSSL's <c>SSL.ZeroReturnError</c>: The peer closed the TLS connection cleanly: its close_notify alert was received (OpenSSL's <c>SSL_ERROR_ZERO_RETURN</c>). Raised only after a received close_notify, never on a bare transport EOF (that is <see cref="SysCallException"/>).
/// </summary>
/// <remarks>Its error list is empty, as pyOpenSSL's is.</remarks>
public class ZeroReturnException : SslException
{
    /// <summary>Creates the exception (no error entries).</summary>
    public ZeroReturnException()
        : base([])
    {
    }
}
