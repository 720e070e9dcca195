namespace ManagedTls.OpenSsl;

/// <summary>
/// pyOpenSSL's <c>OpenSSL.rand.Error</c>: the random source failed (in practice: the operating system refused to
/// supply entropy). Entries use OpenSSL's library name "random number generator".
/// </summary>
public class RandException : OpenSslException
{
    /// <summary>Creates the exception from its error entries.</summary>
    /// <param name="errors">The entries, oldest first.</param>
    /// <param name="innerException">The lower-layer failure this translates, if any.</param>
    public RandException(IEnumerable<OpenSslErrorEntry> errors, Exception? innerException = null)
        : base(errors, innerException)
    {
    }

    /// <summary>Creates the exception with one "random number generator" entry.</summary>
    /// <param name="function">The function, e.g. "RAND_bytes".</param>
    /// <param name="reason">The reason.</param>
    /// <param name="innerException">The lower-layer failure this translates, if any.</param>
    public RandException(string function, string reason, Exception? innerException = null)
        : base([new OpenSslErrorEntry("random number generator", function, reason)], innerException)
    {
    }
}
