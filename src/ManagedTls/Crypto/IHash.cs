namespace ManagedTls.Crypto;

/// <summary>An incremental message digest. Not thread-safe; dispose to release pooled state.</summary>
public interface IHash : IDisposable
{
    /// <summary>The algorithm.</summary>
    HashAlgorithmId Algorithm { get; }

    /// <summary>The digest length in bytes.</summary>
    int HashSize { get; }

    /// <summary>Absorbs <paramref name="data"/>.</summary>
    /// <param name="data">Bytes to hash.</param>
    void Append(ReadOnlySpan<byte> data);

    /// <summary>Writes the digest of everything appended so far and resets to the empty state.</summary>
    /// <param name="destination">At least <see cref="HashSize"/> bytes.</param>
    /// <returns>The number of bytes written (<see cref="HashSize"/>).</returns>
    int GetHashAndReset(Span<byte> destination);

    /// <summary>Writes the digest of everything appended so far without disturbing the running state (transcript hashes).</summary>
    /// <param name="destination">At least <see cref="HashSize"/> bytes.</param>
    /// <returns>The number of bytes written.</returns>
    int GetCurrentHash(Span<byte> destination);

    /// <summary>Returns an independent copy of the running state.</summary>
    /// <returns>The copy; the caller disposes it.</returns>
    IHash Clone();
}
