using System.Numerics;
using ManagedTls.Asn1;

namespace ManagedTls.Tests.Asn1;

public sealed class DerReaderPrimitiveTests
{
    [Theory]
    [InlineData("0101FF", true)]
    [InlineData("010100", false)]
    public void ReadBoolean_Canonical_ReturnsValue(string hex, bool expected)
    {
        new DerReader(Hex.Decode(hex)).ReadBoolean().ShouldBe(expected);
    }

    [Theory]
    [InlineData("010101", DerMode.Der, DecodeError.InvalidBoolean)]
    [InlineData("0100", DerMode.Der, DecodeError.InvalidBoolean)]
    [InlineData("01020000", DerMode.Ber, DecodeError.InvalidBoolean)]
    [InlineData("0201FF", DerMode.Der, DecodeError.UnexpectedTag)]
    [InlineData("2103 0101FF", DerMode.Der, DecodeError.UnexpectedTag)]
    public void ReadBoolean_Invalid_Throws(string hex, DerMode mode, DecodeError reason)
    {
        Should.Throw<DecodeException>(() => new DerReader(Hex.Decode(hex), mode).ReadBoolean()).Reason.ShouldBe(reason);
    }

    [Fact]
    public void ReadBoolean_NonCanonicalTrueInBer_ReturnsTrue()
    {
        new DerReader(Hex.Decode("010101"), DerMode.Ber).ReadBoolean().ShouldBeTrue();
    }

    [Theory]
    [InlineData("020100", 0L)]
    [InlineData("02017F", 127L)]
    [InlineData("02020080", 128L)]
    [InlineData("020180", -128L)]
    [InlineData("0202FF7F", -129L)]
    [InlineData("02087FFFFFFFFFFFFFFF", long.MaxValue)]
    [InlineData("02088000000000000000", long.MinValue)]
    public void ReadInt64_Minimal_ReturnsValue(string hex, long expected)
    {
        new DerReader(Hex.Decode(hex)).ReadInt64().ShouldBe(expected);
        new DerReader(Hex.Decode(hex)).ReadInteger().ShouldBe(new BigInteger(expected));
    }

    [Theory]
    [InlineData("0200", DecodeError.InvalidInteger)]
    [InlineData("02020001", DecodeError.NonMinimalInteger)]
    [InlineData("0202FF80", DecodeError.NonMinimalInteger)]
    [InlineData("0209008000000000000000", DecodeError.TooLarge)]
    [InlineData("0A0101", DecodeError.UnexpectedTag)]
    public void ReadInt64_Invalid_Throws(string hex, DecodeError reason)
    {
        Should.Throw<DecodeException>(() => new DerReader(Hex.Decode(hex)).ReadInt64()).Reason.ShouldBe(reason);
    }

    [Fact]
    public void ReadIntegerBytes_NonMinimalWithLenientOption_ReturnsRawContent()
    {
        var options = new DerReaderOptions(DerMode.Der) { AllowNonMinimalIntegers = true };
        Hex.Encode(new DerReader(Hex.Decode("02020001"), options).ReadIntegerBytes()).ShouldBe("0001");
        new DerReader(Hex.Decode("02020001"), options).ReadInt32().ShouldBe(1);
    }

    [Theory]
    [InlineData("0201FF", "FF")]
    [InlineData("021500FFEEDDCCBBAA99887766554433221100FFEEDDCC", "00FFEEDDCCBBAA99887766554433221100FFEEDDCC")]
    public void ReadIntegerBytes_NegativeOrLongSerial_ReturnsContent(string hex, string content)
    {
        Hex.Encode(new DerReader(Hex.Decode(hex)).ReadIntegerBytes()).ShouldBe(content);
    }

    [Theory]
    [InlineData("020100", "00")]
    [InlineData("02020080", "80")]
    [InlineData("02017F", "7F")]
    public void ReadUnsignedIntegerBytes_NonNegative_ReturnsMagnitude(string hex, string magnitude)
    {
        Hex.Encode(new DerReader(Hex.Decode(hex)).ReadUnsignedIntegerBytes()).ShouldBe(magnitude);
    }

    [Fact]
    public void ReadUnsignedIntegerBytes_Negative_ThrowsInvalidInteger()
    {
        Should.Throw<DecodeException>(() => new DerReader(Hex.Decode("020180")).ReadUnsignedIntegerBytes()).Reason.ShouldBe(DecodeError.InvalidInteger);
    }

    [Theory]
    [InlineData("0A0100", 0)]
    [InlineData("0A0105", 5)]
    public void ReadEnumerated_Valid_ReturnsValue(string hex, int expected)
    {
        new DerReader(Hex.Decode(hex)).ReadEnumerated().ShouldBe(expected);
    }

    [Fact]
    public void ReadInt32_OutOfRange_ThrowsTooLarge()
    {
        Should.Throw<DecodeException>(() => new DerReader(Hex.Decode("020500FFFFFFFF")).ReadInt32()).Reason.ShouldBe(DecodeError.TooLarge);
    }

    [Fact]
    public void ReadInt32_ImplicitTag_ReadsContext()
    {
        new DerReader(Hex.Decode("800105")).ReadInt32(Asn1Tag.Context(0, false)).ShouldBe(5);
    }

    [Theory]
    [InlineData("0500")]
    [InlineData("8000")]
    public void ReadNull_Empty_Succeeds(string hex)
    {
        var reader = new DerReader(Hex.Decode(hex));
        reader.ReadNull(hex.StartsWith("80", StringComparison.Ordinal) ? Asn1Tag.Context(0, false) : null);
        reader.HasData.ShouldBeFalse();
    }

    [Fact]
    public void ReadNull_WithContent_ThrowsInvalidNull()
    {
        Should.Throw<DecodeException>(() => new DerReader(Hex.Decode("050100")).ReadNull()).Reason.ShouldBe(DecodeError.InvalidNull);
    }
}
