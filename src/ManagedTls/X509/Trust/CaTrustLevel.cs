namespace ManagedTls.X509.Trust;

/// <summary>An NSS <c>CK_TRUST</c> value for one purpose (<c>CKT_NSS_*</c>).</summary>
public enum CaTrustLevel
{
    /// <summary><c>CKT_NSS_TRUST_UNKNOWN</c>, or no trust object at all: not an anchor, not distrusted.</summary>
    Unknown = 0,

    /// <summary><c>CKT_NSS_MUST_VERIFY_TRUST</c>: not an anchor for this purpose; a chain through it is verified normally.</summary>
    MustVerify = 1,

    /// <summary><c>CKT_NSS_TRUSTED_DELEGATOR</c>: a trust anchor (a CA trusted to issue) for this purpose.</summary>
    TrustedDelegator = 2,

    /// <summary><c>CKT_NSS_NOT_TRUSTED</c>: explicitly distrusted; never an anchor, and a chain through it fails.</summary>
    NotTrusted = 3,

    /// <summary><c>CKT_NSS_TRUSTED</c>: a trusted peer (end-entity) certificate, not a CA.</summary>
    Trusted = 4,

    /// <summary><c>CKT_NSS_VALID_DELEGATOR</c>: a valid CA that is not itself an anchor.</summary>
    ValidDelegator = 5,
}
