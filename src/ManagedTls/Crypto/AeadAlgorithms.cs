namespace ManagedTls.Crypto;

/// <summary>Sizes of each <see cref="AeadAlgorithmId"/>, independent of any provider.</summary>
public static class AeadAlgorithms
{
    /// <summary>The nonce size of every AEAD ManagedTls uses (RFC 5116 §3.2 recommends 12).</summary>
    public const int NonceSize = 12;

    /// <summary>The tag size of every AEAD ManagedTls uses.</summary>
    public const int TagSize = 16;

    /// <summary>The key size in bytes.</summary>
    /// <param name="algorithm">The AEAD.</param>
    /// <returns>16, 24 or 32.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Unknown value.</exception>
    public static int KeySize(AeadAlgorithmId algorithm) => algorithm switch
    {
        AeadAlgorithmId.Aes128Gcm => 16,
        AeadAlgorithmId.Aes192Gcm => 24,
        AeadAlgorithmId.Aes256Gcm => 32,
        AeadAlgorithmId.ChaCha20Poly1305 => 32,
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, null),
    };
}
