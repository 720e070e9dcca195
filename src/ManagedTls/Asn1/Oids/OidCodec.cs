using System.Globalization;
using System.Numerics;
using System.Text;

namespace ManagedTls.Asn1;

/// <summary>
/// OBJECT IDENTIFIER content octets (X.690 §8.19) as OpenSSL judges and prints them: <c>c2i_ASN1_OBJECT</c>'s
/// validity rule and <c>OBJ_obj2txt</c>'s rendering of arcs of ANY size (BIGNUM). <see cref="ObjectIdentifier"/>
/// caps arcs at 128 bits and would reject OIDs that <c>openssl asn1parse</c> prints, so display goes through here.
/// </summary>
internal static class OidCodec
{
    /// <summary>
    /// The longest content <c>OBJ_obj2txt</c> renders (OpenSSL 3.0.9+, CVE-2023-2650): 128 arcs of 32 bits, per
    /// RFC 2578 §3.5. Longer content makes it fail (asn1parse then prints <c>&lt;INVALID&gt;</c> and a hex dump);
    /// rendering it anyway would cost time quadratic in the length of one huge arc.
    /// </summary>
    internal const int MaxTextContentLength = 586;

    /// <summary>
    /// True when <paramref name="content"/> is an encoding OpenSSL's <c>c2i_ASN1_OBJECT</c> accepts: non-empty,
    /// the last octet ends a subidentifier, and no subidentifier starts with the padding octet 0x80.
    /// </summary>
    internal static bool IsValid(ReadOnlySpan<byte> content)
    {
        if (content.IsEmpty || (content[^1] & 0x80) != 0)
        {
            return false;
        }

        for (int i = 0; i < content.Length; i++)
        {
            if (content[i] == 0x80 && (i == 0 || (content[i - 1] & 0x80) == 0))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Renders valid content octets as dotted decimal, as <c>OBJ_obj2txt(no_name=1)</c>.</summary>
    /// <exception cref="ArgumentException">The content is longer than <see cref="MaxTextContentLength"/>.</exception>
    internal static string ToDotted(ReadOnlySpan<byte> content)
    {
        if (content.Length > MaxTextContentLength)
        {
            throw new ArgumentException($"OBJECT IDENTIFIER content over {MaxTextContentLength} octets is not rendered (as OBJ_obj2txt).", nameof(content));
        }

        var text = new StringBuilder(content.Length * 3);
        bool first = true;
        int i = 0;
        while (i < content.Length)
        {
            BigInteger value = BigInteger.Zero;
            ulong small = 0;
            bool big = false;
            byte b;
            do
            {
                b = content[i++];
                if (!big && small > (ulong.MaxValue >> 7))
                {
                    big = true;
                    value = small;
                }

                if (big)
                {
                    value = (value << 7) | (b & 0x7F);
                }
                else
                {
                    small = (small << 7) | (uint)(b & 0x7F);
                }
            }
            while ((b & 0x80) != 0 && i < content.Length);

            if (!big)
            {
                value = small;
            }

            if (first)
            {
                // X.690 §8.19.4: the first subidentifier packs the first two arcs as X*40 + Y (X = 2 takes the rest).
                first = false;
                int top = value < 80 ? (int)(value / 40) : 2;
                value -= top * 40;
                text.Append(top.ToString(CultureInfo.InvariantCulture)).Append('.');
            }
            else
            {
                text.Append('.');
            }

            text.Append(value.ToString(CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    /// <summary>Encodes dotted decimal as content octets (delegates to <see cref="ObjectIdentifier.Encode"/>).</summary>
    /// <exception cref="FormatException">Not a valid dotted OID.</exception>
    internal static byte[] Encode(string dotted) => ObjectIdentifier.Encode(dotted);
}
