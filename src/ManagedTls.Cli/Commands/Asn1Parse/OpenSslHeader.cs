namespace ManagedTls.Cli.Commands.Asn1Parse;

/// <summary>
/// One identifier + length header read with the rules of OpenSSL's <c>ASN1_get_object</c> (BER: high tag numbers,
/// indefinite length, non-minimal lengths), which is what asn1parse prints from. The strict DER reader in
/// ManagedTls.Asn1 rejects much of what asn1parse shows, so the dump reads headers this way instead.
/// </summary>
internal readonly struct OpenSslHeader
{
    /// <summary>Bit set in <see cref="Flags"/> for a malformed or overlong header (OpenSSL's 0x80).</summary>
    public const int ErrorFlag = 0x80;

    /// <summary>Bit set for the constructed form (V_ASN1_CONSTRUCTED).</summary>
    public const int ConstructedFlag = 0x20;

    /// <summary>Bit set for indefinite length.</summary>
    public const int IndefiniteFlag = 0x01;

    private OpenSslHeader(int flags, int tag, int tagClass, long length, int headerLength)
    {
        Flags = flags;
        Tag = tag;
        Class = tagClass;
        Length = length;
        HeaderLength = headerLength;
    }

    /// <summary>OpenSSL's return value: <see cref="ErrorFlag"/> | <see cref="ConstructedFlag"/> | <see cref="IndefiniteFlag"/>.</summary>
    public int Flags { get; }

    /// <summary>The tag number.</summary>
    public int Tag { get; }

    /// <summary>The class bits as in the identifier octet: 0x00, 0x40, 0x80 or 0xC0.</summary>
    public int Class { get; }

    /// <summary>The content length (0 when indefinite).</summary>
    public long Length { get; }

    /// <summary>Identifier plus length octets.</summary>
    public int HeaderLength { get; }

    /// <summary>OpenSSL's error-queue line for a failed header (reason code and text), or null.</summary>
    public string? ErrorText => !IsError ? null : HeaderLength == 0 ? "0680007B:asn1 encoding routines:ASN1_get_object:header too long" : "0680009B:asn1 encoding routines:ASN1_get_object:too long";

    /// <summary>True when the header was malformed or its content runs past <c>omax</c>.</summary>
    public bool IsError => (Flags & ErrorFlag) != 0;

    /// <summary>True for the constructed form.</summary>
    public bool IsConstructed => (Flags & ConstructedFlag) != 0;

    /// <summary>True for indefinite length (constructed only).</summary>
    public bool IsIndefinite => (Flags & IndefiniteFlag) != 0;

    /// <summary>Reads a header at the start of <paramref name="data"/>, looking at no more than <paramref name="omax"/> bytes.</summary>
    public static OpenSslHeader Read(ReadOnlySpan<byte> data, long omax)
    {
        omax = Math.Min(omax, data.Length);
        if (omax <= 0)
        {
            return Fail();
        }

        long max = omax;
        int p = 0;
        int ret = data[0] & 0x20;
        int xclass = data[0] & 0xC0;
        int tag;
        if ((data[0] & 0x1F) == 0x1F)
        {
            p++;
            if (--max == 0)
            {
                return Fail();
            }

            long value = 0;
            while ((data[p] & 0x80) != 0)
            {
                value = (value << 7) | (long)(data[p++] & 0x7F);
                if (--max == 0 || value > (int.MaxValue >> 7))
                {
                    return Fail();
                }
            }

            value = (value << 7) | (long)(data[p++] & 0x7F);
            tag = (int)value;
            if (--max == 0)
            {
                return Fail();
            }
        }
        else
        {
            tag = data[0] & 0x1F;
            p++;
            if (--max == 0)
            {
                return Fail();
            }
        }

        // asn1_get_length
        if (max-- < 1)
        {
            return Fail();
        }

        bool indefinite;
        long length;
        if (data[p] == 0x80)
        {
            indefinite = true;
            length = 0;
            p++;
        }
        else
        {
            indefinite = false;
            int count = data[p] & 0x7F;
            if ((data[p++] & 0x80) != 0)
            {
                if (max < count + 1)
                {
                    return Fail();
                }

                while (count > 0 && data[p] == 0)
                {
                    p++;
                    count--;
                }

                if (count > sizeof(long))
                {
                    return Fail();
                }

                ulong value = 0;
                while (count > 0)
                {
                    value = (value << 8) | data[p++];
                    count--;
                }

                if (value > long.MaxValue)
                {
                    return Fail();
                }

                length = (long)value;
            }
            else
            {
                length = count;
            }
        }

        if (indefinite && ret == 0)
        {
            return Fail();
        }

        if (length > omax - p)
        {
            ret |= ErrorFlag; // too long: values are still set, as OpenSSL does
        }

        return new OpenSslHeader(ret | (indefinite ? IndefiniteFlag : 0), tag, xclass, length, p);
    }

    private static OpenSslHeader Fail() => new(ErrorFlag, 0, 0, 0, 0);
}
