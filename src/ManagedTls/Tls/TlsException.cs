namespace ManagedTls.Tls;

/// <summary>
/// The engine's one exception type: a connection failed. It names the alert that was sent to the peer (or, for
/// <see cref="TlsError.PeerAlert"/>, received from it), a typed reason and, in the message, the RFC clause.
/// Once a connection throws it the failure is sticky: every later call repeats it.
/// </summary>
public sealed class TlsException : Exception
{
    /// <summary>Creates an exception for a failure decided locally.</summary>
    /// <param name="error">The typed reason.</param>
    /// <param name="alert">The alert sent to the peer.</param>
    /// <param name="message">What went wrong, naming the RFC clause.</param>
    public TlsException(TlsError error, TlsAlertDescription alert, string message)
        : base(message)
    {
        Error = error;
        Alert = alert;
    }

    /// <summary>Creates an exception for a failure decided locally, wrapping the cause.</summary>
    /// <param name="error">The typed reason.</param>
    /// <param name="alert">The alert sent to the peer.</param>
    /// <param name="message">What went wrong, naming the RFC clause.</param>
    /// <param name="innerException">The lower-layer failure.</param>
    public TlsException(TlsError error, TlsAlertDescription alert, string message, Exception innerException)
        : base(message, innerException)
    {
        Error = error;
        Alert = alert;
    }

    /// <summary>Creates an internal_error exception.</summary>
    public TlsException()
        : this(TlsError.Internal, TlsAlertDescription.InternalError, "TLS failure")
    {
    }

    /// <summary>Creates an internal_error exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public TlsException(string message)
        : this(TlsError.Internal, TlsAlertDescription.InternalError, message)
    {
    }

    /// <summary>Creates an internal_error exception with a message and a cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public TlsException(string message, Exception innerException)
        : this(TlsError.Internal, TlsAlertDescription.InternalError, message, innerException)
    {
    }

    /// <summary>The typed reason.</summary>
    public TlsError Error { get; }

    /// <summary>The alert sent to the peer, or the one received when <see cref="Error"/> is <see cref="TlsError.PeerAlert"/>.</summary>
    public TlsAlertDescription Alert { get; }

    /// <summary>True when the peer sent the alert; false when this side decided the failure.</summary>
    public bool IsPeerAlert => Error == TlsError.PeerAlert;

    /// <summary>Shorthand for a decode_error failure.</summary>
    /// <param name="message">What was malformed, naming the RFC clause.</param>
    /// <returns>The exception to throw.</returns>
    public static TlsException Decode(string message) => new(TlsError.Malformed, TlsAlertDescription.DecodeError, message);

    /// <summary>Shorthand for an illegal_parameter failure.</summary>
    /// <param name="message">What was illegal, naming the RFC clause.</param>
    /// <returns>The exception to throw.</returns>
    public static TlsException Illegal(string message) => new(TlsError.IllegalParameter, TlsAlertDescription.IllegalParameter, message);

    /// <summary>Shorthand for an unexpected_message failure.</summary>
    /// <param name="message">What arrived when, naming the RFC clause.</param>
    /// <returns>The exception to throw.</returns>
    public static TlsException Unexpected(string message) => new(TlsError.UnexpectedMessage, TlsAlertDescription.UnexpectedMessage, message);
}
