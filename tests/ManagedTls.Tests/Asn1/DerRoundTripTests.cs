using System.Numerics;
using ManagedTls.Asn1;

namespace ManagedTls.Tests.Asn1;

/// <summary>Random trees built with DerWriter must read back strictly and re-encode byte-identically.</summary>
public sealed class DerRoundTripTests
{
    private const string Printable = "ABCXYZabcxyz0189 '()+,-./:=?";

    [Fact]
    public void RandomTrees_WriteReadWrite_ByteIdentical()
    {
        var random = new System.Random(20261123);
        for (int i = 0; i < 500; i++)
        {
            using var writer = new DerWriter();
            using (writer.PushSequence())
            {
                WriteChildren(writer, random, depth: 0);
            }

            byte[] encoded = writer.ToArray();
            using var copy = new DerWriter();
            TreeWalker.Walk(encoded, copy);
            copy.EncodedValueEquals(encoded).ShouldBeTrue($"tree {i}");

            if (i % 50 == 0)
            {
                for (int length = 0; length < encoded.Length; length++)
                {
                    byte[] prefix = encoded[..length];
                    Should.Throw<DecodeException>(() => TreeWalker.Walk(prefix, null));
                }
            }
        }
    }

    [Fact]
    public void RandomValues_TypedReadersReturnWhatWasWritten()
    {
        var random = new System.Random(7);
        for (int i = 0; i < 300; i++)
        {
            long l = random.NextInt64(long.MinValue, long.MaxValue) >> random.Next(64);
            byte[] big = new byte[random.Next(1, 80)];
            random.NextBytes(big);
            var bigInteger = new BigInteger(big, isUnsigned: false, isBigEndian: true);
            DateTimeOffset utc = new DateTimeOffset(1950, 1, 1, 0, 0, 0, TimeSpan.Zero).AddSeconds(random.NextInt64(0, 3155759999));
            DateTimeOffset generalized = new DateTimeOffset(random.NextInt64(DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks), TimeSpan.Zero);
            string oid = RandomOid(random);

            using var w = new DerWriter();
            w.WriteInteger(l);
            w.WriteInteger(bigInteger);
            w.WriteUtcTime(utc);
            w.WriteGeneralizedTime(generalized);
            w.WriteObjectIdentifier(oid);
            w.WriteEnumerated((int)l);

            var r = new DerReader(w.ToArray());
            r.ReadInt64().ShouldBe(l);
            r.ReadInteger().ShouldBe(bigInteger);
            r.ReadUtcTime().ShouldBe(utc);
            r.ReadGeneralizedTime().ShouldBe(generalized);
            r.ReadObjectIdentifier().ShouldBe(oid);
            r.ReadEnumerated().ShouldBe((int)l);
            r.ExpectEmpty();
        }
    }

    private static void WriteChildren(DerWriter w, System.Random random, int depth)
    {
        int count = random.Next(0, 6);
        for (int i = 0; i < count; i++)
        {
            int kind = random.Next(depth >= 6 ? 13 : 17);
            switch (kind)
            {
                case 0:
                    w.WriteBoolean(random.Next(2) == 0);
                    break;
                case 1:
                    w.WriteInteger(random.NextInt64(long.MinValue, long.MaxValue) >> random.Next(64));
                    break;
                case 2:
                    byte[] magnitude = new byte[random.Next(0, 300)];
                    random.NextBytes(magnitude);
                    w.WriteIntegerUnsigned(magnitude);
                    break;
                case 3:
                    w.WriteNull();
                    break;
                case 4:
                    w.WriteObjectIdentifier(RandomOid(random));
                    break;
                case 5:
                    byte[] bits = new byte[random.Next(0, 40)];
                    random.NextBytes(bits);
                    w.WriteBitString(bits, bits.Length == 0 ? 0 : random.Next(8));
                    break;
                case 6:
                    byte[] octets = new byte[random.Next(0, 70000) >> random.Next(0, 12)];
                    random.NextBytes(octets);
                    w.WriteOctetString(octets);
                    break;
                case 7:
                    w.WriteCharacterString(Asn1Tag.PrintableString, RandomText(random, Printable));
                    break;
                case 8:
                    w.WriteCharacterString(Asn1Tag.Utf8String, RandomText(random, "aé中😀 z"));
                    break;
                case 9:
                    w.WriteCharacterString(Asn1Tag.BmpString, RandomText(random, "aé中 z"));
                    break;
                case 10:
                    w.WriteCharacterString(Asn1Tag.UniversalString, RandomText(random, "aé中😀 z"));
                    break;
                case 11:
                    w.WriteUtcTime(new DateTimeOffset(1950, 1, 1, 0, 0, 0, TimeSpan.Zero).AddSeconds(random.NextInt64(0, 3155759999)));
                    break;
                case 12:
                    w.WriteInteger(random.Next(), Asn1Tag.Context(random.Next(0, 40), false));
                    break;
                case 13:
                    using (w.PushSequence())
                    {
                        WriteChildren(w, random, depth + 1);
                    }

                    break;
                case 14:
                    using (w.PushSetOf())
                    {
                        WriteChildren(w, random, depth + 1);
                    }

                    break;
                case 15:
                    using (w.PushExplicit(random.Next(0, 5)))
                    {
                        WriteChildren(w, random, depth + 1);
                    }

                    break;
                default:
                    using (w.PushSequence(new Asn1Tag(TagClass.Application, random.Next(0, 500), true)))
                    {
                        WriteChildren(w, random, depth + 1);
                    }

                    break;
            }
        }
    }

    private static string RandomOid(System.Random random)
    {
        int first = random.Next(3);
        var parts = new List<string> { first.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        parts.Add((first < 2 ? random.Next(40) : random.NextInt64(0, long.MaxValue) >> random.Next(63)).ToString(System.Globalization.CultureInfo.InvariantCulture));
        int more = random.Next(0, 8);
        for (int i = 0; i < more; i++)
        {
            parts.Add((random.NextInt64(0, long.MaxValue) >> random.Next(63)).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return string.Join('.', parts);
    }

    private static string RandomText(System.Random random, string alphabet)
    {
        var runes = alphabet.EnumerateRunes().ToArray();
        var sb = new System.Text.StringBuilder();
        int n = random.Next(0, 20);
        for (int i = 0; i < n; i++)
        {
            sb.Append(runes[random.Next(runes.Length)].ToString());
        }

        return sb.ToString();
    }
}
