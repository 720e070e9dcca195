namespace ManagedTls.Crypto;

/// <summary>An incremental HMAC keyed at creation. Not thread-safe; dispose to zero the key schedule.</summary>
public interface IHmac : IDisposable
{
    /// <summary>The underlying digest.</summary>
    HashAlgorithmId Algorithm { get; }

    /// <summary>The MAC length in bytes.</summary>
    int HashSize { get; }

    /// <summary>Absorbs <paramref name="data"/>.</summary>
    /// <param name="data">Bytes to authenticate.</param>
    void Append(ReadOnlySpan<byte> data);

    /// <summary>Writes the MAC and resets to the keyed empty state.</summary>
    /// <param name="destination">At least <see cref="HashSize"/> bytes.</param>
    /// <returns>The number of bytes written.</returns>
    int GetHashAndReset(Span<byte> destination);
}
