namespace ManagedTls.PythonSsl;

/// <summary>Python's <c>ssl.CertificateError</c>: a certificate does not identify the expected host.</summary>
public sealed class CertificateException : Exception
{
    /// <summary>Creates an exception.</summary>
    public CertificateException()
        : base("certificate does not match the hostname")
    {
    }

    /// <summary>Creates an exception with Python's message.</summary>
    /// <param name="message">The message, in Python's wording.</param>
    public CertificateException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public CertificateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
