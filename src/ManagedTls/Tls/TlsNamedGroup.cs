namespace ManagedTls.Tls;

/// <summary>TLS Supported Groups registry (IANA; RFC 8446 §4.2.7, RFC 7919).</summary>
public enum TlsNamedGroup : ushort
{
    /// <summary>secp256r1 (NIST P-256).</summary>
    Secp256r1 = 23,

    /// <summary>secp384r1 (NIST P-384).</summary>
    Secp384r1 = 24,

    /// <summary>secp521r1 (NIST P-521).</summary>
    Secp521r1 = 25,

    /// <summary>x25519 (RFC 7748).</summary>
    X25519 = 29,

    /// <summary>x448 (RFC 7748).</summary>
    X448 = 30,

    /// <summary>ffdhe2048 (RFC 7919).</summary>
    Ffdhe2048 = 0x0100,

    /// <summary>ffdhe3072 (RFC 7919).</summary>
    Ffdhe3072 = 0x0101,

    /// <summary>ffdhe4096 (RFC 7919).</summary>
    Ffdhe4096 = 0x0102,

    /// <summary>ffdhe6144 (RFC 7919).</summary>
    Ffdhe6144 = 0x0103,

    /// <summary>ffdhe8192 (RFC 7919).</summary>
    Ffdhe8192 = 0x0104,
}
