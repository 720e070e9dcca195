using ManagedTls.Asn1;

namespace ManagedTls.X509;

/// <summary>
/// DistributionPointName (RFC 5280 §4.2.1.13): either <c>fullName [0] GeneralNames</c> or
/// <c>nameRelativeToCRLIssuer [1] RelativeDistinguishedName</c>; exactly one of <see cref="FullName"/> and
/// <see cref="RelativeName"/> is set.
/// </summary>
public sealed class DistributionPointName
{
    /// <summary>A fullName.</summary>
    /// <param name="fullName">The names, at least one.</param>
    /// <exception cref="ArgumentException"><paramref name="fullName"/> is empty.</exception>
    public DistributionPointName(IReadOnlyList<GeneralName> fullName)
    {
        ArgumentNullException.ThrowIfNull(fullName);
        if (fullName.Count == 0)
        {
            throw new ArgumentException("GeneralNames is SIZE (1..MAX).", nameof(fullName));
        }

        FullName = fullName;
    }

    /// <summary>A nameRelativeToCRLIssuer: attributes appended to the CRL issuer's name.</summary>
    /// <param name="relativeName">The attributes of the one RDN, at least one.</param>
    /// <exception cref="ArgumentException"><paramref name="relativeName"/> is empty.</exception>
    public DistributionPointName(IReadOnlyList<AttributeTypeAndValue> relativeName)
    {
        ArgumentNullException.ThrowIfNull(relativeName);
        if (relativeName.Count == 0)
        {
            throw new ArgumentException("A RelativeDistinguishedName is SET SIZE (1..MAX).", nameof(relativeName));
        }

        RelativeName = relativeName;
    }

    /// <summary>The fullName, or null for a relative name.</summary>
    public IReadOnlyList<GeneralName>? FullName { get; }

    /// <summary>The nameRelativeToCRLIssuer attributes, or null for a fullName.</summary>
    public IReadOnlyList<AttributeTypeAndValue>? RelativeName { get; }

    /// <summary>Reads the CHOICE (inside its <c>[0] EXPLICIT</c> wrapper, which the caller removes).</summary>
    /// <param name="reader">Positioned at the <c>[0]</c> or <c>[1]</c> element.</param>
    /// <returns>The name.</returns>
    /// <exception cref="DecodeException">Malformed.</exception>
    internal static DistributionPointName Decode(ref DerReader reader)
    {
        if (reader.NextTagIs(Asn1Tag.Context(0, true)))
        {
            return new DistributionPointName(GeneralName.DecodeSequence(ref reader, Asn1Tag.Context(0, true)));
        }

        int offset = reader.Offset;
        DerReader set = reader.ReadSetOf(Asn1Tag.Context(1, true));
        var attributes = new List<AttributeTypeAndValue>();
        while (set.HasData)
        {
            attributes.Add(AttributeTypeAndValue.Decode(ref set));
        }

        if (attributes.Count == 0)
        {
            throw new DecodeException(DecodeError.InvalidLength, offset, "nameRelativeToCRLIssuer is SET SIZE (1..MAX)");
        }

        return new DistributionPointName(attributes.AsReadOnly());
    }

    /// <summary>Writes the CHOICE (without the <c>[0] EXPLICIT</c> wrapper).</summary>
    /// <param name="writer">The destination.</param>
    internal void Encode(DerWriter writer)
    {
        if (FullName is not null)
        {
            GeneralName.EncodeSequence(writer, FullName, Asn1Tag.Context(0, true));
            return;
        }

        using (writer.PushSetOf(Asn1Tag.Context(1, true)))
        {
            foreach (AttributeTypeAndValue attribute in RelativeName!)
            {
                attribute.Encode(writer);
            }
        }
    }

    /// <summary>Reads an optional <c>[0] EXPLICIT DistributionPointName</c>.</summary>
    internal static DistributionPointName? DecodeOptional(ref DerReader reader)
    {
        if (!reader.NextTagIs(Asn1Tag.Context(0, true)))
        {
            return null;
        }

        DerReader wrapper = reader.ReadExplicit(0);
        DistributionPointName name = Decode(ref wrapper);
        wrapper.ExpectEmpty();
        return name;
    }

    /// <summary>Writes <c>[0] EXPLICIT</c> this name.</summary>
    internal void EncodeExplicit(DerWriter writer)
    {
        using (writer.PushExplicit(0))
        {
            Encode(writer);
        }
    }
}
