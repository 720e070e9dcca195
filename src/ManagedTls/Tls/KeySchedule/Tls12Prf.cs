using System.Buffers;
using System.Text;
using ManagedTls.Crypto;

namespace ManagedTls.Tls.KeySchedule;

/// <summary>
/// The TLS 1.2 PRF, PRF(secret, label, seed) = P_hash(secret, label + seed) (RFC 5246 §5), with the suite's PRF hash
/// (SHA-256, or SHA-384 for *_SHA384 suites), and what TLS 1.2 derives with it: the master secret (RFC 5246 §8.1),
/// the extended master secret (RFC 7627 §4), the key block (§6.3), Finished (§7.4.9) and exporters (RFC 5705).
/// </summary>
internal static class Tls12Prf
{
    /// <summary>The length of every TLS 1.2 master secret.</summary>
    public const int MasterSecretLength = 48;

    /// <summary>The length of TLS 1.2 verify_data for every suite ManagedTls implements.</summary>
    public const int VerifyDataLength = 12;

    /// <summary>The length of each hello random.</summary>
    public const int RandomLength = 32;

    // RFC 5705 §4 / OpenSSL tls1_export_keying_material: labels that would collide with the PRF's own uses.
    private static readonly string[] s_reservedExporterLabels =
        ["client finished", "server finished", "master secret", "extended master secret", "key expansion"];

