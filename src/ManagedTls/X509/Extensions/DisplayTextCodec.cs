using System.Text;
using ManagedTls.Asn1;

namespace ManagedTls.X509;

/// <summary>
/// DisplayText (RFC 5280 §4.2.1.4): IA5String, VisibleString, BMPString or UTF8String. The octets are kept as read
/// (OpenSSL prints them raw, and its own config writer puts ASCII octets in a BMPString), the text is decoded leniently.
/// </summary>
internal static class DisplayTextCodec
{
    public static bool IsDisplayText(Asn1Tag tag) =>
        tag == Asn1Tag.IA5String || tag == Asn1Tag.VisibleString || tag == Asn1Tag.BmpString || tag == Asn1Tag.Utf8String;

    public static (string Text, Asn1Tag Type, byte[] Octets) Read(ref DerReader reader)
    {
        Asn1Header header = reader.PeekHeader();
        if (!IsDisplayText(header.Tag))
        {
            throw new DecodeException(DecodeError.UnexpectedTag, header.Offset, $"{header.Tag} is not a DisplayText type");
        }

        byte[] octets = reader.ReadContent(out _).ToArray();
        return (ToText(header.Tag, octets), header.Tag, octets);
    }

    public static string ToText(Asn1Tag type, byte[] octets) =>
        type == Asn1Tag.Utf8String ? Encoding.UTF8.GetString(octets)
        : type == Asn1Tag.BmpString && octets.Length % 2 == 0 ? Encoding.BigEndianUnicode.GetString(octets)
        : Encoding.Latin1.GetString(octets);

    /// <summary>The octets of <paramref name="text"/> in <paramref name="type"/>.</summary>
    /// <exception cref="ArgumentException">Not a DisplayText type, or the text does not fit it.</exception>
    public static byte[] ToOctets(Asn1Tag type, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!IsDisplayText(type))
        {
            throw new ArgumentException($"{type} is not a DisplayText type (IA5String, VisibleString, BMPString, UTF8String).", nameof(type));
        }

        using var writer = new DerWriter();
        writer.WriteCharacterString(type, text);
        var reader = new DerReader(writer.ToArray());
        return reader.ReadContent(out _).ToArray();
    }

    /// <summary>What OpenSSL's <c>%.*s</c> prints for the octets: up to the first NUL, read as UTF-8.</summary>
    public static string Printed(byte[] octets)
    {
        int nul = Array.IndexOf(octets, (byte)0);
        return Encoding.UTF8.GetString(octets, 0, nul < 0 ? octets.Length : nul);
    }
}
