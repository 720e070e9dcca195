using System.Buffers.Binary;
using ManagedTls.Crypto;

namespace ManagedTls.Pkcs;

/// <summary>PBKDF2 (RFC 8018 §5.2) over the provider's HMAC; ours, not the provider's.</summary>
/// <remarks>
/// The password is taken as bytes exactly as given: OpenSSL feeds PBKDF2 the passphrase bytes unchanged (UTF-8 for
/// text), so the callers above convert characters with UTF-8 and nothing else.
/// </remarks>
internal static class Pbkdf2
{
    private const int MaxHashSize = 64;

    /// <summary>Derives <c>destination.Length</c> bytes.</summary>
    /// <param name="provider">Supplies HMAC.</param>
    /// <param name="prf">The HMAC's digest (RFC 8018 §B.1: hmacWithSHA1 ... hmacWithSHA512).</param>
    /// <param name="password">The password octets (the HMAC key).</param>
    /// <param name="salt">The salt.</param>
    /// <param name="iterationCount">The iteration count c, at least 1.</param>
    /// <param name="destination">Receives DK; its length is dkLen.</param>
    public static void DeriveKey(
        ICryptoProvider provider,
        HashAlgorithmId prf,
        ReadOnlySpan<byte> password,
        ReadOnlySpan<byte> salt,
        int iterationCount,
        Span<byte> destination)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(iterationCount, 1);
        using IHmac hmac = provider.CreateHmac(prf, password);
        int hLen = hmac.HashSize;
        if (hLen > MaxHashSize)
        {
            throw new NotSupportedException($"PBKDF2 with a {hLen}-byte PRF output is not supported.");
        }

        Span<byte> u = stackalloc byte[MaxHashSize];
        Span<byte> t = stackalloc byte[MaxHashSize];
        Span<byte> blockIndex = stackalloc byte[4];
        u = u[..hLen];
        t = t[..hLen];
        try
        {
            // dkLen is an int, so it is far below the (2^32 - 1) * hLen limit of RFC 8018 §5.2 step 1.
            uint block = 1;
            for (int offset = 0; offset < destination.Length; offset += hLen, block++)
            {
                // U_1 = PRF(P, S || INT(i)); T_i = U_1 xor U_2 xor ... xor U_c
                BinaryPrimitives.WriteUInt32BigEndian(blockIndex, block);
                hmac.Append(salt);
                hmac.Append(blockIndex);
                hmac.GetHashAndReset(u);
                u.CopyTo(t);
                for (int i = 1; i < iterationCount; i++)
                {
                    hmac.Append(u);
                    hmac.GetHashAndReset(u);
                    for (int j = 0; j < t.Length; j++)
                    {
                        t[j] ^= u[j];
                    }
                }

                int take = Math.Min(hLen, destination.Length - offset);
                t[..take].CopyTo(destination[offset..]);
            }
        }
        finally
        {
            SecretMemory.Zero(u);
            SecretMemory.Zero(t);
        }
    }
}
