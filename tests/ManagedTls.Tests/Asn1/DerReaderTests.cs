using ManagedTls.Asn1;

namespace ManagedTls.Tests.Asn1;

public sealed class DerReaderTests
{
    [Theory]
    [InlineData("3000", 0)]
    [InlineData("3003020101", 1)]
    [InlineData("3006020101020102", 2)]
    public void ReadSequence_ValidDer_ReturnsChildWithElements(string hex, int expectedIntegers)
    {
        var reader = new DerReader(Hex.Decode(hex));
        DerReader child = reader.ReadSequence();
        reader.ExpectEmpty();
        int count = 0;
        while (child.HasData)
        {
            child.ReadInt32();
            count++;
        }

        count.ShouldBe(expectedIntegers);
    }

    [Theory]
    [InlineData("", DecodeError.Truncated, 0)]
    [InlineData("30", DecodeError.Truncated, 1)]
    [InlineData("3001", DecodeError.Truncated, 0)]
    [InlineData("308100", DecodeError.NonMinimalLength, 1)]
    [InlineData("30817F" , DecodeError.NonMinimalLength, 1)]
    [InlineData("3082000100", DecodeError.NonMinimalLength, 1)]
    [InlineData("3080 0000", DecodeError.IndefiniteLengthInDer, 1)]
    [InlineData("30FF", DecodeError.InvalidLength, 1)]
    [InlineData("3085FFFFFFFFFF", DecodeError.TooLarge, 1)]
    [InlineData("3085FFFFFFFF", DecodeError.Truncated, 1)]
    [InlineData("3084FFFFFFFF", DecodeError.TooLarge, 1)]
    [InlineData("3084 7FFFFFFF", DecodeError.Truncated, 0)]
    [InlineData("020100", DecodeError.UnexpectedTag, 0)]
    [InlineData("1000", DecodeError.UnexpectedTag, 0)]
    public void ReadSequence_Malformed_ThrowsWithReasonAndOffset(string hex, DecodeError reason, int offset)
    {
        var ex = Should.Throw<DecodeException>(() =>
        {
            var reader = new DerReader(Hex.Decode(hex));
            reader.ReadSequence();
        });
        ex.Reason.ShouldBe(reason);
        ex.Offset.ShouldBe(offset);
    }

    [Fact]
    public void ExpectEmpty_TrailingBytes_ThrowsTrailingDataAtOffset()
    {
        var ex = Should.Throw<DecodeException>(() =>
        {
            var reader = new DerReader(Hex.Decode("300000"));
            reader.ReadSequence();
            reader.ExpectEmpty();
        });
        ex.Reason.ShouldBe(DecodeError.TrailingData);
        ex.Offset.ShouldBe(2);
    }

    [Fact]
    public void ChildReader_Offset_IsAbsolute()
    {
        var reader = new DerReader(Hex.Decode("3008 3006 0201 01 0201 02"));
        DerReader outer = reader.ReadSequence();
        outer.Offset.ShouldBe(2);
        outer.Depth.ShouldBe(1);
        DerReader inner = outer.ReadSequence();
        inner.Offset.ShouldBe(4);
        inner.Depth.ShouldBe(2);
        inner.ReadInt32().ShouldBe(1);
        inner.Offset.ShouldBe(7);
        Asn1Header header = inner.PeekHeader();
        header.Offset.ShouldBe(7);
        header.HeaderLength.ShouldBe(2);
        header.ContentLength.ShouldBe(1);
        header.Tag.ShouldBe(Asn1Tag.Integer);
    }

    [Theory]
    [InlineData("1F1F00", 31)]
    [InlineData("1F810000", 128)]
    [InlineData("9F8F7F00", (0x0F << 7) | 0x7F)]
    public void PeekTag_HighTagNumber_Decodes(string hex, int expected)
    {
        var reader = new DerReader(Hex.Decode(hex));
        reader.PeekTag().TagValue.ShouldBe(expected);
        reader.ReadEncodedValue().Length.ShouldBe(hex.Length / 2);
    }

    [Theory]
    [InlineData("1F1E00", DecodeError.InvalidTag)]
    [InlineData("1F808100", DecodeError.InvalidTag)]
    [InlineData("1F81", DecodeError.Truncated)]
    [InlineData("1FFFFFFFFF7F00", DecodeError.TooLarge)]
    public void PeekTag_BadHighTagNumber_Throws(string hex, DecodeError reason)
    {
        Should.Throw<DecodeException>(() => new DerReader(Hex.Decode(hex)).PeekTag()).Reason.ShouldBe(reason);
    }

