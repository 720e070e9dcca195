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
    private readonly byte[] _raw;

    private RelativeDistinguishedName(byte[] raw, ReadOnlyCollection<AttributeTypeAndValue> attributes)
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
    public static RelativeDistinguishedName Decode(ref DerReader reader)
    {
        DerReader peek = reader;
        byte[] raw = peek.ReadEncodedValue().ToArray();
        DerReader set = reader.ReadSequence(Asn1Tag.SetOf);
        var attributes = new List<AttributeTypeAndValue>();
        while (set.HasData)
        {
            attributes.Add(AttributeTypeAndValue.Decode(ref set));
        }

        return new RelativeDistinguishedName(raw, attributes.AsReadOnly());
    }

    /// <summary>Writes the RDN exactly as it was read.</summary>
    /// <param name="writer">The destination.</param>
    public void Encode(DerWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteEncodedValue(_raw);
    }

    /// <inheritdoc/>
    public override string ToString() => string.Join("+", Attributes);
}
