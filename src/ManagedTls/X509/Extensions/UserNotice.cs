using ManagedTls.Asn1;

namespace ManagedTls.X509;

/// <summary>UserNotice (RFC 5280 §4.2.1.4): an optional notice reference and optional explicit text.</summary>
public sealed class UserNotice
{
    private readonly byte[]? _explicitTextOctets;

    /// <summary>Creates a notice.</summary>
    /// <param name="reference">noticeRef, or null.</param>
    /// <param name="explicitText">explicitText, or null.</param>
    /// <param name="explicitTextType">The DisplayText type: UTF8String (default), IA5String, VisibleString or BMPString.</param>
    /// <exception cref="ArgumentException">The type is not a DisplayText type or cannot hold the text.</exception>
    public UserNotice(NoticeReference? reference, string? explicitText, Asn1Tag? explicitTextType = null)
    {
        Reference = reference;
        ExplicitText = explicitText;
        ExplicitTextType = explicitTextType ?? Asn1Tag.Utf8String;
        _explicitTextOctets = explicitText is null ? null : DisplayTextCodec.ToOctets(ExplicitTextType, explicitText);
    }

    private UserNotice(NoticeReference? reference, string? text, Asn1Tag type, byte[]? octets)
    {
        Reference = reference;
        ExplicitText = text;
        ExplicitTextType = type;
        _explicitTextOctets = octets;
    }

    /// <summary>noticeRef, or null.</summary>
    public NoticeReference? Reference { get; }

    /// <summary>explicitText, or null.</summary>
    public string? ExplicitText { get; }

    /// <summary>The explicit text's string type (UTF8String when absent).</summary>
    public Asn1Tag ExplicitTextType { get; }

    internal byte[]? ExplicitTextOctets => _explicitTextOctets;

    internal static UserNotice Decode(ref DerReader reader)
    {
        DerReader sequence = reader.ReadSequence();
        NoticeReference? reference = sequence.NextTagIs(Asn1Tag.Sequence) ? NoticeReference.Decode(ref sequence) : null;
        string? text = null;
        Asn1Tag type = Asn1Tag.Utf8String;
        byte[]? octets = null;
        if (sequence.HasData)
        {
            (text, type, octets) = DisplayTextCodec.Read(ref sequence);
        }

        sequence.ExpectEmpty();
        return new UserNotice(reference, text, type, octets);
    }

    internal void Encode(DerWriter writer)
    {
        using (writer.PushSequence())
        {
            Reference?.Encode(writer);
            if (_explicitTextOctets is not null)
            {
                writer.WritePrimitive(ExplicitTextType, _explicitTextOctets);
            }
        }
    }
}
