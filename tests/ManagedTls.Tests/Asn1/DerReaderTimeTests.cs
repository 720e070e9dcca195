using ManagedTls.Asn1;

namespace ManagedTls.Tests.Asn1;

public sealed class DerReaderTimeTests
{
    [Theory]
    [InlineData("491231235959Z", "2049-12-31T23:59:59Z")]
    [InlineData("500101000000Z", "1950-01-01T00:00:00Z")]
    [InlineData("240229120000Z", "2024-02-29T12:00:00Z")]
    public void ReadUtcTime_Der_ReturnsUtcInstant(string text, string expected)
    {
        new DerReader(Encode(0x17, text)).ReadUtcTime().ShouldBe(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("4912312359Z")]
    [InlineData("491231235959+0000")]
    [InlineData("491231235959")]
    [InlineData("491231235960Z")]
    [InlineData("230229120000Z")]
    [InlineData("241301000000Z")]
    [InlineData("240100000000Z")]
    [InlineData("242401240000Z")]
    [InlineData("4912312359 9Z")]
    [InlineData("491231235959ZZ")]
    [InlineData("")]
    public void ReadUtcTime_NotDer_ThrowsInvalidTime(string text)
    {
        Should.Throw<DecodeException>(() => new DerReader(Encode(0x17, text)).ReadUtcTime()).Reason.ShouldBe(DecodeError.InvalidTime);
    }

    [Theory]
    [InlineData("4912312359Z", "2049-12-31T23:59:00Z")]
    [InlineData("491231235959+0100", "2049-12-31T22:59:59Z")]
    [InlineData("4912312359-0130", "2050-01-01T01:29:00Z")]
    public void ReadUtcTime_BerForms_Accepted(string text, string expected)
    {
        new DerReader(Encode(0x17, text), DerMode.Ber).ReadUtcTime().ShouldBe(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("20500101000000Z", "2050-01-01T00:00:00Z")]
    [InlineData("99991231235959Z", "9999-12-31T23:59:59Z")]
    [InlineData("19991231235959.5Z", "1999-12-31T23:59:59.5Z")]
    [InlineData("19991231235959.1234567Z", "1999-12-31T23:59:59.1234567Z")]
    [InlineData("19991231235959.123456789Z", "1999-12-31T23:59:59.1234567Z")]
    public void ReadGeneralizedTime_Der_ReturnsUtcInstant(string text, string expected)
    {
        new DerReader(Encode(0x18, text)).ReadGeneralizedTime().ShouldBe(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("20500101000000")]
    [InlineData("205001010000Z")]
    [InlineData("20500101000000.Z")]
    [InlineData("20500101000000.50Z")]
    [InlineData("20500101000000,5Z")]
    [InlineData("20500101000000+0100")]
    [InlineData("00000101000000Z")]
    [InlineData("2050010100000Z")]
    public void ReadGeneralizedTime_NotDer_ThrowsInvalidTime(string text)
    {
        Should.Throw<DecodeException>(() => new DerReader(Encode(0x18, text)).ReadGeneralizedTime()).Reason.ShouldBe(DecodeError.InvalidTime);
    }

    [Theory]
    [InlineData("2050010100", "2050-01-01T00:00:00Z")]
    [InlineData("20500101000000,5+0100", "2049-12-31T23:00:00.5Z")]
    [InlineData("00010101000000+0100", null)]
    public void ReadGeneralizedTime_BerForms_AcceptedOrRange(string text, string? expected)
    {
        if (expected is null)
        {
            Should.Throw<DecodeException>(() => new DerReader(Encode(0x18, text), DerMode.Ber).ReadGeneralizedTime()).Reason.ShouldBe(DecodeError.InvalidTime);
            return;
        }

        new DerReader(Encode(0x18, text), DerMode.Ber).ReadGeneralizedTime().ShouldBe(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void ReadTime_Choice_ReadsEither()
    {
        byte[] data = [.. Encode(0x17, "250101000000Z"), .. Encode(0x18, "20500101000000Z")];
        var reader = new DerReader(data);
        reader.ReadTime().Year.ShouldBe(2025);
        reader.ReadTime().Year.ShouldBe(2050);
        reader.ExpectEmpty();
    }

    [Fact]
    public void ReadTime_OtherTag_ThrowsUnexpectedTag()
    {
        Should.Throw<DecodeException>(() => new DerReader(Hex.Decode("020100")).ReadTime()).Reason.ShouldBe(DecodeError.UnexpectedTag);
    }

    private static byte[] Encode(byte tag, string text) => [tag, (byte)text.Length, .. System.Text.Encoding.ASCII.GetBytes(text)];
}
