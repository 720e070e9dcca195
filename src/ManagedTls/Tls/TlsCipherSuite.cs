namespace ManagedTls.Tls;

/// <summary>TLS Cipher Suites registry (IANA), spelled with the IANA names as .NET's own TlsCipherSuite does, so that users find them by the name in RFCs and logs. Properties of each suite live in the ManagedTls.Tls.Suites namespace.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores", Justification = "IANA names, as System.Net.Security.TlsCipherSuite.")]
public enum TlsCipherSuite : ushort
{
    /// <summary>The initial, unprotected state; never negotiated.</summary>
    TLS_NULL_WITH_NULL_NULL = 0x0000,

    /// <summary>Static RSA, AES-128-CBC, HMAC-SHA1 (off unless enabled).</summary>
    TLS_RSA_WITH_AES_128_CBC_SHA = 0x002F,

    /// <summary>DHE_RSA, AES-128-CBC, HMAC-SHA1 (off unless enabled).</summary>
    TLS_DHE_RSA_WITH_AES_128_CBC_SHA = 0x0033,

    /// <summary>Static RSA, AES-256-CBC, HMAC-SHA1 (off unless enabled).</summary>
    TLS_RSA_WITH_AES_256_CBC_SHA = 0x0035,

    /// <summary>DHE_RSA, AES-256-CBC, HMAC-SHA1 (off unless enabled).</summary>
    TLS_DHE_RSA_WITH_AES_256_CBC_SHA = 0x0039,

    /// <summary>Static RSA, AES-128-CBC, HMAC-SHA256 (off unless enabled).</summary>
    TLS_RSA_WITH_AES_128_CBC_SHA256 = 0x003C,

    /// <summary>Static RSA, AES-256-CBC, HMAC-SHA256 (off unless enabled).</summary>
    TLS_RSA_WITH_AES_256_CBC_SHA256 = 0x003D,

    /// <summary>DHE_RSA, AES-128-CBC, HMAC-SHA256 (off unless enabled).</summary>
    TLS_DHE_RSA_WITH_AES_128_CBC_SHA256 = 0x0067,

    /// <summary>DHE_RSA, AES-256-CBC, HMAC-SHA256 (off unless enabled).</summary>
    TLS_DHE_RSA_WITH_AES_256_CBC_SHA256 = 0x006B,

    /// <summary>Static RSA, AES-128-GCM (off unless enabled).</summary>
    TLS_RSA_WITH_AES_128_GCM_SHA256 = 0x009C,

    /// <summary>Static RSA, AES-256-GCM (off unless enabled).</summary>
    TLS_RSA_WITH_AES_256_GCM_SHA384 = 0x009D,

    /// <summary>DHE_RSA, AES-128-GCM (RFC 5288).</summary>
    TLS_DHE_RSA_WITH_AES_128_GCM_SHA256 = 0x009E,

    /// <summary>DHE_RSA, AES-256-GCM (RFC 5288).</summary>
    TLS_DHE_RSA_WITH_AES_256_GCM_SHA384 = 0x009F,

    /// <summary>Signalling value for secure renegotiation (RFC 5746 §3.3).</summary>
    TLS_EMPTY_RENEGOTIATION_INFO_SCSV = 0x00FF,

    /// <summary>TLS 1.3 AES-128-GCM with SHA-256.</summary>
    TLS_AES_128_GCM_SHA256 = 0x1301,

    /// <summary>TLS 1.3 AES-256-GCM with SHA-384.</summary>
    TLS_AES_256_GCM_SHA384 = 0x1302,

    /// <summary>TLS 1.3 ChaCha20-Poly1305 with SHA-256.</summary>
    TLS_CHACHA20_POLY1305_SHA256 = 0x1303,

    /// <summary>TLS 1.3 AES-128-CCM (not implemented).</summary>
    TLS_AES_128_CCM_SHA256 = 0x1304,

    /// <summary>TLS 1.3 AES-128-CCM-8 (not implemented).</summary>
    TLS_AES_128_CCM_8_SHA256 = 0x1305,

    /// <summary>Signalling value for a fallback connection (RFC 7507).</summary>
    TLS_FALLBACK_SCSV = 0x5600,

    /// <summary>ECDHE_ECDSA, AES-128-CBC, HMAC-SHA1 (off unless enabled).</summary>
    TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA = 0xC009,

    /// <summary>ECDHE_ECDSA, AES-256-CBC, HMAC-SHA1 (off unless enabled).</summary>
    TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA = 0xC00A,

    /// <summary>ECDHE_RSA, AES-128-CBC, HMAC-SHA1 (off unless enabled).</summary>
    TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA = 0xC013,

    /// <summary>ECDHE_RSA, AES-256-CBC, HMAC-SHA1 (off unless enabled).</summary>
    TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA = 0xC014,

    /// <summary>ECDHE_ECDSA, AES-128-CBC, HMAC-SHA256 (off unless enabled).</summary>
    TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256 = 0xC023,

    /// <summary>ECDHE_ECDSA, AES-256-CBC, HMAC-SHA384 (off unless enabled).</summary>
    TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384 = 0xC024,

    /// <summary>ECDHE_RSA, AES-128-CBC, HMAC-SHA256 (off unless enabled).</summary>
    TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256 = 0xC027,

    /// <summary>ECDHE_RSA, AES-256-CBC, HMAC-SHA384 (off unless enabled).</summary>
    TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384 = 0xC028,

    /// <summary>ECDHE_ECDSA, AES-128-GCM (RFC 5289).</summary>
    TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 = 0xC02B,

    /// <summary>ECDHE_ECDSA, AES-256-GCM (RFC 5289).</summary>
    TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384 = 0xC02C,

    /// <summary>ECDHE_RSA, AES-128-GCM (RFC 5289).</summary>
    TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 = 0xC02F,

    /// <summary>ECDHE_RSA, AES-256-GCM (RFC 5289).</summary>
    TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384 = 0xC030,

    /// <summary>ECDHE_RSA, ChaCha20-Poly1305 (RFC 7905).</summary>
    TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256 = 0xCCA8,

    /// <summary>ECDHE_ECDSA, ChaCha20-Poly1305 (RFC 7905).</summary>
    TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256 = 0xCCA9,

    /// <summary>DHE_RSA, ChaCha20-Poly1305 (RFC 7905).</summary>
    TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256 = 0xCCAA,
}
