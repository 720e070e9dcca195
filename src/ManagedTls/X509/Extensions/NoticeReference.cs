using System.Numerics;
using ManagedTls.Asn1;

namespace ManagedTls.X509;

/// <summary>NoticeReference (RFC 5280 §4.2.1.4): an organization and notice numbers.</summary>
public sealed class NoticeReference
{
    private readonly byte[] _organizationOctets;

    /// <summary>Creates a reference.</summary>
    /// <param name="organization">The organization text.</param>
    /// <param name="noticeNumbers">The notice numbers (may be empty).</param>
    /// <param name="organizationType">The DisplayText type: UTF8String (default), IA5String, VisibleString or BMPString.</param>
    /// <exception cref="ArgumentException">The type is not a DisplayText type or cannot hold the text.</exception>
    public NoticeReference(string organization, IReadOnlyList<BigInteger> noticeNumbers, Asn1Tag? organizationType = null)
    {
        ArgumentNullException.ThrowIfNull(noticeNumbers);
        OrganizationType = organizationType ?? Asn1Tag.Utf8String;
        _organizationOctets = DisplayTextCodec.ToOctets(OrganizationType, organization);
        Organization = organization;
        NoticeNumbers = noticeNumbers;
    }

    private NoticeReference(string organization, Asn1Tag type, byte[] octets, IReadOnlyList<BigInteger> numbers)
    {
        Organization = organization;
        OrganizationType = type;
        _organizationOctets = octets;
        NoticeNumbers = numbers;
    }

    /// <summary>The organization text.</summary>
    public string Organization { get; }

    /// <summary>The organization's string type.</summary>
    public Asn1Tag OrganizationType { get; }

    /// <summary>The notice numbers.</summary>
    public IReadOnlyList<BigInteger> NoticeNumbers { get; }

    internal byte[] OrganizationOctets => _organizationOctets;

    internal static NoticeReference Decode(ref DerReader reader)
    {
        DerReader sequence = reader.ReadSequence();
        (string text, Asn1Tag type, byte[] octets) = DisplayTextCodec.Read(ref sequence);
        DerReader numbersReader = sequence.ReadSequence();
        var numbers = new List<BigInteger>();
        while (numbersReader.HasData)
        {
            numbers.Add(numbersReader.ReadInteger());
        }

        sequence.ExpectEmpty();
        return new NoticeReference(text, type, octets, numbers.AsReadOnly());
    }

    internal void Encode(DerWriter writer)
    {
        using (writer.PushSequence())
        {
            writer.WritePrimitive(OrganizationType, _organizationOctets);
            using (writer.PushSequence())
            {
                foreach (BigInteger number in NoticeNumbers)
                {
                    writer.WriteInteger(number);
                }
            }
        }
    }
}
