namespace ManagedTls.OpenSsl;

/// <summary>
/// pyOpenSSL's <c>SSL.*_METHOD</c> constants (same numbers): the protocol family a <see cref="Context"/> speaks.
/// </summary>
/// <remarks>
/// <see cref="Tls"/>, <see cref="Sslv23"/> and the client/server variants negotiate TLS 1.2 or TLS 1.3;
/// <see cref="Tlsv1_2"/> pins TLS 1.2. <see cref="Sslv2"/>, <see cref="Sslv3"/>, <see cref="Tlsv1"/> and
/// <see cref="Tlsv1_1"/> exist so code that names them compiles, but constructing a <see cref="Context"/> with them
/// throws an <see cref="SslException"/> that says why (RFC 6176, RFC 7568, RFC 8996).
/// </remarks>
public enum SslMethod
{
    /// <summary><c>SSLv2_METHOD</c>: refused (SSL 2.0 is prohibited by RFC 6176).</summary>
    Sslv2 = 1,

    /// <summary><c>SSLv3_METHOD</c>: refused (SSL 3.0 is deprecated by RFC 7568).</summary>
    Sslv3 = 2,

    /// <summary><c>SSLv23_METHOD</c>: the historical name of "any version" — here TLS 1.2 or TLS 1.3, like <see cref="Tls"/>.</summary>
    Sslv23 = 3,

    /// <summary><c>TLSv1_METHOD</c>: refused (TLS 1.0 is deprecated by RFC 8996).</summary>
    Tlsv1 = 4,

    /// <summary><c>TLSv1_1_METHOD</c>: refused (TLS 1.1 is deprecated by RFC 8996).</summary>
    Tlsv1_1 = 5,

    /// <summary><c>TLSv1_2_METHOD</c>: TLS 1.2 only.</summary>
    Tlsv1_2 = 6,

    /// <summary><c>TLS_METHOD</c>: TLS 1.2 or TLS 1.3, client or server as the connection is set up.</summary>
    Tls = 7,

    /// <summary><c>TLS_SERVER_METHOD</c>: as <see cref="Tls"/>, and connections start in server (accept) state.</summary>
    TlsServer = 8,

    /// <summary><c>TLS_CLIENT_METHOD</c>: as <see cref="Tls"/>, and connections start in client (connect) state.</summary>
    TlsClient = 9,
}
