namespace ManagedTls.Signatures;

/// <summary>
/// A signature algorithm identifier, a signature encoding, or a sign/verify request was rejected. The one exception
/// type of the signature layer: callers switch on <see cref="Reason"/>. A signature that merely does not verify is
/// not an exception: <see cref="Verifier"/> returns false.
/// </summary>
public sealed class SignatureException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="reason">Why the input was rejected.</param>
    /// <param name="message">A human-readable explanation.</param>
    public SignatureException(SignatureError reason, string message)
        : base(message)
    {
        Reason = reason;
    }

    /// <summary>Creates the exception wrapping a lower-layer failure.</summary>
    /// <param name="reason">Why the input was rejected.</param>
    /// <param name="message">A human-readable explanation.</param>
    /// <param name="innerException">The DER or provider failure.</param>
    public SignatureException(SignatureError reason, string message, Exception innerException)
        : base(message, innerException)
    {
        Reason = reason;
    }

    /// <summary>Creates the exception with <see cref="SignatureError.InvalidRequest"/>.</summary>
    public SignatureException()
        : this(SignatureError.InvalidRequest, "invalid signature request")
    {
    }

    /// <summary>Creates the exception with <see cref="SignatureError.InvalidRequest"/>.</summary>
    /// <param name="message">A human-readable explanation.</param>
    public SignatureException(string message)
        : this(SignatureError.InvalidRequest, message)
    {
    }

    /// <summary>Creates the exception with <see cref="SignatureError.InvalidRequest"/>.</summary>
    /// <param name="message">A human-readable explanation.</param>
    /// <param name="innerException">The cause.</param>
    public SignatureException(string message, Exception innerException)
        : this(SignatureError.InvalidRequest, message, innerException)
    {
    }

    /// <summary>Why the input was rejected.</summary>
    public SignatureError Reason { get; }
}
