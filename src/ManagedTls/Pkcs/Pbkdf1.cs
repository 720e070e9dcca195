using ManagedTls.Crypto;

namespace ManagedTls.Pkcs;

/// <summary>PBKDF1 (RFC 8018 §5.1), used only by PBES1 <c>pbeWithMD5AndDES-CBC</c> (PKCS#5 v1.5) for old files.</summary>
internal static class Pbkdf1
{
    /// <summary>Derives <c>destination.Length</c> bytes, at most the digest length.</summary>
    /// <param name="provider">Supplies the digest.</param>
    /// <param name="hash">MD5 or SHA-1 in practice.</param>
    /// <param name="password">The password octets.</param>
    /// <param name="salt">The 8-byte salt.</param>
    /// <param name="iterationCount">The iteration count c, at least 1.</param>
    /// <param name="destination">Receives DK.</param>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is longer than the digest (§5.1 step 1).</exception>
    public static void DeriveKey(
        ICryptoProvider provider,
        HashAlgorithmId hash,
        ReadOnlySpan<byte> password,
        ReadOnlySpan<byte> salt,
        int iterationCount,
        Span<byte> destination)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(iterationCount, 1);
        using IHash digest = provider.CreateHash(hash);
        if (destination.Length > digest.HashSize)
        {
            throw new ArgumentException("PBKDF1 cannot derive more than one digest of key material.", nameof(destination));
        }

        Span<byte> t = stackalloc byte[digest.HashSize];
        try
        {
            // T_1 = Hash(P || S); T_i = Hash(T_{i-1}); DK = T_c<0..dkLen-1>
            digest.Append(password);
            digest.Append(salt);
            digest.GetHashAndReset(t);
            for (int i = 1; i < iterationCount; i++)
            {
                digest.Append(t);
                digest.GetHashAndReset(t);
            }

            t[..destination.Length].CopyTo(destination);
        }
        finally
        {
            SecretMemory.Zero(t);
        }
    }
}
