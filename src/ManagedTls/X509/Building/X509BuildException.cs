namespace ManagedTls.X509;

/// <summary>A builder was asked to sign a structure that would be invalid; <see cref="Reason"/> says which rule failed.</summary>
public sealed class X509BuildException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="reason">The rule that failed.</param>
    /// <param name="message">A description naming the field and the RFC clause.</param>
    public X509BuildException(X509BuildError reason, string message)
        : base(message)
    {
        Reason = reason;
    }

    /// <summary>The rule that failed.</summary>
    public X509BuildError Reason { get; }
}
