using System.Collections.ObjectModel;
using ManagedTls.Asn1;

namespace ManagedTls.Pkcs.Cms;

/// <summary>A CMS <c>Attribute</c> (RFC 5652 §5.3): a type OID and its values, each kept as its encoding.</summary>
public sealed class CmsAttribute
{
    /// <summary>The most values one attribute may carry when read.</summary>
    public const int MaxValues = 64;

    /// <summary>Creates an attribute.</summary>
    /// <param name="oid">The attribute type, dotted.</param>
    /// <param name="values">Each value as one complete DER element.</param>
    public CmsAttribute(string oid, IEnumerable<ReadOnlyMemory<byte>> values)
    {
        ArgumentNullException.ThrowIfNull(oid);
        ArgumentNullException.ThrowIfNull(values);
        Oid = oid;
        Values = new ReadOnlyCollection<ReadOnlyMemory<byte>>([.. values]);
    }

    /// <summary>The attribute type, dotted.</summary>
    public string Oid { get; }

    /// <summary>The values' encodings, in the order they were read.</summary>
    public IReadOnlyList<ReadOnlyMemory<byte>> Values { get; }

    /// <summary>Writes <c>SEQUENCE { type, SET OF values }</c> (values in the given order).</summary>
    /// <param name="writer">The destination.</param>
    public void Encode(DerWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier(Oid);
            using (writer.PushSetOf())
            {
                foreach (ReadOnlyMemory<byte> value in Values)
                {
                    writer.WriteEncodedValue(value.Span);
                }
            }
        }
    }

    internal static CmsAttribute Decode(ref DerReader reader, ReadOnlyMemory<byte> source, int sourceOffset)
    {
        DerReader sequence = reader.ReadSequence();
        string oid = sequence.ReadObjectIdentifier();
        DerReader set = sequence.ReadSequence(Asn1Tag.SetOf);
        sequence.ExpectEmpty();
        var values = new List<ReadOnlyMemory<byte>>();
        while (set.HasData)
        {
            if (values.Count == MaxValues)
            {
                throw new Pkcs7Exception(Pkcs7Error.LimitExceeded, $"attribute {oid} has more than {MaxValues} values");
            }

            int start = set.Offset - sourceOffset;
            int length = set.ReadEncodedValue().Length;
            values.Add(source.Slice(start, length));
        }

        return new CmsAttribute(oid, values);
    }
}
