namespace ManagedTls.OpenSsl;

/// <summary>
/// pyOpenSSL's <c>SSL.SysCallError</c>: the transport failed, or ended without the peer's close_notify. Its arguments
/// are the pair (errno, message): <c>(-1, "Unexpected EOF")</c> for an end of input that violates the protocol
/// (after <see cref="Connection.BioShutdown"/> with no close_notify received), or an operating-system error number
/// and its name for a socket failure.
/// </summary>
public class SysCallException : SslException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="errno">The error number, or -1 for an unexpected EOF.</param>
    /// <param name="errorString">The error's name or description, e.g. "Unexpected EOF".</param>
    /// <param name="innerException">The transport failure, if any.</param>
    public SysCallException(int errno, string errorString, Exception? innerException = null)
        : base([], innerException)
    {
        Errno = errno;
        ErrorString = errorString;
    }

    /// <summary>The error number (pyOpenSSL's <c>e.args[0]</c>): -1 for an unexpected EOF.</summary>
    public int Errno { get; }

    /// <summary>The error description (pyOpenSSL's <c>e.args[1]</c>), e.g. "Unexpected EOF".</summary>
    public string ErrorString { get; }

    /// <summary>The pair as Python prints it: <c>(-1, 'Unexpected EOF')</c>.</summary>
    public override string Message => $"({Errno}, '{ErrorString}')";

    /// <summary>The exception for a transport EOF without close_notify: <c>(-1, "Unexpected EOF")</c>.</summary>
    /// <returns>The exception.</returns>
    internal static SysCallException UnexpectedEof() => new(-1, "Unexpected EOF");
}
