namespace ManagedTls.Pkcs;

/// <summary>
/// The one exception the password-based encryption layer throws for bad input (PKCS#8
/// <c>EncryptedPrivateKeyInfo</c>, OpenSSL traditional PEM encryption). <see cref="Reason"/> says which kind of
/// failure it was, so callers can tell a wrong password from an unsupported algorithm without parsing messages.
/// </summary>
public sealed class PbeException : Exception
{
    /// <summary>Creates an exception with a typed reason and a human-readable message.</summary>
    /// <param name="reason">The kind of failure.</param>
    /// <param name="message">What went wrong, for people.</param>
    public PbeException(PbeError reason, string message)
        : base(message)
    {
        Reason = reason;
    }

    /// <summary>Creates an exception with a typed reason, a message and the lower-layer cause.</summary>
    /// <param name="reason">The kind of failure.</param>
    /// <param name="message">What went wrong, for people.</param>
    /// <param name="innerException">The codec error that caused it.</param>
    public PbeException(PbeError reason, string message, Exception innerException)
        : base(message, innerException)
    {
        Reason = reason;
    }

    /// <summary>Creates an exception with reason <see cref="PbeError.Malformed"/>.</summary>
    public PbeException()
        : this(PbeError.Malformed, "Malformed password-encrypted data.")
    {
    }

    /// <summary>Creates an exception with reason <see cref="PbeError.Malformed"/> and a message.</summary>
    /// <param name="message">What went wrong.</param>
    public PbeException(string message)
        : this(PbeError.Malformed, message)
    {
    }

    /// <summary>Creates an exception with reason <see cref="PbeError.Malformed"/>, a message and a cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public PbeException(string message, Exception innerException)
        : this(PbeError.Malformed, message, innerException)
    {
    }

    /// <summary>The kind of failure.</summary>
    public PbeError Reason { get; }
}
