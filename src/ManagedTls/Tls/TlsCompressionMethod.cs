namespace ManagedTls.Tls;

/// <summary>TLS compression methods (RFC 5246 §6.2.2); only null is ever negotiated.</summary>
public enum TlsCompressionMethod : byte
{
    /// <summary>No compression.</summary>
    Null = 0,

    /// <summary>DEFLATE (RFC 3749): never negotiated (CRIME).</summary>
    Deflate = 1,
}
