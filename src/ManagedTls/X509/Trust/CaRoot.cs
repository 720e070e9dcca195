namespace ManagedTls.X509.Trust;

/// <summary>
/// One certificate of a root store built from NSS <c>certdata.txt</c>: the certificate object joined with the trust
/// object that names it by issuer and serial number, so the trust levels and distrust-after dates of both are here.
/// </summary>
/// <remarks>
/// A root is an anchor for a purpose only when its level for that purpose is <see cref="CaTrustLevel.TrustedDelegator"/>.
/// An explicitly distrusted root (<see cref="CaTrustLevel.NotTrusted"/>) is kept so that a verifier can refuse chains
/// through it; it is never returned as an anchor. A distrust-after date limits an anchor to end-entity certificates
/// whose notBefore is not later than the date (NSS's rule for <c>CKA_NSS_SERVER_DISTRUST_AFTER</c> and
/// <c>CKA_NSS_EMAIL_DISTRUST_AFTER</c>).
/// </remarks>
public sealed class CaRoot
{
    /// <summary>Creates a root.</summary>
    /// <param name="label">The <c>CKA_LABEL</c>.</param>
    /// <param name="certificate">The certificate.</param>
    /// <param name="trust">The per-purpose trust levels.</param>
    /// <param name="serverDistrustAfter">The server-authentication distrust-after date, or null.</param>
    /// <param name="emailDistrustAfter">The e-mail distrust-after date, or null.</param>
    public CaRoot(string label, Certificate certificate, CaTrust trust, DateTimeOffset? serverDistrustAfter = null, DateTimeOffset? emailDistrustAfter = null)
    {
        ArgumentNullException.ThrowIfNull(label);
        ArgumentNullException.ThrowIfNull(certificate);
        Label = label;
        Certificate = certificate;
        Trust = trust;
        ServerDistrustAfter = serverDistrustAfter;
        EmailDistrustAfter = emailDistrustAfter;
    }

    /// <summary>The <c>CKA_LABEL</c> (e.g. <c>GlobalSign Root CA</c>).</summary>
    public string Label { get; }

    /// <summary>The certificate (<c>CKA_VALUE</c>).</summary>
    public Certificate Certificate { get; }

    /// <summary>The per-purpose trust levels.</summary>
    public CaTrust Trust { get; }

    /// <summary>The purposes this root is an anchor for.</summary>
    public TrustPurpose TrustedPurposes => Trust.TrustedPurposes;

    /// <summary>The purposes this root is explicitly distrusted for.</summary>
    public TrustPurpose DistrustedPurposes => Trust.DistrustedPurposes;

    /// <summary><c>CKA_NSS_SERVER_DISTRUST_AFTER</c>: leaf certificates issued (notBefore) after this are not trusted for server authentication; null when absent.</summary>
    public DateTimeOffset? ServerDistrustAfter { get; }

    /// <summary><c>CKA_NSS_EMAIL_DISTRUST_AFTER</c>: leaf certificates issued (notBefore) after this are not trusted for e-mail; null when absent.</summary>
    public DateTimeOffset? EmailDistrustAfter { get; }

    /// <summary>Whether the root is an anchor for at least one of <paramref name="purposes"/>.</summary>
    /// <param name="purposes">One or more purposes.</param>
    /// <returns>True when trusted as a delegator for any of them.</returns>
    public bool IsTrustedFor(TrustPurpose purposes) => (TrustedPurposes & purposes) != TrustPurpose.None;

    /// <summary>
    /// Whether the root anchors a chain for <paramref name="purpose"/> whose end-entity certificate has the given
    /// notBefore, honouring the purpose's distrust-after date (code signing has none).
    /// </summary>
    /// <param name="purpose">Exactly one purpose.</param>
    /// <param name="leafNotBefore">The end-entity certificate's notBefore.</param>
    /// <returns>True when trusted.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="purpose"/> is not a single purpose.</exception>
    public bool IsTrustedFor(TrustPurpose purpose, DateTimeOffset leafNotBefore)
    {
        if (Trust.Get(purpose) != CaTrustLevel.TrustedDelegator)
        {
            return false;
        }

        DateTimeOffset? after = GetDistrustAfter(purpose);
        return after is null || leafNotBefore <= after.Value;
    }

    /// <summary>The distrust-after date for one purpose.</summary>
    /// <param name="purpose">Exactly one purpose.</param>
    /// <returns>The date, or null (always null for code signing).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="purpose"/> is not a single purpose.</exception>
    public DateTimeOffset? GetDistrustAfter(TrustPurpose purpose) => purpose switch
    {
        TrustPurpose.ServerAuthentication => ServerDistrustAfter,
        TrustPurpose.EmailProtection => EmailDistrustAfter,
        TrustPurpose.CodeSigning => null,
        _ => throw new ArgumentOutOfRangeException(nameof(purpose), purpose, "Exactly one purpose is required."),
    };

    /// <inheritdoc/>
    public override string ToString() => $"{Label} (trusted: {TrustedPurposes}, distrusted: {DistrustedPurposes})";
}
