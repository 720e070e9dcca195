using System.Buffers;

namespace ManagedTls.Asn1;

/// <summary>
/// Builds DER into a pooled buffer. Constructed elements are opened with a scope that back-patches the length when
/// disposed: <c>using (w.PushSequence()) { w.WriteInteger(1); }</c>. In DER mode, SET OF contents are sorted when
/// their scope closes (ITU-T X.690 §11.6). Dispose the writer to return its buffer to the pool.
/// </summary>
public sealed partial class DerWriter : IDisposable
{
    private const int InitialCapacity = 1024;

    private readonly DerMode _mode;
    private byte[] _buffer;
    private int _offset;
    private Frame[] _frames;
    private int _frameCount;
    private int _nextScopeId;
    private bool _disposed;

    /// <summary>Creates a writer.</summary>
    /// <param name="mode">DER (default: canonical, SET OF sorted) or BER (definite lengths, SET OF left in written order).</param>
    public DerWriter(DerMode mode = DerMode.Der)
    {
        _mode = mode;
        _buffer = ArrayPool<byte>.Shared.Rent(InitialCapacity);
        _frames = new Frame[8];
    }

    private enum FrameKind : byte
    {
        Constructed,
        SetOf,
        OctetString,
        BitString,
    }

    /// <summary>The rules this writer follows.</summary>
    public DerMode Mode => _mode;

    /// <summary>Number of bytes written so far (scopes still open count their placeholders).</summary>
    public int Length => _offset;

    /// <summary>Opens a SEQUENCE (or an implicitly tagged constructed element); dispose the scope to close it.</summary>
    /// <param name="tag">Implicit tag override; written in constructed form.</param>
    /// <returns>The scope.</returns>
    public Scope PushSequence(Asn1Tag? tag = null) => Push((tag ?? Asn1Tag.Sequence).AsConstructed(), FrameKind.Constructed);

    /// <summary>Opens a SET OF; in DER its elements are sorted when the scope closes.</summary>
    /// <param name="tag">Implicit tag override; written in constructed form.</param>
    /// <returns>The scope.</returns>
    public Scope PushSetOf(Asn1Tag? tag = null) => Push((tag ?? Asn1Tag.SetOf).AsConstructed(), FrameKind.SetOf);

    /// <summary>Opens an <c>[n] EXPLICIT</c> wrapper.</summary>
    /// <param name="contextTag">The context-specific tag number.</param>
    /// <returns>The scope.</returns>
    public Scope PushExplicit(int contextTag) => Push(Asn1Tag.Context(contextTag, true), FrameKind.Constructed);

    /// <summary>Opens a primitive OCTET STRING whose content is the encoding written inside the scope (extension values).</summary>
    /// <param name="tag">Implicit tag override; written in primitive form.</param>
    /// <returns>The scope.</returns>
    public Scope PushOctetString(Asn1Tag? tag = null) => Push((tag ?? Asn1Tag.OctetString).AsPrimitive(), FrameKind.OctetString);

    /// <summary>Opens a primitive BIT STRING with zero unused bits whose content is the encoding written inside the scope (SubjectPublicKey).</summary>
    /// <param name="tag">Implicit tag override; written in primitive form.</param>
    /// <returns>The scope.</returns>
    public Scope PushBitString(Asn1Tag? tag = null) => Push((tag ?? Asn1Tag.BitString).AsPrimitive(), FrameKind.BitString);

    /// <summary>Returns a copy of the encoding.</summary>
    /// <returns>The bytes written.</returns>
    /// <exception cref="InvalidOperationException">A scope is still open.</exception>
    public byte[] ToArray()
    {
        CheckComplete();
        return _buffer.AsSpan(0, _offset).ToArray();
    }

