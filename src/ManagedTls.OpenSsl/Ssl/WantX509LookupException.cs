namespace ManagedTls.OpenSsl;

/// <summary>
/// pyOpenSSL's <c>SSL.WantX509LookupError</c>: An application callback asked to be called again (OpenSSL's <c>SSL_ERROR_WANT_X509_LOOKUP</c>). No ManagedTls callback does, so it is never raised; it exists for code that catches it.
/// </summary>
/// <remarks>Its error list is empty, as pyOpenSSL's is.</remarks>
public class WantX509LookupException : SslException
{
    /// <summary>Creates the exception (no error entries).</summary>
    public WantX509LookupException()
        : base([])
    {
    }
}
