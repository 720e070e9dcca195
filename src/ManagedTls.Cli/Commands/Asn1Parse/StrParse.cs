using ManagedTls.Asn1;

namespace ManagedTls.Cli.Commands.Asn1Parse;

/// <summary>
/// <c>-strparse N</c>: what <c>d2i_ASN1_TYPE</c> leaves in <c>at-&gt;value.asn1_string</c> for the element at N,
/// which asn1parse then parses again: the content of strings and times, the bits of a BIT STRING (unused bits
/// cleared), the magnitude of an INTEGER, and the WHOLE encoding of a SEQUENCE, SET or non-universal tag.
/// </summary>
internal static class StrParse
{
    /// <summary>Decodes the element at the start of <paramref name="data"/>.</summary>
    /// <param name="data">Bytes from the element's first octet to the end of the current buffer.</param>
    /// <param name="type">The universal tag (or -3, V_ASN1_OTHER, for other classes).</param>
    /// <param name="value">The string value described above.</param>
    /// <returns>False when OpenSSL's decoder rejects the element.</returns>
    public static bool TryDecode(ReadOnlySpan<byte> data, out int type, out byte[] value)
    {
        type = 0;
        value = [];
        OpenSslHeader h = OpenSslHeader.Read(data, data.Length);
        if (h.IsError)
        {
            return false;
        }

        type = h.Class != 0 ? -3 : h.Tag;
        if (h.Class != 0 || h.Tag is 16 or 17)
        {
            if (h.Class == 0 && !h.IsConstructed)
            {
                return false; // sequence not constructed
            }

            if (!TryFindEnd(data, out int end))
            {
                return false;
            }

            value = data[..end].ToArray();
            return true;
        }

        byte[] content;
        if (h.IsConstructed)
        {
            if (h.Tag is 1 or 2 or 5 or 6 or 10)
            {
                return false; // type not primitive
            }

            var collected = new List<byte>();
            int p = h.HeaderLength;
            int limit = h.IsIndefinite ? data.Length : h.HeaderLength + (int)h.Length;
            if (!Collect(data, ref p, limit, h.IsIndefinite, collected, 0))
            {
                return false;
            }

            content = [.. collected];
        }
        else
        {
            content = data.Slice(h.HeaderLength, (int)h.Length).ToArray();
        }

        switch (h.Tag)
        {
            case 5:
                return content.Length == 0;
            case 1:
                return content.Length == 1;
            case 6:
                return OidCodec.IsValid(content);
            case 2 or 10:
                if (!IntegerContent.TryGetMagnitude(content, out _, out byte[] magnitude))
                {
                    return false;
                }

                value = magnitude;
                return true;
            case 3:
                if (content.Length < 1 || content[0] > 7)
                {
                    return false;
                }

                value = content[1..];
                if (value.Length > 0)
                {
                    value[^1] &= (byte)(0xFF << content[0]);
                }

                return true;
            case 30 when (content.Length & 1) != 0:
            case 28 when (content.Length & 3) != 0:
                return false;
            default:
                value = content;
                return true;
        }
    }

    /// <summary>
    /// Length of the whole element, following indefinite lengths to their end-of-contents by counting the EOCs
    /// still expected (iterative, as OpenSSL's <c>asn1_find_end</c>, so deep nesting cannot exhaust the stack).
    /// </summary>
    private static bool TryFindEnd(ReadOnlySpan<byte> data, out int end)
    {
        end = 0;
        OpenSslHeader h = OpenSslHeader.Read(data, data.Length);
        if (h.IsError)
        {
            return false;
        }

        if (!h.IsIndefinite)
        {
            end = h.HeaderLength + (int)h.Length;
            return true;
        }

        int p = h.HeaderLength;
        long expected = 1;
        while (p < data.Length)
        {
            if (p + 2 <= data.Length && data[p] == 0 && data[p + 1] == 0)
            {
                p += 2;
                if (--expected == 0)
                {
                    end = p;
                    return true;
                }

                continue;
            }

            OpenSslHeader inner = OpenSslHeader.Read(data[p..], data.Length - p);
            if (inner.IsError)
            {
                return false;
            }

            p += inner.HeaderLength;
            if (inner.IsIndefinite)
            {
                expected++;
            }
            else
            {
                p += (int)inner.Length;
            }
        }

        return false; // missing EOC
    }

    private static bool Collect(ReadOnlySpan<byte> data, ref int p, int limit, bool indefinite, List<byte> output, int depth)
    {
        if (depth > 5)
        {
            return false; // nested too deep
        }

        while (p < limit)
        {
            if (indefinite && p + 2 <= limit && data[p] == 0 && data[p + 1] == 0)
            {
                p += 2;
                return true;
            }

            OpenSslHeader h = OpenSslHeader.Read(data[p..], limit - p);
            if (h.IsError)
            {
                return false;
            }

            p += h.HeaderLength;
            if (h.IsConstructed)
            {
                int innerLimit = h.IsIndefinite ? limit : p + (int)h.Length;
                if (!Collect(data, ref p, innerLimit, h.IsIndefinite, output, depth + 1))
                {
                    return false;
                }
            }
            else
            {
                for (int i = 0; i < h.Length; i++)
                {
                    output.Add(data[p + i]);
                }

                p += (int)h.Length;
            }
        }

        return !indefinite;
    }
}
