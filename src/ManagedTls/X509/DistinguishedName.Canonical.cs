using ManagedTls.Asn1;

namespace ManagedTls.X509;

/// <content>OpenSSL's canonical encoding (crypto/x509/x_name.c <c>x509_name_canon</c>, <c>asn1_string_canon</c>).</content>
public sealed partial class DistinguishedName
{
    private byte[] BuildCanonicalEncoding()
    {
        if (IsEmpty)
        {
            return [];
        }

        using var writer = new DerWriter();
        foreach (RelativeDistinguishedName rdn in Rdns)
        {
            if (rdn.Attributes.Count == 0)
            {
                continue;
            }

            // The canonical SET OF is re-encoded, so its members come out in DER order (X.690 §11.6) whatever their
            // order on the wire; OpenSSL's SET OF encoder sorts the same way.
            var members = new List<byte[]>(rdn.Attributes.Count);
            foreach (AttributeTypeAndValue attribute in rdn.Attributes)
            {
                members.Add(CanonicalAttribute(attribute));
            }

            members.Sort(static (x, y) =>
            {
                int c = x.AsSpan(0, Math.Min(x.Length, y.Length)).SequenceCompareTo(y.AsSpan(0, Math.Min(x.Length, y.Length)));
                return c != 0 ? c : x.Length.CompareTo(y.Length);
            });

            using (writer.PushSequence(Asn1Tag.SetOf))
            {
                foreach (byte[] member in members)
                {
                    writer.WriteEncodedValue(member);
                }
            }
        }

        return writer.ToArray();
    }

    private static byte[] CanonicalAttribute(AttributeTypeAndValue attribute)
    {
        using var writer = new DerWriter();
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier(attribute.OidContent);
            if (attribute.IsCanonicalisedString)
            {
                writer.WritePrimitive(Asn1Tag.Utf8String, Canonicalise(attribute.GetUtf8()));
            }
            else
            {
                writer.WriteEncodedValue(attribute.RawValue.Span);
            }
        }

        return writer.ToArray();
    }

    // Trims and collapses ASCII white space and lower-cases ASCII letters; bytes of multi-byte characters are copied.
    private static byte[] Canonicalise(byte[] utf8)
    {
        int start = 0;
        int end = utf8.Length;
        while (start < end && IsSpace(utf8[start]))
        {
            start++;
        }

        while (end > start && IsSpace(utf8[end - 1]))
        {
            end--;
        }

        var output = new List<byte>(end - start);
        int i = start;
        while (i < end)
        {
            byte b = utf8[i];
            if (b >= 0x80)
            {
                output.Add(b);
                i++;
            }
            else if (IsSpace(b))
            {
                output.Add((byte)' ');
                while (i < end && IsSpace(utf8[i]))
                {
                    i++;
                }
            }
            else
            {
                output.Add(b is >= (byte)'A' and <= (byte)'Z' ? (byte)(b + 32) : b);
                i++;
            }
        }

        return [.. output];
    }

    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\v' or (byte)'\f' or (byte)'\r';
}
