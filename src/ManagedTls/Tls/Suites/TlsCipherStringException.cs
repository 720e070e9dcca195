namespace ManagedTls.Tls.Suites;

/// <summary>
/// An OpenSSL cipher string or TLS 1.3 ciphersuites list was rejected: nothing usable matched ("no cipher match",
/// as SSL_CTX_set_cipher_list), or the string has a character or an @-command OpenSSL rejects ("invalid command").
/// </summary>
public sealed class TlsCipherStringException : Exception
{
    /// <summary>Creates the exception with OpenSSL's reason text.</summary>
    /// <param name="message">"no cipher match" or "invalid command", with what was rejected.</param>
    public TlsCipherStringException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a default message.</summary>
    public TlsCipherStringException()
        : base("no cipher match")
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What was rejected.</param>
    /// <param name="innerException">The cause.</param>
    public TlsCipherStringException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal TlsCipherStringException(string message, bool isInvalidCommand)
        : base(message)
    {
        IsInvalidCommand = isInvalidCommand;
    }

    /// <summary>True for a syntax error (OpenSSL's SSL_R_INVALID_COMMAND: a character outside names and separators, an unknown @-command, a bad @SECLEVEL); false when the string matched no known suite (SSL_R_NO_CIPHER_MATCH).</summary>
    public bool IsInvalidCommand { get; }
}
