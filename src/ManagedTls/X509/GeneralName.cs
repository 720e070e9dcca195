using System.Text;
using ManagedTls.Asn1;

namespace ManagedTls.X509;

/// <summary>
/// One GeneralName (RFC 5280 §4.2.1.6), kept with its exact encoding. Which properties are set depends on
/// <see cref="Kind"/>: <see cref="Text"/> for rfc822Name, dNSName and URI; <see cref="IPAddressOctets"/>;
/// <see cref="DirectoryName"/>; <see cref="Oid"/> for registeredID and the type of an otherName (whose value is
/// <see cref="OtherNameValue"/>).
/// </summary>
public sealed partial class GeneralName
{
    private readonly byte[] _raw;

    private GeneralName(byte[] raw, GeneralNameKind kind)
    {
        _raw = raw;
        Kind = kind;
    }

    /// <summary>Which CHOICE arm this is.</summary>
    public GeneralNameKind Kind { get; }

    /// <summary>The IA5String of an rfc822Name, dNSName or URI (octets read as Latin-1, as OpenSSL keeps them); otherwise null.</summary>
    public string? Text { get; private init; }

    /// <summary>The octets of an iPAddress; otherwise null.</summary>
    public ReadOnlyMemory<byte>? IPAddressOctets { get; private init; }

    /// <summary>The Name of a directoryName; otherwise null.</summary>
    public DistinguishedName? DirectoryName { get; private init; }

    /// <summary>The OID of a registeredID, or the type-id of an otherName; otherwise null.</summary>
    public string? Oid { get; private init; }

    /// <summary>The encoded value inside an otherName's <c>[0] EXPLICIT</c>; otherwise null.</summary>
    public ReadOnlyMemory<byte>? OtherNameValue { get; private init; }

    /// <summary>The whole encoded GeneralName (tag, length, content).</summary>
    public ReadOnlyMemory<byte> RawData => _raw;

    /// <summary>The content octets (for x400Address and ediPartyName, the only view offered).</summary>
    public ReadOnlyMemory<byte> RawContent
    {
        get
        {
            var reader = new DerReader(_raw);
            ReadOnlySpan<byte> content = reader.ReadContent(out _);
            return _raw.AsMemory(_raw.Length - content.Length);
        }
    }

    /// <summary>Reads one GeneralName.</summary>
    /// <param name="reader">Positioned at the element.</param>
    /// <returns>The name.</returns>
    /// <exception cref="DecodeException">Malformed, or not one of the nine context-specific arms.</exception>
    /// <exception cref="X509FormatException">A directoryName holds a Name OpenSSL rejects.</exception>
    public static GeneralName Decode(ref DerReader reader)
    {
        DerReader peek = reader;
        byte[] raw = peek.ReadEncodedValue().ToArray();
        Asn1Header header = reader.PeekHeader();
        Asn1Tag tag = header.Tag;
        if (tag.TagClass != TagClass.ContextSpecific || tag.TagValue > 8)
        {
            throw new DecodeException(DecodeError.UnexpectedTag, header.Offset, $"{tag} is not a GeneralName");
        }

        var kind = (GeneralNameKind)tag.TagValue;
        switch (kind)
        {
            case GeneralNameKind.OtherName:
            {
                DerReader other = reader.ReadSequence(Asn1Tag.Context(0, true));
                string oid = other.ReadObjectIdentifier();
                DerReader value = other.ReadExplicit(0);
                byte[] inner = value.ReadEncodedValue().ToArray();
                value.ExpectEmpty();
                other.ExpectEmpty();
                return new GeneralName(raw, kind) { Oid = oid, OtherNameValue = inner };
            }

            case GeneralNameKind.Rfc822Name or GeneralNameKind.DnsName or GeneralNameKind.Uri:
            {
                ReadOnlySpan<byte> text = reader.ReadOctetString(Asn1Tag.Context(tag.TagValue, false));
                return new GeneralName(raw, kind) { Text = Encoding.Latin1.GetString(text) };
            }

            case GeneralNameKind.DirectoryName:
            {
                DerReader wrapper = reader.ReadExplicit(4);
                DistinguishedName name = DistinguishedName.Decode(ref wrapper);
                wrapper.ExpectEmpty();
                return new GeneralName(raw, kind) { DirectoryName = name };
            }

            case GeneralNameKind.IPAddress:
                return new GeneralName(raw, kind) { IPAddressOctets = reader.ReadOctetString(Asn1Tag.Context(7, false)).ToArray() };

            case GeneralNameKind.RegisteredId:
                return new GeneralName(raw, kind) { Oid = reader.ReadObjectIdentifier(Asn1Tag.Context(8, false)) };

            default:
                // x400Address [3] and ediPartyName [5] are SEQUENCEs kept raw.
                reader.ReadSequence(Asn1Tag.Context(tag.TagValue, true));
                return new GeneralName(raw, kind);
        }
    }

    /// <summary>Reads a <c>GeneralNames</c> SEQUENCE OF GeneralName (SIZE (1..MAX)).</summary>
    /// <param name="reader">Positioned at the SEQUENCE (or the implicitly tagged element when <paramref name="tag"/> is given).</param>
    /// <param name="tag">Implicit tag override (e.g. <c>[1]</c> for an AKI's authorityCertIssuer).</param>
    /// <returns>The names in encoded order.</returns>
    /// <exception cref="DecodeException">Malformed or empty.</exception>
    /// <exception cref="X509FormatException">A directoryName holds a Name OpenSSL rejects.</exception>
    public static IReadOnlyList<GeneralName> DecodeSequence(ref DerReader reader, Asn1Tag? tag = null)
    {
        int offset = reader.Offset;
        DerReader sequence = reader.ReadSequence(tag);
        var names = new List<GeneralName>();
        while (sequence.HasData)
        {
            names.Add(Decode(ref sequence));
        }

        if (names.Count == 0)
        {
            throw new DecodeException(DecodeError.InvalidLength, offset, "GeneralNames must hold at least one name (RFC 5280 §4.2.1.6)");
        }

        return names.AsReadOnly();
    }

    /// <inheritdoc/>
    public override string ToString() => Kind switch
    {
        GeneralNameKind.Rfc822Name or GeneralNameKind.DnsName or GeneralNameKind.Uri => $"{Kind}:{Text}",
        GeneralNameKind.IPAddress => $"IPAddress:{Convert.ToHexString(IPAddressOctets!.Value.Span)}",
        GeneralNameKind.DirectoryName => $"DirName:{DirectoryName!.ToOneLineString()}",
        GeneralNameKind.RegisteredId => $"RegisteredId:{Oid}",
        GeneralNameKind.OtherName => $"OtherName:{Oid}",
        _ => $"{Kind}:{Convert.ToHexString(RawData.Span)}",
    };
}
