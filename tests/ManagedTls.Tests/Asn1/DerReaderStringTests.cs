using ManagedTls.Asn1;

namespace ManagedTls.Tests.Asn1;

public sealed class DerReaderStringTests
{
    [Theory]
    [InlineData("030100", 0, "")]
    [InlineData("0302 00 FF", 0, "FF")]
    [InlineData("0302 07 80", 7, "80")]
    [InlineData("0303 04 FFF0", 4, "FFF0")]
    public void ReadBitString_Valid_ReturnsBitsAndUnusedCount(string hex, int unused, string bits)
    {
        Hex.Encode(new DerReader(Hex.Decode(hex)).ReadBitString(out int unusedBits)).ShouldBe(bits);
        unusedBits.ShouldBe(unused);
    }

    [Theory]
    [InlineData("0300", DerMode.Der)]
    [InlineData("030101", DerMode.Der)]
    [InlineData("0302 08 00", DerMode.Der)]
    [InlineData("0302 01 01", DerMode.Der)]
    [InlineData("0303 04 FFF8", DerMode.Der)]
    [InlineData("0300", DerMode.Ber)]
    public void ReadBitString_Invalid_ThrowsInvalidBitString(string hex, DerMode mode)
    {
        Should.Throw<DecodeException>(() => new DerReader(Hex.Decode(hex), mode).ReadBitString(out _)).Reason.ShouldBe(DecodeError.InvalidBitString);
    }

    [Fact]
    public void ReadBitString_NonZeroPaddingInBer_Succeeds()
    {
        Hex.Encode(new DerReader(Hex.Decode("03020101"), DerMode.Ber).ReadBitString(out int unused)).ShouldBe("01");
        unused.ShouldBe(1);
    }

    [Fact]
    public void ReadOctetString_Primitive_ReturnsContent()
    {
        Hex.Encode(new DerReader(Hex.Decode("0403010203")).ReadOctetString()).ShouldBe("010203");
        Hex.Encode(new DerReader(Hex.Decode("0403010203")).ReadOctetStringBytes()).ShouldBe("010203");
    }

    [Theory]
    [InlineData("2406 0401AA 0401BB", "AABB")]
    [InlineData("2480 0401AA 2480 0401BB 0000 0000", "AABB")]
    [InlineData("2480 0000", "")]
    public void ReadOctetStringBytes_ConstructedInBer_JoinsSegments(string hex, string expected)
    {
        var reader = new DerReader(Hex.Decode(hex), DerMode.Ber);
        Hex.Encode(reader.ReadOctetStringBytes()).ShouldBe(expected);
        reader.ExpectEmpty();
    }

    [Fact]
    public void ReadOctetStringBytes_ConstructedInDer_ThrowsConstructedStringInDer()
    {
        Should.Throw<DecodeException>(() => new DerReader(Hex.Decode("2406 0401AA 0401BB")).ReadOctetStringBytes())
            .Reason.ShouldBe(DecodeError.ConstructedStringInDer);
    }

    [Theory]
    [InlineData("2309 0303 00AABB 0302 04F0", "AABBF0", 4)]
    [InlineData("2380 2380 030200AA 0000 030100 0000", "AA", 0)]
    [InlineData("0302 04F0", "F0", 4)]
    public void ReadBitStringBytes_ConstructedInBer_JoinsSegments(string hex, string bits, int unused)
    {
        var reader = new DerReader(Hex.Decode(hex), DerMode.Ber);
        Hex.Encode(reader.ReadBitStringBytes(out int unusedBits)).ShouldBe(bits);
        unusedBits.ShouldBe(unused);
        reader.ExpectEmpty();
    }

    [Theory]
    [InlineData("2308 0302 04F0 0302 00AA", DerMode.Ber, DecodeError.InvalidBitString)]
    [InlineData("2304 0302 00AA", DerMode.Der, DecodeError.ConstructedStringInDer)]
    public void ReadBitStringBytes_Invalid_Throws(string hex, DerMode mode, DecodeError reason)
    {
        Should.Throw<DecodeException>(() => new DerReader(Hex.Decode(hex), mode).ReadBitStringBytes(out _)).Reason.ShouldBe(reason);
    }

