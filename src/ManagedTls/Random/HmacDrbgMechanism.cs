using ManagedTls.Crypto;

namespace ManagedTls.Random;

/// <summary>
/// The bare HMAC_DRBG mechanism of NIST SP 800-90A Rev. 1 §10.1.2: Update, Instantiate, Reseed and Generate over
/// (Key, V, reseed_counter). Deterministic, unlocked and with no entropy source of its own — <see cref="HmacDrbg"/>
/// wraps it with seeding, fork detection and locking. Tests drive it directly with CAVP vectors.
/// </summary>
internal sealed class HmacDrbgMechanism : IDisposable
{
    /// <summary>SP 800-90A Table 2: at most 2^19 bits per Generate request.</summary>
    public const int MaxBytesPerRequest = 1 << 16;

    /// <summary>SP 800-90A Table 2: reseed_interval is at most 2^48 requests.</summary>
    public const long MaxReseedInterval = 1L << 48;

    private readonly ICryptoProvider _provider;
    private readonly HashAlgorithmId _algorithm;
    private readonly byte[] _key;
    private readonly byte[] _v;

    /// <summary>Creates an uninstantiated mechanism.</summary>
    /// <param name="provider">Supplies HMAC.</param>
    /// <param name="algorithm">The HMAC digest (SHA-256, SHA-384 or SHA-512).</param>
    public HmacDrbgMechanism(ICryptoProvider provider, HashAlgorithmId algorithm)
    {
        _provider = provider;
        _algorithm = algorithm;
        using IHmac probe = provider.CreateHmac(algorithm, []);
        OutputLength = probe.HashSize;
        _key = new byte[OutputLength];
        _v = new byte[OutputLength];
    }

    /// <summary>outlen in bytes (32 for SHA-256, 64 for SHA-512).</summary>
    public int OutputLength { get; }

    /// <summary>True between <see cref="Instantiate"/> and <see cref="Uninstantiate"/>.</summary>
    public bool IsInstantiated { get; private set; }

    /// <summary>reseed_counter: Generate requests since the last (re)seed, plus one.</summary>
    public long ReseedCounter { get; private set; }

    /// <summary>The working state V (tests compare it with CAVP intermediate values).</summary>
    internal ReadOnlySpan<byte> V => _v;

    /// <summary>The working state Key (tests compare it with CAVP intermediate values).</summary>
    internal ReadOnlySpan<byte> Key => _key;

    /// <summary>HMAC_DRBG_Instantiate_algorithm (§10.1.2.3).</summary>
    /// <param name="entropy">entropy_input.</param>
    /// <param name="nonce">nonce.</param>
    /// <param name="personalization">personalization_string (may be empty).</param>
    public void Instantiate(ReadOnlySpan<byte> entropy, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> personalization)
    {
        _key.AsSpan().Clear();          // Key = 0x00 00...00
        _v.AsSpan().Fill(0x01);         // V = 0x01 01...01
        Update(entropy, nonce, personalization);
        ReseedCounter = 1;
        IsInstantiated = true;
    }

    /// <summary>HMAC_DRBG_Reseed_algorithm (§10.1.2.4).</summary>
    /// <param name="entropy">entropy_input.</param>
    /// <param name="additionalInput">additional_input (may be empty).</param>
    public void Reseed(ReadOnlySpan<byte> entropy, ReadOnlySpan<byte> additionalInput)
    {
        Update(entropy, additionalInput, []);
        ReseedCounter = 1;
    }

    /// <summary>HMAC_DRBG_Generate_algorithm (§10.1.2.5).</summary>
    /// <param name="output">Where the returned bits go; at most <see cref="MaxBytesPerRequest"/> bytes.</param>
    /// <param name="additionalInput">additional_input (may be empty).</param>
    /// <param name="reseedInterval">reseed_interval: when exceeded the request is refused.</param>
    /// <returns>False ("reseed required") without touching the state when the counter exceeds the interval.</returns>
    public bool Generate(Span<byte> output, ReadOnlySpan<byte> additionalInput, long reseedInterval)
    {
        if (output.Length > MaxBytesPerRequest)
        {
            throw new ArgumentOutOfRangeException(nameof(output), "An HMAC_DRBG request is limited to 2^19 bits (SP 800-90A Table 2).");
        }

        if (ReseedCounter > reseedInterval)
        {
            return false; // step 1: reseed required
        }

        if (!additionalInput.IsEmpty)
        {
            Update(additionalInput, [], []); // step 2
        }

        Span<byte> block = stackalloc byte[OutputLength];
        int done = 0;
        while (done < output.Length) // step 3-4: V = HMAC(Key, V); temp = temp || V
        {
            Mac(_key, _v, [], [], [], block);
            block.CopyTo(_v);
            int n = Math.Min(block.Length, output.Length - done);
            block[..n].CopyTo(output[done..]);
            done += n;
        }

        block.Clear();
        Update(additionalInput, [], []); // step 6
        ReseedCounter++;                 // step 7
        return true;
    }

    /// <summary>Zeroes Key and V and marks the state uninstantiated (§9.4 Uninstantiate).</summary>
    public void Uninstantiate()
    {
        _key.AsSpan().Clear();
        _v.AsSpan().Clear();
        ReseedCounter = 0;
        IsInstantiated = false;
    }

    /// <summary>Same as <see cref="Uninstantiate"/>.</summary>
    public void Dispose() => Uninstantiate();

    // HMAC_DRBG_Update (§10.1.2.2); provided_data is the concatenation a || b || c, passed in pieces to avoid copies.
    private void Update(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, ReadOnlySpan<byte> c)
    {
        bool provided = !(a.IsEmpty && b.IsEmpty && c.IsEmpty);
        Span<byte> next = stackalloc byte[OutputLength];
        ReadOnlySpan<byte> zero = [0x00];
        ReadOnlySpan<byte> one = [0x01];

        MacWithSeparator(_key, _v, zero, a, b, c, next); // K = HMAC(K, V || 0x00 || provided_data)
        next.CopyTo(_key);
        Mac(_key, _v, [], [], [], next);                  // V = HMAC(K, V)
        next.CopyTo(_v);
        if (provided)
        {
            MacWithSeparator(_key, _v, one, a, b, c, next); // K = HMAC(K, V || 0x01 || provided_data)
            next.CopyTo(_key);
            Mac(_key, _v, [], [], [], next);                 // V = HMAC(K, V)
            next.CopyTo(_v);
        }

        next.Clear();
    }

    private void MacWithSeparator(ReadOnlySpan<byte> key, ReadOnlySpan<byte> v, ReadOnlySpan<byte> separator, ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, ReadOnlySpan<byte> c, Span<byte> destination)
    {
        using IHmac hmac = _provider.CreateHmac(_algorithm, key);
        hmac.Append(v);
        hmac.Append(separator);
        hmac.Append(a);
        hmac.Append(b);
        hmac.Append(c);
        hmac.GetHashAndReset(destination);
    }

    private void Mac(ReadOnlySpan<byte> key, ReadOnlySpan<byte> v, ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, ReadOnlySpan<byte> c, Span<byte> destination)
        => MacWithSeparator(key, v, [], a, b, c, destination);
}
