using ManagedTls.Crypto;

namespace ManagedTls.Tls.KeySchedule;

/// <summary>
/// TLS 1.3 derivations off a traffic or exporter secret (RFC 8446 §7.3, §4.4.4, §7.2, §7.5, §4.6.1): record keys and
/// IVs, Finished, KeyUpdate's next secret, exporters and resumption PSKs.
/// </summary>
internal static partial class Tls13Keys
{
    /// <summary>[sender]_write_key = HKDF-Expand-Label(Secret, "key", "", key_length) and the IV with "iv" (RFC 8446 §7.3).</summary>
    /// <param name="provider">The primitive provider.</param>
    /// <param name="hash">The suite's hash.</param>
    /// <param name="keyLength">The AEAD key length.</param>
    /// <param name="ivLength">The IV length (12 for every TLS 1.3 AEAD).</param>
    /// <param name="trafficSecret">The traffic secret.</param>
    /// <returns>The key and the IV.</returns>
    public static (byte[] Key, byte[] Iv) TrafficKeys(ICryptoProvider provider, HashAlgorithmId hash, int keyLength, int ivLength, ReadOnlySpan<byte> trafficSecret)
    {
        byte[] key = new byte[keyLength];
        byte[] iv = new byte[ivLength];
        Hkdf.ExpandLabel(provider, hash, trafficSecret, "key", ReadOnlySpan<byte>.Empty, key);
        Hkdf.ExpandLabel(provider, hash, trafficSecret, "iv", ReadOnlySpan<byte>.Empty, iv);
        return (key, iv);
    }

    /// <summary>The record key and IV for an AEAD (its key size, a 12-byte IV).</summary>
    /// <param name="provider">The primitive provider.</param>
    /// <param name="hash">The suite's hash.</param>
    /// <param name="aead">The suite's AEAD.</param>
    /// <param name="trafficSecret">The traffic secret.</param>
    /// <returns>The key and the IV.</returns>
    public static (byte[] Key, byte[] Iv) TrafficKeys(ICryptoProvider provider, HashAlgorithmId hash, AeadAlgorithmId aead, ReadOnlySpan<byte> trafficSecret)
        => TrafficKeys(provider, hash, AeadAlgorithms.KeySize(aead), AeadAlgorithms.NonceSize, trafficSecret);

    /// <summary>
    /// verify_data = HMAC(finished_key, Transcript-Hash(...)), finished_key = HKDF-Expand-Label(BaseKey, "finished", "",
    /// Hash.length) (RFC 8446 §4.4.4).
    /// </summary>
    /// <param name="provider">The primitive provider.</param>
    /// <param name="hash">The suite's hash.</param>
    /// <param name="baseKey">The sender's handshake traffic secret (or application traffic secret for post-handshake auth).</param>
    /// <param name="transcriptHash">The transcript hash up to, not including, the Finished.</param>
    /// <returns>Hash.length bytes of verify_data.</returns>
    public static byte[] FinishedVerifyData(ICryptoProvider provider, HashAlgorithmId hash, ReadOnlySpan<byte> baseKey, ReadOnlySpan<byte> transcriptHash)
    {
        int size = HashAlgorithms.HashSize(hash);
        Span<byte> finishedKey = stackalloc byte[HashAlgorithms.MaxHashSize];
        Hkdf.ExpandLabel(provider, hash, baseKey, "finished", ReadOnlySpan<byte>.Empty, finishedKey[..size]);
        byte[] verifyData = new byte[size];
        using (IHmac hmac = provider.CreateHmac(hash, finishedKey[..size]))
        {
            hmac.Append(transcriptHash);
            hmac.GetHashAndReset(verifyData);
        }

        SecretMemory.Zero(finishedKey);
        return verifyData;
    }

