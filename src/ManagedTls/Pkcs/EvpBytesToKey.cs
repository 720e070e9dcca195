using ManagedTls.Crypto;

namespace ManagedTls.Pkcs;

/// <summary>
/// OpenSSL's <c>EVP_BytesToKey</c>: the key derivation of traditional PEM encryption (<c>Proc-Type: 4,ENCRYPTED</c>)
/// with MD5, the first 8 bytes of the IV as salt and an iteration count of 1.
/// </summary>
/// <remarks>
/// D_1 = H^count(password || salt), D_i = H^count(D_{i-1} || password || salt); the key is the first bytes of
/// D_1 || D_2 || ... (OpenSSL's <c>crypto/evp/evp_key.c</c>). With count 1 the first block equals PBKDF1, but unlike
/// PBKDF1 it continues past one digest, which AES-192/256 and DES-EDE3 keys need.
/// </remarks>
internal static class EvpBytesToKey
{
    /// <summary>Derives <c>key.Length</c> bytes of key (the IV comes from the PEM header, so none is derived).</summary>
    /// <param name="provider">Supplies the digest.</param>
    /// <param name="hash">The digest; PEM uses MD5.</param>
    /// <param name="password">The password octets.</param>
    /// <param name="salt">The salt (8 bytes for PEM) or empty for none.</param>
    /// <param name="count">The iteration count, at least 1.</param>
    /// <param name="key">Receives the key.</param>
    public static void DeriveKey(
        ICryptoProvider provider,
        HashAlgorithmId hash,
        ReadOnlySpan<byte> password,
        ReadOnlySpan<byte> salt,
        int count,
        Span<byte> key)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        using IHash digest = provider.CreateHash(hash);
        Span<byte> d = stackalloc byte[digest.HashSize];
        try
        {
            bool first = true;
            for (int offset = 0; offset < key.Length; offset += d.Length)
            {
                if (!first)
                {
                    digest.Append(d);
                }

                first = false;
                digest.Append(password);
                digest.Append(salt);
                digest.GetHashAndReset(d);
                for (int i = 1; i < count; i++)
                {
                    digest.Append(d);
                    digest.GetHashAndReset(d);
                }

                d[..Math.Min(d.Length, key.Length - offset)].CopyTo(key[offset..]);
            }
        }
        finally
        {
            SecretMemory.Zero(d);
        }
    }
}
