using System.Buffers.Binary;
using System.Numerics;
using ManagedTls.Crypto;

namespace ManagedTls.Pkcs;

/// <summary>
/// scrypt (RFC 7914 §6), ours: PBKDF2-HMAC-SHA256 around ROMix over BlockMix over the Salsa20/8 core. Used as a PBES2
/// key derivation function (RFC 7914 §7, <c>openssl pkcs8 -topk8 -scrypt</c>).
/// </summary>
/// <remarks>Callers bound the cost first (<see cref="ScryptParameters.CheckLimits"/>); this type allocates 128·r·(N + p) bytes.</remarks>
internal static class Scrypt
{
    /// <summary>Derives <c>destination.Length</c> bytes.</summary>
    /// <param name="provider">Supplies HMAC-SHA256.</param>
    /// <param name="password">The password octets.</param>
    /// <param name="salt">The salt.</param>
    /// <param name="n">N: a power of two greater than 1.</param>
    /// <param name="r">r, at least 1.</param>
    /// <param name="p">p, at least 1.</param>
    /// <param name="destination">Receives DK.</param>
    public static void DeriveKey(ICryptoProvider provider, ReadOnlySpan<byte> password, ReadOnlySpan<byte> salt, int n, int r, int p, Span<byte> destination)
    {
        if (n < 2 || !BitOperations.IsPow2(n))
        {
            throw new ArgumentOutOfRangeException(nameof(n), "N must be a power of two greater than 1.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(r, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(p, 1);
        int blockBytes = 128 * r;
        int words = 32 * r;
        byte[] b = new byte[p * blockBytes];
        uint[] v = new uint[words * n];
        uint[] x = new uint[words];
        uint[] y = new uint[words];
        try
        {
            // Step 1: B = PBKDF2-HMAC-SHA256(P, S, 1, p * 128 * r).
            Pbkdf2.DeriveKey(provider, HashAlgorithmId.Sha256, password, salt, 1, b);

            // Step 2: B_i = ROMix(B_i, N) for each of the p blocks.
            for (int i = 0; i < p; i++)
            {
                RoMix(b.AsSpan(i * blockBytes, blockBytes), r, n, v, x, y);
            }

            // Step 3: DK = PBKDF2-HMAC-SHA256(P, B, 1, dkLen).
            Pbkdf2.DeriveKey(provider, HashAlgorithmId.Sha256, password, b, 1, destination);
        }
        finally
        {
            SecretMemory.Zero(b);
            Array.Clear(v);
            Array.Clear(x);
            Array.Clear(y);
        }
    }

    /// <summary>scryptROMix (RFC 7914 §5), in place on one 128·r-byte block.</summary>
    private static void RoMix(Span<byte> block, int r, int n, uint[] v, uint[] x, uint[] y)
    {
        int words = 32 * r;
        for (int k = 0; k < words; k++)
        {
            x[k] = BinaryPrimitives.ReadUInt32LittleEndian(block[(4 * k)..]);
        }

        for (int i = 0; i < n; i++)
        {
            Array.Copy(x, 0, v, i * words, words);
            BlockMix(x, y, r);
        }

        for (int i = 0; i < n; i++)
        {
            // Integerify: the first word of the last 64-byte sub-block, little-endian; N <= 2^31 so 32 bits suffice.
            int j = (int)(x[(2 * r - 1) * 16] & (uint)(n - 1));
            for (int k = 0; k < words; k++)
            {
                x[k] ^= v[(j * words) + k];
            }

            BlockMix(x, y, r);
        }

        for (int k = 0; k < words; k++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(block[(4 * k)..], x[k]);
        }
    }

    /// <summary>scryptBlockMix (RFC 7914 §4), in place on <paramref name="b"/> using <paramref name="y"/> as scratch.</summary>
    private static void BlockMix(uint[] b, uint[] y, int r)
    {
        Span<uint> t = stackalloc uint[16];
        b.AsSpan((2 * r - 1) * 16, 16).CopyTo(t);
        for (int i = 0; i < 2 * r; i++)
        {
            for (int k = 0; k < 16; k++)
            {
                t[k] ^= b[(i * 16) + k];
            }

            Salsa208(t);

            // Y_i goes to position i/2 (even i) or r + i/2 (odd i): B' = (Y_0, Y_2, ..., Y_1, Y_3, ...).
            int destination = ((i & 1) == 0 ? i / 2 : r + (i / 2)) * 16;
            t.CopyTo(y.AsSpan(destination, 16));
        }

        y.AsSpan(0, 32 * r).CopyTo(b);
        t.Clear();
    }

    /// <summary>The Salsa20/8 core (RFC 7914 §3) on 16 little-endian words.</summary>
    private static void Salsa208(Span<uint> b)
    {
        uint x0 = b[0], x1 = b[1], x2 = b[2], x3 = b[3], x4 = b[4], x5 = b[5], x6 = b[6], x7 = b[7];
        uint x8 = b[8], x9 = b[9], x10 = b[10], x11 = b[11], x12 = b[12], x13 = b[13], x14 = b[14], x15 = b[15];
        for (int round = 0; round < 8; round += 2)
        {
            // Columns.
            x4 ^= BitOperations.RotateLeft(x0 + x12, 7); x8 ^= BitOperations.RotateLeft(x4 + x0, 9);
            x12 ^= BitOperations.RotateLeft(x8 + x4, 13); x0 ^= BitOperations.RotateLeft(x12 + x8, 18);
            x9 ^= BitOperations.RotateLeft(x5 + x1, 7); x13 ^= BitOperations.RotateLeft(x9 + x5, 9);
            x1 ^= BitOperations.RotateLeft(x13 + x9, 13); x5 ^= BitOperations.RotateLeft(x1 + x13, 18);
            x14 ^= BitOperations.RotateLeft(x10 + x6, 7); x2 ^= BitOperations.RotateLeft(x14 + x10, 9);
            x6 ^= BitOperations.RotateLeft(x2 + x14, 13); x10 ^= BitOperations.RotateLeft(x6 + x2, 18);
            x3 ^= BitOperations.RotateLeft(x15 + x11, 7); x7 ^= BitOperations.RotateLeft(x3 + x15, 9);
            x11 ^= BitOperations.RotateLeft(x7 + x3, 13); x15 ^= BitOperations.RotateLeft(x11 + x7, 18);

            // Rows.
            x1 ^= BitOperations.RotateLeft(x0 + x3, 7); x2 ^= BitOperations.RotateLeft(x1 + x0, 9);
            x3 ^= BitOperations.RotateLeft(x2 + x1, 13); x0 ^= BitOperations.RotateLeft(x3 + x2, 18);
            x6 ^= BitOperations.RotateLeft(x5 + x4, 7); x7 ^= BitOperations.RotateLeft(x6 + x5, 9);
            x4 ^= BitOperations.RotateLeft(x7 + x6, 13); x5 ^= BitOperations.RotateLeft(x4 + x7, 18);
            x11 ^= BitOperations.RotateLeft(x10 + x9, 7); x8 ^= BitOperations.RotateLeft(x11 + x10, 9);
            x9 ^= BitOperations.RotateLeft(x8 + x11, 13); x10 ^= BitOperations.RotateLeft(x9 + x8, 18);
            x12 ^= BitOperations.RotateLeft(x15 + x14, 7); x13 ^= BitOperations.RotateLeft(x12 + x15, 9);
            x14 ^= BitOperations.RotateLeft(x13 + x12, 13); x15 ^= BitOperations.RotateLeft(x14 + x13, 18);
        }

        b[0] += x0; b[1] += x1; b[2] += x2; b[3] += x3; b[4] += x4; b[5] += x5; b[6] += x6; b[7] += x7;
        b[8] += x8; b[9] += x9; b[10] += x10; b[11] += x11; b[12] += x12; b[13] += x13; b[14] += x14; b[15] += x15;
    }
}
