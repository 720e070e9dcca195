namespace ManagedTls.OpenSsl;

/// <summary>
/// pyOpenSSL's <c>OpenSSL.SSL.Connection</c> over memory BIOs (<c>Connection(context, None)</c>): one TLS connection
/// driven by its owner, who moves the TLS bytes — <see cref="BioRead"/> what it has to send, <see cref="BioWrite"/>
/// what arrived — and calls <see cref="DoHandshake"/>, <see cref="Send"/>, <see cref="Recv"/> and <see cref="Shutdown"/>.
/// </summary>
/// <remarks>
/// <para>
/// The outcomes are pyOpenSSL's: an operation that needs bytes from the peer throws <see cref="WantReadException"/>
/// (call it again after <see cref="BioWrite"/>); a received close_notify makes reads throw
/// <see cref="ZeroReturnException"/>; the end of input signalled by <see cref="BioShutdown"/> without a close_notify
/// makes them throw <see cref="SysCallException"/> <c>(-1, "Unexpected EOF")</c>; a failed handshake throws
/// <see cref="SslException"/> with OpenSSL's reason and keeps failing.
/// </para>
/// <para>
/// Underneath is ManagedTls's sans-I/O engine (<see cref="ManagedTls.Tls.TlsConnection"/>), created at the first I/O
/// call from the context's settings at that moment. Socket-mode (a <c>socket</c> argument) is not provided: drive a
/// socket with <see cref="BioRead"/>/<see cref="BioWrite"/>, or use <c>TlsStream</c>.
/// </para>
/// </remarks>
public sealed partial class Connection
{
    private Context _context;

    /// <summary>Creates a connection over memory BIOs (<c>Connection(context, None)</c>).</summary>
    /// <param name="context">The context whose settings the connection uses.</param>
    /// <param name="socket">Must be null: only memory BIOs are provided (pyOpenSSL's socket mode is not).</param>
    /// <exception cref="NotSupportedException"><paramref name="socket"/> is not null.</exception>
    public Connection(Context context, object? socket = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (socket is not null)
        {
            throw new NotSupportedException("Connection supports memory BIOs only (socket must be null); drive the socket with BioRead/BioWrite or use TlsStream.");
        }

        _context = context;
    }

    /// <summary>The context in use (<c>get_context</c>).</summary>
    /// <returns>The context.</returns>
    public Context GetContext() => _context;

    /// <summary>The application data set by <see cref="SetAppData"/> (<c>get_app_data</c>).</summary>
    /// <returns>The data, or null.</returns>
    public object? GetAppData() => AppData;

    /// <summary>Associates application data with the connection (<c>set_app_data</c>).</summary>
    /// <param name="data">Any object, or null.</param>
    public void SetAppData(object? data) => AppData = data;

    private object? AppData { get; set; }
}
