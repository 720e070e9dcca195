using System.Numerics;

namespace ManagedTls.Keys;

/// <summary>Big-endian unsigned integers as key components hold them: minimal (no leading zero octets), zero as one 0x00.</summary>
internal static class Magnitude
{
    /// <summary>Copies <paramref name="value"/> without leading zero octets (keeps one octet for zero).</summary>
    public static byte[] Minimal(ReadOnlySpan<byte> value)
    {
        int i = 0;
        while (i < value.Length - 1 && value[i] == 0)
        {
            i++;
        }

        return value.IsEmpty ? [0] : value[i..].ToArray();
    }

    public static bool IsZero(ReadOnlySpan<byte> value) => value.IndexOfAnyExcept((byte)0) < 0;

    public static bool IsOdd(ReadOnlySpan<byte> value) => !value.IsEmpty && (value[^1] & 1) == 1;

    /// <summary>The position of the highest set bit plus one (0 for zero), as OpenSSL's BN_num_bits.</summary>
    public static int BitLength(ReadOnlySpan<byte> value)
    {
        int first = value.IndexOfAnyExcept((byte)0);
        if (first < 0)
        {
            return 0;
        }

        return ((value.Length - first - 1) * 8) + (32 - BitOperations.LeadingZeroCount((uint)value[first]));
    }

    public static BigInteger ToBigInteger(ReadOnlySpan<byte> value) => new(value, isUnsigned: true, isBigEndian: true);

    public static byte[] FromBigInteger(BigInteger value) =>
        value.IsZero ? [0] : value.ToByteArray(isUnsigned: true, isBigEndian: true);

    /// <summary>Left-pads <paramref name="value"/> with zeros to <paramref name="length"/> octets; false when it does not fit.</summary>
    public static bool TryPad(ReadOnlySpan<byte> value, int length, out byte[] padded)
    {
        int first = value.IndexOfAnyExcept((byte)0);
        ReadOnlySpan<byte> minimal = first < 0 ? default : value[first..];
        if (minimal.Length > length)
        {
            padded = [];
            return false;
        }

        padded = new byte[length];
        minimal.CopyTo(padded.AsSpan(length - minimal.Length));
        return true;
    }
}
