namespace ManagedTls.Benchmarks.Tls;

/// <summary>
/// An in-memory, unbounded, one-direction byte pipe: writes never block, reads wait (synchronously or
/// asynchronously) until bytes arrive or the writer completes. Two of them make a duplex stream pair.
/// </summary>
internal sealed class MemoryPipe
{
    private readonly object _gate = new();
    private readonly SemaphoreSlim _signal = new(0);
    private byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _count;
    private bool _completed;

    public void Write(ReadOnlySpan<byte> data)
    {
        lock (_gate)
        {
            if (_start + _count + data.Length > _buffer.Length)
            {
                if (_count + data.Length > _buffer.Length)
                {
                    Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _count + data.Length));
                }

                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _count);
                _start = 0;
            }

            data.CopyTo(_buffer.AsSpan(_start + _count));
            _count += data.Length;
        }

        _signal.Release();
    }

    public void Complete()
    {
        lock (_gate)
        {
            _completed = true;
        }

        _signal.Release();
    }

    public int Read(Span<byte> destination)
    {
        while (true)
        {
            if (TryRead(destination, out int n))
            {
                return n;
            }

            _signal.Wait();
        }
    }

    public async ValueTask<int> ReadAsync(Memory<byte> destination, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (TryRead(destination.Span, out int n))
            {
                return n;
            }

            await _signal.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Everything buffered, for the sans-I/O pumps (no waiting).</summary>
    public int ReadAvailable(Span<byte> destination)
    {
        TryRead(destination, out int n);
        return n;
    }

    private bool TryRead(Span<byte> destination, out int read)
    {
        lock (_gate)
        {
            if (_count > 0)
            {
                read = Math.Min(_count, destination.Length);
                _buffer.AsSpan(_start, read).CopyTo(destination);
                _start += read;
                _count -= read;
                if (_count == 0)
                {
                    _start = 0;
                }

                return true;
            }

            read = 0;
            return _completed;
        }
    }
}

/// <summary>One end of an in-memory connection: reads from one pipe, writes to the other.</summary>
internal sealed class MemoryDuplexStream(MemoryPipe input, MemoryPipe output) : Stream
{
    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    /// <summary>A connected pair: what one writes the other reads.</summary>
    public static (MemoryDuplexStream Client, MemoryDuplexStream Server) CreatePair()
    {
        var toServer = new MemoryPipe();
        var toClient = new MemoryPipe();
        return (new MemoryDuplexStream(toClient, toServer), new MemoryDuplexStream(toServer, toClient));
    }

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override int Read(byte[] buffer, int offset, int count) => input.Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer) => input.Read(buffer);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => input.ReadAsync(buffer, cancellationToken);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        input.ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) => output.Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer) => output.Write(buffer);

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        output.Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        output.Write(buffer.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            output.Complete();
        }

        base.Dispose(disposing);
    }
}
