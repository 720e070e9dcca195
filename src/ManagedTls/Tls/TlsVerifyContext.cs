using ManagedTls.X509;
using ManagedTls.X509.Verification;

namespace ManagedTls.Tls;

/// <summary>What a <see cref="TlsVerifyCallback"/> sees: one certificate of the peer chain and the error at its depth.</summary>
public sealed class TlsVerifyContext
{
    /// <summary>Creates a context.</summary>
    /// <param name="certificate">The certificate being checked.</param>
    /// <param name="depth">Its depth in the chain (0 = the peer's own certificate).</param>
    /// <param name="error">The verification error at this depth, or <see cref="X509VerifyError.Ok"/>.</param>
    /// <param name="chain">The chain as built so far (leaf first).</param>
    /// <exception cref="ArgumentNullException">A reference argument is null.</exception>
    public TlsVerifyContext(Certificate certificate, int depth, X509VerifyError error, IReadOnlyList<Certificate> chain)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(chain);
        Certificate = certificate;
        Depth = depth;
        Error = error;
        Chain = chain;
    }

    /// <summary>The certificate being checked.</summary>
    public Certificate Certificate { get; }

    /// <summary>Its depth in the chain (0 = the peer's own certificate).</summary>
    public int Depth { get; }

    /// <summary>The verification error at this depth, or <see cref="X509VerifyError.Ok"/>.</summary>
    public X509VerifyError Error { get; }

    /// <summary>The chain (leaf first).</summary>
    public IReadOnlyList<Certificate> Chain { get; }
}
