namespace ManagedTls.X509.Trust;

/// <summary>An NSS <c>certdata.txt</c> file is malformed or inconsistent (the message names the line or object).</summary>
public sealed class CertdataFormatException : FormatException
{
    /// <summary>Creates an exception.</summary>
    public CertdataFormatException()
        : base("Malformed certdata.txt.")
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What was wrong.</param>
    public CertdataFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and a cause.</summary>
    /// <param name="message">What was wrong.</param>
    /// <param name="innerException">The cause.</param>
    public CertdataFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception for a line.</summary>
    /// <param name="line">The 1-based line number.</param>
    /// <param name="message">What was wrong.</param>
    public CertdataFormatException(int line, string message)
        : base($"certdata.txt line {line}: {message}")
    {
        Line = line;
    }

    /// <summary>The 1-based line number, or 0 when the problem is not tied to one line.</summary>
    public int Line { get; }
}
