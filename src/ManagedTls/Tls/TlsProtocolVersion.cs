namespace ManagedTls.Tls;

/// <summary>TLS protocol versions as they appear on the wire (RFC 8446 §4.2.1).</summary>
public enum TlsProtocolVersion : ushort
{
    /// <summary>No version (not negotiated yet).</summary>
    None = 0,

    /// <summary>SSL 3.0: refused (RFC 7568).</summary>
    Ssl3 = 0x0300,

    /// <summary>TLS 1.0: refused (RFC 8996).</summary>
    Tls10 = 0x0301,

    /// <summary>TLS 1.1: refused (RFC 8996).</summary>
    Tls11 = 0x0302,

    /// <summary>TLS 1.2 (RFC 5246).</summary>
    Tls12 = 0x0303,

    /// <summary>TLS 1.3 (RFC 8446).</summary>
    Tls13 = 0x0304,
}
