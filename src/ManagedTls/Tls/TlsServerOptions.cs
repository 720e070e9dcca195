namespace ManagedTls.Tls;

/// <summary>Configuration of a TLS server.</summary>
public sealed class TlsServerOptions : TlsOptions
{
    /// <summary>
    /// Called with the client's SNI host name (null when none was sent); returns the identity to present instead of
    /// <see cref="TlsOptions.Certificate"/>, or null to keep it.
    /// </summary>
    public Func<string?, TlsCertificateIdentity?>? ServerNameCallback { get; set; }

    /// <summary>
    /// TLS 1.3: when true (the default) the server uses its own <see cref="TlsOptions.Groups"/> order and answers with a
    /// HelloRetryRequest when the client supports the server's most preferred group but sent no key share for it;
    /// when false it takes any acceptable key share the client sent (OpenSSL's behaviour) and retries only when none is.
    /// </summary>
    public bool PreferServerGroupOrder { get; set; } = true;

    /// <summary>TLS 1.3: always answer the first ClientHello with a HelloRetryRequest carrying a cookie (tests and DoS screening).</summary>
    public bool RequireHelloRetryCookie { get; set; }
}