    [Fact]
    public void ReadSequence_TooDeep_ThrowsDepthExceeded()
    {
        byte[] data = new byte[2 * 40];
        for (int i = 0; i < 40; i++)
        {
            data[2 * i] = 0x30;
            data[(2 * i) + 1] = (byte)(2 * (40 - i - 1));
        }

        var ex = Should.Throw<DecodeException>(() =>
        {
            var reader = new DerReader(data);
            Descend(ref reader);
        });
        ex.Reason.ShouldBe(DecodeError.DepthExceeded);
        ex.Offset.ShouldBe(2 * 32);

        static void Descend(ref DerReader r)
        {
            while (r.HasData)
            {
                DerReader child = r.ReadSequence();
                Descend(ref child);
            }
        }
    }

    [Fact]
    public void Constructor_InputOverLimit_ThrowsTooLarge()
    {
        var options = new DerReaderOptions(DerMode.Der) { MaxInputLength = 4 };
        Should.Throw<DecodeException>(() => new DerReader(new byte[5], options)).Reason.ShouldBe(DecodeError.TooLarge);
    }

    [Theory]
    [InlineData("A003020105", true, 5)]
    [InlineData("A103020105", false, 0)]
    [InlineData("8003020105", false, 0)]
    [InlineData("", false, 0)]
    public void TryReadExplicit_ByTag_ReturnsWhetherPresent(string hex, bool present, int value)
    {
        var reader = new DerReader(Hex.Decode(hex));
        bool found = reader.TryReadExplicit(0, out DerReader inner);
        found.ShouldBe(present);
        if (present)
        {
            inner.ReadInt32().ShouldBe(value);
            inner.ExpectEmpty();
            reader.HasData.ShouldBeFalse();
        }
    }

    [Theory]
    [InlineData("3106 020101 020102")]
    [InlineData("3106 020101 020101")]
    [InlineData("3107 0401FF 04020000")]
    [InlineData("3100")]
    public void ReadSetOf_Sorted_Succeeds(string hex)
    {
        var reader = new DerReader(Hex.Decode(hex));
        reader.ReadSetOf();
        reader.ExpectEmpty();
    }

    [Theory]
    [InlineData("3106 020102 020101")]
    [InlineData("3107 04020000 0401FF")]
    public void ReadSetOf_UnsortedInDer_ThrowsSetOfNotSorted(string hex)
    {
        Should.Throw<DecodeException>(() => new DerReader(Hex.Decode(hex)).ReadSetOf()).Reason.ShouldBe(DecodeError.SetOfNotSorted);
    }

    [Fact]
    public void ReadSetOf_UnsortedWithCheckDisabled_Succeeds()
    {
        var options = new DerReaderOptions(DerMode.Der) { CheckSetOfSortOrder = false };
        var reader = new DerReader(Hex.Decode("3106 020102 020101"), options);
        reader.ReadSetOf().ReadInt32().ShouldBe(2);
    }

    [Fact]
    public void ReadEncodedValue_Any_ReturnsWholeTlvAndAdvances()
    {
        var reader = new DerReader(Hex.Decode("3003020107 0500"));
        Hex.Encode(reader.ReadEncodedValue()).ShouldBe("3003020107");
        reader.Offset.ShouldBe(5);
        reader.ReadNull();
        reader.HasData.ShouldBeFalse();
    }

    [Fact]
    public void ReadContent_AnyTag_ReturnsContentAndHeader()
    {
        var reader = new DerReader(Hex.Decode("8203616263"));
        ReadOnlySpan<byte> content = reader.ReadContent(out Asn1Header header);
        Hex.Encode(content).ShouldBe("616263");
        header.Tag.ShouldBe(Asn1Tag.Context(2, false));
    }

    [Fact]
    public void ReadEncodedValue_EndOfContentsInDefiniteContext_Throws()
    {
        Should.Throw<DecodeException>(() => new DerReader(Hex.Decode("0000")).ReadEncodedValue()).Reason.ShouldBe(DecodeError.InvalidEndOfContents);
    }
}
