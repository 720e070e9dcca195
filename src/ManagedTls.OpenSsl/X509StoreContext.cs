using ManagedTls.X509;
using ManagedTls.X509.Verification;

namespace ManagedTls.OpenSsl;

/// <summary>
/// pyOpenSSL's <c>X509StoreContext</c>: verifies one certificate against an <see cref="X509Store"/>, with optional
/// untrusted intermediates (<c>chain</c>, pyOpenSSL 20.0), through <see cref="ChainVerifier"/>.
/// </summary>
public sealed class X509StoreContext
{
    private readonly X509 _certificate;
    private readonly X509[] _chain;
    private X509Store _store;

    /// <summary>Creates the context.</summary>
    /// <param name="store">The trusted certificates, CRLs, flags and time.</param>
    /// <param name="certificate">The certificate to verify.</param>
    /// <param name="chain">Untrusted certificates that may serve as intermediates, or null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="store"/> or <paramref name="certificate"/> is null, or an element of <paramref name="chain"/> is (pyOpenSSL's TypeError).</exception>
    public X509StoreContext(X509Store store, X509 certificate, IEnumerable<X509>? chain = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(certificate);
        _store = store;
        _certificate = certificate;
        _chain = chain is null ? [] : [.. chain];
        foreach (X509 element in _chain)
        {
            if (element is null)
            {
                throw new ArgumentNullException(nameof(chain), "One of the elements is not an X509 instance");
            }
        }
    }

    /// <summary>Replaces the store used by future verifications (<c>set_store</c>).</summary>
    /// <param name="store">The store.</param>
    public void SetStore(X509Store store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
    }

    /// <summary>Verifies the certificate (<c>verify_certificate</c>); returns normally when it verifies.</summary>
    /// <exception cref="X509StoreContextException">Verification failed: OpenSSL's error, depth and the failing certificate.</exception>
    public void VerifyCertificate() => Verify();

    /// <summary>Verifies the certificate and returns the verified chain, leaf first, anchor last (<c>get_verified_chain</c>, pyOpenSSL 20.0).</summary>
    /// <returns>The chain.</returns>
    /// <exception cref="X509StoreContextException">Verification failed.</exception>
    public IReadOnlyList<X509> GetVerifiedChain()
    {
        VerificationResult result = Verify();
        var chain = new List<X509>(result.Chain.Count);
        foreach (Certificate certificate in result.Chain)
        {
            chain.Add(new X509(certificate));
        }

        return chain;
    }

    private VerificationResult Verify()
    {
        Certificate leaf = X509Store.Unwrap(_certificate);
        var untrusted = new List<Certificate>(_chain.Length);
        foreach (X509 element in _chain)
        {
            untrusted.Add(X509Store.Unwrap(element));
        }

        VerificationResult result = ChainVerifier.Verify(leaf, untrusted, _store.BuildTrustStore(), _store.BuildOptions());
        if (!result.IsValid)
        {
            Certificate failing = result.ErrorCertificate ?? leaf;
            throw new X509StoreContextException(result.Error, result.ErrorDepth, new X509(failing));
        }

        return result;
    }
}
