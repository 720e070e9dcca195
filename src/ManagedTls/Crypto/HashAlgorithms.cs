namespace ManagedTls.Crypto;

/// <summary>Sizes of each <see cref="HashAlgorithmId"/>, and one-shot hashing through a provider.</summary>
public static class HashAlgorithms
{
    /// <summary>The largest digest size (SHA-512, SHA3-512), for stack buffers.</summary>
    public const int MaxHashSize = 64;

    /// <summary>The digest size in bytes, without creating a hash.</summary>
    /// <param name="algorithm">The digest.</param>
    /// <returns>16, 20, 28, 32, 48 or 64.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Unknown value.</exception>
    public static int HashSize(HashAlgorithmId algorithm) => algorithm switch
    {
        HashAlgorithmId.Md5 => 16,
        HashAlgorithmId.Sha1 => 20,
        HashAlgorithmId.Sha224 or HashAlgorithmId.Sha512_224 or HashAlgorithmId.Sha3_224 => 28,
        HashAlgorithmId.Sha256 or HashAlgorithmId.Sha512_256 or HashAlgorithmId.Sha3_256 => 32,
        HashAlgorithmId.Sha384 or HashAlgorithmId.Sha3_384 => 48,
        HashAlgorithmId.Sha512 or HashAlgorithmId.Sha3_512 => 64,
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "unknown digest"),
    };

    /// <summary>Hashes <paramref name="data"/> into <paramref name="destination"/>.</summary>
    /// <param name="algorithm">The digest.</param>
    /// <param name="data">The input.</param>
    /// <param name="destination">At least <see cref="HashSize"/> bytes.</param>
    /// <param name="provider">The provider; null for <see cref="CryptoProviders.Default"/>.</param>
    /// <returns>The number of bytes written.</returns>
    public static int HashData(HashAlgorithmId algorithm, ReadOnlySpan<byte> data, Span<byte> destination, ICryptoProvider? provider = null)
    {
        using IHash hash = (provider ?? CryptoProviders.Default).CreateHash(algorithm);
        hash.Append(data);
        return hash.GetHashAndReset(destination);
    }

    /// <summary>Hashes <paramref name="data"/> into a new array.</summary>
    /// <param name="algorithm">The digest.</param>
    /// <param name="data">The input.</param>
    /// <param name="provider">The provider; null for <see cref="CryptoProviders.Default"/>.</param>
    /// <returns>The digest.</returns>
    public static byte[] HashData(HashAlgorithmId algorithm, ReadOnlySpan<byte> data, ICryptoProvider? provider = null)
    {
        byte[] digest = new byte[HashSize(algorithm)];
        HashData(algorithm, data, digest, provider);
        return digest;
    }
}
