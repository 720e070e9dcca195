using ManagedTls.Asn1;

namespace ManagedTls.Pkcs.Cms;

/// <summary>
/// Re-encodes BER as DER-shaped definite lengths, the way OpenSSL re-emits a parsed PKCS#7/PKCS#12 (<c>i2d</c> after
/// <c>d2i</c>): indefinite lengths become definite, non-minimal length octets minimal, and constructed universal
/// OCTET STRINGs and BIT STRINGs are joined into primitive ones (X.690 §8.7.3, §8.6.4). Element order is kept
/// (SET OF is not re-sorted: signed attributes must keep the bytes that were signed).
/// </summary>
public static class BerNormalizer
{
    /// <summary>Converts one BER element (and nothing after it) to definite-length form.</summary>
    /// <param name="ber">One complete BER element.</param>
    /// <param name="options">Reader limits; the mode is forced to BER.</param>
    /// <returns>The definite-length encoding.</returns>
    /// <exception cref="DecodeException">The input is not exactly one well-formed BER element, or exceeds the limits.</exception>
    public static byte[] ToDer(ReadOnlySpan<byte> ber, DerReaderOptions? options = null)
    {
        DerReaderOptions readerOptions = (options ?? new DerReaderOptions(DerMode.Ber)) with { Mode = DerMode.Ber };
        var reader = new DerReader(ber, readerOptions);
        using var writer = new DerWriter(DerMode.Ber);
        CopyElement(ref reader, writer);
        reader.ExpectEmpty();
        return writer.ToArray();
    }

    /// <summary>True when <paramref name="encoded"/> starts with an indefinite-length header or has any BER-only form inside.</summary>
    /// <param name="encoded">One element.</param>
    /// <returns>Whether <see cref="ToDer"/> would change the bytes.</returns>
    /// <exception cref="DecodeException">The input is malformed.</exception>
    public static bool NeedsNormalizing(ReadOnlySpan<byte> encoded) => !encoded.SequenceEqual(ToDer(encoded));

    private static void CopyElement(ref DerReader reader, DerWriter writer)
    {
        Asn1Header header = reader.PeekHeader();
        Asn1Tag tag = header.Tag;
        if (!tag.IsConstructed)
        {
            ReadOnlySpan<byte> content = reader.ReadContent(out _);
            writer.WritePrimitive(tag, content);
            return;
        }

        if (tag.TagClass == TagClass.Universal && tag.TagValue == 4)
        {
            writer.WriteOctetString(reader.ReadOctetStringBytes());
            return;
        }

        if (tag.TagClass == TagClass.Universal && tag.TagValue == 3)
        {
            byte[] bits = reader.ReadBitStringBytes(out int unusedBits);
            writer.WriteBitString(bits, unusedBits);
            return;
        }

        DerReader child = reader.ReadSequence(tag);
        using (writer.PushSequence(tag))
        {
            while (child.HasData)
            {
                CopyElement(ref child, writer);
            }
        }
    }
}
