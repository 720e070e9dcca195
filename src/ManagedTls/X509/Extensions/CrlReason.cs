namespace ManagedTls.X509;

/// <summary>The CRLReason ENUMERATED of the reasonCode entry extension (RFC 5280 §5.3.1); value 7 is not used.</summary>
public enum CrlReason
{
    /// <summary>unspecified (0).</summary>
    Unspecified = 0,

    /// <summary>keyCompromise (1).</summary>
    KeyCompromise = 1,

    /// <summary>cACompromise (2).</summary>
    CACompromise = 2,

    /// <summary>affiliationChanged (3).</summary>
    AffiliationChanged = 3,

    /// <summary>superseded (4).</summary>
    Superseded = 4,

    /// <summary>cessationOfOperation (5).</summary>
    CessationOfOperation = 5,

    /// <summary>certificateHold (6).</summary>
    CertificateHold = 6,

    /// <summary>removeFromCRL (8).</summary>
    RemoveFromCrl = 8,

    /// <summary>privilegeWithdrawn (9).</summary>
    PrivilegeWithdrawn = 9,

    /// <summary>aACompromise (10).</summary>
    AACompromise = 10,
}
