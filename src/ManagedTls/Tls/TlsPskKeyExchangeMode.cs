namespace ManagedTls.Tls;

/// <summary>TLS PskKeyExchangeMode registry (RFC 8446 §4.2.9).</summary>
public enum TlsPskKeyExchangeMode : byte
{
    /// <summary>psk_ke: PSK-only key establishment.</summary>
    PskKe = 0,

    /// <summary>psk_dhe_ke: PSK with (EC)DHE key establishment.</summary>
    PskDheKe = 1,
}
