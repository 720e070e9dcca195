namespace ManagedTls.Pem;

/// <summary>The one exception the PEM codec throws for malformed or over-limit input.</summary>
public sealed class PemException : FormatException
{
    /// <summary>Creates an exception with the reason, position and message.</summary>
    /// <param name="reason">Why the input was rejected.</param>
    /// <param name="offset">The zero-based offset (bytes, or chars for text input) of the offending item, or -1 when none applies.</param>
    /// <param name="line">The one-based line of the offending item, or 0 when none applies.</param>
    /// <param name="message">A human-readable description.</param>
    public PemException(PemError reason, int offset, int line, string message)
        : base(line > 0 ? $"PEM: {message} (line {line}, offset {offset})" : $"PEM: {message}")
    {
        Reason = reason;
        Offset = offset;
        Line = line;
    }

    /// <summary>Gets why the input was rejected.</summary>
    public PemError Reason { get; }

    /// <summary>Gets the zero-based offset (bytes, or chars for text input) of the offending item, or -1 when none applies.</summary>
    public int Offset { get; }

    /// <summary>Gets the one-based line number of the offending item, or 0 when none applies.</summary>
    public int Line { get; }
}
