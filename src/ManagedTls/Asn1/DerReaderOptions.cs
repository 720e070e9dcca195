namespace ManagedTls.Asn1;

/// <summary>Rules and limits for a <see cref="DerReader"/>. The default value is strict DER with the default limits.</summary>
public readonly record struct DerReaderOptions
{
    /// <summary>Default <see cref="MaxDepth"/>.</summary>
    public const int DefaultMaxDepth = 32;

    /// <summary>The largest <see cref="MaxDepth"/> accepted: BER constructed strings are read recursively, so the
    /// depth bounds stack use too.</summary>
    public const int MaxAllowedDepth = 1024;

    /// <summary>Default <see cref="MaxInputLength"/> (256 MiB; large CRLs are tens of megabytes).</summary>
    public const int DefaultMaxInputLength = 256 * 1024 * 1024;

    private readonly int _maxDepth;
    private readonly int _maxInputLength;
    private readonly bool _skipSetOfSortCheck;

    /// <summary>Creates options for <paramref name="mode"/> with the default limits.</summary>
    /// <param name="mode">DER (strict) or BER.</param>
    public DerReaderOptions(DerMode mode)
    {
        Mode = mode;
    }

    /// <summary>DER (strict, the default) or BER.</summary>
    public DerMode Mode { get; init; }

    /// <summary>Maximum nesting depth of constructed elements (child readers); default 32, at most <see cref="MaxAllowedDepth"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not in [1, <see cref="MaxAllowedDepth"/>].</exception>
    public int MaxDepth
    {
        get => _maxDepth == 0 ? DefaultMaxDepth : _maxDepth;
        init => _maxDepth = value is > 0 and <= MaxAllowedDepth ? value : throw new ArgumentOutOfRangeException(nameof(value), value, $"MaxDepth must be in [1, {MaxAllowedDepth}].");
    }

    /// <summary>Maximum length of the outermost buffer; a longer input is rejected with <see cref="DecodeError.TooLarge"/>.</summary>
    public int MaxInputLength
    {
        get => _maxInputLength == 0 ? DefaultMaxInputLength : _maxInputLength;
        init => _maxInputLength = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    /// <summary>In DER mode, whether <see cref="DerReader.ReadSetOf"/> rejects unsorted elements (default true).</summary>
    public bool CheckSetOfSortOrder
    {
        get => !_skipSetOfSortCheck;
        init => _skipSetOfSortCheck = !value;
    }

    /// <summary>
    /// Accept INTEGER/ENUMERATED contents with redundant leading 0x00/0xFF octets (default false). Neither DER nor
    /// BER allows them and OpenSSL 3 rejects them too; turn this on only for a known-broken producer.
    /// </summary>
    public bool AllowNonMinimalIntegers { get; init; }
}
