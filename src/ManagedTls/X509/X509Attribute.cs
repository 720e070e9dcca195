using System.Collections.ObjectModel;
using ManagedTls.Asn1;

namespace ManagedTls.X509;

/// <summary>
/// An <c>Attribute</c> (X.501; RFC 2986 §4.1 request attributes): a type OID and a SET OF values, each kept as its
/// encoding.
/// </summary>
public sealed class X509Attribute
{
    private readonly byte[] _raw;

    private X509Attribute(byte[] raw, string oid, ReadOnlyCollection<ReadOnlyMemory<byte>> values)
    {
        _raw = raw;
        Oid = oid;
        Values = values;
    }

    /// <summary>Creates an attribute from its type and its values' DER encodings (written as a DER SET OF, sorted).</summary>
    /// <param name="oid">The attribute type, dotted.</param>
    /// <param name="valuesDer">Each value as one complete DER element.</param>
    /// <exception cref="ArgumentException">A value is not exactly one DER element, or the OID is malformed.</exception>
    public X509Attribute(string oid, IEnumerable<ReadOnlyMemory<byte>> valuesDer)
    {
        ArgumentNullException.ThrowIfNull(oid);
        ArgumentNullException.ThrowIfNull(valuesDer);
        var writer = new DerWriter();
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier(oid);
            using (writer.PushSetOf())
            {
                foreach (ReadOnlyMemory<byte> value in valuesDer)
                {
                    writer.WriteEncodedValue(value.Span);
                }
            }
        }

        _raw = writer.ToArray();
        var reader = new DerReader(_raw);
        DerReader sequence = reader.ReadSequence();
        Oid = sequence.ReadObjectIdentifier();
        DerReader set = sequence.ReadSequence(Asn1Tag.SetOf);
        var values = new List<ReadOnlyMemory<byte>>();
        while (set.HasData)
        {
            int start = set.Offset;
            int length = set.ReadEncodedValue().Length;
            values.Add(_raw.AsMemory(start, length));
        }

        Values = values.AsReadOnly();
    }

    /// <summary>The attribute type, dotted.</summary>
    public string Oid { get; }

    /// <summary>OpenSSL's long name for the type, or the dotted OID.</summary>
    public string Name => OidRegistry.TryGetByDotted(Oid, out OidInfo? info) ? info.LongName : Oid;

    /// <summary>Each value's encoding (tag, length, content), in encoded order.</summary>
    public IReadOnlyList<ReadOnlyMemory<byte>> Values { get; }

    /// <summary>The whole encoded Attribute SEQUENCE.</summary>
    public ReadOnlyMemory<byte> RawData => _raw;

    /// <summary>Reads an Attribute.</summary>
    /// <param name="reader">Positioned at the SEQUENCE.</param>
    /// <returns>The attribute.</returns>
    /// <exception cref="DecodeException">Malformed.</exception>
    public static X509Attribute Decode(ref DerReader reader)
    {
        DerReader peek = reader;
        byte[] raw = peek.ReadEncodedValue().ToArray();
        DerReader sequence = reader.ReadSequence();
        string oid = sequence.ReadObjectIdentifier();
        DerReader set = sequence.ReadSequence(Asn1Tag.SetOf);
        sequence.ExpectEmpty();
        var values = new List<ReadOnlyMemory<byte>>();
        while (set.HasData)
        {
            values.Add(set.ReadEncodedValue().ToArray());
        }

        return new X509Attribute(raw, oid, values.AsReadOnly());
    }

    /// <summary>Writes the attribute exactly as it was read.</summary>
    /// <param name="writer">The destination.</param>
    public void Encode(DerWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteEncodedValue(_raw);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Name} ({Values.Count} value(s))";
}
