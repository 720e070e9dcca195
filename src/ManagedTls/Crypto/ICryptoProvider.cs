namespace ManagedTls.Crypto;

/// <summary>
/// The seam through which ManagedTls obtains primitives (hashes, MACs, ciphers, key agreement, signatures).
/// Everything above it — HKDF, PRFs, key schedules, record protection, all encodings — is ManagedTls's own code.
/// </summary>
/// <remarks>The BouncyCastle implementation lives in <c>Crypto/BouncyCastle/</c>, the only folder that names it.</remarks>
public interface ICryptoProvider
{
    /// <summary>Creates a digest.</summary>
    /// <param name="algorithm">Which digest.</param>
    /// <returns>A fresh digest the caller disposes.</returns>
    /// <exception cref="NotSupportedException">The provider lacks the algorithm.</exception>
    IHash CreateHash(HashAlgorithmId algorithm);

    /// <summary>Creates an HMAC keyed with <paramref name="key"/>.</summary>
    /// <param name="algorithm">The underlying digest.</param>
    /// <param name="key">The key (any length, per RFC 2104).</param>
    /// <returns>A fresh MAC the caller disposes.</returns>
    /// <exception cref="NotSupportedException">The provider lacks the algorithm.</exception>
    IHmac CreateHmac(HashAlgorithmId algorithm, ReadOnlySpan<byte> key);
}
