namespace ManagedTls.Cli;

/// <summary>An operational failure (unreadable file, bad data): the message goes to stderr as-is.</summary>
public sealed class CommandException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The text to print, as openssl would.</param>
    /// <param name="exitCode">The exit code (openssl uses 1 for nearly everything).</param>
    public CommandException(string message, int exitCode = 1)
        : base(message)
    {
        ExitCode = exitCode;
    }

    /// <summary>The exit code.</summary>
    public int ExitCode { get; }
}
