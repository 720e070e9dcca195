namespace ManagedTls.Random;

/// <summary>
/// Fills <paramref name="destination"/> with full-entropy bytes. Production code uses <see cref="OsEntropy.Fill"/>;
/// tests pass a recorded stream to replay known-answer vectors byte for byte.
/// </summary>
/// <param name="destination">The bytes to fill, entirely.</param>
public delegate void EntropySource(Span<byte> destination);
