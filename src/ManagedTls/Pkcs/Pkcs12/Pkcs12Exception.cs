namespace ManagedTls.Pkcs.Pkcs12;

/// <summary>
/// The one exception the PKCS#12 layer throws for bad input. <see cref="Reason"/> tells a wrong password from a
/// tampered file, an unsupported algorithm or garbage, without parsing messages.
/// </summary>
public sealed class Pkcs12Exception : Exception
{
    /// <summary>Creates an exception with a typed reason and a message.</summary>
    /// <param name="reason">The kind of failure.</param>
    /// <param name="message">What went wrong, for people.</param>
    public Pkcs12Exception(Pkcs12Error reason, string message)
        : base(message)
    {
        Reason = reason;
    }

    /// <summary>Creates an exception with a typed reason, a message and the lower-layer cause.</summary>
    /// <param name="reason">The kind of failure.</param>
    /// <param name="message">What went wrong, for people.</param>
    /// <param name="innerException">The cause.</param>
    public Pkcs12Exception(Pkcs12Error reason, string message, Exception innerException)
        : base(message, innerException)
    {
        Reason = reason;
    }

    /// <summary>Creates an exception with reason <see cref="Pkcs12Error.Malformed"/>.</summary>
    public Pkcs12Exception()
        : this(Pkcs12Error.Malformed, "Malformed PKCS#12 data.")
    {
    }

    /// <summary>Creates an exception with reason <see cref="Pkcs12Error.Malformed"/> and a message.</summary>
    /// <param name="message">What went wrong.</param>
    public Pkcs12Exception(string message)
        : this(Pkcs12Error.Malformed, message)
    {
    }

    /// <summary>Creates an exception with reason <see cref="Pkcs12Error.Malformed"/>, a message and a cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public Pkcs12Exception(string message, Exception innerException)
        : this(Pkcs12Error.Malformed, message, innerException)
    {
    }

    /// <summary>The kind of failure.</summary>
    public Pkcs12Error Reason { get; }
}
