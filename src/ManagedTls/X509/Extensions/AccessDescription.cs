using ManagedTls.Asn1;

namespace ManagedTls.X509;

/// <summary>One AccessDescription (RFC 5280 §4.2.2.1).</summary>
/// <param name="Method">accessMethod, dotted (<c>1.3.6.1.5.5.7.48.1</c> OCSP, <c>1.3.6.1.5.5.7.48.2</c> caIssuers, ...).</param>
/// <param name="Location">accessLocation.</param>
public sealed record AccessDescription(string Method, GeneralName Location)
{
    internal static AccessDescription Decode(ref DerReader reader)
    {
        DerReader sequence = reader.ReadSequence();
        string method = sequence.ReadObjectIdentifier();
        GeneralName location = GeneralName.Decode(ref sequence);
        sequence.ExpectEmpty();
        return new AccessDescription(method, location);
    }

    internal void Encode(DerWriter writer)
    {
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier(Method);
            Location.Encode(writer);
        }
    }
}
