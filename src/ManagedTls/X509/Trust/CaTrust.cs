namespace ManagedTls.X509.Trust;

/// <summary>The trust levels an NSS trust object (<c>CKO_NSS_TRUST</c>) states for the three purposes.</summary>
/// <param name="ServerAuthentication"><c>CKA_TRUST_SERVER_AUTH</c>.</param>
/// <param name="EmailProtection"><c>CKA_TRUST_EMAIL_PROTECTION</c>.</param>
/// <param name="CodeSigning"><c>CKA_TRUST_CODE_SIGNING</c>.</param>
public readonly record struct CaTrust(CaTrustLevel ServerAuthentication, CaTrustLevel EmailProtection, CaTrustLevel CodeSigning)
{
    /// <summary>The purposes whose level is <see cref="CaTrustLevel.TrustedDelegator"/> (anchor purposes).</summary>
    public TrustPurpose TrustedPurposes => Select(CaTrustLevel.TrustedDelegator);

    /// <summary>The purposes whose level is <see cref="CaTrustLevel.NotTrusted"/> (explicit distrust).</summary>
    public TrustPurpose DistrustedPurposes => Select(CaTrustLevel.NotTrusted);

    /// <summary>The level for one purpose.</summary>
    /// <param name="purpose">Exactly one of <see cref="TrustPurpose.ServerAuthentication"/>,
    /// <see cref="TrustPurpose.EmailProtection"/> or <see cref="TrustPurpose.CodeSigning"/>.</param>
    /// <returns>The level.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="purpose"/> is not a single purpose.</exception>
    public CaTrustLevel Get(TrustPurpose purpose) => purpose switch
    {
        TrustPurpose.ServerAuthentication => ServerAuthentication,
        TrustPurpose.EmailProtection => EmailProtection,
        TrustPurpose.CodeSigning => CodeSigning,
        _ => throw new ArgumentOutOfRangeException(nameof(purpose), purpose, "Exactly one purpose is required."),
    };

    private TrustPurpose Select(CaTrustLevel level) =>
        (ServerAuthentication == level ? TrustPurpose.ServerAuthentication : TrustPurpose.None) |
        (EmailProtection == level ? TrustPurpose.EmailProtection : TrustPurpose.None) |
        (CodeSigning == level ? TrustPurpose.CodeSigning : TrustPurpose.None);
}
