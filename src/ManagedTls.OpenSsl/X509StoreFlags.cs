namespace ManagedTls.OpenSsl;

/// <summary>pyOpenSSL's <c>X509StoreFlags</c>: OpenSSL's <c>X509_V_FLAG_*</c> verification flags, with OpenSSL's values.</summary>
[Flags]
public enum X509StoreFlags
{
    /// <summary>No flags.</summary>
    None = 0,

    /// <summary><c>USE_CHECK_TIME</c> (0x2): use the time set by <see cref="X509Store.SetTime"/> (set by it; accepted here).</summary>
    UseCheckTime = 0x2,

    /// <summary><c>CRL_CHECK</c> (0x4): check the leaf against the store's CRLs.</summary>
    CrlCheck = 0x4,

    /// <summary><c>CRL_CHECK_ALL</c> (0x8): with <see cref="CrlCheck"/>, check every certificate of the chain.</summary>
    CrlCheckAll = 0x8,

    /// <summary><c>IGNORE_CRITICAL</c> (0x10): do not reject unknown critical extensions.</summary>
    IgnoreCritical = 0x10,

    /// <summary><c>X509_STRICT</c> (0x20): strict RFC 5280 checks.</summary>
    X509Strict = 0x20,

    /// <summary><c>ALLOW_PROXY_CERTS</c> (0x40): accepted; proxy certificates are not processed.</summary>
    AllowProxyCerts = 0x40,

    /// <summary><c>POLICY_CHECK</c> (0x80): RFC 5280 policy processing.</summary>
    PolicyCheck = 0x80,

    /// <summary><c>EXPLICIT_POLICY</c> (0x100): require an acceptable policy (implies <see cref="PolicyCheck"/>).</summary>
    ExplicitPolicy = 0x100,

    /// <summary><c>INHIBIT_ANY</c> (0x200): initial-any-policy-inhibit (implies <see cref="PolicyCheck"/>).</summary>
    InhibitAny = 0x200,

    /// <summary><c>INHIBIT_MAP</c> (0x400): initial-policy-mapping-inhibit (implies <see cref="PolicyCheck"/>).</summary>
    InhibitMap = 0x400,

    /// <summary><c>NOTIFY_POLICY</c> (0x800): accepted; there is no verify callback to notify.</summary>
    NotifyPolicy = 0x800,

    /// <summary><c>EXTENDED_CRL_SUPPORT</c> (0x1000): indirect CRLs and CRL scopes (always on in ManagedTls).</summary>
    ExtendedCrlSupport = 0x1000,

    /// <summary><c>USE_DELTAS</c> (0x2000): use delta CRLs.</summary>
    UseDeltas = 0x2000,

    /// <summary><c>CHECK_SS_SIGNATURE</c> (0x4000): check the signature of a self-signed anchor.</summary>
    CheckSsSignature = 0x4000,

    /// <summary><c>TRUSTED_FIRST</c> (0x8000): prefer trusted issuers while building (on by default in OpenSSL 3).</summary>
    TrustedFirst = 0x8000,

    /// <summary><c>PARTIAL_CHAIN</c> (0x80000): accept a chain ending at any trusted certificate.</summary>
    PartialChain = 0x80000,

    /// <summary><c>NO_ALT_CHAINS</c> (0x100000): accepted; ManagedTls's path builder always tries alternatives.</summary>
    NoAltChains = 0x100000,

    /// <summary><c>NO_CHECK_TIME</c> (0x200000): do not check validity periods (ignored once <see cref="X509Store.SetTime"/> set a time, as in OpenSSL).</summary>
    NoCheckTime = 0x200000,
}
