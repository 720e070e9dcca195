using ManagedTls.Keys;
using ManagedTls.X509;

namespace ManagedTls.Tls;

/// <summary>A certificate chain and the private key of its leaf: what an endpoint presents to its peer.</summary>
public sealed class TlsCertificateIdentity
{
    private readonly Certificate[] _chain;

    /// <summary>Creates an identity.</summary>
    /// <param name="chain">The certificates to send, leaf first; at least the leaf.</param>
    /// <param name="key">The private key of the leaf.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The chain is empty or contains null.</exception>
    public TlsCertificateIdentity(IReadOnlyList<Certificate> chain, PrivateKey key)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(key);
        if (chain.Count == 0)
        {
            throw new ArgumentException("The chain needs at least the leaf certificate.", nameof(chain));
        }

        _chain = new Certificate[chain.Count];
        for (int i = 0; i < chain.Count; i++)
        {
            _chain[i] = chain[i] ?? throw new ArgumentException("The chain contains null.", nameof(chain));
        }

        Key = key;
    }

    /// <summary>The certificates sent to the peer, leaf first.</summary>
    public IReadOnlyList<Certificate> Chain => _chain;

    /// <summary>The private key of the leaf.</summary>
    public PrivateKey Key { get; }

    /// <summary>The end-entity certificate (the first of <see cref="Chain"/>).</summary>
    public Certificate Leaf => _chain[0];
}
