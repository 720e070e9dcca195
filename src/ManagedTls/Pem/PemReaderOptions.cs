namespace ManagedTls.Pem;

/// <summary>
/// How <see cref="PemReader"/> parses: lax (what OpenSSL's <c>PEM_read_bio</c> accepts) or RFC 7468 strict, and
/// the limits that keep a hostile input from making the reader allocate without bound.
/// </summary>
public sealed class PemReaderOptions
{
    /// <summary>The defaults: lax parsing, 16 MiB per block, 256 MiB in all, 100 000 blocks, 64 headers in 64 KiB.</summary>
    public static PemReaderOptions Default { get; } = new();

    /// <summary>RFC 7468 §3 strict parsing with the default limits.</summary>
    public static PemReaderOptions StrictDefault { get; } = new() { Strict = true };

    /// <summary>
    /// Gets a value indicating whether to apply RFC 7468 §3 "strict" rules: base64 in 64-column lines with only the
    /// last one shorter, no whitespace inside the text, no headers, canonical padding bits, labels per the ABNF.
    /// When false (the default) the reader is as lenient as OpenSSL: any line length, whitespace anywhere in the
    /// base64, blank lines, trailing whitespace, RFC 1421 headers, a leading UTF-8 byte order mark.
    /// </summary>
    public bool Strict { get; init; }

    /// <summary>Gets the largest decoded size of one block, in bytes.</summary>
    public int MaxBlockDataLength { get; init; } = 16 * 1024 * 1024;

    /// <summary>Gets the largest decoded size of all blocks returned by one call (or one enumeration), in bytes; blocks skipped by label are not decoded and do not count.</summary>
    public long MaxTotalDataLength { get; init; } = 256L * 1024 * 1024;

    /// <summary>Gets the most blocks one call (or one enumeration) will parse, counting skipped ones.</summary>
    public int MaxBlocks { get; init; } = 100_000;

    /// <summary>Gets the most RFC 1421 headers one block may carry.</summary>
    public int MaxHeaderCount { get; init; } = 64;

    /// <summary>Gets the largest size of one block's header section, in bytes.</summary>
    public int MaxHeaderLength { get; init; } = 64 * 1024;
}
