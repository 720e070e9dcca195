using System.Buffers.Binary;
using ManagedTls.Crypto;

namespace ManagedTls.Random;

/// <summary>
/// A NIST SP 800-90A HMAC_DRBG seeded from the operating system, safe to share between threads and across
/// <c>fork(2)</c>: the "builtin random" engine of <see cref="SecureRandomSource"/>.
/// </summary>
/// <remarks>
/// <para>
/// The state is instantiated on first use with 256 bits of entropy and a 128-bit nonce from the
/// <see cref="DrbgOptions.EntropySource"/> (the OS by default), and reseeded with fresh entropy:
/// </para>
/// <list type="bullet">
/// <item>when the real process id (<c>getpid()</c>, asked of the kernel on every request — never the cached
/// <see cref="Environment.ProcessId"/>) differs from the one that seeded it, i.e. in a forked child, so parent
/// and child never return the same bytes;</item>
/// <item>after <see cref="DrbgOptions.ReseedInterval"/> requests or <see cref="DrbgOptions.ReseedTimeInterval"/>;</item>
/// <item>before every request when <see cref="DrbgOptions.PredictionResistance"/> is set;</item>
/// <item>on <see cref="AddInput"/> (the caller's bytes become the reseed's additional input, so they can only add
/// to, never replace, the OS entropy) and on <see cref="Reseed"/>.</item>
/// </list>
/// <para>
/// Limits of fork detection: it catches a process whose id changed. It cannot catch a cloned virtual machine or a
/// restored snapshot (same pid, same state), nor a fork whose child never asks for bytes (nothing to protect).
/// The .NET runtime does not support managed code in a forked child: it works only for a short, already-compiled
/// path on the one surviving thread, and (observed on .NET 10/Linux) only with W^X disabled
/// (<c>DOTNET_EnableWriteXorExecute=0</c>) — with W^X on, the default, the child crashes on its first return to
/// managed code. So the detection is defence in depth for the processes that can fork at all. The OS engine
/// (<see cref="RandomEngine.OsRandom"/>) has none of these limits, which is why it is the default.
/// </para>
/// <para>
/// Key and V are zeroed by <see cref="Cleanup"/> and <see cref="Dispose"/>; the HMAC instances that held them
/// are disposed after every step.
/// </para>
/// </remarks>
public sealed class HmacDrbg : IDisposable
{
    private const int EntropyLength = 32; // security strength 256 bits
    private const int NonceLength = 16;   // half the security strength (SP 800-90A §8.6.7)

    private readonly Lock _lock = new();
    private readonly HmacDrbgMechanism _mechanism;
    private readonly EntropySource _entropy;
    private readonly Func<int> _processId;
    private readonly TimeProvider _time;
    private readonly byte[] _personalization;
    private readonly TimeSpan _reseedTimeInterval;
    private int _seededProcessId;
    private long _seededTimestamp;
    private bool _disposed;

