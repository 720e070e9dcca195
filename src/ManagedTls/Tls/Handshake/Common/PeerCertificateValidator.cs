using ManagedTls.X509;
using ManagedTls.X509.Verification;

namespace ManagedTls.Tls.Handshake;

/// <summary>The outcome of validating the peer's certificate chain.</summary>
/// <param name="Result">OpenSSL's SSL_get_verify_result: the last error seen, kept even when a callback overrode it.</param>
/// <param name="VerifiedChain">The chain from the leaf to the anchor when one was built and accepted; otherwise null.</param>
internal sealed record PeerValidationResult(X509VerifyError Result, IReadOnlyList<Certificate>? VerifiedChain);

/// <summary>
/// OpenSSL's verify_callback, reduced to what the engine hands over: return true to continue.
/// </summary>
/// <param name="preverifyOk">Whether the certificate at <paramref name="depth"/> passed so far.</param>
/// <param name="certificate">The certificate at <paramref name="depth"/>.</param>
/// <param name="depth">0 for the peer's leaf, counting up towards the anchor.</param>
/// <param name="error">The error at this depth, or the last error retained when <paramref name="preverifyOk"/> is true.</param>
/// <param name="chain">The chain as built (leaf first).</param>
/// <returns>True to continue the handshake.</returns>
internal delegate bool PeerVerifyCallback(bool preverifyOk, Certificate certificate, int depth, X509VerifyError error, IReadOnlyList<Certificate> chain);

/// <summary>What <see cref="PeerCertificateValidator"/> needs from the connection's options.</summary>
internal sealed class PeerValidationSettings
{
    /// <summary>The trust anchors (and CRLs); null behaves as an empty store (OpenSSL with no CA loaded).</summary>
    public TrustStore? TrustStore { get; init; }

    /// <summary>Verification settings to start from (copied, never changed); null for the defaults.</summary>
    public VerificationOptions? Verification { get; init; }

    /// <summary>Whether a failure ends the handshake (SSL_VERIFY_PEER); false records it only (SSL_VERIFY_NONE).</summary>
    public bool FailOnError { get; init; } = true;

    /// <summary>The application's verify callback, or null.</summary>
    public PeerVerifyCallback? Callback { get; init; }

    /// <summary>SSL_CTX_set_verify_depth: the most intermediates allowed.</summary>
    public int VerifyDepth { get; init; } = 100;

    /// <summary>The verification time when <see cref="Verification"/> names none; null for now.</summary>
    public DateTimeOffset? Time { get; init; }
}