    [Theory]
    [InlineData("0C03 616263", 12, "abc")]
    [InlineData("0C02 C3A9", 12, "\u00e9")]
    [InlineData("1303 412D42", 19, "A-B")]
    [InlineData("1303 412A26", 19, "A*&")]
    [InlineData("1603 61406E", 22, "a@n")]
    [InlineData("1402 E9FF", 20, "\u00e9\u00ff")]
    [InlineData("1E04 00410416", 30, "A\u0416")]
    [InlineData("1C08 000000410001F600", 28, "A\U0001F600")]
    [InlineData("1A03 7E207E", 26, "~ ~")]
    [InlineData("1203 312033", 18, "1 3")]
    [InlineData("1200", 18, "")]
    public void ReadCharacterString_Valid_Decodes(string hex, int type, string expected)
    {
        new DerReader(Hex.Decode(hex)).ReadCharacterString(new Asn1Tag(TagClass.Universal, type)).ShouldBe(expected);
    }

    [Theory]
    [InlineData("0C01 C3", 12)]
    [InlineData("0C02 C0AF", 12)]
    [InlineData("1301 40", 19)]
    [InlineData("1301 5F", 19)]
    [InlineData("1601 80", 22)]
    [InlineData("1E03 004100", 30)]
    [InlineData("1E02 D800", 30)] // lone high surrogate: would decode to U+FFFD
    [InlineData("1E04 0041DC00", 30)] // lone low surrogate
    [InlineData("1E04 D83DDE00", 30)] // a pair: UCS-2 has no surrogates (DerWriter and OpenSSL refuse them)
    [InlineData("1C04 0000D800", 28)]
    [InlineData("1C04 00110000", 28)]
    [InlineData("1C03 000041", 28)]
    [InlineData("1A01 7F", 26)]
    [InlineData("1A01 0A", 26)]
    [InlineData("1201 41", 18)]
    public void ReadCharacterString_OutsideRepertoire_ThrowsInvalidString(string hex, int type)
    {
        Should.Throw<DecodeException>(() => new DerReader(Hex.Decode(hex)).ReadCharacterString(new Asn1Tag(TagClass.Universal, type)))
            .Reason.ShouldBe(DecodeError.InvalidString);
    }

    [Fact]
    public void ReadCharacterString_ImplicitContextTag_Decodes()
    {
        new DerReader(Hex.Decode("820B6578616D706C652E636F6D")).ReadCharacterString(Asn1Tag.IA5String, Asn1Tag.Context(2, false)).ShouldBe("example.com");
    }

    [Fact]
    public void ReadCharacterString_WrongTag_ThrowsUnexpectedTag()
    {
        Should.Throw<DecodeException>(() => new DerReader(Hex.Decode("0C0161")).ReadCharacterString(Asn1Tag.PrintableString))
            .Reason.ShouldBe(DecodeError.UnexpectedTag);
    }

    [Fact]
    public void ReadCharacterString_ConstructedInDer_ThrowsConstructedStringInDer()
    {
        Should.Throw<DecodeException>(() => new DerReader(Hex.Decode("2C03 0C0161")).ReadCharacterString(Asn1Tag.Utf8String))
            .Reason.ShouldBe(DecodeError.ConstructedStringInDer);
    }

    [Theory]
    [InlineData("2C08 040261 62 0402 6364", "abcd")]
    [InlineData("3380 0401 41 0000", "A")]
    public void ReadCharacterString_ConstructedInBer_JoinsSegments(string hex, string expected)
    {
        var tag = hex.StartsWith("2C", StringComparison.Ordinal) ? Asn1Tag.Utf8String : Asn1Tag.PrintableString;
        var reader = new DerReader(Hex.Decode(hex), DerMode.Ber);
        reader.ReadCharacterString(tag).ShouldBe(expected);
        reader.ExpectEmpty();
    }

    [Fact]
    public void ReadCharacterString_ConstructedInBerWithBadCharacter_ThrowsInvalidString()
    {
        Should.Throw<DecodeException>(() => new DerReader(Hex.Decode("3303 04015F"), DerMode.Ber).ReadCharacterString(Asn1Tag.PrintableString))
            .Reason.ShouldBe(DecodeError.InvalidString);
    }

    [Fact]
    public void ReadCharacterString_NotAStringType_ThrowsArgumentException()
    {
        Should.Throw<ArgumentException>(() => new DerReader(Hex.Decode("020100")).ReadCharacterString(Asn1Tag.Integer));
    }
}
