namespace ManagedTls.OpenSsl;

/// <summary>pyOpenSSL's <c>SSL.SESS_CACHE_*</c> flags (OpenSSL's values), for <see cref="Context.SetSessionCacheMode"/>.</summary>
/// <remarks>The mode is recorded and reported back; ManagedTls keeps no session cache yet, so no mode resumes sessions.</remarks>
[Flags]
public enum SessionCacheMode
{
    /// <summary><c>SESS_CACHE_OFF</c>.</summary>
    Off = 0x0000,

    /// <summary><c>SESS_CACHE_CLIENT</c>.</summary>
    Client = 0x0001,

    /// <summary><c>SESS_CACHE_SERVER</c> (OpenSSL's default).</summary>
    Server = 0x0002,

    /// <summary><c>SESS_CACHE_BOTH</c>.</summary>
    Both = Client | Server,

    /// <summary><c>SESS_CACHE_NO_AUTO_CLEAR</c>.</summary>
    NoAutoClear = 0x0080,

    /// <summary><c>SESS_CACHE_NO_INTERNAL_LOOKUP</c>.</summary>
    NoInternalLookup = 0x0100,

    /// <summary><c>SESS_CACHE_NO_INTERNAL_STORE</c>.</summary>
    NoInternalStore = 0x0200,

    /// <summary><c>SESS_CACHE_NO_INTERNAL</c>.</summary>
    NoInternal = NoInternalLookup | NoInternalStore,

    /// <summary><c>SESS_CACHE_UPDATE_TIME</c> (OpenSSL 3.0).</summary>
    UpdateTime = 0x0400,
}
