using ManagedTls.Asn1;

namespace ManagedTls.Pkcs.Cms;

/// <summary>
/// A ContentInfo (RFC 5652 §3; RFC 2315 §7): a content type and, usually, the content, kept as its definite-length
/// encoding (a SignedData SEQUENCE, an OCTET STRING for data, ...).
/// </summary>
public sealed class ContentInfo
{
    /// <summary>Creates a ContentInfo.</summary>
    /// <param name="contentType">The content type OID, dotted.</param>
    /// <param name="content">The content as one complete element; null when absent.</param>
    public ContentInfo(string contentType, ReadOnlyMemory<byte>? content)
    {
        ArgumentNullException.ThrowIfNull(contentType);
        ContentType = contentType;
        Content = content;
    }

    /// <summary>The content type OID, dotted (<see cref="CmsOids"/>).</summary>
    public string ContentType { get; }

    /// <summary>The content element (inside <c>[0] EXPLICIT</c>); null when absent.</summary>
    public ReadOnlyMemory<byte>? Content { get; }

    /// <summary>Decodes a ContentInfo from BER (indefinite lengths and constructed strings allowed) or DER.</summary>
    /// <param name="ber">One ContentInfo and nothing after it.</param>
    /// <returns>The ContentInfo, with <see cref="Content"/> in definite-length form.</returns>
    /// <exception cref="Pkcs7Exception">Malformed or beyond the reader's limits.</exception>
    public static ContentInfo Decode(ReadOnlySpan<byte> ber)
    {
        byte[] der = Normalize(ber);
        try
        {
            var reader = new DerReader(der, DerMode.Ber);
            ContentInfo info = Decode(ref reader, der);
            reader.ExpectEmpty();
            return info;
        }
        catch (DecodeException e)
        {
            throw Malformed(e);
        }
    }

    /// <summary>Writes <c>SEQUENCE { contentType, [0] EXPLICIT content OPTIONAL }</c>.</summary>
    /// <param name="writer">The destination.</param>
    public void Encode(DerWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier(ContentType);
            if (Content is { } content)
            {
                using (writer.PushExplicit(0))
                {
                    writer.WriteEncodedValue(content.Span);
                }
            }
        }
    }

    /// <summary>Encodes the ContentInfo.</summary>
    /// <returns>The DER.</returns>
    public byte[] Encode()
    {
        using var writer = new DerWriter();
        Encode(writer);
        return writer.ToArray();
    }

    internal static ContentInfo Decode(ref DerReader reader, ReadOnlyMemory<byte> source)
    {
        DerReader sequence = reader.ReadSequence();
        string type = sequence.ReadObjectIdentifier();
        ReadOnlyMemory<byte>? content = null;
        if (sequence.TryReadExplicit(0, out DerReader inner))
        {
            int start = inner.Offset;
            int length = inner.ReadEncodedValue().Length;
            inner.ExpectEmpty();
            content = source.Slice(start, length);
        }

        sequence.ExpectEmpty();
        return new ContentInfo(type, content);
    }

    /// <summary>Runs <see cref="BerNormalizer.ToDer"/>, translating its failure.</summary>
    internal static byte[] Normalize(ReadOnlySpan<byte> ber)
    {
        if (ber.IsEmpty)
        {
            throw new Pkcs7Exception(Pkcs7Error.Malformed, "empty input");
        }

        try
        {
            return BerNormalizer.ToDer(ber);
        }
        catch (DecodeException e)
        {
            throw Malformed(e);
        }
    }

    internal static Pkcs7Exception Malformed(DecodeException e) => e.Reason is DecodeError.TooLarge or DecodeError.DepthExceeded
        ? new Pkcs7Exception(Pkcs7Error.LimitExceeded, "PKCS#7 data beyond the reader's limits: " + e.Message, e)
        : new Pkcs7Exception(Pkcs7Error.Malformed, "malformed PKCS#7 data: " + e.Message, e);
}