    /// <summary>Checks a received Finished's verify_data in constant time (RFC 8446 §4.4.4).</summary>
    /// <param name="provider">The primitive provider.</param>
    /// <param name="hash">The suite's hash.</param>
    /// <param name="baseKey">The peer's handshake traffic secret.</param>
    /// <param name="transcriptHash">The transcript hash up to, not including, the Finished.</param>
    /// <param name="received">The verify_data received.</param>
    /// <returns>True when it matches.</returns>
    public static bool VerifyFinished(ICryptoProvider provider, HashAlgorithmId hash, ReadOnlySpan<byte> baseKey, ReadOnlySpan<byte> transcriptHash, ReadOnlySpan<byte> received)
    {
        byte[] expected = FinishedVerifyData(provider, hash, baseKey, transcriptHash);
        bool ok = ConstantTime.FixedTimeEquals(expected, received);
        SecretMemory.Zero(expected);
        return ok;
    }

    /// <summary>application_traffic_secret_N+1 = HKDF-Expand-Label(secret_N, "traffic upd", "", Hash.length) (RFC 8446 §7.2).</summary>
    /// <param name="provider">The primitive provider.</param>
    /// <param name="hash">The suite's hash.</param>
    /// <param name="secret">application_traffic_secret_N.</param>
    /// <returns>The next secret.</returns>
    public static byte[] NextTrafficSecret(ICryptoProvider provider, HashAlgorithmId hash, ReadOnlySpan<byte> secret)
    {
        byte[] next = new byte[HashAlgorithms.HashSize(hash)];
        Hkdf.ExpandLabel(provider, hash, secret, "traffic upd", ReadOnlySpan<byte>.Empty, next);
        return next;
    }

    /// <summary>
    /// TLS-Exporter(label, context_value, key_length) = HKDF-Expand-Label(Derive-Secret(Secret, label, ""), "exporter",
    /// Hash(context_value), key_length) (RFC 8446 §7.5). TLS 1.3 makes no difference between no context and an empty one.
    /// </summary>
    /// <param name="provider">The primitive provider.</param>
    /// <param name="hash">The suite's hash.</param>
    /// <param name="exporterMasterSecret">exporter_master_secret (or early_exporter_master_secret).</param>
    /// <param name="label">The exporter label (ASCII, at most 249 characters).</param>
    /// <param name="context">The context value.</param>
    /// <param name="output">Receives key_length bytes.</param>
    public static void Export(ICryptoProvider provider, HashAlgorithmId hash, ReadOnlySpan<byte> exporterMasterSecret, string label, ReadOnlySpan<byte> context, Span<byte> output)
    {
        int size = HashAlgorithms.HashSize(hash);
        Span<byte> emptyHash = stackalloc byte[HashAlgorithms.MaxHashSize];
        Span<byte> contextHash = stackalloc byte[HashAlgorithms.MaxHashSize];
        Span<byte> derived = stackalloc byte[HashAlgorithms.MaxHashSize];
        Hkdf.EmptyHash(provider, hash, emptyHash);
        HashAlgorithms.HashData(hash, context, contextHash, provider);
        Hkdf.DeriveSecret(provider, hash, exporterMasterSecret, label, emptyHash[..size], derived);
        Hkdf.ExpandLabel(provider, hash, derived[..size], "exporter", contextHash[..size], output);
        SecretMemory.Zero(derived);
    }

    /// <summary>The PSK of a ticket: HKDF-Expand-Label(resumption_master_secret, "resumption", ticket_nonce, Hash.length) (RFC 8446 §4.6.1).</summary>
    /// <param name="provider">The primitive provider.</param>
    /// <param name="hash">The suite's hash.</param>
    /// <param name="resumptionMasterSecret">resumption_master_secret.</param>
    /// <param name="ticketNonce">The NewSessionTicket's ticket_nonce.</param>
    /// <returns>The PSK.</returns>
    public static byte[] ResumptionPsk(ICryptoProvider provider, HashAlgorithmId hash, ReadOnlySpan<byte> resumptionMasterSecret, ReadOnlySpan<byte> ticketNonce)
    {
        byte[] psk = new byte[HashAlgorithms.HashSize(hash)];
        Hkdf.ExpandLabel(provider, hash, resumptionMasterSecret, "resumption", ticketNonce, psk);
        return psk;
    }
}
