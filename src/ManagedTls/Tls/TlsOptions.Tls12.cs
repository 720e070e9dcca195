using ManagedTls.Keys;

namespace ManagedTls.Tls;

/// <content>TLS 1.2 settings.</content>
public abstract partial class TlsOptions
{
    /// <summary>
    /// Server: the finite-field group for DHE_RSA suites when the client offers no RFC 7919 group in supported_groups
    /// (OpenSSL's <c>SSL_CTX_set_tmp_dh</c> / <c>-dhparam</c>); null means ffdhe2048. Clients that list ffdhe groups
    /// get the first of ours they support (RFC 7919 §4).
    /// </summary>
    public DhParameters? DhParameters { get; set; }

    /// <summary>
    /// Whether a TLS 1.2 peer must negotiate the extended master secret (RFC 7627); default false, as OpenSSL 3.0,
    /// which uses it whenever both sides offer it and otherwise falls back to the RFC 5246 master secret.
    /// </summary>
    public bool RequireExtendedMasterSecret { get; set; }

    /// <summary>Test hook: a server that ignores the client's extended_master_secret (an RFC 5246-only peer).</summary>
    internal bool IgnoreExtendedMasterSecret { get; set; }
}
