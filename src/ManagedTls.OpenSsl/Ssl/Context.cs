namespace ManagedTls.OpenSsl;

/// <summary>
/// pyOpenSSL's <c>OpenSSL.SSL.Context</c>: the parameters shared by the <see cref="Connection"/>s made from it —
/// protocol versions, certificate and key, trust store and verification, cipher lists, options, callbacks.
/// </summary>
/// <remarks>
/// <para>
/// Settings are read when a connection starts its handshake, so changing a context affects connections made from it
/// that have not started yet, as in OpenSSL (which copies most settings into the <c>SSL</c> at <c>SSL_new</c> time;
/// here the copy happens at the first I/O call).
/// </para>
/// <para>
/// Failures are <see cref="SslException"/>s carrying OpenSSL's (library, function, reason) entries; pyOpenSSL's
/// <c>TypeError</c>/<c>ValueError</c> for bad arguments are <see cref="ArgumentException"/>s.
/// </para>
/// </remarks>
public sealed partial class Context
{
    /// <summary>OpenSSL 3.0's <c>SSL_CTX_new</c> default options.</summary>
    private const SslOptions DefaultOptions = SslOptions.NoCompression | SslOptions.EnableMiddleboxCompat;

    private readonly SslMethod _method;
    private SslVersion _minVersion;
    private SslVersion _maxVersion;
    private SslOptions _options = DefaultOptions;
    private SslMode _mode = SslMode.AutoRetry;
    private SessionCacheMode _sessionCacheMode = SessionCacheMode.Server;
    private byte[] _sessionIdContext = [];
    private int _timeout = 300;

    /// <summary>Creates a context (<c>Context(method)</c>).</summary>
    /// <param name="method">
    /// <see cref="SslMethod.Tls"/>, <see cref="SslMethod.TlsClient"/>, <see cref="SslMethod.TlsServer"/> or
    /// <see cref="SslMethod.Sslv23"/> (TLS 1.2 and 1.3), or <see cref="SslMethod.Tlsv1_2"/> (TLS 1.2 only).
    /// </param>
    /// <exception cref="SslException">
    /// <see cref="SslMethod.Sslv2"/>, <see cref="SslMethod.Sslv3"/>, <see cref="SslMethod.Tlsv1"/> or
    /// <see cref="SslMethod.Tlsv1_1"/>: those protocols are not implemented, and the entry's reason says why (RFC 6176,
    /// RFC 7568, RFC 8996).
    /// </exception>
    /// <exception cref="ArgumentException">Not an <see cref="SslMethod"/> value ("No such protocol", pyOpenSSL's ValueError).</exception>
    public Context(SslMethod method)
    {
        string? refused = method switch
        {
            SslMethod.Sslv2 => "SSL 2.0 is prohibited by RFC 6176",
            SslMethod.Sslv3 => "SSL 3.0 is deprecated by RFC 7568 (POODLE) and not implemented",
            SslMethod.Tlsv1 => "TLS 1.0 is deprecated by RFC 8996 and not implemented",
            SslMethod.Tlsv1_1 => "TLS 1.1 is deprecated by RFC 8996 and not implemented",
            SslMethod.Sslv23 or SslMethod.Tlsv1_2 or SslMethod.Tls or SslMethod.TlsServer or SslMethod.TlsClient => null,
            _ => throw new ArgumentException("No such protocol", nameof(method)),
        };
        if (refused is not null)
        {
            throw new SslException(SslErrors.Ssl, "SSL_CTX_new", "unsupported protocol: " + refused);
        }

        _method = method;
        _minVersion = method == SslMethod.Tlsv1_2 ? SslVersion.Tls1_2 : SslVersion.Any;
        _maxVersion = method == SslMethod.Tlsv1_2 ? SslVersion.Tls1_2 : SslVersion.Any;

        // pyOpenSSL's Context.__init__ adds MODE_ENABLE_PARTIAL_WRITE to OpenSSL's default (AUTO_RETRY).
        SetMode(SslMode.EnablePartialWrite);
    }

    /// <summary>The method the context was made with (an addition).</summary>
    public SslMethod Method => _method;

    /// <summary>The application data set by <see cref="SetAppData"/> (<c>get_app_data</c>).</summary>
    /// <returns>The data, or null.</returns>
    public object? GetAppData() => AppData;

    /// <summary>Associates application data with the context (<c>set_app_data</c>).</summary>
    /// <param name="data">Any object, or null.</param>
    public void SetAppData(object? data) => AppData = data;

    /// <summary>
    /// Sets the lowest protocol version to negotiate (<c>set_min_proto_version</c>). <see cref="SslVersion.Any"/> (0)
    /// means the lowest this library supports, TLS 1.2; a lower version is accepted and acts as TLS 1.2, as a minimum
    /// below what an OpenSSL build supports does.
    /// </summary>
    /// <param name="version">The version.</param>
    /// <exception cref="SslException">Not an SSL/TLS version number: <c>("SSL routines", "SSL_CTX_set_min_proto_version", "bad protocol version number")</c>.</exception>
    public void SetMinProtoVersion(SslVersion version) => _minVersion = CheckVersion(version, "SSL_CTX_set_min_proto_version");

