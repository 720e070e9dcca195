namespace ManagedTls.Asn1;

/// <content>OBJECT IDENTIFIER (ITU-T X.690 §8.19).</content>
public ref partial struct DerReader
{
    /// <summary>Reads an OBJECT IDENTIFIER and returns its validated content octets (compare these with known OIDs; no allocation).</summary>
    /// <param name="tag">Implicit tag override.</param>
    /// <returns>The content octets.</returns>
    /// <exception cref="DecodeException">Wrong tag, empty, unterminated, non-minimal subidentifier, or an arc over 128 bits.</exception>
    public ReadOnlySpan<byte> ReadObjectIdentifierBytes(Asn1Tag? tag = null)
    {
        ReadOnlySpan<byte> content = ReadPrimitive(tag ?? Asn1Tag.ObjectIdentifier, out Asn1Header header);
        ObjectIdentifier.Validate(content, header.Offset + header.HeaderLength);
        return content;
    }

    /// <summary>Reads an OBJECT IDENTIFIER as dotted decimal text.</summary>
    /// <param name="tag">Implicit tag override.</param>
    /// <returns>The dotted string, for example <c>2.5.4.3</c>.</returns>
    /// <exception cref="DecodeException">As for <see cref="ReadObjectIdentifierBytes"/>.</exception>
    public string ReadObjectIdentifier(Asn1Tag? tag = null)
    {
        ReadOnlySpan<byte> content = ReadPrimitive(tag ?? Asn1Tag.ObjectIdentifier, out Asn1Header header);
        return ObjectIdentifier.ToDotted(content, header.Offset + header.HeaderLength);
    }
}
