namespace ManagedTls.Crypto;

/// <summary>
/// The seam through which ManagedTls obtains primitives (hashes, MACs, ciphers, key agreement, signatures).
/// Everything above it — HKDF, PRFs, key schedules, record protection, all encodings — is ManagedTls's own code.
/// </summary>
/// <remarks>
/// <para>The BouncyCastle implementation lives in <c>Crypto/BouncyCastle/</c>, the only folder that names it;
/// <see cref="CryptoProviders.Default"/> returns it.</para>
/// <para>Only primitives cross this seam, at the level of raw key material (big-endian integers, SEC1 points,
/// RFC 8032/7748 byte strings). Key encodings (PKCS#1, SEC1, SPKI, PKCS#8) belong to the Keys layer; signature
/// encodings here are the fixed-width ones (<c>r || s</c>), and the Keys/X.509 layer converts to DER.</para>
/// <para>Signature primitives are declared in <c>ICryptoProvider.Signatures.cs</c>.</para>
/// </remarks>
public partial interface ICryptoProvider
{
    /// <summary>A short name for diagnostics, e.g. "BouncyCastle 1.8.10".</summary>
    string Name { get; }

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

    /// <summary>Creates an AEAD keyed with <paramref name="key"/> (TLS record protection, RFC 5116).</summary>
    /// <param name="algorithm">The AEAD.</param>
    /// <param name="key">Exactly <see cref="AeadAlgorithms.KeySize"/> bytes.</param>
    /// <returns>A fresh AEAD the caller disposes (it zeroes its key schedule).</returns>
    /// <exception cref="ArgumentException">The key has the wrong length.</exception>
    /// <exception cref="NotSupportedException">The provider lacks the algorithm.</exception>
    IAead CreateAead(AeadAlgorithmId algorithm, ReadOnlySpan<byte> key);

    /// <summary>Creates an unpadded CBC cipher (PEM <c>DEK-Info</c>, PKCS#8 PBES1/PBES2, PKCS#12). Padding is the caller's.</summary>
    /// <param name="algorithm">The block cipher.</param>
    /// <param name="key">The key: 16/24/32 bytes for AES, 24 for DES-EDE3, 8 for DES.</param>
    /// <returns>A fresh cipher the caller disposes.</returns>
    /// <exception cref="ArgumentException">The key has the wrong length.</exception>
    /// <exception cref="NotSupportedException">The provider lacks the algorithm.</exception>
    ICbcCipher CreateCbc(BlockCipherAlgorithmId algorithm, ReadOnlySpan<byte> key);

    /// <summary>Generates a fresh ephemeral key pair for key agreement (TLS key shares).</summary>
    /// <param name="algorithm">The group.</param>
    /// <returns>The key pair; the caller disposes it (it zeroes the private key).</returns>
    /// <exception cref="NotSupportedException">The provider lacks the algorithm.</exception>
    IKeyAgreement GenerateKeyAgreement(KeyAgreementAlgorithmId algorithm);

    /// <summary>Imports a key-agreement private key (static keys, known-answer tests).</summary>
    /// <param name="algorithm">The group.</param>
    /// <param name="privateKey">RFC 7748 scalar bytes for X25519/X448; the big-endian scalar for ECDH.</param>
    /// <returns>The key pair; the caller disposes it.</returns>
    /// <exception cref="ArgumentException">The private key is malformed.</exception>
    IKeyAgreement ImportKeyAgreement(KeyAgreementAlgorithmId algorithm, ReadOnlySpan<byte> privateKey);
}