/// <summary>
/// Validates the peer's certificate chain with <see cref="ChainVerifier"/> the way OpenSSL's ssl_verify_cert_chain does:
/// purpose sslserver for a server's chain and sslclient for a client's, the expected host name (or IP address)
/// checked on the leaf, the verify depth, and verify_callback semantics.
/// </summary>
/// <remarks>
/// <para>
/// Callback order follows OpenSSL 3.0's x509_vfy.c: errors found while building and checking the chain (issuer
/// lookup, CA flags, path length, purpose, host name, revocation) are reported first at their depth with
/// preverify_ok = 0; then the chain is walked from the top down to depth 0 with preverify_ok = 1 at each depth, and
/// signature and validity-period errors are reported with preverify_ok = 0 at their depth in that walk. The callback's
/// answer replaces the verdict; an overridden error stays recorded as the verify result.
/// </para>
/// <para>
/// Difference from OpenSSL: <see cref="ChainVerifier"/> stops at the first error, so after a callback overrides an
/// error no further errors of the same chain are reported.
/// </para>
/// </remarks>
internal static partial class PeerCertificateValidator
{
    /// <summary>Validates <paramref name="peerChain"/>.</summary>
    /// <param name="peerChain">The certificates as sent, leaf first; must not be empty (no certificate is the caller's case).</param>
    /// <param name="settings">Trust store, verification settings, mode, callback and depth.</param>
    /// <param name="peerIsServer">True when validating a server (purpose sslserver), false for a client (sslclient).</param>
    /// <param name="expectedHostName">The name (or IP address literal) the server's leaf must match; null for no check.</param>
    /// <returns>The verify result and, on success, the verified chain.</returns>
    /// <exception cref="TlsException">
    /// The chain failed and the mode requires success: <see cref="TlsError.CertificateVerifyFailed"/> with the alert
    /// OpenSSL's ssl_x509err2alert chooses.
    /// </exception>
    public static PeerValidationResult Validate(IReadOnlyList<Certificate> peerChain, PeerValidationSettings settings, bool peerIsServer, string? expectedHostName)
    {
        ArgumentNullException.ThrowIfNull(peerChain);
        ArgumentNullException.ThrowIfNull(settings);
        if (peerChain.Count == 0)
        {
            throw new ArgumentException("the peer sent no certificate; the caller decides whether that is allowed", nameof(peerChain));
        }

        VerificationOptions options = BuildOptions(settings, peerIsServer, expectedHostName);
        var untrusted = new List<Certificate>(peerChain.Count - 1);
        for (int i = 1; i < peerChain.Count; i++)
        {
            untrusted.Add(peerChain[i]);
        }

        VerificationResult result = ChainVerifier.Verify(peerChain[0], untrusted, settings.TrustStore ?? new TrustStore(), options);
        IReadOnlyList<Certificate> chain = result.Chain.Count > 0 ? result.Chain : [peerChain[0]];
        X509VerifyError recorded = result.Error;
        bool accepted = RunCallbacks(settings.Callback, result, chain, ref recorded);

        if (accepted)
        {
            return new PeerValidationResult(recorded, result.IsValid || settings.Callback is not null ? chain : null);
        }

        if (!settings.FailOnError)
        {
            return new PeerValidationResult(recorded, null);
        }

        throw new TlsException(
            TlsError.CertificateVerifyFailed,
            AlertFor(recorded),
            $"RFC 5246 §7.4.2 / RFC 8446 §4.4.2.4: {(peerIsServer ? "server" : "client")} certificate verify failed: {recorded.GetMessage()} (error {(int)recorded})");
    }

    /// <summary>The alert for a verification error: OpenSSL 3's ssl_x509err2alert table (ssl/statem/statem_lib.c).</summary>
    /// <param name="error">The verification error.</param>
    /// <returns>The alert to send.</returns>
    public static TlsAlertDescription AlertFor(X509VerifyError error) => error switch
    {
        X509VerifyError.ApplicationVerification => TlsAlertDescription.HandshakeFailure,
        X509VerifyError.CAKeyTooSmall or X509VerifyError.CAMdTooWeak or X509VerifyError.EEKeyTooSmall
            or X509VerifyError.CertNotYetValid or X509VerifyError.CertRejected or X509VerifyError.CertUntrusted
            or X509VerifyError.CrlNotYetValid or X509VerifyError.DaneNoMatch or X509VerifyError.EmailMismatch
            or X509VerifyError.HostnameMismatch or X509VerifyError.IPAddressMismatch
            or X509VerifyError.ErrorInCertNotAfterField or X509VerifyError.ErrorInCertNotBeforeField
            or X509VerifyError.ErrorInCrlLastUpdateField or X509VerifyError.ErrorInCrlNextUpdateField
            or X509VerifyError.UnableToDecodeIssuerPublicKey or X509VerifyError.UnableToDecryptCertSignature
            or X509VerifyError.UnableToDecryptCrlSignature => TlsAlertDescription.BadCertificate,
        X509VerifyError.CertChainTooLong or X509VerifyError.DepthZeroSelfSignedCert or X509VerifyError.InvalidCA
            or X509VerifyError.PathLengthExceeded or X509VerifyError.SelfSignedCertInChain
            or X509VerifyError.UnableToGetCrl or X509VerifyError.UnableToGetCrlIssuer
            or X509VerifyError.UnableToGetIssuerCert or X509VerifyError.UnableToGetIssuerCertLocally
            or X509VerifyError.UnableToVerifyLeafSignature => TlsAlertDescription.UnknownCa,
        X509VerifyError.CertHasExpired or X509VerifyError.CrlHasExpired => TlsAlertDescription.CertificateExpired,
        X509VerifyError.CertRevoked => TlsAlertDescription.CertificateRevoked,
        X509VerifyError.CertSignatureFailure or X509VerifyError.CrlSignatureFailure => TlsAlertDescription.DecryptError,
        X509VerifyError.InvalidCall or X509VerifyError.OutOfMem or X509VerifyError.StoreLookup
            or X509VerifyError.Unspecified => TlsAlertDescription.InternalError,
        X509VerifyError.InvalidPurpose => TlsAlertDescription.UnsupportedCertificate,
        _ => TlsAlertDescription.CertificateUnknown,
    };

