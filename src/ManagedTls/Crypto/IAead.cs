namespace ManagedTls.Crypto;

/// <summary>
/// An authenticated cipher with associated data, keyed at creation (RFC 5116). Not thread-safe; dispose to zero
/// the key schedule. Ciphertext and tag are separate spans so TLS can place them in the record buffer directly.
/// </summary>
public interface IAead : IDisposable
{
    /// <summary>The algorithm.</summary>
    AeadAlgorithmId Algorithm { get; }

    /// <summary>The key size in bytes.</summary>
    int KeySize { get; }

    /// <summary>The nonce size in bytes (12).</summary>
    int NonceSize { get; }

    /// <summary>The tag size in bytes (16).</summary>
    int TagSize { get; }

    /// <summary>Encrypts and authenticates.</summary>
    /// <param name="nonce">Exactly <see cref="NonceSize"/> bytes; never reuse one under the same key.</param>
    /// <param name="plaintext">The plaintext.</param>
    /// <param name="associatedData">Authenticated, unencrypted data (the TLS record header).</param>
    /// <param name="ciphertext">Exactly <c>plaintext.Length</c> bytes; may be the same memory as <paramref name="plaintext"/>.</param>
    /// <param name="tag">Exactly <see cref="TagSize"/> bytes.</param>
    /// <exception cref="ArgumentException">A span has the wrong length.</exception>
    void Seal(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData, Span<byte> ciphertext, Span<byte> tag);

    /// <summary>Verifies and decrypts. On failure nothing is written to <paramref name="plaintext"/> that matters: it is zeroed.</summary>
    /// <param name="nonce">Exactly <see cref="NonceSize"/> bytes.</param>
    /// <param name="ciphertext">The ciphertext.</param>
    /// <param name="tag">The tag; a tag of any other length than <see cref="TagSize"/> fails authentication.</param>
    /// <param name="associatedData">The associated data.</param>
    /// <param name="plaintext">Exactly <c>ciphertext.Length</c> bytes; may be the same memory as <paramref name="ciphertext"/>.</param>
    /// <returns>True when the tag verified; false (and <paramref name="plaintext"/> zeroed) otherwise.</returns>
    /// <exception cref="ArgumentException">The nonce or plaintext span has the wrong length.</exception>
    bool TryOpen(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> tag, ReadOnlySpan<byte> associatedData, Span<byte> plaintext);
}
