namespace ManagedTls.X509;

/// <summary>The ReasonFlags BIT STRING (RFC 5280 §4.2.1.13); each flag is <c>1 &lt;&lt; bit number</c>.</summary>
[Flags]
public enum CrlReasonFlags
{
    /// <summary>No bits set.</summary>
    None = 0,

    /// <summary>unused (0).</summary>
    Unused = 1 << 0,

    /// <summary>keyCompromise (1).</summary>
    KeyCompromise = 1 << 1,

    /// <summary>cACompromise (2).</summary>
    CACompromise = 1 << 2,

    /// <summary>affiliationChanged (3).</summary>
    AffiliationChanged = 1 << 3,

    /// <summary>superseded (4).</summary>
    Superseded = 1 << 4,

    /// <summary>cessationOfOperation (5).</summary>
    CessationOfOperation = 1 << 5,

    /// <summary>certificateHold (6).</summary>
    CertificateHold = 1 << 6,

    /// <summary>privilegeWithdrawn (7).</summary>
    PrivilegeWithdrawn = 1 << 7,

    /// <summary>aACompromise (8).</summary>
    AACompromise = 1 << 8,
}
