namespace ManagedTls.OpenSsl;

/// <summary>
/// Base of the facade's error hierarchy (<see cref="CryptoException"/>, <see cref="RandException"/>, and the SSL
/// errors): every failure carries the OpenSSL-style list of (library, function, reason) entries that pyOpenSSL's
/// exceptions hold in <c>args[0]</c>.
/// </summary>
/// <remarks>
/// <see cref="Exception.Message"/> is the list as Python prints it, <c>[('lib', 'func', 'reason')]</c>, so logs read
/// like pyOpenSSL's. Derive one exception per pyOpenSSL exception class; catch the specific type.
/// </remarks>
public abstract class OpenSslException : Exception
{
    /// <summary>Creates the exception from its error entries.</summary>
    /// <param name="errors">The entries, oldest first (may be empty).</param>
    /// <param name="innerException">The lower-layer failure this translates, if any.</param>
    protected OpenSslException(IEnumerable<OpenSslErrorEntry> errors, Exception? innerException = null)
        : this(errors.ToArray(), innerException)
    {
    }

    private OpenSslException(OpenSslErrorEntry[] errors, Exception? innerException)
        : base("[" + string.Join(", ", (IEnumerable<OpenSslErrorEntry>)errors) + "]", innerException)
    {
        Errors = errors;
    }

    /// <summary>The error entries (pyOpenSSL's <c>e.args[0]</c>), oldest first.</summary>
    public IReadOnlyList<OpenSslErrorEntry> Errors { get; }
}
