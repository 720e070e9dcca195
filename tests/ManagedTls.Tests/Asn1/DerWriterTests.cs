using System.Buffers;
using System.Numerics;
using System.Reflection;
using ManagedTls.Asn1;

namespace ManagedTls.Tests.Asn1;

public sealed class DerWriterTests
{
    [Theory]
    [InlineData(0L, "020100")]
    [InlineData(127L, "02017F")]
    [InlineData(128L, "02020080")]
    [InlineData(-128L, "020180")]
    [InlineData(-129L, "0202FF7F")]
    [InlineData(long.MaxValue, "02087FFFFFFFFFFFFFFF")]
    [InlineData(long.MinValue, "02088000000000000000")]
    public void WriteInteger_Int64_Minimal(long value, string expected)
    {
        using var w = new DerWriter();
        w.WriteInteger(value);
        Hex.Encode(w.ToArray()).ShouldBe(expected);
        using var b = new DerWriter();
        b.WriteInteger(new BigInteger(value));
        Hex.Encode(b.ToArray()).ShouldBe(expected);
    }

    [Theory]
    [InlineData("", "020100")]
    [InlineData("0000", "020100")]
    [InlineData("80", "02020080")]
    [InlineData("00007F", "02017F")]
    public void WriteIntegerUnsigned_Magnitude_AddsSignOctet(string magnitude, string expected)
    {
        using var w = new DerWriter();
        w.WriteIntegerUnsigned(Hex.Decode(magnitude));
        Hex.Encode(w.ToArray()).ShouldBe(expected);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0001")]
    [InlineData("FF80")]
    public void WriteInteger_NonMinimalTwosComplement_Throws(string content)
    {
        using var w = new DerWriter();
        Should.Throw<ArgumentException>(() => w.WriteInteger(Hex.Decode(content).AsSpan()));
    }

    [Fact]
    public void PushSequence_NestedScopes_BackPatchLengths()
    {
        using var w = new DerWriter();
        using (w.PushSequence())
        {
            w.WriteInteger(1);
            using (w.PushExplicit(0))
            {
                w.WriteBoolean(true);
            }

            using (w.PushOctetString())
            {
                w.WriteNull();
            }

            using (w.PushBitString())
            {
                w.WriteNull();
            }
        }

        Hex.Encode(w.ToArray()).ShouldBe("3011020101A0030101FF040205000303000500");
    }

    [Theory]
    [InlineData(127, "307F")]
    [InlineData(128, "308180")]
    [InlineData(255, "3081FF")]
    [InlineData(256, "30820100")]
    [InlineData(70000, "3083011170")]
    public void PushSequence_LongContent_WidensLength(int contentLength, string headerHex)
    {
        using var w = new DerWriter();
        using (w.PushSequence())
        {
            w.WriteEncodedValue(MakeOctetString(contentLength));
        }

        byte[] result = w.ToArray();
        Hex.Encode(result.AsSpan(0, headerHex.Length / 2)).ShouldBe(headerHex);
        result.Length.ShouldBe((headerHex.Length / 2) + contentLength);
        var reader = new DerReader(result);
        reader.ReadSequence().ReadEncodedValue().Length.ShouldBe(contentLength);
    }

    [Fact]
    public void PushSetOf_Der_SortsElements()
    {
        using var w = new DerWriter();
        using (w.PushSetOf())
        {
            w.WriteInteger(3);
            w.WriteOctetString([0xFF]);
            w.WriteInteger(1);
            w.WriteOctetString([0x00, 0x00]);
        }

        Hex.Encode(w.ToArray()).ShouldBe("310D0201010201030401FF04020000");
    }

    [Fact]
    public void PushSetOf_Ber_KeepsWrittenOrder()
    {
        using var w = new DerWriter(DerMode.Ber);
        using (w.PushSetOf())
        {
            w.WriteInteger(3);
            w.WriteInteger(1);
        }

        Hex.Encode(w.ToArray()).ShouldBe("3106020103020101");
    }

    [Fact]
    public void Scope_ClosedOutOfOrder_Throws()
    {
        using var w = new DerWriter();
        DerWriter.Scope outer = w.PushSequence();
        w.PushSequence();
        Should.Throw<InvalidOperationException>(() => outer.Dispose());
        Should.Throw<InvalidOperationException>(() => w.ToArray());
    }

    [Fact]
    public void Scope_DisposedTwice_DoesNotCloseALaterScope()
    {
        using var w = new DerWriter();
        using (w.PushSequence())
        {
            DerWriter.Scope first = w.PushSequence();
            w.WriteNull();
            first.Dispose();
            using (w.PushSequence())
            {
                first.Dispose(); // stale: must not close the sibling opened since
                w.WriteInteger(1);
            }
        }

        Hex.Encode(w.ToArray()).ShouldBe("3009" + "30020500" + "3003020101");
    }

    [Fact]
    public void Scope_DisposedAfterReset_IsNoOp()
    {
        using var w = new DerWriter();
        DerWriter.Scope stale = w.PushSequence();
        w.Reset();
        using (w.PushSequence())
        {
            stale.Dispose();
            w.WriteNull();
        }

        Hex.Encode(w.ToArray()).ShouldBe("30020500");
    }

    [Theory]
    [InlineData("0C", "h\u00e9", "0C0368C3A9")]
    [InlineData("13", "Test CA", "13075465737420434")]
    [InlineData("16", "a@b", "1603614062")]
    [InlineData("14", "\u00e9", "1401E9")]
    [InlineData("1E", "A\u0416", "1E0400410416")]
    [InlineData("1C", "A", "1C0400000041")]
    [InlineData("1A", "x y", "1A0378207")]
    [InlineData("12", "12 3", "120431322033")]
    public void WriteCharacterString_Valid_EncodesAndRoundTrips(string tagHex, string text, string expectedPrefix)
    {
        var tag = new Asn1Tag(TagClass.Universal, Convert.ToInt32(tagHex, 16));
        using var w = new DerWriter();
        w.WriteCharacterString(tag, text);
        byte[] encoded = w.ToArray();
        Hex.Encode(encoded).ShouldStartWith(expectedPrefix);
        new DerReader(encoded).ReadCharacterString(tag).ShouldBe(text);
    }

    [Theory]
    [InlineData(19, "a_b")]
    [InlineData(22, "\u00e9")]
    [InlineData(18, "12a")]
    [InlineData(26, "\n")]
    [InlineData(20, "\u0416")]
    [InlineData(30, "\U0001F600")]
    public void WriteCharacterString_OutsideRepertoire_Throws(int type, string text)
    {
        using var w = new DerWriter();
        Should.Throw<ArgumentException>(() => w.WriteCharacterString(new Asn1Tag(TagClass.Universal, type), text));
    }

    [Fact]
    public void WriteTimes_RoundTrip()
    {
        var instant = new DateTimeOffset(2031, 7, 4, 13, 5, 9, TimeSpan.FromHours(2)).AddTicks(1_250_000);
        using var w = new DerWriter();
        w.WriteUtcTime(instant);
        w.WriteGeneralizedTime(instant);
        w.WriteGeneralizedTime(instant, omitFractionalSeconds: true);
        byte[] encoded = w.ToArray();
        Hex.Encode(encoded).ShouldBe(
            "170D" + Hex.Encode("310704110509Z"u8) + "1813" + Hex.Encode("20310704110509.125Z"u8) + "180F" + Hex.Encode("20310704110509Z"u8));
        var r = new DerReader(encoded);
        r.ReadUtcTime().ShouldBe(instant.AddTicks(-1_250_000));
        r.ReadGeneralizedTime().ShouldBe(instant);
        r.ReadTime().ShouldBe(instant.AddTicks(-1_250_000));
    }

    [Fact]
    public void WriteCharacterString_LoneSurrogateInUtf8_Throws()
    {
        using var w = new DerWriter();
        Should.Throw<ArgumentException>(() => w.WriteCharacterString(Asn1Tag.Utf8String, new string('\ud800', 1)));
    }

    [Fact]
    public void WriteUtcTime_OutOfRange_Throws()
    {
        using var w = new DerWriter();
        Should.Throw<ArgumentOutOfRangeException>(() => w.WriteUtcTime(new DateTimeOffset(2050, 1, 1, 0, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void WriteBitString_Der_ClearsPaddingBits()
    {
        using var w = new DerWriter();
        w.WriteBitString([0xFF], 3);
        Hex.Encode(w.ToArray()).ShouldBe("030203F8");
    }

    [Fact]
    public void WritePrimitives_ImplicitTags_UseOverride()
    {
        using var w = new DerWriter();
        w.WriteInteger(5, Asn1Tag.Context(1, false));
        w.WriteCharacterString(Asn1Tag.IA5String, "a", Asn1Tag.Context(2, false));
        w.WriteOctetString([1], Asn1Tag.Context(3, true));
        w.WriteObjectIdentifier("2.5.4.3");
        w.WriteEnumerated(2);
        w.WriteBoolean(false);
        Hex.Encode(w.ToArray()).ShouldBe("810105820161830101060355040" + "30A0102010100");
    }

    [Theory]
    [InlineData("")]
    [InlineData("0201")]
    [InlineData("02010100")]
    [InlineData("3080020101 0000")]
    public void WriteEncodedValue_NotOneElement_Throws(string hex)
    {
        using var w = new DerWriter();
        Should.Throw<ArgumentException>(() => w.WriteEncodedValue(Hex.Decode(hex)));
    }

    [Fact]
    public void TryEncode_SmallDestination_ReturnsFalse()
    {
        using var w = new DerWriter();
        w.WriteNull();
        w.TryEncode(new byte[1], out int written).ShouldBeFalse();
        written.ShouldBe(0);
        w.TryEncode(new byte[2], out written).ShouldBeTrue();
        written.ShouldBe(2);
        w.Length.ShouldBe(2);
    }

    [Fact]
    public void Dispose_ThenWrite_ThrowsObjectDisposed()
    {
        var w = new DerWriter();
        w.Dispose();
        w.Dispose();
        Should.Throw<ObjectDisposedException>(() => w.WriteNull());
    }

    [Fact]
    public void Writer_LargeOutput_GrowsBuffer()
    {
        using var w = new DerWriter();
        using (w.PushSequence())
        {
            for (int i = 0; i < 5000; i++)
            {
                w.WriteInteger(i);
            }
        }

        var reader = new DerReader(w.ToArray());
        DerReader seq = reader.ReadSequence();
        for (int i = 0; i < 5000; i++)
        {
            seq.ReadInt32().ShouldBe(i);
        }

        seq.ExpectEmpty();
    }

    private static byte[] MakeOctetString(int totalLength)
    {
        using var w = new DerWriter();
        int contentLength = totalLength - 2;
        while (contentLength + 1 + LengthSize(contentLength) > totalLength)
        {
            contentLength--;
        }

        w.WriteOctetString(new byte[contentLength]);
        w.ToArray().Length.ShouldBe(totalLength);
        return w.ToArray();

        static int LengthSize(int n) => n < 0x80 ? 1 : n <= 0xFF ? 2 : n <= 0xFFFF ? 3 : 4;
    }

    [Fact]
    public void Reset_ThenShorterEncoding_PooledBufferIsClearedOnDispose()
    {
        byte[] secret = Enumerable.Repeat((byte)0xA5, 200).ToArray();
        var w = new DerWriter();
        w.WriteOctetString(secret);
        w.Reset();
        w.WriteNull();
        byte[] pooled = (byte[])typeof(DerWriter).GetField("_buffer", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(w)!;

        w.Dispose();

        pooled.AsSpan().IndexOf(secret.AsSpan(0, 16)).ShouldBe(-1);
    }

    [Fact]
    public void WriteInteger_LargeBigInteger_RentedScratchIsClearedBeforeReturn()
    {
        byte[] magnitude = Enumerable.Repeat((byte)0x5A, 300).ToArray();
        var value = new BigInteger(magnitude, isUnsigned: true, isBigEndian: true);
        using var w = new DerWriter();

        w.WriteInteger(value);

        // Same thread, same size class: the pool hands back the array WriteInteger just returned.
        byte[] again = ArrayPool<byte>.Shared.Rent(value.GetByteCount());
        try
        {
            again.AsSpan().IndexOf(magnitude.AsSpan(0, 16)).ShouldBe(-1);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(again);
        }
    }
}
