using ManagedTls.Asn1;

namespace ManagedTls.Tests.Asn1;

/// <summary>A generic recursive walk over any DER tree, decoding every universal primitive with its typed reader.</summary>
internal static class TreeWalker
{
    /// <summary>Reads one top-level element (and nothing after it), optionally copying it into <paramref name="writer"/>.</summary>
    public static int Walk(ReadOnlySpan<byte> data, DerWriter? writer, DerMode mode = DerMode.Der)
    {
        var reader = new DerReader(data, mode);
        int count = 0;
        if (!reader.HasData)
        {
            throw new DecodeException(DecodeError.Truncated, 0);
        }

        WalkElement(ref reader, writer, ref count);
        reader.ExpectEmpty();
        return count;
    }

    private static void WalkAll(ref DerReader reader, DerWriter? writer, ref int count)
    {
        while (reader.HasData)
        {
            WalkElement(ref reader, writer, ref count);
        }
    }

    private static void WalkElement(ref DerReader reader, DerWriter? writer, ref int count)
    {
        count++;
        Asn1Tag tag = reader.PeekTag();
        if (tag.IsConstructed)
        {
            bool isSet = tag == Asn1Tag.SetOf;
            DerReader child = isSet ? reader.ReadSetOf() : reader.ReadSequence(tag);
            if (writer is null)
            {
                WalkAll(ref child, null, ref count);
                return;
            }

            using (isSet ? writer.PushSetOf() : writer.PushSequence(tag))
            {
                WalkAll(ref child, writer, ref count);
            }

            return;
        }

        if (tag.TagClass != TagClass.Universal)
        {
            ReadOnlySpan<byte> content = reader.ReadContent(out _);
            writer?.WritePrimitive(tag, content);
            return;
        }

        switch (tag.TagValue)
        {
            case 1:
                bool b = reader.ReadBoolean();
                writer?.WriteBoolean(b);
                break;
            case 2:
                ReadOnlySpan<byte> integer = reader.ReadIntegerBytes();
                writer?.WriteInteger(integer);
                break;
            case 3:
                ReadOnlySpan<byte> bits = reader.ReadBitString(out int unused);
                writer?.WriteBitString(bits, unused);
                break;
            case 4:
                ReadOnlySpan<byte> octets = reader.ReadOctetString();
                writer?.WriteOctetString(octets);
                break;
            case 5:
                reader.ReadNull();
                writer?.WriteNull();
                break;
            case 6:
                string oid = reader.ReadObjectIdentifier();
                writer?.WriteObjectIdentifier(oid);
                break;
            case 10:
                int e = reader.ReadEnumerated();
                writer?.WriteEnumerated(e);
                break;
            case 23:
                DateTimeOffset utc = reader.ReadUtcTime();
                writer?.WriteUtcTime(utc);
                break;
            case 24:
                DateTimeOffset gen = reader.ReadGeneralizedTime();
                writer?.WriteGeneralizedTime(gen);
                break;
            case 12 or 18 or 19 or 20 or 22 or 26 or 28 or 30:
                string text = reader.ReadCharacterString(tag);
                writer?.WriteCharacterString(tag, text);
                break;
            default:
                ReadOnlySpan<byte> other = reader.ReadContent(out _);
                writer?.WritePrimitive(tag, other);
                break;
        }
    }
}
