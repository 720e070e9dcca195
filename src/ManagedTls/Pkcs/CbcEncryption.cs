using ManagedTls.Crypto;

namespace ManagedTls.Pkcs;

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
        byte[] padded = Pkcs7Padding.Pad(plaintext, cipher.BlockSize);
        try
        {
            byte[] ciphertext = new byte[padded.Length];
            using ICbcCipher cbc = provider.CreateCbc(cipher.Algorithm, key);
            cbc.Encrypt(iv, padded, ciphertext);
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
        byte[] padded = new byte[ciphertext.Length];
        try
        {
            using (ICbcCipher cbc = provider.CreateCbc(cipher.Algorithm, key))
            {
                cbc.Decrypt(iv, ciphertext, padded);
            }

            if (!Pkcs7Padding.TryGetUnpaddedLength(padded, cipher.BlockSize, out int length))
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
    public static void CheckCiphertextLength(PbeCipher cipher, int length)
    {
        if (length == 0 || length % cipher.BlockSize != 0)
        {
            throw new PbeException(
                PbeError.Malformed,
                $"The {cipher.Name} ciphertext is {length} bytes, not a positive multiple of the {cipher.BlockSize}-byte block (truncated or corrupted).");
        }
    }
}
