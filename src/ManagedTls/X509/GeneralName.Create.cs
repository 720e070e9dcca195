using System.Text;
using ManagedTls.Asn1;

namespace ManagedTls.X509;

/// <content>Factories for each CHOICE arm, and the encoder.</content>
public sealed partial class GeneralName
{
    /// <summary>A <c>dNSName</c>.</summary>
    /// <param name="name">The name; characters up to U+00FF are one octet each (the inverse of <see cref="Text"/>), other text is written as UTF-8.</param>
    /// <returns>The name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public static GeneralName Dns(string name) => FromText(GeneralNameKind.DnsName, name);

    /// <summary>An <c>rfc822Name</c> (e-mail address).</summary>
    /// <param name="address">The address; characters up to U+00FF are one octet each, other text is written as UTF-8.</param>
    /// <returns>The name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="address"/> is null.</exception>
    public static GeneralName Email(string address) => FromText(GeneralNameKind.Rfc822Name, address);

    /// <summary>A <c>uniformResourceIdentifier</c>.</summary>
    /// <param name="uri">The URI text; characters up to U+00FF are one octet each, other text is written as UTF-8.</param>
    /// <returns>The name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="uri"/> is null.</exception>
    public static GeneralName Uri(string uri) => FromText(GeneralNameKind.Uri, uri);

    /// <summary>An <c>iPAddress</c>: 4 or 16 octets, or 8 or 32 (address then mask) inside name constraints.</summary>
    /// <param name="address">The octets (not checked: OpenSSL prints other lengths as <c>&lt;invalid&gt;</c>).</param>
    /// <returns>The name.</returns>
    public static GeneralName IPAddress(ReadOnlySpan<byte> address)
    {
        byte[] octets = address.ToArray();
        byte[] raw = ExtensionDecoding.Encode(writer => WriteOctets(writer, Asn1Tag.Context(7, false), octets));
        return new GeneralName(raw, GeneralNameKind.IPAddress) { IPAddressOctets = octets };
    }

    /// <summary>A <c>directoryName</c> (<c>[4] EXPLICIT Name</c>).</summary>
    /// <param name="name">The name.</param>
    /// <returns>The name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public static GeneralName Directory(DistinguishedName name)
    {
        ArgumentNullException.ThrowIfNull(name);
        byte[] raw = ExtensionDecoding.Encode(writer =>
        {
            using (writer.PushExplicit(4))
            {
                name.Encode(writer);
            }
        });
        return new GeneralName(raw, GeneralNameKind.DirectoryName) { DirectoryName = name };
    }

    /// <summary>A <c>registeredID</c>.</summary>
    /// <param name="oid">The OID, dotted.</param>
    /// <returns>The name.</returns>
    /// <exception cref="ArgumentException"><paramref name="oid"/> is not a valid OID.</exception>
    public static GeneralName RegisteredId(string oid)
    {
        ArgumentNullException.ThrowIfNull(oid);
        byte[] raw = ExtensionDecoding.Encode(writer => writer.WriteObjectIdentifier(oid, Asn1Tag.Context(8, false)));
        return new GeneralName(raw, GeneralNameKind.RegisteredId) { Oid = oid };
    }

    /// <summary>An <c>otherName</c>: <c>[0] { type-id, [0] EXPLICIT value }</c>.</summary>
    /// <param name="oid">The type-id, dotted (for example <c>1.3.6.1.4.1.311.20.2.3</c>, UPN).</param>
    /// <param name="valueDer">The value: exactly one DER element (for a UPN, a UTF8String).</param>
    /// <returns>The name.</returns>
    /// <exception cref="ArgumentException">Invalid OID, or <paramref name="valueDer"/> is not one DER element.</exception>
    public static GeneralName OtherName(string oid, ReadOnlySpan<byte> valueDer)
    {
        ArgumentNullException.ThrowIfNull(oid);
        byte[] value = valueDer.ToArray();
        byte[] raw = ExtensionDecoding.Encode(writer =>
        {
            using (writer.PushSequence(Asn1Tag.Context(0, true)))
            {
                writer.WriteObjectIdentifier(oid);
                using (writer.PushExplicit(0))
                {
                    writer.WriteEncodedValue(value);
                }
            }
        });
        return new GeneralName(raw, GeneralNameKind.OtherName) { Oid = oid, OtherNameValue = value };
    }

    /// <summary>Reads one GeneralName from its complete encoding (any of the nine arms, including x400Address and ediPartyName).</summary>
    /// <param name="encoded">Exactly one encoded GeneralName.</param>
    /// <returns>The name.</returns>
    /// <exception cref="X509FormatException">Malformed or trailing data (<see cref="X509FormatError.MalformedDer"/>).</exception>
    public static GeneralName Decode(ReadOnlySpan<byte> encoded)
    {
        try
        {
            var reader = new DerReader(encoded);
            GeneralName name = Decode(ref reader);
            reader.ExpectEmpty();
            return name;
        }
        catch (DecodeException e)
        {
            throw X509FormatException.Malformed(e, "GeneralName");
        }
    }

    /// <summary>Writes the name exactly as it was read or built.</summary>
    /// <param name="writer">The destination.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is null.</exception>
    public void Encode(DerWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteEncodedValue(_raw);
    }

    /// <summary>Writes a GeneralNames SEQUENCE (SIZE (1..MAX)).</summary>
    /// <param name="writer">The destination.</param>
    /// <param name="names">The names, at least one.</param>
    /// <param name="tag">Implicit tag override.</param>
    /// <exception cref="ArgumentException"><paramref name="names"/> is empty.</exception>
    internal static void EncodeSequence(DerWriter writer, IReadOnlyList<GeneralName> names, Asn1Tag? tag = null)
    {
        ArgumentNullException.ThrowIfNull(names);
        if (names.Count == 0)
        {
            throw new ArgumentException("GeneralNames is SIZE (1..MAX).", nameof(names));
        }

        using (writer.PushSequence(tag))
        {
            foreach (GeneralName name in names)
            {
                name.Encode(writer);
            }
        }
    }

    private static GeneralName FromText(GeneralNameKind kind, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        byte[] octets = ExtensionDecoding.TextOctets(text);
        byte[] raw = ExtensionDecoding.Encode(writer => WriteOctets(writer, Asn1Tag.Context((int)kind, false), octets));
        return new GeneralName(raw, kind) { Text = Encoding.Latin1.GetString(octets) };
    }

    private static void WriteOctets(DerWriter writer, Asn1Tag tag, byte[] octets) => writer.WritePrimitive(tag, octets);
}
