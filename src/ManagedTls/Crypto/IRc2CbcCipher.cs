namespace ManagedTls.Crypto;

/// <summary>
/// RC2 (RFC 2268) in CBC mode without padding, keyed at creation with an effective key length. Only for reading and
/// writing legacy PKCS#12 content (pbeWithSHAAnd40BitRC2-CBC was OpenSSL 1.x's default for certificate bags).
/// </summary>
/// <remarks>
/// Kept apart from <see cref="ICbcCipher"/> because RC2 needs the effective-key-bits parameter and is not part of
/// <see cref="BlockCipherAlgorithmId"/>; <see cref="LegacyCiphers.CreateRc2Cbc"/> creates it. If the provider seam
/// later grows RC2, this interface folds into it.
/// </remarks>
internal interface IRc2CbcCipher : IDisposable
{
    /// <summary>The block (and IV) size in bytes: 8.</summary>
    int BlockSize { get; }

    /// <summary>Encrypts whole blocks.</summary>
    /// <param name="iv">Exactly 8 bytes.</param>
    /// <param name="input">A multiple of 8 bytes.</param>
    /// <param name="output">At least <c>input.Length</c> bytes.</param>
    void Encrypt(ReadOnlySpan<byte> iv, ReadOnlySpan<byte> input, Span<byte> output);

    /// <summary>Decrypts whole blocks.</summary>
    /// <param name="iv">Exactly 8 bytes.</param>
    /// <param name="input">A multiple of 8 bytes.</param>
    /// <param name="output">At least <c>input.Length</c> bytes.</param>
    void Decrypt(ReadOnlySpan<byte> iv, ReadOnlySpan<byte> input, Span<byte> output);
}
