namespace ManagedTls.X509.Verification;

/// <summary>Verification switches, named after OpenSSL's <c>X509_V_FLAG_*</c> (values are ManagedTls's own).</summary>
[Flags]
public enum X509VerifyFlags
{
    /// <summary>No flags: OpenSSL's defaults.</summary>
    None = 0,

    /// <summary>Check the leaf against the store's CRLs (<c>X509_V_FLAG_CRL_CHECK</c>).</summary>
    CrlCheck = 1 << 0,

    /// <summary>Check every certificate of the chain against CRLs (<c>X509_V_FLAG_CRL_CHECK_ALL</c>, with <see cref="CrlCheck"/>).</summary>
    CrlCheckAll = 1 << 1,

    /// <summary>Strict RFC 5280 profile checks (<c>X509_V_FLAG_X509_STRICT</c>): AKI/SKI presence and criticality, serial numbers, empty names and SANs, critical basicConstraints on CAs, ...</summary>
    X509Strict = 1 << 2,

    /// <summary>Accept a chain ending at any trusted certificate, not only a self-signed root (<c>X509_V_FLAG_PARTIAL_CHAIN</c>).</summary>
    PartialChain = 1 << 3,

    /// <summary>Prefer trusted issuers over untrusted ones while building (<c>X509_V_FLAG_TRUSTED_FIRST</c>; OpenSSL's default).</summary>
    TrustedFirst = 1 << 4,

    /// <summary>Do not check validity periods (<c>X509_V_FLAG_NO_CHECK_TIME</c>).</summary>
    NoCheckTime = 1 << 5,

    /// <summary>Require an acceptable policy (initial-explicit-policy; <c>X509_V_FLAG_EXPLICIT_POLICY</c>).</summary>
    ExplicitPolicy = 1 << 6,

    /// <summary>initial-any-policy-inhibit (<c>X509_V_FLAG_INHIBIT_ANY</c>).</summary>
    InhibitAny = 1 << 7,

    /// <summary>initial-policy-mapping-inhibit (<c>X509_V_FLAG_INHIBIT_MAP</c>).</summary>
    InhibitMap = 1 << 8,

    /// <summary>Run RFC 5280 §6.1 policy processing (<c>X509_V_FLAG_POLICY_CHECK</c>).</summary>
    PolicyCheck = 1 << 9,

    /// <summary>Check the signature of a self-signed trust anchor too (<c>X509_V_FLAG_CHECK_SS_SIGNATURE</c>).</summary>
    CheckSelfSignedSignature = 1 << 10,

    /// <summary>Do not reject unknown critical extensions (<c>X509_V_FLAG_IGNORE_CRITICAL</c>).</summary>
    IgnoreCritical = 1 << 11,

    /// <summary>Accept a leaf whose CRL is not supplied when checking CRLs (the x509-limbo semantics; OpenSSL fails with <see cref="X509VerifyError.UnableToGetCrl"/>).</summary>
    AllowMissingCrl = 1 << 12,

    /// <summary>Use delta CRLs as well as complete ones (<c>X509_V_FLAG_USE_DELTAS</c>).</summary>
    UseDeltas = 1 << 13,
}
