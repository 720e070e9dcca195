namespace ManagedTls.X509;

/// <summary>The Netscape certificate type bits (nsCertType, 2.16.840.1.113730.1.1); each flag is <c>1 &lt;&lt; bit number</c>.</summary>
[Flags]
public enum NetscapeCertTypeFlags
{
    /// <summary>No bits set.</summary>
    None = 0,

    /// <summary>SSL client (0).</summary>
    SslClient = 1 << 0,

    /// <summary>SSL server (1).</summary>
    SslServer = 1 << 1,

    /// <summary>S/MIME (2).</summary>
    Smime = 1 << 2,

    /// <summary>Object signing (3).</summary>
    ObjectSigning = 1 << 3,

    /// <summary>Reserved (4); OpenSSL prints it as "Unused".</summary>
    Reserved = 1 << 4,

    /// <summary>SSL CA (5).</summary>
    SslCA = 1 << 5,

    /// <summary>S/MIME CA (6).</summary>
    SmimeCA = 1 << 6,

    /// <summary>Object signing CA (7).</summary>
    ObjectSigningCA = 1 << 7,
}
