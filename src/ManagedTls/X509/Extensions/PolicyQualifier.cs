using System.Text;
using ManagedTls.Asn1;

namespace ManagedTls.X509;

/// <summary>
/// PolicyQualifierInfo (RFC 5280 §4.2.1.4): a CPS pointer (<see cref="CpsUri"/>), a user notice
/// (<see cref="UserNotice"/>), or another qualifier kept as its encoded value (<see cref="Qualifier"/>).
/// </summary>
public sealed class PolicyQualifier
{
    private PolicyQualifier(string id, string? cps, UserNotice? notice, ReadOnlyMemory<byte> qualifier)
    {
        QualifierId = id;
        CpsUri = cps;
        UserNotice = notice;
        Qualifier = qualifier;
    }

    /// <summary>policyQualifierId, dotted.</summary>
    public string QualifierId { get; }

    /// <summary>The CPS URI of an id-qt-cps qualifier (IA5String octets read as Latin-1); otherwise null.</summary>
    public string? CpsUri { get; }

    /// <summary>The notice of an id-qt-unotice qualifier; otherwise null.</summary>
    public UserNotice? UserNotice { get; }

    /// <summary>The encoded qualifier value (for every kind).</summary>
    public ReadOnlyMemory<byte> Qualifier { get; }

    /// <summary>An id-qt-cps qualifier.</summary>
    /// <param name="uri">The CPS URI (characters up to U+00FF are one octet each, other text is written as UTF-8).</param>
    /// <returns>The qualifier.</returns>
    public static PolicyQualifier Cps(string uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        byte[] octets = ExtensionDecoding.TextOctets(uri);
        byte[] der = ExtensionDecoding.Encode(writer => writer.WritePrimitive(Asn1Tag.IA5String, octets));
        return new PolicyQualifier(Oids.CpsQualifier, Encoding.Latin1.GetString(octets), null, der);
    }

    /// <summary>An id-qt-unotice qualifier.</summary>
    /// <param name="notice">The notice.</param>
    /// <returns>The qualifier.</returns>
    public static PolicyQualifier Notice(UserNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return new PolicyQualifier(Oids.UserNoticeQualifier, null, notice, ExtensionDecoding.Encode(notice.Encode));
    }

    /// <summary>Any other qualifier.</summary>
    /// <param name="qualifierId">The id, dotted.</param>
    /// <param name="qualifierDer">The qualifier value: exactly one DER element.</param>
    /// <returns>The qualifier.</returns>
    /// <exception cref="ArgumentException">Invalid OID, or the value is not one element.</exception>
    public static PolicyQualifier Other(string qualifierId, ReadOnlySpan<byte> qualifierDer)
    {
        ArgumentNullException.ThrowIfNull(qualifierId);
        byte[] value = qualifierDer.ToArray();
        ExtensionDecoding.Encode(writer =>
        {
            writer.WriteObjectIdentifier(qualifierId);
            writer.WriteEncodedValue(value);
        });
        return new PolicyQualifier(qualifierId, null, null, value);
    }

    internal static PolicyQualifier Decode(ref DerReader reader)
    {
        DerReader sequence = reader.ReadSequence();
        string id = sequence.ReadObjectIdentifier();
        DerReader peek = sequence;
        byte[] value = peek.ReadEncodedValue().ToArray();
        PolicyQualifier qualifier;
        switch (id)
        {
            case Oids.CpsQualifier:
                qualifier = new PolicyQualifier(id, Encoding.Latin1.GetString(sequence.ReadOctetString(Asn1Tag.IA5String)), null, value);
                break;
            case Oids.UserNoticeQualifier:
                qualifier = new PolicyQualifier(id, null, UserNotice.Decode(ref sequence), value);
                break;
            default:
                sequence.ReadEncodedValue();
                qualifier = new PolicyQualifier(id, null, null, value);
                break;
        }

        sequence.ExpectEmpty();
        return qualifier;
    }

    internal void Encode(DerWriter writer)
    {
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier(QualifierId);
            writer.WriteEncodedValue(Qualifier.Span);
        }
    }
}
