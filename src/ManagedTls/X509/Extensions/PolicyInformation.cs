using ManagedTls.Asn1;

namespace ManagedTls.X509;

/// <summary>PolicyInformation (RFC 5280 §4.2.1.4).</summary>
/// <param name="PolicyId">policyIdentifier, dotted (<c>2.5.29.32.0</c> is anyPolicy).</param>
/// <param name="Qualifiers">policyQualifiers, or null when absent.</param>
public sealed record PolicyInformation(string PolicyId, IReadOnlyList<PolicyQualifier>? Qualifiers = null)
{
    internal static PolicyInformation Decode(ref DerReader reader)
    {
        DerReader sequence = reader.ReadSequence();
        string id = sequence.ReadObjectIdentifier();
        List<PolicyQualifier>? qualifiers = null;
        if (sequence.HasData)
        {
            DerReader list = sequence.ReadSequence();
            qualifiers = [];
            while (list.HasData)
            {
                qualifiers.Add(PolicyQualifier.Decode(ref list));
            }
        }

        sequence.ExpectEmpty();
        return new PolicyInformation(id, qualifiers?.AsReadOnly());
    }

    internal void Encode(DerWriter writer)
    {
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier(PolicyId);
            if (Qualifiers is not null)
            {
                using (writer.PushSequence())
                {
                    foreach (PolicyQualifier qualifier in Qualifiers)
                    {
                        qualifier.Encode(writer);
                    }
                }
            }
        }
    }
}
