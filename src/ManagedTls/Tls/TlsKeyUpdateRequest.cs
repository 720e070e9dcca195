namespace ManagedTls.Tls;

/// <summary>KeyUpdateRequest values (RFC 8446 §4.6.3).</summary>
public enum TlsKeyUpdateRequest : byte
{
    /// <summary>update_not_requested.</summary>
    UpdateNotRequested = 0,

    /// <summary>update_requested: the receiver must answer with its own KeyUpdate.</summary>
    UpdateRequested = 1,
}
