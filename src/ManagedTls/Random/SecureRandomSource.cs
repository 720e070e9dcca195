using ManagedTls.Crypto;

namespace ManagedTls.Random;

/// <summary>
/// The one source of randomness in ManagedTls. Key generation, TLS randoms, nonces, padding, the BouncyCastle
/// <c>SecureRandom</c> adapter and the facade's <c>Rand</c> all draw from <see cref="Fill"/>; nothing else in the
/// library may produce random bytes.
/// </summary>
/// <remarks>
/// <para>
/// Two engines, as in pyca/cryptography's OpenSSL backend (<c>activate_osrandom_engine</c> /
/// <c>activate_builtin_random</c>):
/// </para>
/// <list type="bullet">
/// <item><see cref="RandomEngine.OsRandom"/> (default): every byte from the kernel through <see cref="OsEntropy"/>
/// (<c>getrandom(2)</c>, <c>/dev/urandom</c>, <c>getentropy(3)</c> or <c>BCryptGenRandom</c>). No user-space state,
/// so nothing to leak, nothing to duplicate on fork. <see cref="AddEntropy"/> is accepted and ignored, as the
/// osrandom engine ignores <c>RAND_add</c>: the kernel pool needs no help.</item>
/// <item><see cref="RandomEngine.BuiltinDrbg"/>: an <see cref="HmacDrbg"/> (NIST SP 800-90A) seeded from the OS
/// and reseeded when the real process id changes; <see cref="AddEntropy"/> mixes into it.</item>
/// </list>
/// <para>All members are thread-safe; switching engines while other threads draw bytes is safe.</para>
/// </remarks>
public static class SecureRandomSource
{
    private static readonly Lock s_switchLock = new();
    private static volatile HmacDrbg? s_drbg;

    /// <summary>The engine in use.</summary>
    public static RandomEngine Engine => s_drbg is null ? RandomEngine.OsRandom : RandomEngine.BuiltinDrbg;

    /// <summary>The DRBG in use, or null in <see cref="RandomEngine.OsRandom"/> mode.</summary>
    internal static HmacDrbg? CurrentDrbg => s_drbg;

    /// <summary>Fills <paramref name="destination"/> with cryptographically secure random bytes.</summary>
    /// <param name="destination">The bytes to fill; an empty span is a no-op.</param>
    /// <exception cref="IOException">The operating system refused to supply entropy.</exception>
    public static void Fill(Span<byte> destination)
    {
        while (true)
        {
            HmacDrbg? drbg = s_drbg;
            if (drbg is null)
            {
                OsEntropy.Fill(destination);
                return;
            }

            if (drbg.TryFill(destination, []))
            {
                return;
            }

            // The engine was switched (and that DRBG disposed) between reading s_drbg and locking it: read again.
        }
    }

    /// <summary>Returns <paramref name="count"/> cryptographically secure random bytes.</summary>
    /// <param name="count">How many; must not be negative.</param>
    /// <returns>A fresh array.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    /// <exception cref="IOException">The operating system refused to supply entropy.</exception>
    public static byte[] GetBytes(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        byte[] result = new byte[count];
        Fill(result);
        return result;
    }

    /// <summary>
    /// Switches to the OS engine (the default; <c>activate_osrandom_engine</c>). The DRBG in use, if any, is
    /// disposed, which zeroes its state.
    /// </summary>
    public static void UseOsRandom() => Swap(null);

    /// <summary>
    /// Switches to a fresh fork-aware HMAC_DRBG (<c>activate_builtin_random</c>). The previous DRBG, if any, is
    /// disposed.
    /// </summary>
    /// <param name="provider">Supplies the DRBG's HMAC.</param>
    /// <param name="options">DRBG settings; null for the defaults (HMAC-SHA-256, OS-seeded, reseed every 1024 requests or hour).</param>
    /// <exception cref="ArgumentNullException"><paramref name="provider"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Unsupported options (see <see cref="HmacDrbg(ICryptoProvider, DrbgOptions)"/>).</exception>
    public static void UseBuiltinDrbg(ICryptoProvider provider, DrbgOptions? options = null) => Swap(new HmacDrbg(provider, options));

    /// <summary>
    /// Mixes caller-supplied bytes into the generator (<c>RAND_add</c>/<c>RAND_seed</c>): a DRBG reseed with the
    /// bytes as additional input in <see cref="RandomEngine.BuiltinDrbg"/> mode; ignored in
    /// <see cref="RandomEngine.OsRandom"/> mode. Never reduces the generator's strength.
    /// </summary>
    /// <param name="input">Bytes of any quality.</param>
    public static void AddEntropy(ReadOnlySpan<byte> input)
    {
        while (true)
        {
            HmacDrbg? drbg = s_drbg;
            if (drbg is null)
            {
                return;
            }

            if (drbg.TryAddInput(input))
            {
                return;
            }

            // Switched concurrently: retry against the new engine.
        }
    }

    /// <summary>
    /// Erases user-space generator state (<c>RAND_cleanup</c>): zeroes the DRBG's Key and V, so the next request
    /// reseeds from the OS. A no-op in <see cref="RandomEngine.OsRandom"/> mode, which holds no state.
    /// </summary>
    public static void Cleanup() => s_drbg?.Cleanup();

    private static void Swap(HmacDrbg? next)
    {
        HmacDrbg? previous;
        lock (s_switchLock)
        {
            previous = s_drbg;
            s_drbg = next;
        }

        previous?.Dispose();
    }
}
