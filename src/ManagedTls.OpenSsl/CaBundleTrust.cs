namespace ManagedTls.OpenSsl;

/// <summary>eGenix <c>OpenSSL.ca_bundle</c>'s <c>TRUST_*</c> constants: which Mozilla trust purpose selects the roots.</summary>
public enum CaBundleTrust
{
    /// <summary><c>TRUST_SERVER_AUTHENTICATION</c>: roots trusted for server authentication (TLS).</summary>
    ServerAuthentication = 1,

    /// <summary><c>TRUST_EMAIL_PROTECTION</c>: roots trusted for e-mail protection (S/MIME).</summary>
    EmailProtection = 2,

    /// <summary><c>TRUST_CODE_SIGNING</c>: roots trusted for code signing.</summary>
    CodeSigning = 4,

    /// <summary><c>TRUST_ANY</c>: roots trusted for at least one of the purposes.</summary>
    Any = 7,
}
