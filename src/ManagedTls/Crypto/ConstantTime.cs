using System.Runtime.CompilerServices;

namespace ManagedTls.Crypto;

/// <summary>Comparisons whose running time does not depend on secret data (MACs, Finished, tags, padding).</summary>
public static class ConstantTime
{
    /// <summary>
    /// Compares two spans in time that depends only on their lengths. Unequal lengths return false at once:
    /// lengths are public (a MAC's size is fixed by the algorithm).
    /// </summary>
    /// <param name="left">One value.</param>
    /// <param name="right">The other.</param>
    /// <returns>True when both have the same length and content.</returns>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.NoOptimization)]
    public static bool FixedTimeEquals(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        if (left.Length != right.Length)
        {
            return false;
        }

        int difference = 0;
        for (int i = 0; i < left.Length; i++)
        {
            difference |= left[i] ^ right[i];
        }

        return difference == 0;
    }

    /// <summary>Returns all-ones (0xFF) when <paramref name="a"/> equals <paramref name="b"/>, else zero, without branching.</summary>
    /// <param name="a">One byte.</param>
    /// <param name="b">The other.</param>
    /// <returns>0xFF or 0x00, usable as a mask in padding checks.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte EqualMask(byte a, byte b)
    {
        uint x = (uint)(a ^ b);
        return (byte)(((x - 1) >> 8) & 0xFF); // x == 0 -> 0xFFFFFFFF >> 8 -> ...FF; x in 1..255 -> 0
    }
}
