namespace ManagedTls.OpenSsl;

/// <summary>A growable FIFO of bytes: one direction of a memory BIO.</summary>
internal sealed class ByteQueue
{
    private byte[] _buffer = new byte[4096];
    private int _start;
    private int _end;

    /// <summary>The number of bytes queued.</summary>
    public int Count => _end - _start;

    /// <summary>The queued bytes, oldest first; valid until the queue changes.</summary>
    public ReadOnlySpan<byte> Span => _buffer.AsSpan(_start, _end - _start);

    /// <summary>Appends bytes.</summary>
    /// <param name="data">The bytes.</param>
    public void Enqueue(ReadOnlySpan<byte> data)
    {
        data.CopyTo(GetWriteSpan(data.Length));
        _end += data.Length;
    }

    /// <summary>A span of at least <paramref name="size"/> free bytes at the end; call <see cref="Commit"/> with what was written.</summary>
    /// <param name="size">The space needed.</param>
    /// <returns>The free space.</returns>
    public Span<byte> GetWriteSpan(int size)
    {
        if (_buffer.Length - _end < size)
        {
            int count = Count;
            byte[] target = count + size <= _buffer.Length ? _buffer : new byte[Math.Max(_buffer.Length * 2, count + size)];
            _buffer.AsSpan(_start, count).CopyTo(target);
            _buffer = target;
            _start = 0;
            _end = count;
        }

        return _buffer.AsSpan(_end);
    }

    /// <summary>Marks bytes written into the span from <see cref="GetWriteSpan"/> as queued.</summary>
    /// <param name="count">The number written.</param>
    public void Commit(int count) => _end += count;

    /// <summary>Removes bytes from the front.</summary>
    /// <param name="count">The number to remove.</param>
    public void Consume(int count)
    {
        _start += count;
        if (_start == _end)
        {
            _start = 0;
            _end = 0;
        }
    }

    /// <summary>Removes and returns up to <paramref name="max"/> bytes from the front.</summary>
    /// <param name="max">The most to return.</param>
    /// <returns>The bytes.</returns>
    public byte[] Dequeue(int max)
    {
        int n = Math.Min(max, Count);
        byte[] result = _buffer.AsSpan(_start, n).ToArray();
        Consume(n);
        return result;
    }
}
