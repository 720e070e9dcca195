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
}
