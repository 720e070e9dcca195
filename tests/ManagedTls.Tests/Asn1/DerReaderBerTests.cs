using ManagedTls.Asn1;

namespace ManagedTls.Tests.Asn1;

public sealed class DerReaderBerTests
{
    [Fact]
    public void ReadSequence_IndefiniteLength_ReadsUntilEndOfContents()
    {
        var reader = new DerReader(Hex.Decode("3080 020101 3080 020102 0000 0000 0500"), DerMode.Ber);
        DerReader seq = reader.ReadSequence();
        seq.ReadInt32().ShouldBe(1);
        DerReader inner = seq.ReadSequence();
        inner.ReadInt32().ShouldBe(2);
        inner.ExpectEmpty();
        seq.ExpectEmpty();
        reader.ReadNull();
        reader.ExpectEmpty();
    }

    [Fact]
    public void ReadEncodedValue_IndefiniteLength_IncludesEndOfContents()
    {
        var reader = new DerReader(Hex.Decode("3080 020101 0000 0500"), DerMode.Ber);
        Hex.Encode(reader.ReadEncodedValue(out Asn1Header header)).ShouldBe("30800201010000");
        header.IsIndefinite.ShouldBeTrue();
        header.ContentLength.ShouldBe(-1);
        reader.ReadNull();
    }

    [Fact]
    public void ReadSequence_NonMinimalLengthInBer_Accepted()
    {
        var reader = new DerReader(Hex.Decode("3082000100"), DerMode.Ber);
        reader.ReadSequence(Asn1Tag.Sequence);
    }

    [Theory]
    [InlineData("3080 020101", DecodeError.Truncated)]
    [InlineData("3080 020101 000100", DecodeError.InvalidEndOfContents)]
    [InlineData("3080 020101 2000", DecodeError.InvalidEndOfContents)]
    [InlineData("0280 0000", DecodeError.InvalidLength)]
    public void ReadSequence_BadIndefinite_Throws(string hex, DecodeError reason)
    {
        Should.Throw<DecodeException>(() => new DerReader(Hex.Decode(hex), DerMode.Ber).ReadEncodedValue()).Reason.ShouldBe(reason);
    }

    [Fact]
    public void ReadEncodedValue_DeepIndefiniteNesting_ThrowsDepthExceeded()
    {
        byte[] data = new byte[4 * 1000];
        for (int i = 0; i < 1000; i++)
        {
            data[2 * i] = 0x30;
            data[(2 * i) + 1] = 0x80;
        }

        Should.Throw<DecodeException>(() => new DerReader(data, DerMode.Ber).ReadEncodedValue()).Reason.ShouldBe(DecodeError.DepthExceeded);
    }
}
