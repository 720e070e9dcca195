namespace ManagedTls.Crypto;

/// <summary>
/// A block cipher in CBC mode without padding, keyed at creation. PKCS#7 padding and its constant-time removal
/// are the caller's (PEM/PKCS#8/PKCS#12 layers), so padding errors are reported where they are decided.
/// </summary>
public interface ICbcCipher : IDisposable
{
    /// <summary>The cipher.</summary>
    BlockCipherAlgorithmId Algorithm { get; }

    /// <summary>The block (and IV) size in bytes: 16 for AES, 8 for DES.</summary>
    int BlockSize { get; }

    /// <summary>Encrypts whole blocks.</summary>
    /// <param name="iv">Exactly <see cref="BlockSize"/> bytes.</param>
    /// <param name="input">A multiple of <see cref="BlockSize"/> bytes.</param>
    /// <param name="output">At least <c>input.Length</c> bytes.</param>
    /// <exception cref="ArgumentException">A length is wrong.</exception>
    void Encrypt(ReadOnlySpan<byte> iv, ReadOnlySpan<byte> input, Span<byte> output);

    /// <summary>Decrypts whole blocks.</summary>
    /// <param name="iv">Exactly <see cref="BlockSize"/> bytes.</param>
    /// <param name="input">A multiple of <see cref="BlockSize"/> bytes.</param>
    /// <param name="output">At least <c>input.Length</c> bytes.</param>
    /// <exception cref="ArgumentException">A length is wrong.</exception>
    void Decrypt(ReadOnlySpan<byte> iv, ReadOnlySpan<byte> input, Span<byte> output);
}