    private static VerificationOptions BuildOptions(PeerValidationSettings settings, bool peerIsServer, string? expectedHostName)
    {
        VerificationOptions? source = settings.Verification;
        var options = new VerificationOptions
        {
            Time = source?.Time ?? settings.Time,
            Flags = source?.Flags ?? X509VerifyFlags.TrustedFirst,
            Profile = source?.Profile ?? default,
            MaxDepth = settings.VerifyDepth,
            ExpectedIPAddress = source?.ExpectedIPAddress,
            ExpectedEmail = source?.ExpectedEmail,
            CommonNameFallback = source?.CommonNameFallback ?? true,
            RequiredKeyUsage = source?.RequiredKeyUsage ?? default,
            SignaturePolicy = source?.SignaturePolicy ?? SignaturePolicy.Default,
            MaxBuildSteps = source?.MaxBuildSteps ?? 256,
            MaxNameConstraintChecks = source?.MaxNameConstraintChecks ?? (1 << 20),

            // ssl/ssl_cert.c ssl_verify_cert_chain: "sslserver" when we check a server, "sslclient" for a client.
            Purpose = peerIsServer ? VerificationPurpose.ServerAuth : VerificationPurpose.ClientAuth,
        };

        if (source is not null)
        {
            foreach (string policy in source.InitialPolicies)
            {
                options.InitialPolicies.Add(policy);
            }

            foreach (string host in source.ExpectedHostnames)
            {
                options.ExpectedHostnames.Add(host);
            }
        }

        if (expectedHostName is not null)
        {
            // SSL_set1_host in OpenSSL 3 treats an address literal as an IP address to match.
            if (IPAddressText.LooksLikeIP(expectedHostName) && IPAddressText.TryParse(expectedHostName, out _))
            {
                options.ExpectedIPAddress = expectedHostName;
            }
            else
            {
                options.ExpectedHostnames.Add(expectedHostName.TrimEnd('.'));
            }
        }

        return options;
    }

    // Errors x509_vfy.c reports inside internal_verify's top-down walk (signatures and validity periods); every other
    // error is reported before the walk, where it is found (build_chain, check_chain, check_id, check_revocation).
    private static bool IsFoundInWalk(X509VerifyError error) => error is
        X509VerifyError.CertSignatureFailure or X509VerifyError.UnableToDecryptCertSignature
        or X509VerifyError.UnableToDecodeIssuerPublicKey or X509VerifyError.CertNotYetValid
        or X509VerifyError.CertHasExpired or X509VerifyError.ErrorInCertNotBeforeField
        or X509VerifyError.ErrorInCertNotAfterField;

    private static bool RunCallbacks(PeerVerifyCallback? callback, VerificationResult result, IReadOnlyList<Certificate> chain, ref X509VerifyError recorded)
    {
        if (callback is null)
        {
            return result.IsValid;
        }

        int errorDepth = Math.Clamp(result.ErrorDepth, 0, chain.Count - 1);
        bool inWalk = !result.IsValid && IsFoundInWalk(result.Error);

        // The error the context holds so far: pre-walk errors from the start, walk errors from their depth on.
        X509VerifyError current = inWalk ? X509VerifyError.Ok : result.Error;
        if (!result.IsValid && !inWalk
            && !callback(false, result.ErrorCertificate ?? chain[errorDepth], errorDepth, result.Error, chain))
        {
            return false;
        }

        for (int depth = chain.Count - 1; depth >= 0; depth--)
        {
            if (inWalk && depth == errorDepth)
            {
                current = result.Error;
                if (!callback(false, result.ErrorCertificate ?? chain[depth], depth, result.Error, chain))
                {
                    return false;
                }
            }

            if (!callback(true, chain[depth], depth, current, chain))
            {
                // x509_vfy.c: a callback that fails a good certificate leaves no error; X509_verify_cert's safety net
                // then records X509_V_ERR_UNSPECIFIED.
                if (recorded == X509VerifyError.Ok)
                {
                    recorded = X509VerifyError.Unspecified;
                }

                return false;
            }
        }

        return true;
    }
}
