namespace ManagedTls.X509;

/// <summary>The KeyUsage bits (RFC 5280 §4.2.1.3); each flag is <c>1 &lt;&lt; bit number</c>.</summary>
[Flags]
public enum KeyUsageFlags
{
    /// <summary>No bits set.</summary>
    None = 0,

    /// <summary>digitalSignature (0).</summary>
    DigitalSignature = 1 << 0,

    /// <summary>nonRepudiation / contentCommitment (1).</summary>
    NonRepudiation = 1 << 1,

    /// <summary>keyEncipherment (2).</summary>
    KeyEncipherment = 1 << 2,

    /// <summary>dataEncipherment (3).</summary>
    DataEncipherment = 1 << 3,

    /// <summary>keyAgreement (4).</summary>
    KeyAgreement = 1 << 4,

    /// <summary>keyCertSign (5).</summary>
    KeyCertSign = 1 << 5,

    /// <summary>cRLSign (6).</summary>
    CrlSign = 1 << 6,

    /// <summary>encipherOnly (7).</summary>
    EncipherOnly = 1 << 7,

    /// <summary>decipherOnly (8).</summary>
    DecipherOnly = 1 << 8,
}