    /// <summary>Creates a DRBG; it seeds itself on first use.</summary>
    /// <param name="provider">Supplies HMAC (the DRBG sits above the crypto seam, never below it).</param>
    /// <param name="options">Settings; null for the defaults (HMAC-SHA-256, OS entropy, real pid).</param>
    /// <exception cref="ArgumentNullException"><paramref name="provider"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The digest is not SHA-256/384/512, or the reseed interval is outside 1..2^48.</exception>
    public HmacDrbg(ICryptoProvider provider, DrbgOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(provider);
        options ??= new DrbgOptions();
        if (options.HashAlgorithm is not (HashAlgorithmId.Sha256 or HashAlgorithmId.Sha384 or HashAlgorithmId.Sha512))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.HashAlgorithm, "HMAC_DRBG here supports SHA-256, SHA-384 and SHA-512.");
        }

        if (options.ReseedInterval is < 1 or > HmacDrbgMechanism.MaxReseedInterval)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.ReseedInterval, "The reseed interval must be between 1 and 2^48 requests (SP 800-90A Table 2).");
        }

        _mechanism = new HmacDrbgMechanism(provider, options.HashAlgorithm);
        _entropy = options.EntropySource ?? OsEntropy.Fill;
        _processId = options.ProcessIdProvider ?? ProcessIdentity.GetCurrentProcessId;
        _time = options.TimeProvider ?? TimeProvider.System;
        _personalization = options.PersonalizationString is null ? [] : (byte[])options.PersonalizationString.Clone();
        _reseedTimeInterval = options.ReseedTimeInterval;
        Algorithm = options.HashAlgorithm;
        ReseedInterval = options.ReseedInterval;
        PredictionResistance = options.PredictionResistance;
    }

    /// <summary>The HMAC digest.</summary>
    public HashAlgorithmId Algorithm { get; }

    /// <summary>Requests allowed between reseeds.</summary>
    public long ReseedInterval { get; }

    /// <summary>True when every request reseeds first.</summary>
    public bool PredictionResistance { get; }

    /// <summary>True once seeded and until <see cref="Cleanup"/> or <see cref="Dispose"/>.</summary>
    public bool IsInstantiated
    {
        get
        {
            lock (_lock)
            {
                return _mechanism.IsInstantiated;
            }
        }
    }

    /// <summary>How many reseeds (for any reason) this instance has done: a diagnostic, and what tests observe.</summary>
    public long ReseedCount { get; private set; }

    /// <summary>How many of those reseeds were caused by a process id change (a fork).</summary>
    public long ForkReseedCount { get; private set; }

    /// <summary>Fills <paramref name="destination"/> with random bytes.</summary>
    /// <param name="destination">The bytes to fill; any length.</param>
    /// <exception cref="ObjectDisposedException">The instance was disposed.</exception>
    /// <exception cref="IOException">The entropy source failed while (re)seeding.</exception>
    public void Fill(Span<byte> destination) => Fill(destination, []);

    /// <summary>Fills <paramref name="destination"/>, mixing <paramref name="additionalInput"/> into the request (SP 800-90A additional_input).</summary>
    /// <param name="destination">The bytes to fill; any length (split into 2^16-byte requests internally).</param>
    /// <param name="additionalInput">Optional extra input for this request; need not be secret or random.</param>
    /// <exception cref="ObjectDisposedException">The instance was disposed.</exception>
    /// <exception cref="IOException">The entropy source failed while (re)seeding.</exception>
    public void Fill(Span<byte> destination, ReadOnlySpan<byte> additionalInput)
    {
        if (!TryFill(destination, additionalInput))
        {
            throw new ObjectDisposedException(nameof(HmacDrbg));
        }
    }

    /// <summary>Returns <paramref name="count"/> random bytes.</summary>
    /// <param name="count">How many; must not be negative.</param>
    /// <returns>A fresh array.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    /// <exception cref="ObjectDisposedException">The instance was disposed.</exception>
    public byte[] GetBytes(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        byte[] result = new byte[count];
        Fill(result);
        return result;
    }

    /// <summary>
    /// Mixes <paramref name="input"/> into the state: a reseed with fresh entropy and <paramref name="input"/> as
    /// additional input (what <c>RAND_add</c>/<c>RAND_seed</c> map to). The input cannot weaken the state.
    /// </summary>
    /// <param name="input">Bytes of any quality.</param>
    /// <exception cref="ObjectDisposedException">The instance was disposed.</exception>
    public void AddInput(ReadOnlySpan<byte> input)
    {
        if (!TryAddInput(input))
        {
            throw new ObjectDisposedException(nameof(HmacDrbg));
        }
    }

    /// <summary>Reseeds now from the entropy source.</summary>
    /// <param name="additionalInput">Optional additional input for the reseed.</param>
    /// <exception cref="ObjectDisposedException">The instance was disposed.</exception>
    public void Reseed(ReadOnlySpan<byte> additionalInput = default) => AddInput(additionalInput);

    /// <summary>
    /// Zeroes Key and V and forgets the seed (<c>RAND_cleanup</c>). The instance stays usable: the next request
    /// instantiates afresh from the entropy source.
    /// </summary>
    public void Cleanup()
    {
        lock (_lock)
        {
            _mechanism.Uninstantiate();
        }
    }

    /// <summary>Zeroes the state; later calls throw <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            _mechanism.Dispose();
            _personalization.AsSpan().Clear();
            _disposed = true;
        }
    }

    /// <summary>Fills unless disposed (then returns false): lets <see cref="SecureRandomSource"/> swap engines without a race.</summary>
    internal bool TryFill(Span<byte> destination, ReadOnlySpan<byte> additionalInput)
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return false;
            }

            if (destination.IsEmpty)
            {
                return true;
            }

            EnsureSeededForThisProcessLocked();
            ReadOnlySpan<byte> adin = additionalInput;
            do
            {
                Span<byte> chunk = destination[..Math.Min(destination.Length, HmacDrbgMechanism.MaxBytesPerRequest)];
                if (PredictionResistance || SeedIsTooOld())
                {
                    ReseedLocked(adin); // SP 800-90A §9.3.1 step 7: the additional input goes into the reseed
                    adin = [];
                }

                if (!_mechanism.Generate(chunk, adin, ReseedInterval))
                {
                    ReseedLocked(adin);
                    adin = [];
                    _mechanism.Generate(chunk, adin, ReseedInterval);
                }

                adin = [];
                destination = destination[chunk.Length..];
            }
            while (!destination.IsEmpty);

            return true;
        }
    }

    /// <summary>Mixes input unless disposed (then returns false).</summary>
    internal bool TryAddInput(ReadOnlySpan<byte> input)
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return false;
            }

            EnsureSeededForThisProcessLocked();
            ReseedLocked(input);
            return true;
        }
    }

    // Instantiates on first use; afterwards reseeds once if the real pid changed since the state was seeded.
    private void EnsureSeededForThisProcessLocked()
    {
        if (!_mechanism.IsInstantiated)
        {
            InstantiateLocked();
            return;
        }

        int pid = _processId();
        if (pid != _seededProcessId)
        {
            // A forked child shares the parent's Key and V byte for byte: fresh entropy makes it diverge.
            Span<byte> pidBytes = stackalloc byte[sizeof(int)];
            BinaryPrimitives.WriteInt32LittleEndian(pidBytes, pid);
            ReseedLocked(pidBytes);
            _seededProcessId = pid;
            ForkReseedCount++;
        }
    }

    private bool SeedIsTooOld() => _reseedTimeInterval > TimeSpan.Zero && _time.GetElapsedTime(_seededTimestamp) >= _reseedTimeInterval;

    private void InstantiateLocked()
    {
        Span<byte> entropy = stackalloc byte[EntropyLength];
        Span<byte> nonce = stackalloc byte[NonceLength];
        try
        {
            _entropy(entropy);
            _entropy(nonce);
            _mechanism.Instantiate(entropy, nonce, _personalization);
        }
        finally
        {
            entropy.Clear();
            nonce.Clear();
        }

        _seededProcessId = _processId();
        _seededTimestamp = _time.GetTimestamp();
    }

    private void ReseedLocked(ReadOnlySpan<byte> additionalInput)
    {
        Span<byte> entropy = stackalloc byte[EntropyLength];
        try
        {
            _entropy(entropy);
            _mechanism.Reseed(entropy, additionalInput);
        }
        finally
        {
            entropy.Clear();
        }

        _seededTimestamp = _time.GetTimestamp();
        ReseedCount++;
    }
}
