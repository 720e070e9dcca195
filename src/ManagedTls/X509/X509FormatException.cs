namespace ManagedTls.X509;

/// <summary>
/// The one exception the X.509 layer throws for input it cannot accept: a typed <see cref="Reason"/>, and for malformed
/// DER the codec's <see cref="Asn1.DecodeException"/> as the <see cref="Exception.InnerException"/>.
/// </summary>
/// <remarks>
/// Derives from <see cref="FormatException"/> like <see cref="Keys.KeyFormatException"/>. A separate type from
/// <see cref="Asn1.DecodeException"/> because certificates, names, CRLs and requests fail for reasons the codec
/// cannot see (duplicate extensions, a version that does not allow a field, a Name value OpenSSL rejects), and callers
/// want one type per layer to catch.
/// </remarks>
public sealed class X509FormatException : FormatException
{
    /// <summary>Creates an exception for <paramref name="reason"/>.</summary>
    /// <param name="reason">What was wrong.</param>
    /// <param name="message">Detail.</param>
    public X509FormatException(X509FormatError reason, string message)
        : base(message)
    {
        Reason = reason;
    }

    /// <summary>Creates an exception for <paramref name="reason"/> caused by <paramref name="innerException"/>.</summary>
    /// <param name="reason">What was wrong.</param>
    /// <param name="message">Detail.</param>
    /// <param name="innerException">The cause.</param>
    public X509FormatException(X509FormatError reason, string message, Exception innerException)
        : base(message, innerException)
    {
        Reason = reason;
    }

    /// <summary>Creates an exception without detail (reason <see cref="X509FormatError.MalformedDer"/>).</summary>
    public X509FormatException()
        : this(X509FormatError.MalformedDer, "Malformed X.509 structure.")
    {
    }

    /// <summary>Creates an exception with a message (reason <see cref="X509FormatError.MalformedDer"/>).</summary>
    /// <param name="message">The message.</param>
    public X509FormatException(string message)
        : this(X509FormatError.MalformedDer, message)
    {
    }

    /// <summary>Creates an exception with a message and cause (reason <see cref="X509FormatError.MalformedDer"/>).</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public X509FormatException(string message, Exception innerException)
        : this(X509FormatError.MalformedDer, message, innerException)
    {
    }

    /// <summary>The typed reason.</summary>
    public X509FormatError Reason { get; }

    internal static X509FormatException Malformed(Asn1.DecodeException inner, string what) =>
        new(X509FormatError.MalformedDer, $"Malformed {what}: {inner.Message}", inner);
}
