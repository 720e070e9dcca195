using ManagedTls.X509.Trust;

namespace ManagedTls.X509.Verification;

/// <summary>A trusted certificate, optionally limited to some purposes and to leaves issued before a distrust date.</summary>
public sealed class TrustAnchor
{
    /// <summary>Creates an anchor.</summary>
    /// <param name="certificate">The trusted certificate.</param>
    /// <param name="purposes">The purposes it is trusted for (default any).</param>
    /// <param name="serverDistrustAfter">Leaves for server authentication with notBefore after this are refused; null = never.</param>
    /// <param name="emailDistrustAfter">The same for e-mail protection.</param>
    public TrustAnchor(Certificate certificate, TrustPurpose purposes = TrustPurpose.Any, DateTimeOffset? serverDistrustAfter = null, DateTimeOffset? emailDistrustAfter = null)
    {
        Certificate = certificate ?? throw new ArgumentNullException(nameof(certificate));
        Purposes = purposes;
        ServerDistrustAfter = serverDistrustAfter;
        EmailDistrustAfter = emailDistrustAfter;
    }

    /// <summary>The trusted certificate.</summary>
    public Certificate Certificate { get; }

    /// <summary>The purposes it is trusted for.</summary>
    public TrustPurpose Purposes { get; }

    /// <summary>Server-authentication distrust-after date.</summary>
    public DateTimeOffset? ServerDistrustAfter { get; }

    /// <summary>E-mail distrust-after date.</summary>
    public DateTimeOffset? EmailDistrustAfter { get; }

    /// <summary>Whether this anchor may terminate a chain for <paramref name="purpose"/> with this leaf.</summary>
    /// <param name="purpose">The verification purpose.</param>
    /// <param name="leaf">The leaf certificate (its notBefore is compared with distrust dates).</param>
    /// <returns>True when trusted.</returns>
    public bool IsTrustedFor(VerificationPurpose purpose, Certificate leaf)
    {
        ArgumentNullException.ThrowIfNull(leaf);
        (TrustPurpose needed, DateTimeOffset? after) = purpose switch
        {
            VerificationPurpose.ServerAuth => (TrustPurpose.ServerAuthentication, ServerDistrustAfter),
            VerificationPurpose.EmailProtection => (TrustPurpose.EmailProtection, EmailDistrustAfter),
            VerificationPurpose.CodeSigning => (TrustPurpose.CodeSigning, (DateTimeOffset?)null),
            _ => (TrustPurpose.None, null),
        };
        if (needed != TrustPurpose.None && (Purposes & needed) == 0)
        {
            return false;
        }

        return after is null || leaf.NotBefore <= after.Value;
    }
}
