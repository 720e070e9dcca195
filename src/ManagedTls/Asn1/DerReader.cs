using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace ManagedTls.Asn1;

/// <summary>
/// A forward-only reader of DER (or, on request, BER) over a span. Constructed elements are read by asking for a
/// child reader (<see cref="ReadSequence"/>), which advances the parent past the whole element; end a scope with
/// <see cref="ExpectEmpty"/> so trailing bytes are rejected. Span-returning reads never allocate.
/// </summary>
/// <remarks>
/// Every malformed input ends in one <see cref="DecodeException"/> carrying a <see cref="DecodeError"/> and the
/// absolute offset (from the start of the outermost buffer). Nesting is bounded by
/// <see cref="DerReaderOptions.MaxDepth"/>, so a recursive walk over hostile input cannot overflow the stack.
/// </remarks>
public ref partial struct DerReader
{
    private readonly DerReaderOptions _options;
    private readonly int _depth;
    private ReadOnlySpan<byte> _data;
    private int _offset;

    /// <summary>Creates a reader over <paramref name="data"/>.</summary>
    /// <param name="data">The encoded bytes; the reader keeps a view, never a copy.</param>
    /// <param name="mode">DER (strict, default) or BER.</param>
    /// <exception cref="DecodeException"><paramref name="data"/> is longer than the default input limit.</exception>
    public DerReader(ReadOnlySpan<byte> data, DerMode mode = DerMode.Der)
        : this(data, new DerReaderOptions(mode))
    {
    }

    /// <summary>Creates a reader over <paramref name="data"/> with explicit rules and limits.</summary>
    /// <param name="data">The encoded bytes; the reader keeps a view, never a copy.</param>
    /// <param name="options">Mode and limits.</param>
    /// <exception cref="DecodeException"><paramref name="data"/> is longer than <see cref="DerReaderOptions.MaxInputLength"/>.</exception>
    public DerReader(ReadOnlySpan<byte> data, DerReaderOptions options)
    {
        if (data.Length > options.MaxInputLength)
        {
            ThrowInputTooLarge(data.Length, options.MaxInputLength);
        }

        _data = data;
        _offset = 0;
        _options = options;
        _depth = 0;
    }

    private DerReader(ReadOnlySpan<byte> data, int offset, DerReaderOptions options, int depth)
    {
        _data = data;
        _offset = offset;
        _options = options;
        _depth = depth;
    }

    /// <summary>True while unread bytes remain in this reader's scope.</summary>
    public readonly bool HasData => !_data.IsEmpty;

    /// <summary>Absolute offset of the next unread byte from the start of the outermost buffer.</summary>
    public readonly int Offset => _offset;

    /// <summary>Nesting depth: 0 for the outermost reader, one more for each child reader.</summary>
    public readonly int Depth => _depth;

    /// <summary>The rules this reader enforces.</summary>
    public readonly DerMode Mode => _options.Mode;

    /// <summary>The options (mode and limits) this reader and its children use.</summary>
    public readonly DerReaderOptions Options => _options;

    /// <summary>The unread bytes of this reader's scope.</summary>
    public readonly ReadOnlySpan<byte> RemainingBytes => _data;

    /// <summary>Returns the tag of the next element without consuming it.</summary>
    /// <returns>The tag.</returns>
    /// <exception cref="DecodeException">No data remains or the identifier octets are malformed.</exception>
    public readonly Asn1Tag PeekTag() => PeekHeader().Tag;

    /// <summary>Returns the tag of the next element, or false when no data remains.</summary>
    /// <param name="tag">The tag when present.</param>
    /// <returns>Whether an element follows.</returns>
    /// <exception cref="DecodeException">The identifier or length octets are malformed.</exception>
    public readonly bool TryPeekTag(out Asn1Tag tag)
    {
        if (_data.IsEmpty)
        {
            tag = default;
            return false;
        }

        tag = PeekHeader().Tag;
        return true;
    }

    /// <summary>True when an element follows and its tag equals <paramref name="tag"/> (class, number and form).</summary>
    /// <param name="tag">The tag to test for (OPTIONAL and DEFAULT fields).</param>
    /// <returns>Whether the next element has that tag.</returns>
    /// <exception cref="DecodeException">The identifier or length octets are malformed.</exception>
    public readonly bool NextTagIs(Asn1Tag tag) => TryPeekTag(out Asn1Tag next) && next == tag;

    /// <summary>Decodes the identifier and length octets of the next element without consuming it.</summary>
    /// <returns>Tag, absolute offset, header length and content length (-1 when indefinite).</returns>
    /// <exception cref="DecodeException">No data remains, the header is malformed, or (definite length) the content overruns the scope.</exception>
    public readonly Asn1Header PeekHeader() => DecodeHeader(_data, _offset, _options.Mode);

    /// <summary>Reads the whole next element (identifier, length and content octets) of any tag: an ASN.1 ANY.</summary>
    /// <returns>The encoding; for a BER indefinite length, through the end-of-contents octets.</returns>
    /// <exception cref="DecodeException">The element is malformed or truncated.</exception>
    public ReadOnlySpan<byte> ReadEncodedValue() => ReadEncodedValue(out _);

    /// <summary>Reads the whole next element of any tag and reports its header.</summary>
    /// <param name="header">The element's header.</param>
    /// <returns>The encoding; for a BER indefinite length, through the end-of-contents octets.</returns>
    /// <exception cref="DecodeException">The element is malformed or truncated.</exception>
    public ReadOnlySpan<byte> ReadEncodedValue(out Asn1Header header)
    {
        header = DecodeHeader(_data, _offset, _options.Mode);
        CheckNotEndOfContents(header);
        int total = header.IsIndefinite
            ? header.HeaderLength + MeasureIndefinite(header) + 2
            : header.HeaderLength + header.ContentLength;
        ReadOnlySpan<byte> encoded = _data.Slice(0, total);
        Advance(total);
        return encoded;
    }

    /// <summary>Reads the next element of any tag and returns its content octets.</summary>
    /// <param name="header">The element's header.</param>
    /// <returns>The content octets (for a BER indefinite length, up to but excluding the end-of-contents octets).</returns>
    /// <exception cref="DecodeException">The element is malformed or truncated.</exception>
    public ReadOnlySpan<byte> ReadContent(out Asn1Header header)
    {
        header = DecodeHeader(_data, _offset, _options.Mode);
        CheckNotEndOfContents(header);
        return TakeContent(header);
    }

    /// <summary>Reads a constructed element (SEQUENCE by default) and returns a reader over its content.</summary>
    /// <param name="tag">Implicit tag override; any constructed tag is accepted (the walk over an unknown tree uses the peeked tag).</param>
    /// <returns>A child reader whose <see cref="Offset"/> continues the absolute numbering.</returns>
    /// <exception cref="DecodeException">Wrong tag, primitive form, truncation, or the depth limit is reached.</exception>
    public DerReader ReadSequence(Asn1Tag? tag = null)
    {
        Asn1Tag expected = tag ?? Asn1Tag.Sequence;
        Asn1Header header = DecodeHeader(_data, _offset, _options.Mode);
        if (!header.Tag.HasSameClassAndValue(expected) || !header.Tag.IsConstructed)
        {
            ThrowUnexpectedTag(header, expected.AsConstructed());
        }

        return OpenChild(header);
    }

    /// <summary>Reads a SET OF (or SET) and returns a reader over its content; in DER, checks the elements are sorted.</summary>
    /// <param name="tag">Implicit tag override.</param>
    /// <returns>A child reader.</returns>
    /// <exception cref="DecodeException">Wrong tag, truncation, depth, or (DER, unless disabled) <see cref="DecodeError.SetOfNotSorted"/>.</exception>
    public DerReader ReadSetOf(Asn1Tag? tag = null)
    {
        DerReader child = ReadSequence(tag ?? Asn1Tag.SetOf);
        if (_options.Mode == DerMode.Der && _options.CheckSetOfSortOrder)
        {
            CheckSetOfSorted(child);
        }

        return child;
    }

    /// <summary>Reads an <c>[n] EXPLICIT</c> wrapper if it is next; the returned reader holds the wrapped element.</summary>
    /// <param name="contextTag">The context-specific tag number.</param>
    /// <param name="inner">A reader over the wrapper's content when present.</param>
    /// <returns>False (consuming nothing) when no data remains or the next tag is not constructed <c>[n]</c>.</returns>
    /// <exception cref="DecodeException">The wrapper is malformed.</exception>
    public bool TryReadExplicit(int contextTag, out DerReader inner)
    {
        if (!NextTagIs(Asn1Tag.Context(contextTag, true)))
        {
            inner = default;
            return false;
        }

        inner = ReadSequence(Asn1Tag.Context(contextTag, true));
        return true;
    }

    /// <summary>Reads an <c>[n] EXPLICIT</c> wrapper; the returned reader holds the wrapped element.</summary>
    /// <param name="contextTag">The context-specific tag number.</param>
    /// <returns>A reader over the wrapper's content.</returns>
    /// <exception cref="DecodeException">The next element is not constructed <c>[n]</c> or is malformed.</exception>
    public DerReader ReadExplicit(int contextTag) => ReadSequence(Asn1Tag.Context(contextTag, true));

    /// <summary>Throws <see cref="DecodeError.TrailingData"/> when unread bytes remain.</summary>
    /// <exception cref="DecodeException">Bytes remain.</exception>
    public readonly void ExpectEmpty()
    {
        if (!_data.IsEmpty)
        {
            ThrowTrailingData(_offset, _data.Length);
        }
    }

    private void Advance(int count)
    {
        _data = _data.Slice(count);
        _offset += count;
    }

    private DerReader OpenChild(Asn1Header header)
    {
        if (_depth >= _options.MaxDepth)
        {
            ThrowDepthExceeded(header.Offset, _options.MaxDepth);
        }

        int contentOffset = header.Offset + header.HeaderLength;
        ReadOnlySpan<byte> content = TakeContent(header);
        return new DerReader(content, contentOffset, _options, _depth + 1);
    }

    // Returns the content of the element whose header was just decoded at _data[0] and advances past it.
    private ReadOnlySpan<byte> TakeContent(Asn1Header header)
    {
        ReadOnlySpan<byte> content;
        if (header.IsIndefinite)
        {
            int length = MeasureIndefinite(header);
            content = _data.Slice(header.HeaderLength, length);
            Advance(header.HeaderLength + length + 2);
        }
        else
        {
            content = _data.Slice(header.HeaderLength, header.ContentLength);
            Advance(header.HeaderLength + header.ContentLength);
        }

        return content;
    }

    private readonly int MeasureIndefinite(Asn1Header header) =>
        MeasureIndefinite(_data.Slice(header.HeaderLength), header.Offset + header.HeaderLength, _options.MaxDepth - _depth);

    private static void CheckNotEndOfContents(Asn1Header header)
    {
        if (header.Tag.TagValue == 0 && header.Tag.TagClass == TagClass.Universal)
        {
            throw new DecodeException(DecodeError.InvalidEndOfContents, header.Offset, "end-of-contents outside an indefinite-length element");
        }
    }

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowUnexpectedTag(Asn1Header header, Asn1Tag expected) =>
        throw new DecodeException(DecodeError.UnexpectedTag, header.Offset, $"expected {Describe(expected)}, found {Describe(header.Tag)}");

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowInputTooLarge(int length, int limit) =>
        throw new DecodeException(DecodeError.TooLarge, 0, $"input of {length} bytes exceeds the {limit}-byte limit");

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowTrailingData(int offset, int count) =>
        throw new DecodeException(DecodeError.TrailingData, offset, $"{count} unread bytes");

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowDepthExceeded(int offset, int maxDepth) =>
        throw new DecodeException(DecodeError.DepthExceeded, offset, $"nesting deeper than {maxDepth}");

    private static string Describe(Asn1Tag tag) => tag.IsConstructed ? $"{tag} (constructed)" : tag.ToString();
}
