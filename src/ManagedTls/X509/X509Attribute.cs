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
