namespace ManagedTls.Tls;

/// <summary>Configuration of a TLS client.</summary>
public sealed class TlsClientOptions : TlsOptions
{
    /// <summary>
    /// The server's host name: sent as SNI (unless <see cref="SendSni"/> is false or it is an IP address) and checked
    /// against the server certificate when <see cref="TlsOptions.VerifyMode"/> includes <see cref="TlsVerifyMode.Peer"/>.
    /// </summary>
    public string? ServerName { get; set; }

    /// <summary>Whether <see cref="ServerName"/> is sent in the server_name extension (default true).</summary>
    public bool SendSni { get; set; } = true;

    /// <summary>The groups for which a TLS 1.3 key share is sent in the first ClientHello; null = the first of <see cref="TlsOptions.Groups"/>.</summary>
    public IList<TlsNamedGroup>? KeyShareGroups { get; set; }

    /// <summary>Test hook: rewrites the ClientHello extension list (order, extra entries) before it is encoded.</summary>
    internal Func<List<Messages.TlsExtension>, IReadOnlyList<Messages.TlsExtension>>? ClientHelloExtensionsHook { get; set; }
}
