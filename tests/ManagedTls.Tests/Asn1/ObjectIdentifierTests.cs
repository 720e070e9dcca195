using ManagedTls.Asn1;
using ManagedTls.Tests.TestSupport;

namespace ManagedTls.Tests.Asn1;

public sealed class ObjectIdentifierTests
{
    [Theory]
    [InlineData("06032A8648", "1.2.840")]
    [InlineData("06092A864886F70D01010B", "1.2.840.113549.1.1.11")]
    [InlineData("0603550403", "2.5.4.3")]
    [InlineData("060100", "0.0")]
    [InlineData("060127", "0.39")]
    [InlineData("060128", "1.0")]
    [InlineData("06024F00", "1.39.0")]
    [InlineData("0603883703", "2.999.3")]
    [InlineData("06146982808080808080808080808080808080808000", "2.25.170141183460469231731687303715884105728")]
    public void ReadObjectIdentifier_Valid_ReturnsDotted(string hex, string dotted)
    {
        new DerReader(Hex.Decode(hex)).ReadObjectIdentifier().ShouldBe(dotted);
        Hex.Encode(ObjectIdentifier.Encode(dotted)).ShouldBe(Hex.Encode(new DerReader(Hex.Decode(hex)).ReadObjectIdentifierBytes()));
    }

    [Theory]
    [InlineData("0600", DecodeError.InvalidObjectIdentifier, 2)]
    [InlineData("06022A86", DecodeError.InvalidObjectIdentifier, 3)]
    [InlineData("0603 2A 8001", DecodeError.InvalidObjectIdentifier, 3)]
    [InlineData("0602 8001", DecodeError.InvalidObjectIdentifier, 2)]
    [InlineData("0615 2A 8480808080808080808080808080808080808000", DecodeError.TooLarge, 3)]
    [InlineData("0614 2A 84808080808080808080808080808080808000", DecodeError.TooLarge, 3)]
    public void ReadObjectIdentifierBytes_Malformed_ThrowsAtOffset(string hex, DecodeError reason, int offset)
    {
        var ex = Should.Throw<DecodeException>(() => new DerReader(Hex.Decode(hex)).ReadObjectIdentifierBytes());
        ex.Reason.ShouldBe(reason);
        ex.Offset.ShouldBe(offset);
    }

    [Fact]
    public void ReadObjectIdentifier_LargestArc_Formats()
    {
        // 2^128 - 1 as the third arc: 19 octets, top octet 0x83.
        byte[] arc = new byte[19];
        arc[0] = 0x83;
        for (int i = 1; i < 18; i++)
        {
            arc[i] = 0xFF;
        }

        arc[18] = 0x7F;
        byte[] content = [0x2A, .. arc];
        ObjectIdentifier.ToDotted(content).ShouldBe("1.2." + UInt128.MaxValue);
        ObjectIdentifier.Encode("1.2." + UInt128.MaxValue).ShouldBe(content);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1")]
    [InlineData("3.1")]
    [InlineData("1.40")]
    [InlineData("0.40")]
    [InlineData("1.2.")]
    [InlineData(".1.2")]
    [InlineData("1..2")]
    [InlineData("1.02")]
    [InlineData("1.2.a")]
    [InlineData("1.2.-3")]
    [InlineData("1.2.340282366920938463463374607431768211456")]
    public void TryEncode_Invalid_ReturnsFalse(string dotted)
    {
        ObjectIdentifier.TryEncode(dotted, new byte[64], out _).ShouldBeFalse();
        Should.Throw<FormatException>(() => ObjectIdentifier.Encode(dotted));
    }

    [Fact]
    public void TryEncode_DestinationTooSmall_ReturnsFalse()
    {
        ObjectIdentifier.TryEncode("1.2.840.113549", new byte[3], out _).ShouldBeFalse();
        ObjectIdentifier.TryEncode("1.2.840.113549", new byte[6], out int written).ShouldBeTrue();
        written.ShouldBe(6);
    }

    [SkippableFact]
    public void Encode_ComparedWithOpenSsl_MatchesDer()
    {
        OpenSslPeer.Require();
        string[] oids = ["1.2.840.113549.1.1.11", "2.5.29.17", "1.3.6.1.4.1.311.60.2.1.3", "2.999.1234567890123", "0.9.2342.19200300.100.1.25"];
        foreach (string oid in oids)
        {
            string conf = Path.GetTempFileName();
            File.WriteAllText(conf, $"asn1=OID:{oid}\n");
            try
            {
                ProcessResult result = OpenSslPeer.Run("asn1parse", "-genconf", conf, "-noout", "-out", "/dev/stdout");
                byte[] expected = result.StdoutBytes;
                using var writer = new DerWriter();
                writer.WriteObjectIdentifier(oid);
                Hex.Encode(writer.ToArray()).ShouldBe(Hex.Encode(expected), oid);
                new DerReader(expected).ReadObjectIdentifier().ShouldBe(oid);
            }
            finally
            {
                File.Delete(conf);
            }
        }
    }
}
