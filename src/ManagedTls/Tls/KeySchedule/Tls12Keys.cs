using ManagedTls.Crypto;
using ManagedTls.Tls.Suites;

namespace ManagedTls.Tls.KeySchedule;

/// <summary>
/// The TLS 1.2 connection keys of a suite, cut from the key block in RFC 5246 §6.3 order: client MAC key, server MAC
/// key, client write key, server write key, client write IV, server write IV.
/// </summary>
/// <param name="ClientMacKey">client_write_MAC_key (empty for AEAD suites).</param>
/// <param name="ServerMacKey">server_write_MAC_key (empty for AEAD suites).</param>
/// <param name="ClientWriteKey">client_write_key.</param>
/// <param name="ServerWriteKey">server_write_key.</param>
/// <param name="ClientWriteIv">client_write_IV (the fixed IV / salt).</param>
/// <param name="ServerWriteIv">server_write_IV.</param>
internal sealed record Tls12Keys(byte[] ClientMacKey, byte[] ServerMacKey, byte[] ClientWriteKey, byte[] ServerWriteKey, byte[] ClientWriteIv, byte[] ServerWriteIv)
{
    /// <summary>Derives the key block for the suite and splits it.</summary>
    /// <param name="provider">The primitive provider.</param>
    /// <param name="suite">The TLS 1.2 suite (PRF hash, MAC, key and IV lengths).</param>
    /// <param name="masterSecret">The master secret.</param>
    /// <param name="clientRandom">ClientHello.random.</param>
    /// <param name="serverRandom">ServerHello.random.</param>
    /// <returns>The keys.</returns>
    public static Tls12Keys Derive(ICryptoProvider provider, TlsCipherSuiteInfo suite, ReadOnlySpan<byte> masterSecret, ReadOnlySpan<byte> clientRandom, ReadOnlySpan<byte> serverRandom)
    {
        ArgumentNullException.ThrowIfNull(suite);
        if (suite.IsTls13)
        {
            throw new ArgumentException($"{suite.IanaName} is a TLS 1.3 suite.", nameof(suite));
        }

        int mac = suite.MacKeyLength;
        int key = suite.KeyLength;
        int iv = suite.FixedIvLength;
        Span<byte> block = stackalloc byte[2 * (48 + 32 + 16)];
        block = block[..(2 * (mac + key + iv))];
        Tls12Prf.KeyBlock(provider, suite.Hash, masterSecret, clientRandom, serverRandom, block);
        int offset = 0;
        byte[] Take(int count, Span<byte> source)
        {
            byte[] part = source.Slice(offset, count).ToArray();
            offset += count;
            return part;
        }

        var keys = new Tls12Keys(Take(mac, block), Take(mac, block), Take(key, block), Take(key, block), Take(iv, block), Take(iv, block));
        SecretMemory.Zero(block);
        return keys;
    }
}
