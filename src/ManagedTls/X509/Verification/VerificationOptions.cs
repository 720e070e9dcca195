namespace ManagedTls.X509.Verification;

/// <summary>Settings for one <see cref="ChainVerifier.Verify"/> call (OpenSSL's <c>X509_VERIFY_PARAM</c>).</summary>
public sealed class VerificationOptions
{
    /// <summary>The time at which the chain must be valid; null means now.</summary>
    public DateTimeOffset? Time { get; set; }

    /// <summary>Verification flags.</summary>
    public X509VerifyFlags Flags { get; set; } = X509VerifyFlags.TrustedFirst;

    /// <summary>The leaf's purpose (default <see cref="VerificationPurpose.Any"/>: no purpose check).</summary>
    public VerificationPurpose Purpose { get; set; }

    /// <summary>The profile applied on top of RFC 5280.</summary>
    public VerificationProfile Profile { get; set; }

    /// <summary>The most intermediate certificates allowed between leaf and anchor (OpenSSL's <c>-verify_depth</c> minus one); default 100.</summary>
    public int MaxDepth { get; set; } = 100;

    /// <summary>The user-initial-policy-set (dotted OIDs); empty means anyPolicy.</summary>
    public IList<string> InitialPolicies { get; } = new List<string>();

    /// <summary>Host names the leaf must match (any one of them); empty means no host check.</summary>
    public IList<string> ExpectedHostnames { get; } = new List<string>();

    /// <summary>An IP address (text) the leaf must carry as an iPAddress SAN, or null.</summary>
    public string? ExpectedIPAddress { get; set; }

    /// <summary>An e-mail address the leaf must carry, or null.</summary>
    public string? ExpectedEmail { get; set; }

    /// <summary>
    /// Whether a leaf without dNSName SANs may match a host name through its subject commonName. Off by default here
    /// (RFC 9525 no longer allows the fallback) and always off in <see cref="VerificationProfile.WebPki"/>; OpenSSL's
    /// X509_check_host does fall back, so <c>mtls verify</c> and the TLS peer validator turn it on to agree with OpenSSL.
    /// </summary>
    public bool CommonNameFallback { get; set; }

    /// <summary>keyUsage bits the leaf must have when it carries a keyUsage extension (default none).</summary>
    public KeyUsageFlags RequiredKeyUsage { get; set; }

    /// <summary>The signature and key policy.</summary>
    public SignaturePolicy SignaturePolicy { get; set; } = SignaturePolicy.Default;

    /// <summary>The most issuer candidates (signature checks) tried while building, in total, before giving up (bounds the work a hostile certificate set can cause).</summary>
    public int MaxBuildSteps { get; set; } = 256;

    /// <summary>The most name-constraint comparisons allowed over a chain before it is rejected (a denial-of-service bound).</summary>
    public int MaxNameConstraintChecks { get; set; } = 1 << 20;

    internal bool Has(X509VerifyFlags flag) => (Flags & flag) == flag;

    internal bool Strict => Profile == VerificationProfile.WebPki || Has(X509VerifyFlags.X509Strict);
}