    /// <summary>
    /// Sets the highest protocol version to negotiate (<c>set_max_proto_version</c>). <see cref="SslVersion.Any"/> (0)
    /// means the highest this library supports, TLS 1.3. A maximum below TLS 1.2 leaves no version to negotiate: the
    /// handshake then fails with "no protocols available".
    /// </summary>
    /// <param name="version">The version.</param>
    /// <exception cref="SslException">Not an SSL/TLS version number ("bad protocol version number").</exception>
    public void SetMaxProtoVersion(SslVersion version) => _maxVersion = CheckVersion(version, "SSL_CTX_set_max_proto_version");

    /// <summary>The lowest version set (an addition; OpenSSL's <c>SSL_CTX_get_min_proto_version</c>): 0 when unbounded.</summary>
    /// <returns>The version.</returns>
    public SslVersion GetMinProtoVersion() => _minVersion;

    /// <summary>The highest version set (an addition; OpenSSL's <c>SSL_CTX_get_max_proto_version</c>): 0 when unbounded.</summary>
    /// <returns>The version.</returns>
    public SslVersion GetMaxProtoVersion() => _maxVersion;

    /// <summary>Adds options (<c>set_options</c>); options set before stay set.</summary>
    /// <param name="options">The options to add.</param>
    /// <returns>The new option bitmask (OpenSSL 3.0's defaults are <see cref="SslOptions.NoCompression"/> | <see cref="SslOptions.EnableMiddleboxCompat"/>).</returns>
    public SslOptions SetOptions(SslOptions options) => _options |= options;

    /// <summary>Removes options (an addition; OpenSSL's <c>SSL_CTX_clear_options</c>).</summary>
    /// <param name="options">The options to remove.</param>
    /// <returns>The new option bitmask.</returns>
    public SslOptions ClearOptions(SslOptions options) => _options &= ~options;

    /// <summary>The current options (an addition; OpenSSL's <c>SSL_CTX_get_options</c>).</summary>
    /// <returns>The option bitmask.</returns>
    public SslOptions GetOptions() => _options;

    /// <summary>Adds modes (<c>set_mode</c>); modes set before stay set.</summary>
    /// <param name="mode">The modes to add.</param>
    /// <returns>The new mode bitmask (a new context has <see cref="SslMode.AutoRetry"/> | <see cref="SslMode.EnablePartialWrite"/>).</returns>
    public SslMode SetMode(SslMode mode) => _mode |= mode;

    /// <summary>Sets the lifetime of new sessions (<c>set_timeout</c>).</summary>
    /// <param name="timeout">Whole seconds.</param>
    /// <returns>The previous timeout.</returns>
    public int SetTimeout(int timeout)
    {
        int previous = _timeout;
        _timeout = timeout;
        return previous;
    }

    /// <summary>The lifetime of new sessions (<c>get_timeout</c>): 300 seconds unless set.</summary>
    /// <returns>Whole seconds.</returns>
    public int GetTimeout() => _timeout;

    /// <summary>Sets the session cache mode (<c>set_session_cache_mode</c>). Recorded; there is no session cache yet.</summary>
    /// <param name="mode">The mode.</param>
    /// <returns>The previous mode (<see cref="SessionCacheMode.Server"/> for a new context).</returns>
    public SessionCacheMode SetSessionCacheMode(SessionCacheMode mode)
    {
        SessionCacheMode previous = _sessionCacheMode;
        _sessionCacheMode = mode;
        return previous;
    }

    /// <summary>The session cache mode (<c>get_session_cache_mode</c>).</summary>
    /// <returns>The mode.</returns>
    public SessionCacheMode GetSessionCacheMode() => _sessionCacheMode;

    /// <summary>Sets the session id context (<c>set_session_id</c>, OpenSSL's <c>SSL_CTX_set_session_id_context</c>).</summary>
    /// <param name="buf">At most 32 bytes.</param>
    /// <exception cref="SslException">Longer than 32 bytes: <c>("SSL routines", "SSL_CTX_set_session_id_context", "ssl session id context too long")</c>.</exception>
    public void SetSessionId(byte[] buf)
    {
        ArgumentNullException.ThrowIfNull(buf);
        if (buf.Length > 32)
        {
            throw new SslException(SslErrors.Ssl, "SSL_CTX_set_session_id_context", "ssl session id context too long");
        }

        _sessionIdContext = [.. buf];
    }

    /// <summary>The session id context set by <see cref="SetSessionId"/> (an addition).</summary>
    /// <returns>A copy of the bytes (empty when unset).</returns>
    public byte[] GetSessionId() => [.. _sessionIdContext];

    internal object? AppData { get; private set; }

    internal SslOptions Options => _options;

    /// <summary>True when connections start as servers without <c>set_accept_state</c> (TLS_server_method).</summary>
    internal bool? ImpliedServer => _method switch
    {
        SslMethod.TlsServer => true,
        SslMethod.TlsClient => false,
        _ => null,
    };

    internal SslVersion MinVersion => _minVersion;

    internal SslVersion MaxVersion => _maxVersion;

    private static SslVersion CheckVersion(SslVersion version, string function) => version switch
    {
        SslVersion.Any or SslVersion.Ssl3 or SslVersion.Tls1 or SslVersion.Tls1_1 or SslVersion.Tls1_2 or SslVersion.Tls1_3 => version,
        _ => throw new SslException(SslErrors.Ssl, function, "bad protocol version number"),
    };
}
