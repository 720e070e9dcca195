using ManagedTls.Crypto;

namespace ManagedTls.Pkcs;

/// <summary>One unpadded CBC pass over whole blocks (a method group of <see cref="ICbcCipher"/> or <see cref="IRc2CbcCipher"/>).</summary>
/// <param name="iv">The IV, one block.</param>
/// <param name="input">Whole blocks.</param>
/// <param name="output">At least as long as <paramref name="input"/>.</param>
internal delegate void CbcTransform(ReadOnlySpan<byte> iv, ReadOnlySpan<byte> input, Span<byte> output);

/// <summary>CBC with PKCS#7 padding (RFC 8018 §6.1.1 step 4, §6.2.2 step 5) over the provider's unpadded CBC cipher.</summary>
internal static class CbcEncryption
{
    /// <summary>Pads and encrypts.</summary>
    /// <param name="provider">Supplies the cipher.</param>
    /// <param name="cipher">Which cipher.</param>
    /// <param name="key">Exactly <see cref="PbeCipher.KeySize"/> bytes.</param>
    /// <param name="iv">Exactly <see cref="PbeCipher.BlockSize"/> bytes.</param>
    /// <param name="plaintext">The message.</param>
    /// <returns>The ciphertext.</returns>
    public static byte[] Encrypt(ICryptoProvider provider, PbeCipher cipher, ReadOnlySpan<byte> key, ReadOnlySpan<byte> iv, ReadOnlySpan<byte> plaintext)
    {
        using ICbcCipher cbc = provider.CreateCbc(cipher.Algorithm, key);
        return Encrypt(cbc.Encrypt, cipher.BlockSize, iv, plaintext);
    }

    /// <summary>Pads and encrypts with any unpadded CBC transform.</summary>
    /// <param name="encrypt">The keyed cipher's encrypt operation.</param>
    /// <param name="blockSize">Its block size.</param>
    /// <param name="iv">One block.</param>
    /// <param name="plaintext">The message.</param>
    /// <returns>The ciphertext.</returns>
    public static byte[] Encrypt(CbcTransform encrypt, int blockSize, ReadOnlySpan<byte> iv, ReadOnlySpan<byte> plaintext)
    {
        byte[] padded = Pkcs7Padding.Pad(plaintext, blockSize);
        try
        {
            byte[] ciphertext = new byte[padded.Length];
            encrypt(iv, padded, ciphertext);
            return ciphertext;
        }
        finally
        {
            SecretMemory.Zero(padded);
        }
    }

    /// <summary>Decrypts and removes the padding.</summary>
    /// <param name="provider">Supplies the cipher.</param>
    /// <param name="cipher">Which cipher.</param>
    /// <param name="key">Exactly <see cref="PbeCipher.KeySize"/> bytes.</param>
    /// <param name="iv">Exactly <see cref="PbeCipher.BlockSize"/> bytes.</param>
    /// <param name="ciphertext">The ciphertext.</param>
    /// <returns>The plaintext.</returns>
    /// <exception cref="PbeException"><see cref="PbeError.Malformed"/> when the ciphertext is empty or not whole
    /// blocks; <see cref="PbeError.BadDecrypt"/> when the padding is wrong (wrong password or corruption).</exception>
    public static byte[] Decrypt(ICryptoProvider provider, PbeCipher cipher, ReadOnlySpan<byte> key, ReadOnlySpan<byte> iv, ReadOnlySpan<byte> ciphertext)
    {
        CheckCiphertextLength(cipher, ciphertext.Length);
        using ICbcCipher cbc = provider.CreateCbc(cipher.Algorithm, key);
        return Decrypt(cbc.Decrypt, cipher.BlockSize, iv, ciphertext);
    }

    /// <summary>Decrypts with any unpadded CBC transform and removes the padding.</summary>
    /// <param name="decrypt">The keyed cipher's decrypt operation.</param>
    /// <param name="blockSize">Its block size.</param>
    /// <param name="iv">One block.</param>
    /// <param name="ciphertext">Whole blocks (checked by the caller).</param>
    /// <returns>The plaintext.</returns>
    /// <exception cref="PbeException"><see cref="PbeError.BadDecrypt"/> when the padding is wrong.</exception>
    public static byte[] Decrypt(CbcTransform decrypt, int blockSize, ReadOnlySpan<byte> iv, ReadOnlySpan<byte> ciphertext)
    {
        byte[] padded = new byte[ciphertext.Length];
        try
        {
            decrypt(iv, ciphertext, padded);
            if (!Pkcs7Padding.TryGetUnpaddedLength(padded, blockSize, out int length))
            {
                throw new PbeException(PbeError.BadDecrypt, "Bad decrypt: the padding is wrong, so the password is wrong or the ciphertext is corrupted.");
            }

            return padded.AsSpan(0, length).ToArray();
        }
        finally
        {
            SecretMemory.Zero(padded);
        }
    }

    /// <summary>Rejects ciphertexts that cannot be CBC-with-padding output, before any password is used.</summary>
    /// <param name="cipher">The cipher.</param>
    /// <param name="length">The ciphertext length.</param>
    /// <exception cref="PbeException"><see cref="PbeError.Malformed"/>.</exception>
    public static void CheckCiphertextLength(PbeCipher cipher, int length) => CheckCiphertextLength(cipher.Name, cipher.BlockSize, length);

    /// <summary>Rejects ciphertexts that cannot be CBC-with-padding output, before any password is used.</summary>
    /// <param name="name">The cipher's name, for the message.</param>
    /// <param name="blockSize">The block size.</param>
    /// <param name="length">The ciphertext length.</param>
    /// <exception cref="PbeException"><see cref="PbeError.Malformed"/>.</exception>
    public static void CheckCiphertextLength(string name, int blockSize, int length)
    {
        if (length == 0 || length % blockSize != 0)
        {
            throw new PbeException(
                PbeError.Malformed,
                $"The {name} ciphertext is {length} bytes, not a positive multiple of the {blockSize}-byte block (truncated or corrupted).");
        }
    }
}