    /// <summary>PRF(secret, label, seed) into <paramref name="output"/> (RFC 5246 §5).</summary>
    /// <param name="provider">The primitive provider.</param>
    /// <param name="hash">The PRF hash.</param>
    /// <param name="secret">The secret.</param>
    /// <param name="label">The ASCII label.</param>
    /// <param name="seed">The seed.</param>
    /// <param name="output">Receives as many bytes as it is long.</param>
    public static void Derive(ICryptoProvider provider, HashAlgorithmId hash, ReadOnlySpan<byte> secret, string label, ReadOnlySpan<byte> seed, Span<byte> output)
    {
        ArgumentNullException.ThrowIfNull(label);
        int labelLength = Encoding.ASCII.GetByteCount(label);
        byte[]? rented = null;
        int total = labelLength + seed.Length;
        Span<byte> labelSeed = total <= 256 ? stackalloc byte[256] : (rented = ArrayPool<byte>.Shared.Rent(total));
        Encoding.ASCII.GetBytes(label, labelSeed);
        seed.CopyTo(labelSeed[labelLength..]);
        try
        {
            PHash(provider, hash, secret, labelSeed[..total], output);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented, clearArray: true);
            }
        }
    }

    /// <summary>master_secret = PRF(pre_master_secret, "master secret", ClientHello.random + ServerHello.random)[0..47] (RFC 5246 §8.1).</summary>
    /// <param name="provider">The primitive provider.</param>
    /// <param name="hash">The PRF hash.</param>
    /// <param name="preMasterSecret">The premaster secret.</param>
    /// <param name="clientRandom">ClientHello.random.</param>
    /// <param name="serverRandom">ServerHello.random.</param>
    /// <returns>48 bytes.</returns>
    public static byte[] MasterSecret(ICryptoProvider provider, HashAlgorithmId hash, ReadOnlySpan<byte> preMasterSecret, ReadOnlySpan<byte> clientRandom, ReadOnlySpan<byte> serverRandom)
    {
        Span<byte> seed = stackalloc byte[2 * RandomLength];
        Concat(clientRandom, serverRandom, seed);
        byte[] master = new byte[MasterSecretLength];
        Derive(provider, hash, preMasterSecret, "master secret", seed, master);
        return master;
    }

    /// <summary>master_secret = PRF(pre_master_secret, "extended master secret", session_hash)[0..47] (RFC 7627 §4).</summary>
    /// <param name="provider">The primitive provider.</param>
    /// <param name="hash">The PRF hash.</param>
    /// <param name="preMasterSecret">The premaster secret.</param>
    /// <param name="sessionHash">The hash of the handshake messages through ClientKeyExchange (RFC 7627 §3).</param>
    /// <returns>48 bytes.</returns>
    public static byte[] ExtendedMasterSecret(ICryptoProvider provider, HashAlgorithmId hash, ReadOnlySpan<byte> preMasterSecret, ReadOnlySpan<byte> sessionHash)
    {
        byte[] master = new byte[MasterSecretLength];
        Derive(provider, hash, preMasterSecret, "extended master secret", sessionHash, master);
        return master;
    }

    /// <summary>
    /// key_block = PRF(master_secret, "key expansion", server_random + client_random) (RFC 5246 §6.3); the caller splits
    /// it into client/server MAC keys, write keys and IVs in that order.
    /// </summary>
    /// <param name="provider">The primitive provider.</param>
    /// <param name="hash">The PRF hash.</param>
    /// <param name="masterSecret">The master secret.</param>
    /// <param name="clientRandom">ClientHello.random.</param>
    /// <param name="serverRandom">ServerHello.random.</param>
    /// <param name="output">Receives the key block (2 * (mac key + enc key + fixed IV) bytes).</param>
    public static void KeyBlock(ICryptoProvider provider, HashAlgorithmId hash, ReadOnlySpan<byte> masterSecret, ReadOnlySpan<byte> clientRandom, ReadOnlySpan<byte> serverRandom, Span<byte> output)
    {
        Span<byte> seed = stackalloc byte[2 * RandomLength];
        Concat(serverRandom, clientRandom, seed);
        Derive(provider, hash, masterSecret, "key expansion", seed, output);
    }

    /// <summary>verify_data = PRF(master_secret, finished_label, Hash(handshake_messages))[0..11] (RFC 5246 §7.4.9).</summary>
    /// <param name="provider">The primitive provider.</param>
    /// <param name="hash">The PRF hash.</param>
    /// <param name="masterSecret">The master secret.</param>
    /// <param name="client">True for "client finished", false for "server finished".</param>
    /// <param name="transcriptHash">Hash(handshake_messages) with the PRF hash, up to, not including, this Finished.</param>
    /// <returns>12 bytes.</returns>
    public static byte[] VerifyData(ICryptoProvider provider, HashAlgorithmId hash, ReadOnlySpan<byte> masterSecret, bool client, ReadOnlySpan<byte> transcriptHash)
    {
        byte[] verifyData = new byte[VerifyDataLength];
        Derive(provider, hash, masterSecret, client ? "client finished" : "server finished", transcriptHash, verifyData);
        return verifyData;
    }

    /// <summary>
    /// RFC 5705 exporter: PRF(master_secret, label, client_random + server_random [+ uint16 context length + context]).
    /// With <paramref name="useContext"/> false no context is mixed in, which differs from an empty context (RFC 5705 §4).
    /// </summary>
    /// <param name="provider">The primitive provider.</param>
    /// <param name="hash">The PRF hash.</param>
    /// <param name="masterSecret">The master secret.</param>
    /// <param name="clientRandom">ClientHello.random.</param>
    /// <param name="serverRandom">ServerHello.random.</param>
    /// <param name="label">The exporter label (ASCII).</param>
    /// <param name="context">The context value (ignored when <paramref name="useContext"/> is false).</param>
    /// <param name="useContext">Whether a context is supplied.</param>
    /// <param name="output">Receives the keying material.</param>
    /// <exception cref="TlsException">The label is one the PRF itself uses, or the context is longer than 65535 bytes.</exception>
    public static void Export(ICryptoProvider provider, HashAlgorithmId hash, ReadOnlySpan<byte> masterSecret, ReadOnlySpan<byte> clientRandom, ReadOnlySpan<byte> serverRandom, string label, ReadOnlySpan<byte> context, bool useContext, Span<byte> output)
    {
        ArgumentNullException.ThrowIfNull(label);
        foreach (string reserved in s_reservedExporterLabels)
        {
            if (string.Equals(label, reserved, StringComparison.Ordinal))
            {
                throw new TlsException(TlsError.IllegalParameter, TlsAlertDescription.InternalError, $"RFC 5705 §4: the exporter label \"{label}\" is reserved by the TLS PRF.");
            }
        }

        if (useContext && context.Length > ushort.MaxValue)
        {
            throw new TlsException(TlsError.IllegalParameter, TlsAlertDescription.InternalError, "RFC 5705 §4: the exporter context is at most 65535 bytes.");
        }

        int seedLength = 2 * RandomLength + (useContext ? 2 + context.Length : 0);
        byte[] seed = ArrayPool<byte>.Shared.Rent(seedLength);
        try
        {
            Concat(clientRandom, serverRandom, seed);
            if (useContext)
            {
                seed[2 * RandomLength] = (byte)(context.Length >> 8);
                seed[2 * RandomLength + 1] = (byte)context.Length;
                context.CopyTo(seed.AsSpan(2 * RandomLength + 2));
            }

            Derive(provider, hash, masterSecret, label, seed.AsSpan(0, seedLength), output);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(seed, clearArray: true);
        }
    }

    /// <summary>RFC 5705 exporter with OpenSSL's convention: a null <paramref name="context"/> means no context.</summary>
    /// <param name="provider">The primitive provider.</param>
    /// <param name="hash">The PRF hash.</param>
    /// <param name="masterSecret">The master secret.</param>
    /// <param name="clientRandom">ClientHello.random.</param>
    /// <param name="serverRandom">ServerHello.random.</param>
    /// <param name="label">The exporter label (ASCII).</param>
    /// <param name="context">The context value, or null for none.</param>
    /// <param name="output">Receives the keying material.</param>
    /// <exception cref="TlsException">The label is reserved, or the context is longer than 65535 bytes.</exception>
    public static void Export(ICryptoProvider provider, HashAlgorithmId hash, ReadOnlySpan<byte> masterSecret, ReadOnlySpan<byte> clientRandom, ReadOnlySpan<byte> serverRandom, string label, byte[]? context, Span<byte> output)
        => Export(provider, hash, masterSecret, clientRandom, serverRandom, label, context, context is not null, output);

    /// <summary>
    /// P_hash(secret, seed) = HMAC(secret, A(1) + seed) + HMAC(secret, A(2) + seed) + ..., A(0) = seed,
    /// A(i) = HMAC(secret, A(i-1)) (RFC 5246 §5).
    /// </summary>
    private static void PHash(ICryptoProvider provider, HashAlgorithmId hash, ReadOnlySpan<byte> secret, ReadOnlySpan<byte> seed, Span<byte> output)
    {
        int size = HashAlgorithms.HashSize(hash);
        Span<byte> a = stackalloc byte[HashAlgorithms.MaxHashSize];
        Span<byte> block = stackalloc byte[HashAlgorithms.MaxHashSize];
        using IHmac hmac = provider.CreateHmac(hash, secret);
        hmac.Append(seed);
        hmac.GetHashAndReset(a); // A(1)
        int written = 0;
        while (written < output.Length)
        {
            hmac.Append(a[..size]);
            hmac.Append(seed);
            hmac.GetHashAndReset(block);
            int take = Math.Min(size, output.Length - written);
            block[..take].CopyTo(output[written..]);
            written += take;
            if (written < output.Length)
            {
                hmac.Append(a[..size]);
                hmac.GetHashAndReset(a); // A(i+1)
            }
        }

        SecretMemory.Zero(a);
        SecretMemory.Zero(block);
    }

    private static void Concat(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second, Span<byte> destination)
    {
        if (first.Length != RandomLength || second.Length != RandomLength)
        {
            throw new ArgumentException($"Hello randoms are {RandomLength} bytes.");
        }

        first.CopyTo(destination);
        second.CopyTo(destination[RandomLength..]);
    }
}
