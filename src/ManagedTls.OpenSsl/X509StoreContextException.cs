using ManagedTls.X509.Verification;

namespace ManagedTls.OpenSsl;

/// <summary>
/// pyOpenSSL's <c>X509StoreContextError</c>: verification failed. <see cref="Exception.Message"/> is OpenSSL's text for
/// the error (<c>X509_verify_cert_error_string</c>), <see cref="Errors"/> is pyOpenSSL's <c>[error, depth, message]</c>.
/// </summary>
public sealed class X509StoreContextException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="error">OpenSSL's verify error.</param>
    /// <param name="depth">The depth of the failing certificate (0 = leaf).</param>
    /// <param name="certificate">The failing certificate.</param>
    public X509StoreContextException(X509VerifyError error, int depth, X509 certificate)
        : base(error.GetMessage())
    {
        ArgumentNullException.ThrowIfNull(certificate);
        Error = error;
        ErrorDepth = depth;
        Certificate = certificate;
        Errors = [(int)error, depth, error.GetMessage()];
    }

    /// <summary>Creates the exception with a message only (serialization-style constructor; no certificate).</summary>
    public X509StoreContextException()
        : this("certificate verify failed")
    {
    }

    /// <summary>Creates the exception with a message only (no certificate).</summary>
    /// <param name="message">The message.</param>
    public X509StoreContextException(string message)
        : this(message, null)
    {
    }

    /// <summary>Creates the exception with a message and cause (no certificate).</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public X509StoreContextException(string message, Exception? innerException)
        : base(message, innerException)
    {
        Error = X509VerifyError.Unspecified;
        ErrorDepth = 0;
        Certificate = new X509();
        Errors = [(int)Error, 0, message];
    }

    /// <summary>pyOpenSSL's <c>errors</c>: the error number (int), the depth (int) and OpenSSL's message (string).</summary>
    public IReadOnlyList<object> Errors { get; }

    /// <summary>The error, typed.</summary>
    public X509VerifyError Error { get; }

    /// <summary>The depth of the failing certificate in the chain (0 = the certificate verified).</summary>
    public int ErrorDepth { get; }

    /// <summary>pyOpenSSL's <c>certificate</c>: the certificate that failed.</summary>
    public X509 Certificate { get; }
}
