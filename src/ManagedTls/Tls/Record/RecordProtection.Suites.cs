using ManagedTls.Crypto;
using ManagedTls.Tls.Suites;

namespace ManagedTls.Tls.Record;

/// <summary>Factories keyed by the negotiated suite's <see cref="TlsCipherSuiteInfo"/>.</summary>
internal abstract partial class RecordProtection
{
    /// <summary>Creates TLS 1.3 protection for the suite's AEAD.</summary>
    /// <param name="provider">The primitive provider.</param>
    /// <param name="suite">A TLS 1.3 suite.</param>
    /// <param name="key">The traffic key.</param>
    /// <param name="iv">The 12-byte traffic IV.</param>
    /// <returns>The protection; the caller (normally <see cref="RecordLayer"/>) disposes it.</returns>
    /// <exception cref="ArgumentException">The suite is not a TLS 1.3 AEAD suite, or a length is wrong.</exception>
    public static RecordProtection CreateTls13(ICryptoProvider provider, TlsCipherSuiteInfo suite, ReadOnlySpan<byte> key, ReadOnlySpan<byte> iv)
    {
        ArgumentNullException.ThrowIfNull(suite);
        if (!suite.IsTls13 || suite.Aead is not { } aead)
        {
            throw new ArgumentException($"{suite.IanaName} is not a TLS 1.3 AEAD suite.", nameof(suite));
        }

        return CreateTls13(provider, aead, key, iv);
    }

    /// <summary>Creates TLS 1.2 AEAD protection for the suite (GCM with an explicit nonce, or RFC 7905 ChaCha20-Poly1305).</summary>
    /// <param name="provider">The primitive provider.</param>
    /// <param name="suite">A TLS 1.2 AEAD suite.</param>
    /// <param name="key">The write key.</param>
    /// <param name="fixedIv">The write IV from the key block (<see cref="TlsCipherSuiteInfo.FixedIvLength"/> bytes).</param>
    /// <returns>The protection; the caller disposes it.</returns>
    /// <exception cref="ArgumentException">The suite is not a TLS 1.2 AEAD suite, or a length is wrong.</exception>
    public static RecordProtection CreateTls12Aead(ICryptoProvider provider, TlsCipherSuiteInfo suite, ReadOnlySpan<byte> key, ReadOnlySpan<byte> fixedIv)
    {
        ArgumentNullException.ThrowIfNull(suite);
        if (suite.IsTls13 || suite.Aead is not { } aead)
        {
            throw new ArgumentException($"{suite.IanaName} is not a TLS 1.2 AEAD suite.", nameof(suite));
        }

        return CreateTls12Aead(provider, aead, key, fixedIv);
    }

    /// <summary>
    /// Creates TLS 1.2 CBC protection (RFC 5246 §6.2.3.2) for an AES-CBC suite: random explicit IV, HMAC with the
    /// suite's MAC hash, MAC-then-encrypt or, when negotiated, encrypt-then-MAC (RFC 7366).
    /// </summary>
    /// <param name="provider">The primitive provider.</param>
    /// <param name="suite">A TLS 1.2 AES-CBC suite.</param>
    /// <param name="encryptionKey">The write key from the key block.</param>
    /// <param name="macKey">The write MAC key from the key block.</param>
    /// <param name="encryptThenMac">True when the encrypt_then_mac extension was negotiated.</param>
    /// <returns>The protection; the caller disposes it.</returns>
    /// <exception cref="ArgumentException">The suite is not an AES-CBC suite, or a length is wrong.</exception>
    public static RecordProtection CreateTls12Cbc(ICryptoProvider provider, TlsCipherSuiteInfo suite, ReadOnlySpan<byte> encryptionKey, ReadOnlySpan<byte> macKey, bool encryptThenMac = false)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(suite);
        BlockCipherAlgorithmId cipher = suite.Bulk switch
        {
            TlsBulkCipher.Aes128Cbc => BlockCipherAlgorithmId.Aes128,
            TlsBulkCipher.Aes256Cbc => BlockCipherAlgorithmId.Aes256,
            _ => throw new ArgumentException($"{suite.IanaName} is not an AES-CBC suite.", nameof(suite)),
        };
        if (suite.MacHash is not { } mac || macKey.Length != suite.MacKeyLength)
        {
            throw new ArgumentException($"{suite.IanaName} needs a {suite.MacKeyLength}-byte MAC key.", nameof(macKey));
        }

        return CreateTls12Cbc(provider, cipher, mac, encryptionKey, macKey, encryptThenMac);
    }

    /// <summary>Creates TLS 1.2 CBC protection from its primitives.</summary>
    /// <param name="provider">The primitive provider.</param>
    /// <param name="cipher">AES-128 or AES-256.</param>
    /// <param name="macHash">The HMAC hash (SHA-1, SHA-256 or SHA-384).</param>
    /// <param name="encryptionKey">The write key.</param>
    /// <param name="macKey">The write MAC key.</param>
    /// <param name="encryptThenMac">True for RFC 7366 encrypt-then-MAC.</param>
    /// <returns>The protection; the caller disposes it.</returns>
    public static RecordProtection CreateTls12Cbc(ICryptoProvider provider, BlockCipherAlgorithmId cipher, HashAlgorithmId macHash, ReadOnlySpan<byte> encryptionKey, ReadOnlySpan<byte> macKey, bool encryptThenMac = false)
    {
        ArgumentNullException.ThrowIfNull(provider);
        if (cipher is not (BlockCipherAlgorithmId.Aes128 or BlockCipherAlgorithmId.Aes256))
        {
            throw new ArgumentException("TLS 1.2 CBC suites use AES here.", nameof(cipher));
        }

        ICbcCipher cbc = provider.CreateCbc(cipher, encryptionKey);
        return new Tls12CbcProtection(cbc, provider.CreateHmac(macHash, macKey), encryptThenMac);
    }
}