    /// <summary>Copies the encoding into <paramref name="destination"/>.</summary>
    /// <param name="destination">Where to copy.</param>
    /// <param name="written">Bytes copied, or 0 when it does not fit.</param>
    /// <returns>False when <paramref name="destination"/> is too small.</returns>
    /// <exception cref="InvalidOperationException">A scope is still open.</exception>
    public bool TryEncode(Span<byte> destination, out int written)
    {
        CheckComplete();
        if (destination.Length < _offset)
        {
            written = 0;
            return false;
        }

        _buffer.AsSpan(0, _offset).CopyTo(destination);
        written = _offset;
        return true;
    }

    /// <summary>Compares the encoding with <paramref name="other"/> without copying it.</summary>
    /// <param name="other">The bytes to compare with.</param>
    /// <returns>Whether they are identical.</returns>
    /// <exception cref="InvalidOperationException">A scope is still open.</exception>
    public bool EncodedValueEquals(ReadOnlySpan<byte> other)
    {
        CheckComplete();
        return _buffer.AsSpan(0, _offset).SequenceEqual(other);
    }

    /// <summary>Discards (and clears, since it may hold key material) everything written so the writer can be reused.</summary>
    public void Reset()
    {
        // Dispose clears only [0, _offset): bytes left here past a shorter later encoding would go back to the pool.
        _buffer.AsSpan(0, _offset).Clear();
        _offset = 0;
        _frameCount = 0;
    }

    /// <summary>Returns the buffer to the pool (clearing it first, since it may hold key material).</summary>
    public void Dispose()
    {
        byte[] buffer = _buffer;
        if (!_disposed)
        {
            _disposed = true;
            buffer.AsSpan(0, _offset).Clear();
            _buffer = [];
            _offset = 0;
            _frameCount = 0;
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void CheckComplete()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_frameCount != 0)
        {
            throw new InvalidOperationException($"{_frameCount} scope(s) are still open.");
        }
    }

    private Scope Push(Asn1Tag tag, FrameKind kind)
    {
        WriteTag(tag);
        if (_frameCount == _frames.Length)
        {
            Array.Resize(ref _frames, _frames.Length * 2);
        }

        int id = ++_nextScopeId;
        _frames[_frameCount++] = new Frame(_offset, kind, id);
        EnsureCapacity(2);
        _buffer[_offset++] = 0; // length placeholder, widened on close when needed
        if (kind == FrameKind.BitString)
        {
            _buffer[_offset++] = 0; // unused bits
        }

        return new Scope(this, _frameCount, id);
    }

    private void Pop(int depth, int id)
    {
        if (depth > _frameCount || _frames[depth - 1].Id != id)
        {
            return; // already closed (a second Dispose, or a Reset since): disposing twice is a no-op
        }

        if (depth != _frameCount)
        {
            throw new InvalidOperationException("Scopes must be closed in the reverse order of opening.");
        }

        Frame frame = _frames[--_frameCount];
        int contentStart = frame.LengthOffset + 1;
        int contentLength = _offset - contentStart;
        if (frame.Kind == FrameKind.SetOf && _mode == DerMode.Der)
        {
            SortSetOf(contentStart, contentLength);
        }

        int lengthSize = GetLengthSize(contentLength);
        if (lengthSize > 1)
        {
            EnsureCapacity(lengthSize - 1);
            Buffer.BlockCopy(_buffer, contentStart, _buffer, contentStart + lengthSize - 1, contentLength);
            _offset += lengthSize - 1;
        }

        EncodeLength(contentLength, _buffer.AsSpan(frame.LengthOffset, lengthSize));
    }

    private void SortSetOf(int start, int length)
    {
        // Usually already sorted (often a single element): check first, allocate only to reorder.
        var check = new DerReader(_buffer.AsSpan(start, length), DerMode.Ber);
        ReadOnlySpan<byte> previous = default;
        bool sorted = true;
        while (check.HasData)
        {
            ReadOnlySpan<byte> current = check.ReadEncodedValue();
            if (!previous.IsEmpty && DerReader.CompareSetOfElements(previous, current) > 0)
            {
                sorted = false;
                break;
            }

            previous = current;
        }

        if (!sorted)
        {
            Reorder(start, length);
        }
    }

