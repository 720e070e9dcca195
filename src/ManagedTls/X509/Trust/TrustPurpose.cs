namespace ManagedTls.X509.Trust;

/// <summary>
/// The purposes for which Mozilla's root program (NSS <c>certdata.txt</c>) states a trust level: the
/// <c>CKA_TRUST_SERVER_AUTH</c>, <c>CKA_TRUST_EMAIL_PROTECTION</c> and <c>CKA_TRUST_CODE_SIGNING</c> attributes.
/// </summary>
[Flags]
public enum TrustPurpose
{
    /// <summary>No purpose.</summary>
    None = 0,

    /// <summary>TLS server authentication (<c>CKA_TRUST_SERVER_AUTH</c>; eGenix <c>TRUST_SERVER_AUTHENTICATION</c>).</summary>
    ServerAuthentication = 1,

    /// <summary>S/MIME e-mail protection (<c>CKA_TRUST_EMAIL_PROTECTION</c>; eGenix <c>TRUST_EMAIL_PROTECTION</c>).</summary>
    EmailProtection = 2,

    /// <summary>Code signing (<c>CKA_TRUST_CODE_SIGNING</c>; eGenix <c>TRUST_CODE_SIGNING</c>).</summary>
    CodeSigning = 4,

    /// <summary>Any of the three: a root qualifies when trusted for at least one of them (eGenix <c>TRUST_ANY</c>).</summary>
    Any = ServerAuthentication | EmailProtection | CodeSigning,
}
