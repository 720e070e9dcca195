using System.Numerics;
using ManagedTls.Asn1;

namespace ManagedTls.X509;

/// <summary>GeneralSubtree (RFC 5280 §4.2.1.10). An iPAddress base holds address then mask (8 or 32 octets).</summary>
/// <param name="Base">The base name.</param>
/// <param name="Minimum">minimum (DEFAULT 0, omitted from the encoding when 0).</param>
/// <param name="Maximum">maximum, or null when absent.</param>
public sealed record GeneralSubtree(GeneralName Base, BigInteger Minimum = default, BigInteger? Maximum = null)
{
    internal static IReadOnlyList<GeneralSubtree> DecodeList(ref DerReader reader, Asn1Tag tag)
    {
        DerReader list = reader.ReadSequence(tag);
        var subtrees = new List<GeneralSubtree>();
        while (list.HasData)
        {
            DerReader sequence = list.ReadSequence();
            GeneralName name = GeneralName.Decode(ref sequence);
            BigInteger minimum = sequence.NextTagIs(Asn1Tag.Context(0, false)) ? sequence.ReadInteger(Asn1Tag.Context(0, false)) : BigInteger.Zero;
            BigInteger? maximum = sequence.NextTagIs(Asn1Tag.Context(1, false)) ? sequence.ReadInteger(Asn1Tag.Context(1, false)) : null;
            sequence.ExpectEmpty();
            subtrees.Add(new GeneralSubtree(name, minimum, maximum));
        }

        return subtrees.AsReadOnly();
    }

    internal static void EncodeList(DerWriter writer, IReadOnlyList<GeneralSubtree> subtrees, Asn1Tag tag)
    {
        using (writer.PushSequence(tag))
        {
            foreach (GeneralSubtree subtree in subtrees)
            {
                using (writer.PushSequence())
                {
                    subtree.Base.Encode(writer);
                    if (!subtree.Minimum.IsZero)
                    {
                        writer.WriteInteger(subtree.Minimum, Asn1Tag.Context(0, false));
                    }

                    if (subtree.Maximum is { } maximum)
                    {
                        writer.WriteInteger(maximum, Asn1Tag.Context(1, false));
                    }
                }
            }
        }
    }
}