    // Separate method: the sort comparer's closure would otherwise be allocated on every SortSetOf call.
    private void Reorder(int start, int length)
    {
        var ranges = new List<(int Start, int Length)>();
        var reader = new DerReader(_buffer.AsSpan(start, length), DerMode.Ber);
        int pos = 0;
        while (reader.HasData)
        {
            int n = reader.ReadEncodedValue().Length;
            ranges.Add((pos, n));
            pos += n;
        }

        byte[] copy = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            _buffer.AsSpan(start, length).CopyTo(copy);
            ranges.Sort((x, y) => DerReader.CompareSetOfElements(copy.AsSpan(x.Start, x.Length), copy.AsSpan(y.Start, y.Length)));
            int dest = start;
            foreach ((int s, int n) in ranges)
            {
                copy.AsSpan(s, n).CopyTo(_buffer.AsSpan(dest));
                dest += n;
            }
        }
        finally
        {
            copy.AsSpan(0, length).Clear(); // a SET OF can hold secrets too (PKCS#8 attributes); pooled arrays go back clean
            ArrayPool<byte>.Shared.Return(copy);
        }
    }

    private void EnsureCapacity(int extra)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_buffer.Length - _offset >= extra)
        {
            return;
        }

        long wanted = Math.Max((long)_buffer.Length * 2, (long)_offset + extra);
        if (wanted > Array.MaxLength)
        {
            throw new InvalidOperationException("The encoding is too large.");
        }

        byte[] larger = ArrayPool<byte>.Shared.Rent((int)wanted);
        _buffer.AsSpan(0, _offset).CopyTo(larger);
        _buffer.AsSpan(0, _offset).Clear();
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }

    private void WriteTag(Asn1Tag tag)
    {
        int size = tag.CalculateEncodedSize();
        EnsureCapacity(size);
        _offset += tag.Encode(_buffer.AsSpan(_offset));
    }

    private void WriteLength(int length)
    {
        int size = GetLengthSize(length);
        EnsureCapacity(size);
        EncodeLength(length, _buffer.AsSpan(_offset, size));
        _offset += size;
    }

    // Writes tag, length and content in one go.
    private void WriteTagged(Asn1Tag tag, ReadOnlySpan<byte> content)
    {
        if (tag.TagValue < 31 && content.Length < 0x80)
        {
            EnsureCapacity(content.Length + 2);
            _buffer[_offset] = tag.FirstIdentifierOctet;
            _buffer[_offset + 1] = (byte)content.Length;
            content.CopyTo(_buffer.AsSpan(_offset + 2));
            _offset += content.Length + 2;
            return;
        }

        WriteTag(tag);
        WriteLength(content.Length);
        EnsureCapacity(content.Length);
        content.CopyTo(_buffer.AsSpan(_offset));
        _offset += content.Length;
    }

    private static int GetLengthSize(int length) =>
        length < 0x80 ? 1 : length <= 0xFF ? 2 : length <= 0xFFFF ? 3 : length <= 0xFFFFFF ? 4 : 5;

    private static void EncodeLength(int length, Span<byte> destination)
    {
        if (destination.Length == 1)
        {
            destination[0] = (byte)length;
            return;
        }

        destination[0] = (byte)(0x80 | (destination.Length - 1));
        for (int i = destination.Length - 1; i >= 1; i--)
        {
            destination[i] = (byte)length;
            length >>= 8;
        }
    }

    private readonly record struct Frame(int LengthOffset, FrameKind Kind, int Id);

    /// <summary>An open constructed element; disposing it writes the length. Close scopes in reverse order.</summary>
    public readonly struct Scope : IDisposable
    {
        private readonly DerWriter? _writer;
        private readonly int _depth;
        private readonly int _id;

        internal Scope(DerWriter writer, int depth, int id)
        {
            _writer = writer;
            _depth = depth;
            _id = id;
        }

        /// <summary>Closes the element and back-patches its length; a second call does nothing.</summary>
        /// <exception cref="InvalidOperationException">An inner scope is still open.</exception>
        public void Dispose() => _writer?.Pop(_depth, _id);
    }
}
