using System.Text;
using ManagedTls.Asn1;
using ManagedTls.X509;

namespace ManagedTls.Pkcs.Pkcs12;

/// <summary>Reading and writing the two PKCS#9 bag attributes PKCS#12 uses: friendlyName and localKeyID.</summary>
internal static class Pkcs12Attributes
{
    /// <summary>The friendlyName value, a BMPString; null when it is not one.</summary>
    public static string? DecodeFriendlyName(ReadOnlySpan<byte> der)
    {
        try
        {
            var reader = new DerReader(der, DerMode.Ber);
            ReadOnlySpan<byte> content = reader.ReadContent(out Asn1Header header);
            return header.Tag.TagValue switch
            {
                30 when content.Length % 2 == 0 => Encoding.BigEndianUnicode.GetString(content),
                12 => Encoding.UTF8.GetString(content),
                _ => null,
            };
        }
        catch (DecodeException)
        {
            return null;
        }
    }

    /// <summary>The octets of an OCTET STRING value; null when it is not one.</summary>
    public static ReadOnlyMemory<byte>? DecodeOctetString(ReadOnlySpan<byte> der)
    {
        try
        {
            var reader = new DerReader(der, DerMode.Ber);
            return reader.ReadOctetStringBytes();
        }
        catch (DecodeException)
        {
            return null;
        }
    }

    /// <summary>Reads <c>SET OF PKCS12Attribute</c>.</summary>
    public static List<X509Attribute> ReadSet(ref DerReader reader, Asn1Tag tag)
    {
        DerReader set = reader.ReadSequence(tag);
        var list = new List<X509Attribute>();
        while (set.HasData)
        {
            list.Add(X509Attribute.Decode(ref set));
        }

        return list;
    }

    /// <summary>Writes bagAttributes with friendlyName and localKeyID when given, sorted as DER wants.</summary>
    public static void Write(DerWriter writer, string? friendlyName, ReadOnlySpan<byte> localKeyId)
    {
        if (friendlyName is null && localKeyId.IsEmpty)
        {
            return;
        }

        using (writer.PushSetOf())
        {
            if (friendlyName is not null)
            {
                using (writer.PushSequence())
                {
                    writer.WriteObjectIdentifier(Pkcs12Oids.FriendlyName);
                    using (writer.PushSetOf())
                    {
                        writer.WritePrimitive(Asn1Tag.BmpString, Encoding.BigEndianUnicode.GetBytes(friendlyName));
                    }
                }
            }

            if (!localKeyId.IsEmpty)
            {
                using (writer.PushSequence())
                {
                    writer.WriteObjectIdentifier(Pkcs12Oids.LocalKeyId);
                    using (writer.PushSetOf())
                    {
                        writer.WriteOctetString(localKeyId);
                    }
                }
            }
        }
    }
}
