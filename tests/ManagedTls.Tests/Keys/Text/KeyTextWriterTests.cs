// The hex layout rules of OpenSSL 3.0's print_labeled_bignum / print_labeled_buf (encode_key2text.c), table-driven.
// Expected strings were checked against `openssl pkey -text -noout` output for keys with such fields (the 15-octet
// line, the leading 00, decimal small integers such as "publicExponent: 65537 (0x10001)").
using System.Text;
using ManagedTls.Keys;

namespace ManagedTls.Tests.Keys.Text;

public class KeyTextWriterTests
{
    public static TheoryData<string, string, string> Integers => new()
    {
        // label, value (hex), expected text
        { "empty is zero", "", "x: 0\n" },
        { "zero", "00", "x: 0\n" },
        { "leading zeros ignored", "000001", "x: 1 (0x1)\n" },
        { "three", "03", "x: 3 (0x3)\n" },
        { "65537", "010001", "x: 65537 (0x10001)\n" },
        { "eight octets stay decimal", "ffffffffffffffff", "x: 18446744073709551615 (0xffffffffffffffff)\n" },
        { "nine octets go hex", "010203040506070809", "x:\n    01:02:03:04:05:06:07:08:09\n" },
        { "nine octets, top bit set", "810203040506070809", "x:\n    00:81:02:03:04:05:06:07:08:09\n" },
        { "exactly 15", "0102030405060708090a0b0c0d0e0f", "x:\n    01:02:03:04:05:06:07:08:09:0a:0b:0c:0d:0e:0f\n" },
        { "15 with top bit: the 00 pushes one octet to a second line", "8102030405060708090a0b0c0d0e0f", "x:\n    00:81:02:03:04:05:06:07:08:09:0a:0b:0c:0d:0e:\n    0f\n" },
        { "14 with top bit fills one line", "8102030405060708090a0b0c0d0e", "x:\n    00:81:02:03:04:05:06:07:08:09:0a:0b:0c:0d:0e\n" },
        { "16", "0102030405060708090a0b0c0d0e0f10", "x:\n    01:02:03:04:05:06:07:08:09:0a:0b:0c:0d:0e:0f:\n    10\n" },
        { "30 is two full lines", "0102030405060708090a0b0c0d0e0f0102030405060708090a0b0c0d0e0f", "x:\n    01:02:03:04:05:06:07:08:09:0a:0b:0c:0d:0e:0f:\n    01:02:03:04:05:06:07:08:09:0a:0b:0c:0d:0e:0f\n" },
        { "upper-case input prints lower-case", "ABCDEFABCDEFABCDEF", "x:\n    00:ab:cd:ef:ab:cd:ef:ab:cd:ef\n" },
    };

    public static TheoryData<string, string, string> Octets => new()
    {
        { "empty leaves an empty line", "", "x:\n\n" },
        { "one", "05", "x:\n    05\n" },
        { "top bit set: no 00 added", "86a5", "x:\n    86:a5\n" },
        { "leading zeros kept", "0000ff", "x:\n    00:00:ff\n" },
        { "exactly 15", "0102030405060708090a0b0c0d0e0f", "x:\n    01:02:03:04:05:06:07:08:09:0a:0b:0c:0d:0e:0f\n" },
        { "16", "0102030405060708090a0b0c0d0e0f10", "x:\n    01:02:03:04:05:06:07:08:09:0a:0b:0c:0d:0e:0f:\n    10\n" },
    };

    [Theory]
    [MemberData(nameof(Integers))]
    public void WriteInteger_Value_OpenSslBignumLayout(string because, string hex, string expected)
    {
        var writer = new KeyTextWriter(0);

        writer.WriteInteger("x:", Convert.FromHexString(hex));

        writer.ToString().ShouldBe(expected, because);
    }

    [Theory]
    [MemberData(nameof(Octets))]
    public void WriteOctets_Value_OpenSslBufferLayout(string because, string hex, string expected)
    {
        var writer = new KeyTextWriter(0);

        writer.WriteOctets("x:", Convert.FromHexString(hex));

        writer.ToString().ShouldBe(expected, because);
    }

    [Theory]
    [InlineData("", true, "prime3: 0\n")]
    [InlineData("", false, "prime3:0\n")]
    [InlineData("07", true, "prime3: 7 (0x7)\n")]
    [InlineData("07", false, "prime3:7 (0x7)\n")]
    [InlineData("010203040506070809", false, "prime3:\n    01:02:03:04:05:06:07:08:09\n")]
    public void WriteInteger_NoSpaceAfterLabel_SmallValueFollowsColon(string hex, bool space, string expected)
    {
        var writer = new KeyTextWriter(0);

        writer.WriteInteger("prime3:", Convert.FromHexString(hex), space);

        writer.ToString().ShouldBe(expected);
    }

    [Theory]
    [InlineData(0, "a:\n    01:02\nb:\n\n")]
    [InlineData(2, "  a:\n      01:02\n  b:\n  \n")]
    public void Write_Indent_PrefixesEveryLineIncludingEmptyOnes(int indent, string expected)
    {
        var writer = new KeyTextWriter(indent);

        writer.WriteOctets("a:", [1, 2]);
        writer.WriteOctets("b:", []);

        writer.ToString().ShouldBe(expected);
    }

    [Fact]
    public void Write_PartialLines_IndentOnlyAtLineStart()
    {
        var writer = new KeyTextWriter(4);

        writer.Write("ab");
        writer.Write("c\nd");
        writer.WriteLine("e");

        writer.ToString().ShouldBe("    abc\n    de\n");
    }

    [Fact]
    public void KeyTextWriter_NegativeIndent_Throws() =>
        Should.Throw<ArgumentOutOfRangeException>(() => new KeyTextWriter(-1));

    [Fact]
    public void WriteInteger_2048BitModulus_18LinesOf15()
    {
        byte[] modulus = new byte[256];
        modulus.AsSpan().Fill(0xff);
        var writer = new KeyTextWriter(0);

        writer.WriteInteger("modulus:", modulus);

        // 257 octets with the leading 00: 17 full lines and one of 2, each line but the last ending in ':'.
        string[] lines = writer.ToString().Split('\n');
        lines.Length.ShouldBe(1 + 18 + 1);
        lines[1].ShouldBe("    00:" + string.Join(':', Enumerable.Repeat("ff", 14)) + ":");
        lines[18].ShouldBe("    ff:ff");
        lines[19].ShouldBeEmpty();
        Encoding.ASCII.GetByteCount(writer.ToString()).ShouldBe(writer.ToString().Length);
    }
}
