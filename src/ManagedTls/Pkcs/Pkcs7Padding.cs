using ManagedTls.Crypto;

namespace ManagedTls.Pkcs;

/// <summary>PKCS#7 / RFC 8018 §6.1.1 step 4 block padding, removed without branching on the secret pad bytes.</summary>
internal static class Pkcs7Padding
{
    /// <summary>Returns <paramref name="data"/> followed by 1..blockSize bytes each holding the pad length.</summary>
    /// <param name="data">The plaintext.</param>
    /// <param name="blockSize">The cipher's block size (8 or 16).</param>
    /// <returns>A fresh array whose length is a positive multiple of <paramref name="blockSize"/>.</returns>
    public static byte[] Pad(ReadOnlySpan<byte> data, int blockSize)
    {
        int pad = blockSize - (data.Length % blockSize);
        byte[] result = new byte[data.Length + pad];
        data.CopyTo(result);
        result.AsSpan(data.Length).Fill((byte)pad);
        return result;
    }

    /// <summary>Finds the unpadded length of a decrypted buffer.</summary>
    /// <param name="data">The decrypted blocks; a positive multiple of <paramref name="blockSize"/>.</param>
    /// <param name="blockSize">The cipher's block size.</param>
    /// <param name="length">The plaintext length when the padding is valid.</param>
    /// <returns>True when the last byte p is in 1..blockSize and the last p bytes all equal p.</returns>
    public static bool TryGetUnpaddedLength(ReadOnlySpan<byte> data, int blockSize, out int length)
    {
        length = 0;
        if (data.Length == 0 || data.Length % blockSize != 0)
        {
            return false;
        }

        ReadOnlySpan<byte> last = data[^blockSize..];
        byte pad = last[^1];

        // Every byte of the last block is examined whatever the pad value, so timing does not reveal where it failed.
        int bad = ConstantTime.EqualMask(pad, 0);
        bad |= (blockSize - pad) >> 31; // negative when pad > blockSize
        for (int i = 0; i < blockSize; i++)
        {
            int inPad = ((blockSize - 1 - i - pad) >> 31) & 0xFF; // position i is within the last pad bytes
            bad |= inPad & ~ConstantTime.EqualMask(last[i], pad);
        }

        if (bad != 0)
        {
            return false;
        }

        length = data.Length - pad;
        return true;
    }
}
