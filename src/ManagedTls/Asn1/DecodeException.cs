namespace ManagedTls.Asn1;

/// <summary>
/// The one exception the ASN.1 codec throws for malformed input. It carries a typed <see cref="Reason"/> and the
/// absolute byte <see cref="Offset"/> (from the start of the outermost buffer) where the problem was found.
/// </summary>
public sealed class DecodeException : Exception
{
    /// <summary>Creates an exception for <paramref name="reason"/> at <paramref name="offset"/>.</summary>
    /// <param name="reason">What was wrong.</param>
    /// <param name="offset">Absolute byte offset of the offending element or octet.</param>
    public DecodeException(DecodeError reason, int offset)
        : base($"ASN.1 decode error: {reason} at offset {offset}.")
    {
        Reason = reason;
        Offset = offset;
    }

    /// <summary>Creates an exception with an explanatory <paramref name="message"/>.</summary>
    /// <param name="reason">What was wrong.</param>
    /// <param name="offset">Absolute byte offset of the offending element or octet.</param>
    /// <param name="message">Extra detail appended to the standard message.</param>
    public DecodeException(DecodeError reason, int offset, string message)
        : base($"ASN.1 decode error: {reason} at offset {offset}: {message}")
    {
        Reason = reason;
        Offset = offset;
    }

    /// <summary>Creates an exception without detail (reason <see cref="DecodeError.Truncated"/>, offset 0).</summary>
    public DecodeException()
        : this(DecodeError.Truncated, 0)
    {
    }

    /// <summary>Creates an exception with a message (reason <see cref="DecodeError.Truncated"/>, offset 0).</summary>
    /// <param name="message">The message.</param>
    public DecodeException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception wrapping <paramref name="innerException"/>.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public DecodeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The typed reason.</summary>
    public DecodeError Reason { get; }

    /// <summary>Absolute byte offset from the start of the outermost buffer.</summary>
    public int Offset { get; }
}
