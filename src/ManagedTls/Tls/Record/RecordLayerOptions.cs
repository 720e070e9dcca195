namespace ManagedTls.Tls.Record;

/// <summary>Limits of one <see cref="RecordLayer"/> (and of the <see cref="HandshakeJoiner"/> the engine pairs with it).</summary>
internal sealed class RecordLayerOptions
{
    /// <summary>The largest handshake message accepted, header excluded (illegal_parameter beyond it); 128 KiB by default.</summary>
    public int MaxHandshakeMessageSize { get; init; } = 131072;

    /// <summary>
    /// How many received bytes <see cref="RecordLayer.Feed"/> buffers before it stops accepting input; at least one
    /// maximal record (<see cref="RecordLayer.MaxRecordLength"/>). 64 KiB by default.
    /// </summary>
    public int MaxBufferedInput { get; init; } = 65536;

    /// <summary>
    /// Overrides the AEAD confidentiality limit (RFC 8446 §5.5) after which <see cref="RecordLayer.WriteKeyLimitReached"/>
    /// and <see cref="RecordLayer.ReadKeyLimitReached"/> turn true; null keeps each AEAD's own limit. A test hook.
    /// </summary>
    public ulong? KeyUsageLimit { get; init; }

    /// <summary>How many empty records in a row are tolerated before unexpected_message (OpenSSL allows 32).</summary>
    public int MaxConsecutiveEmptyRecords { get; init; } = 32;

    /// <summary>The largest content per record written (2^14, or less after RFC 8449 record_size_limit).</summary>
    public int MaxFragmentLength { get; init; } = RecordLayer.MaxPlaintextLength;
}
