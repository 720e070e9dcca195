namespace ManagedTls.OpenSsl;

/// <summary>
/// pyOpenSSL's protocol version constants (<c>SSL3_VERSION</c> … <c>TLS1_3_VERSION</c>, OpenSSL's wire numbers), for
/// <see cref="Context.SetMinProtoVersion"/>, <see cref="Context.SetMaxProtoVersion"/> and
/// <see cref="Connection.GetProtocolVersion"/>.
/// </summary>
public enum SslVersion
{
    /// <summary>0: "no bound" — the lowest (as a minimum) or highest (as a maximum) version this library supports.</summary>
    Any = 0,

    /// <summary><c>SSL3_VERSION</c> (0x300). Never negotiated (RFC 7568).</summary>
    Ssl3 = 0x0300,

    /// <summary><c>TLS1_VERSION</c> (0x301). Never negotiated (RFC 8996).</summary>
    Tls1 = 0x0301,

    /// <summary><c>TLS1_1_VERSION</c> (0x302). Never negotiated (RFC 8996).</summary>
    Tls1_1 = 0x0302,

    /// <summary><c>TLS1_2_VERSION</c> (0x303).</summary>
    Tls1_2 = 0x0303,

    /// <summary><c>TLS1_3_VERSION</c> (0x304).</summary>
    Tls1_3 = 0x0304,

    /// <summary>OpenSSL's <c>TLS_ANY_VERSION</c> (0x10000): what <see cref="Connection.GetProtocolVersion"/> reports before a version-flexible connection has negotiated.</summary>
    TlsAnyVersion = 0x10000,
}
