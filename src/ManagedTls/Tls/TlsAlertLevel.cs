namespace ManagedTls.Tls;

/// <summary>TLS AlertLevel (RFC 8446 §6).</summary>
public enum TlsAlertLevel : byte
{
    /// <summary>warning.</summary>
    Warning = 1,

    /// <summary>fatal.</summary>
    Fatal = 2,
}
