using System.Globalization;
using System.Numerics;
using System.Text;

namespace ManagedTls.Asn1;

/// <summary>
/// Dotted text &lt;-&gt; OBJECT IDENTIFIER content octets (X.690 §8.19), with OpenSSL's validity rule and
/// <c>OBJ_obj2txt</c>'s rendering of arcs of any size. Kept here so the registry does not wait on the codec.
/// </summary>
internal static class OidCodec
{
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
    internal static string ToDotted(ReadOnlySpan<byte> content)
    {
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

    /// <summary>Encodes dotted decimal as content octets.</summary>
    /// <exception cref="FormatException">Not at least two numeric arcs, or a first arc above 2, or a second above 39 under 0/1.</exception>
    internal static byte[] Encode(string dotted)
    {
        string[] parts = dotted.Split('.');
        if (parts.Length < 2)
        {
            throw new FormatException($"'{dotted}' needs at least two arcs.");
        }

        var arcs = new BigInteger[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (parts[i].Length == 0 || !BigInteger.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out arcs[i]))
            {
                throw new FormatException($"'{dotted}' has a non-numeric arc.");
            }
        }

        if (arcs[0] > 2 || (arcs[0] < 2 && arcs[1] > 39))
        {
            throw new FormatException($"'{dotted}' has out-of-range leading arcs.");
        }

        var bytes = new List<byte>(parts.Length * 2);
        Append(bytes, (arcs[0] * 40) + arcs[1]);
        for (int i = 2; i < arcs.Length; i++)
        {
            Append(bytes, arcs[i]);
        }

        return [.. bytes];
    }

    private static void Append(List<byte> bytes, BigInteger value)
    {
        int start = bytes.Count;
        bytes.Add((byte)(value & 0x7F));
        value >>= 7;
        while (value > 0)
        {
            bytes.Insert(start, (byte)(0x80 | (int)(value & 0x7F)));
            value >>= 7;
        }
    }
}
