namespace ManagedTls.Cli;

/// <summary>Bad flags or arguments: the dispatcher prints the message and a pointer to <c>-help</c>, and exits 1.</summary>
public sealed class UsageException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was wrong, as openssl words it (e.g. "Unknown option: -foo").</param>
    public UsageException(string message)
        : base(message)
    {
    }
}
