namespace ManagedTls.OpenSsl;

/// <summary>pyOpenSSL's <c>OpenSSL.crypto.Error</c>: a failure in a <c>Crypto</c> API (parsing, signing, keys, ...).</summary>
public class CryptoException : OpenSslException
{
    /// <summary>Creates the exception from its error entries.</summary>
    /// <param name="errors">The entries, oldest first.</param>
    /// <param name="innerException">The lower-layer failure this translates, if any.</param>
    public CryptoException(IEnumerable<OpenSslErrorEntry> errors, Exception? innerException = null)
        : base(errors, innerException)
    {
    }

    /// <summary>Creates the exception with one entry.</summary>
    /// <param name="library">The library, e.g. "PEM routines".</param>
    /// <param name="function">The function, e.g. "get_name".</param>
    /// <param name="reason">The reason, e.g. "no start line".</param>
    /// <param name="innerException">The lower-layer failure this translates, if any.</param>
    public CryptoException(string library, string function, string reason, Exception? innerException = null)
        : base([new OpenSslErrorEntry(library, function, reason)], innerException)
    {
    }
}
