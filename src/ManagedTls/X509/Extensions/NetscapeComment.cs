using System.Text;
using ManagedTls.Asn1;

namespace ManagedTls.X509;

/// <summary>Netscape comment (nsComment, 2.16.840.1.113730.1.13): an IA5String.</summary>
/// <param name="Comment">The text (octets read as Latin-1; characters up to U+00FF are written as one octet each, other text as UTF-8).</param>
public sealed record NetscapeComment(string Comment)
{
    /// <summary>Decodes the extnValue.</summary>
    /// <param name="value">The extension's value octets.</param>
    /// <returns>The comment.</returns>
    /// <exception cref="X509FormatException">Malformed (<see cref="X509FormatError.InvalidExtension"/>).</exception>
    public static NetscapeComment Decode(ReadOnlySpan<byte> value) => ExtensionDecoding.Run(value, "nsComment", static (ref DerReader reader) =>
        new NetscapeComment(Encoding.Latin1.GetString(reader.ReadOctetString(Asn1Tag.IA5String))));

    /// <summary>The extnValue DER.</summary>
    /// <returns>The encoding.</returns>
    public byte[] Encode() => ExtensionDecoding.Encode(writer => writer.WritePrimitive(Asn1Tag.IA5String, ExtensionDecoding.TextOctets(Comment)));

    /// <summary>An nsComment extension holding <see cref="Encode"/>.</summary>
    /// <param name="critical">The critical flag.</param>
    /// <returns>The extension.</returns>
    public X509Extension ToExtension(bool critical = false) => new(ExtensionOids.NetscapeComment, critical, Encode());
}
