namespace ManagedTls.Asn1;

/// <summary>The identifier and length octets of one element, as seen by <see cref="DerReader.PeekHeader"/>.</summary>
public readonly struct Asn1Header
{
    /// <summary>Creates a header.</summary>
    /// <param name="tag">The tag.</param>
    /// <param name="offset">Absolute offset of the first identifier octet.</param>
    /// <param name="headerLength">Number of identifier plus length octets.</param>
    /// <param name="contentLength">Number of content octets, or -1 for a BER indefinite length.</param>
    public Asn1Header(Asn1Tag tag, int offset, int headerLength, int contentLength)
    {
        Tag = tag;
        Offset = offset;
        HeaderLength = headerLength;
        ContentLength = contentLength;
    }

    /// <summary>The tag.</summary>
    public Asn1Tag Tag { get; }

    /// <summary>Absolute offset of the first identifier octet from the start of the outermost buffer.</summary>
    public int Offset { get; }

    /// <summary>Number of identifier plus length octets.</summary>
    public int HeaderLength { get; }

    /// <summary>Number of content octets, or -1 for a BER indefinite length.</summary>
    public int ContentLength { get; }

    /// <summary>True when the length is the BER indefinite form (content ends at an end-of-contents marker).</summary>
    public bool IsIndefinite => ContentLength < 0;
}
