namespace ManagedTls.OpenSsl;

/// <summary>
/// pyOpenSSL's <c>OpenSSL.SSL.Error</c>: a failure in a <see cref="Context"/> or <see cref="Connection"/> API, with the
/// OpenSSL-style (library, function, reason) entries pyOpenSSL would show, e.g.
/// <c>[('SSL routines', 'SSL_CTX_set_cipher_list', 'no cipher match')]</c>. It is also the base of the I/O outcomes
/// <see cref="WantReadException"/>, <see cref="WantWriteException"/>, <see cref="WantX509LookupException"/>,
/// <see cref="ZeroReturnException"/> and <see cref="SysCallException"/>, as in pyOpenSSL.
/// </summary>
/// <remarks>
/// When a handshake fails, <see cref="Exception.InnerException"/> is the engine's
/// <see cref="ManagedTls.Tls.TlsException"/> with the typed reason, the alert and the RFC clause.
/// </remarks>
public class SslException : OpenSslException
{
    /// <summary>Creates the exception from its error entries.</summary>
    /// <param name="errors">The entries, oldest first (may be empty, as for the I/O outcomes).</param>
    /// <param name="innerException">The lower-layer failure this translates, if any.</param>
    public SslException(IEnumerable<OpenSslErrorEntry> errors, Exception? innerException = null)
        : base(errors, innerException)
    {
    }

    /// <summary>Creates the exception with one entry.</summary>
    /// <param name="library">The library, e.g. "SSL routines".</param>
    /// <param name="function">The function, e.g. "SSL_CTX_set_cipher_list".</param>
    /// <param name="reason">The reason, e.g. "no cipher match".</param>
    /// <param name="innerException">The lower-layer failure this translates, if any.</param>
    public SslException(string library, string function, string reason, Exception? innerException = null)
        : base([new OpenSslErrorEntry(library, function, reason)], innerException)
    {
    }
}
