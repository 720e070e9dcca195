using ManagedTls.Crypto;

namespace ManagedTls.Tls.KeySchedule;

/// <summary>
/// What every TLS 1.3 key-schedule stage holds: the provider, the suite's hash and one secret, zeroed on dispose
/// (RFC 8446 §7.1). The stages themselves (<see cref="Tls13EarlySecret"/>, <see cref="Tls13HandshakeSecret"/>,
/// <see cref="Tls13MasterSecret"/>) only offer the derivations valid at their point, so wrong orders do not compile.
/// </summary>
internal abstract class Tls13SecretStage : IDisposable
{
    private readonly byte[] _secret;
    private bool _disposed;

    private protected Tls13SecretStage(ICryptoProvider provider, HashAlgorithmId hash, byte[] secret)
    {
        Provider = provider;
        Hash = hash;
        _secret = secret;
    }

    /// <summary>The suite's hash.</summary>
    public HashAlgorithmId Hash { get; }

    /// <summary>Hash.length in bytes.</summary>
    public int HashSize => _secret.Length;

    /// <summary>The secret itself (for known-answer tests and key logging); valid until disposed.</summary>
    public ReadOnlySpan<byte> Secret
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _secret;
        }
    }

    private protected ICryptoProvider Provider { get; }

    /// <summary>Zeroes the secret.</summary>
    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            SecretMemory.Zero(_secret);
        }
    }

    /// <summary>Derive-Secret(this secret, label, transcript hash) into a new array.</summary>
    private protected byte[] Derive(string label, ReadOnlySpan<byte> transcriptHash)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (transcriptHash.Length != _secret.Length)
        {
            throw new ArgumentException($"A {Hash} transcript hash is {_secret.Length} bytes, not {transcriptHash.Length}.", nameof(transcriptHash));
        }

        return Hkdf.DeriveSecret(Provider, Hash, _secret, label, transcriptHash);
    }

    /// <summary>The next stage's secret: HKDF-Extract(Derive-Secret(this, "derived", ""), ikm) (RFC 8446 §7.1).</summary>
    private protected byte[] ExtractNext(ReadOnlySpan<byte> ikm)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        Span<byte> emptyHash = stackalloc byte[HashAlgorithms.MaxHashSize];
        Span<byte> derived = stackalloc byte[HashAlgorithms.MaxHashSize];
        int size = Hkdf.EmptyHash(Provider, Hash, emptyHash);
        Hkdf.DeriveSecret(Provider, Hash, _secret, "derived", emptyHash[..size], derived);
        byte[] next = new byte[size];
        Hkdf.Extract(Provider, Hash, derived[..size], ikm, next);
        SecretMemory.Zero(derived);
        return next;
    }

    /// <summary>Derive-Secret(this, label, Hash("")).</summary>
    private protected byte[] DeriveWithEmptyTranscript(string label)
    {
        Span<byte> emptyHash = stackalloc byte[HashAlgorithms.MaxHashSize];
        int size = Hkdf.EmptyHash(Provider, Hash, emptyHash);
        return Derive(label, emptyHash[..size]);
    }
}
