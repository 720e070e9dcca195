namespace ManagedTls.Pem;

/// <summary>
/// Enumerates the PEM blocks of a buffer one at a time, decoding each as it is reached; returned by
/// <see cref="PemReader.Enumerate(ReadOnlySpan{byte}, PemReaderOptions?)"/> for use with <c>foreach</c>.
/// </summary>
/// <remarks>The limits of <see cref="PemReaderOptions"/> apply to the whole enumeration.</remarks>
public ref struct PemBlockEnumerator
{
    private readonly ReadOnlySpan<byte> _data;
    private readonly PemReaderOptions _options;
    private PemCursor _cursor;
    private PemBlock? _current;

    internal PemBlockEnumerator(ReadOnlySpan<byte> data, PemReaderOptions options, int start)
    {
        _data = data;
        _options = options;
        _cursor = new PemCursor(start);
        _current = null;
    }

    /// <summary>Gets the block the enumerator is on.</summary>
    /// <exception cref="InvalidOperationException"><see cref="MoveNext"/> has not returned true.</exception>
    public readonly PemBlock Current => _current ?? throw new InvalidOperationException("MoveNext has not returned true.");

    /// <summary>Parses the next block.</summary>
    /// <returns>True when a block was read; false at the end of the input.</returns>
    /// <exception cref="PemException">The next block is malformed or over a limit.</exception>
    public bool MoveNext()
    {
        bool found = PemParser.TryReadNext(_data, ref _cursor, _options, default, out _current);
        return found && _current is not null;
    }

    /// <summary>Returns this enumerator, so that it can be used in <c>foreach</c>.</summary>
    /// <returns>This enumerator.</returns>
    public readonly PemBlockEnumerator GetEnumerator() => this;
}
