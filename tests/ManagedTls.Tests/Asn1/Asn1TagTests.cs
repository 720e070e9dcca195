using ManagedTls.Asn1;

namespace ManagedTls.Tests.Asn1;

public sealed class Asn1TagTests
{
    [Fact]
    public void UniversalStatics_HaveExpectedNumbersAndForms()
    {
        Asn1Tag.Boolean.TagValue.ShouldBe(1);
        Asn1Tag.Integer.TagValue.ShouldBe(2);
        Asn1Tag.BitString.TagValue.ShouldBe(3);
        Asn1Tag.OctetString.TagValue.ShouldBe(4);
        Asn1Tag.Null.TagValue.ShouldBe(5);
        Asn1Tag.ObjectIdentifier.TagValue.ShouldBe(6);
        Asn1Tag.Enumerated.TagValue.ShouldBe(10);
        Asn1Tag.Utf8String.TagValue.ShouldBe(12);
        Asn1Tag.Sequence.TagValue.ShouldBe(16);
        Asn1Tag.Sequence.IsConstructed.ShouldBeTrue();
        Asn1Tag.SetOf.TagValue.ShouldBe(17);
        Asn1Tag.SetOf.IsConstructed.ShouldBeTrue();
        Asn1Tag.NumericString.TagValue.ShouldBe(18);
        Asn1Tag.PrintableString.TagValue.ShouldBe(19);
        Asn1Tag.T61String.TagValue.ShouldBe(20);
        Asn1Tag.IA5String.TagValue.ShouldBe(22);
        Asn1Tag.UtcTime.TagValue.ShouldBe(23);
        Asn1Tag.GeneralizedTime.TagValue.ShouldBe(24);
        Asn1Tag.VisibleString.TagValue.ShouldBe(26);
        Asn1Tag.UniversalString.TagValue.ShouldBe(28);
        Asn1Tag.BmpString.TagValue.ShouldBe(30);
        Asn1Tag.Integer.Class.ShouldBe(TagClass.Universal);
    }

    [Theory]
    [InlineData(TagClass.Universal, 16, true, "SEQUENCE")]
    [InlineData(TagClass.Universal, 6, false, "OBJECT")]
    [InlineData(TagClass.Universal, 99, false, "[UNIVERSAL 99]")]
    [InlineData(TagClass.ContextSpecific, 0, true, "cont [ 0 ]")]
    [InlineData(TagClass.Application, 3, false, "appl [ 3 ]")]
    [InlineData(TagClass.Private, 7, false, "priv [ 7 ]")]
    public void ToString_MatchesOpenSslNames(TagClass tagClass, int value, bool constructed, string expected)
    {
        new Asn1Tag(tagClass, value, constructed).ToString().ShouldBe(expected);
    }

    [Theory]
    [InlineData(TagClass.ContextSpecific, 0, true, "A0")]
    [InlineData(TagClass.ContextSpecific, 2, false, "82")]
    [InlineData(TagClass.Universal, 30, false, "1E")]
    [InlineData(TagClass.Universal, 31, false, "1F1F")]
    [InlineData(TagClass.Application, 128, true, "7F8100")]
    [InlineData(TagClass.Private, 16383, false, "DFFF7F")]
    public void Encode_TagNumbers_UseLowOrHighForm(TagClass tagClass, int value, bool constructed, string hex)
    {
        var tag = new Asn1Tag(tagClass, value, constructed);
        byte[] buffer = new byte[8];
        int n = tag.Encode(buffer);
        n.ShouldBe(tag.CalculateEncodedSize());
        Hex.Encode(buffer.AsSpan(0, n)).ShouldBe(hex);

        using var w = new DerWriter();
        if (constructed)
        {
            using (w.PushSequence(tag))
            {
            }
        }
        else
        {
            w.WritePrimitive(tag, []);
        }

        new DerReader(w.ToArray()).PeekTag().ShouldBe(tag);
    }

    [Fact]
    public void Equality_ConsidersClassNumberAndForm()
    {
        Asn1Tag a = Asn1Tag.Context(1, false);
        (a == Asn1Tag.Context(1, false)).ShouldBeTrue();
        (a != a.AsConstructed()).ShouldBeTrue();
        a.HasSameClassAndValue(a.AsConstructed()).ShouldBeTrue();
        a.AsConstructed().AsPrimitive().ShouldBe(a);
        a.Equals((object)Asn1Tag.Context(1, false)).ShouldBeTrue();
        a.GetHashCode().ShouldBe(Asn1Tag.Context(1, false).GetHashCode());
        a.HasSameClassAndValue(new Asn1Tag(TagClass.Application, 1)).ShouldBeFalse();
    }

    [Fact]
    public void Constructor_NegativeNumber_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new Asn1Tag(TagClass.Universal, -1));
    }
}
