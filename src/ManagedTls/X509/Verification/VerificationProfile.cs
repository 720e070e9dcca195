namespace ManagedTls.X509.Verification;

/// <summary>Which rule book the verifier applies on top of RFC 5280 path validation.</summary>
public enum VerificationProfile
{
    /// <summary>RFC 5280 §6.1 as OpenSSL applies it (plus <see cref="X509VerifyFlags.X509Strict"/> when set).</summary>
    Rfc5280 = 0,

    /// <summary>
    /// RFC 5280 plus the CA/Browser Forum Baseline Requirements as web browsers and pyca/cryptography enforce them:
    /// leaves need a subjectAltName and an extendedKeyUsage with the purpose (no anyExtendedKeyUsage, not critical),
    /// are not CAs and cannot sign certificates; roots carry no extendedKeyUsage; keys are RSA ≥ 2048 bits (a multiple
    /// of 8) or P-256/P-384/P-521; signatures are RSA PKCS#1/PSS or ECDSA with SHA-256/384/512; the commonName repeats
    /// a SAN; the strict profile checks of <see cref="X509VerifyFlags.X509Strict"/> all apply.
    /// </summary>
    WebPki = 1,
}
