using System.Collections.ObjectModel;
using ManagedTls.Asn1;

namespace ManagedTls.X509;

/// <summary>
/// One <c>RelativeDistinguishedName</c> (a SET OF AttributeTypeAndValue) with its attributes in encoded order; more
/// than one attribute makes it multi-valued (<c>CN=a+OU=b</c>).
/// </summary>
/// <remarks>
/// The DER SET OF sort order is not enforced, and an empty SET is accepted: OpenSSL 3.0 accepts both (an empty RDN
/// contributes nothing to the printed, canonical or hashed forms).
/// </remarks>
public sealed class RelativeDistinguishedName
{
    private readonly ReadOnlyMemory<byte> _raw;

    private RelativeDistinguishedName(ReadOnlyMemory<byte> raw, ReadOnlyCollection<AttributeTypeAndValue> attributes)
    {
        _raw = raw;
        Attributes = attributes;
    }

    /// <summary>The attributes, in the order they are encoded.</summary>
    public IReadOnlyList<AttributeTypeAndValue> Attributes { get; }

    /// <summary>True when the RDN holds more than one attribute.</summary>
    public bool IsMultiValued => Attributes.Count > 1;

    /// <summary>The whole encoded SET.</summary>
    public ReadOnlyMemory<byte> RawData => _raw;

    /// <summary>Reads one RelativeDistinguishedName.</summary>
    /// <param name="reader">Positioned at the SET.</param>
    /// <returns>The RDN.</returns>
    /// <exception cref="DecodeException">The DER is malformed.</exception>
    /// <exception cref="X509FormatException">An attribute value OpenSSL rejects.</exception>
    public static RelativeDistinguishedName Decode(ref DerReader reader) => Decode(ref reader, X509Decoding.CopyNext(reader), reader.Offset);

    /// <summary>Reads one RDN whose parts share <paramref name="source"/>, which starts at reader offset <paramref name="sourceOffset"/>.</summary>
    internal static RelativeDistinguishedName Decode(ref DerReader reader, ReadOnlyMemory<byte> source, int sourceOffset)
    {
        ReadOnlyMemory<byte> raw = X509Decoding.SliceNext(reader, source, sourceOffset);
        DerReader set = reader.ReadSequence(Asn1Tag.SetOf);
        var attributes = new List<AttributeTypeAndValue>(1);
        while (set.HasData)
        {
            attributes.Add(AttributeTypeAndValue.Decode(ref set, X509Decoding.SliceNext(set, source, sourceOffset)));
        }

        return new RelativeDistinguishedName(raw, attributes.AsReadOnly());
    }

    /// <summary>Writes the RDN exactly as it was read.</summary>
    /// <param name="writer">The destination.</param>
    public void Encode(DerWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteEncodedValue(_raw.Span);
    }

    /// <inheritdoc/>
    public override string ToString() => string.Join("+", Attributes);
}
