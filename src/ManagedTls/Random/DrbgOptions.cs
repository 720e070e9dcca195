using ManagedTls.Crypto;

namespace ManagedTls.Random;

/// <summary>Settings for an <see cref="HmacDrbg"/>. The defaults suit a library-wide generator.</summary>
public sealed class DrbgOptions
{
    /// <summary>
    /// The HMAC digest: <see cref="HashAlgorithmId.Sha256"/> (default), <see cref="HashAlgorithmId.Sha384"/> or
    /// <see cref="HashAlgorithmId.Sha512"/>. All three give the 256-bit security strength the DRBG is seeded for.
    /// </summary>
    public HashAlgorithmId HashAlgorithm { get; init; } = HashAlgorithmId.Sha256;

    /// <summary>
    /// Generate requests allowed between reseeds (SP 800-90A reseed_interval; 1 to 2^48). The default, 1024, is
    /// far below the standard's limit, as OpenSSL 3's primary DRBG (256) is.
    /// </summary>
    public long ReseedInterval { get; init; } = 1024;

    /// <summary>
    /// Longest time between reseeds from the OS; <see cref="TimeSpan.Zero"/> disables the time check. Default one
    /// hour (OpenSSL 3's primary DRBG uses the same).
    /// </summary>
    public TimeSpan ReseedTimeInterval { get; init; } = TimeSpan.FromHours(1);

    /// <summary>
    /// When true every request reseeds from the OS first (SP 800-90A prediction resistance): a compromise of the
    /// state reveals nothing about later output. Costs one OS call per request. Default false.
    /// </summary>
    public bool PredictionResistance { get; init; }

    /// <summary>The personalization string mixed in at instantiation (optional; never secret).</summary>
    public byte[]? PersonalizationString { get; init; }

    /// <summary>Where entropy and nonces come from; null means <see cref="OsEntropy.Fill"/>. Tests inject recorded bytes.</summary>
    public EntropySource? EntropySource { get; init; }

    /// <summary>The clock for <see cref="ReseedTimeInterval"/>; null means <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider? TimeProvider { get; init; }

    /// <summary>
    /// Returns the current process id; null means the real <c>getpid()</c>. Internal so that only tests can
    /// simulate a fork; production code has no reason to replace it.
    /// </summary>
    internal Func<int>? ProcessIdProvider { get; init; }
}
