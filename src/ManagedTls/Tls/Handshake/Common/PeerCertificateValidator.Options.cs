using ManagedTls.X509;

namespace ManagedTls.Tls.Handshake;

/// <content>The entry point the handshake states call, reading <see cref="TlsOptions"/>.</content>
internal static partial class PeerCertificateValidator
{
    /// <summary>Validates <paramref name="peerChain"/> with the connection's options.</summary>
    /// <param name="peerChain">The certificates as sent, leaf first; not empty.</param>
    /// <param name="options">Trust store, verification settings, verify mode, callback and depth.</param>
    /// <param name="peerIsServer">True when validating a server (purpose sslserver), false for a client (sslclient).</param>
    /// <param name="expectedHostName">The name the server's leaf must match; null for no check.</param>
    /// <returns>The verify result and, when accepted, the verified chain.</returns>
    /// <exception cref="TlsException">
    /// <see cref="TlsError.CertificateVerifyFailed"/> when the chain fails and <see cref="TlsOptions.VerifyMode"/> has
    /// <see cref="TlsVerifyMode.Peer"/>; with <see cref="TlsVerifyMode.None"/> the result is only recorded.
    /// </exception>
    public static PeerValidationResult Validate(IReadOnlyList<Certificate> peerChain, TlsOptions options, bool peerIsServer, string? expectedHostName)
    {
        ArgumentNullException.ThrowIfNull(options);
        TlsVerifyCallback? callback = options.VerifyCallback;
        var settings = new PeerValidationSettings
        {
            TrustStore = options.TrustStore,
            Verification = options.Verification,
            FailOnError = (options.VerifyMode & TlsVerifyMode.Peer) != 0,
            VerifyDepth = options.VerifyDepth,
            Time = options.TimeProvider.GetUtcNow(),
            Callback = callback is null
                ? null
                : (ok, certificate, depth, error, chain) => callback(ok, new TlsVerifyContext(certificate, depth, error, chain)),
        };
        return Validate(peerChain, settings, peerIsServer, expectedHostName);
    }
}
