namespace ManagedTls.OpenSsl;

/// <summary>
/// pyOpenSSL's <c>SSL.WantWriteError</c>: The operation needs to write TLS output first. Memory BIOs never fill up, so a <see cref="Connection"/> over them never raises it; it exists for code that catches it.
/// </summary>
/// <remarks>Its error list is empty, as pyOpenSSL's is.</remarks>
public class WantWriteException : SslException
{
    /// <summary>Creates the exception (no error entries).</summary>
    public WantWriteException()
        : base([])
    {
    }
}
