namespace ManagedTls.OpenSsl;

/// <summary>
/// pyOpenSSL's <c>SSL.WantReadError</c>: The operation needs more TLS input: write the peer's bytes with <see cref="Connection.BioWrite"/> (or wait for the socket) and call the same method again with the same arguments.
/// </summary>
/// <remarks>Its error list is empty, as pyOpenSSL's is.</remarks>
public class WantReadException : SslException
{
    /// <summary>Creates the exception (no error entries).</summary>
    public WantReadException()
        : base([])
    {
    }
}
