using System.Text;
using ManagedTls.Tests.TestSupport;

namespace ManagedTls.Tests.Cli;

public class Asn1ParseCommandTests
{
    private const string Sequence = "300602010502012A"; // SEQUENCE { INTEGER 5, INTEGER 42 }

    [Theory]
    [InlineData(Sequence, "    0:d=0  hl=2 l=   6 cons: SEQUENCE          \n    2:d=1  hl=2 l=   1 prim: INTEGER           :05\n    5:d=1  hl=2 l=   1 prim: INTEGER           :2A\n")]
    [InlineData("0603550403", "    0:d=0  hl=2 l=   3 prim: OBJECT            :commonName\n")]
    [InlineData("06092A864886F70D01010B", "    0:d=0  hl=2 l=   9 prim: OBJECT            :sha256WithRSAEncryption\n")]
    [InlineData("06042A030405", "    0:d=0  hl=2 l=   4 prim: OBJECT            :1.2.3.4.5\n")]
    [InlineData("0603550480", "    0:d=0  hl=2 l=   3 prim: OBJECT            :BAD OBJECT:[550480]\n")]
    [InlineData("02020080", "    0:d=0  hl=2 l=   2 prim: INTEGER           :80\n")]
    [InlineData("0202FF7F", "    0:d=0  hl=2 l=   2 prim: INTEGER           :-81\n")]
    [InlineData("0202007F", "    0:d=0  hl=2 l=   2 prim: INTEGER           :BAD INTEGER:[007F]\n")]
    [InlineData("0200", "    0:d=0  hl=2 l=   0 prim: INTEGER           :BAD INTEGER:[]\n")]
    [InlineData("0102FF00", "    0:d=0  hl=2 l=   2 prim: BOOLEAN           :BAD BOOLEAN:255:[FF00]\n")]
    [InlineData("0403616263", "    0:d=0  hl=2 l=   3 prim: OCTET STRING      :abc\n")]
    [InlineData("04020001", "    0:d=0  hl=2 l=   2 prim: OCTET STRING      [HEX DUMP]:0001\n")]
    [InlineData("0303000102", "    0:d=0  hl=2 l=   3 prim: BIT STRING        \n")]
    [InlineData("30800500 0000", "    0:d=0  hl=2 l=inf  cons: SEQUENCE          \n    2:d=1  hl=2 l=   0 prim: NULL              \n    4:d=1  hl=2 l=   0 prim: EOC               \n")]
    [InlineData("A0030201 01", "    0:d=0  hl=2 l=   3 cons: cont [ 0 ]        \n    2:d=1  hl=2 l=   1 prim: INTEGER           :01\n")]
    [InlineData("DF1F0101", "    0:d=0  hl=3 l=   1 prim: priv [ 31 ]       \n")]
    [InlineData("1F2000", "    0:d=0  hl=3 l=   0 prim: <ASN1 32>         \n")]
    public void Run_DerInput_PrintsOpenSslLayout(string hex, string expected)
    {
        ProcessResult result = Mtls.RunWithInput(Convert.FromHexString(hex.Replace(" ", string.Empty, StringComparison.Ordinal)), "asn1parse", "-inform", "DER");

        result.Stdout.ShouldBe(expected);
        result.ExitCode.ShouldBe(0);
    }

    [Theory]
    [InlineData("30", "Error in encoding\n")] // header only
    [InlineData("3007020105", "Error in encoding\n")] // content shorter than the length
    [InlineData("3006020105020201", "    0:d=0  hl=2 l=   6 cons: SEQUENCE          \n    2:d=1  hl=2 l=   1 prim: INTEGER           :05\nError in encoding\n")]
    [InlineData("3084FFFFFFFF", "Error in encoding\n")] // length past the end
    [InlineData("0480", "Error in encoding\n")] // indefinite primitive
    [InlineData("1F", "Error in encoding\n")] // truncated high tag
    [InlineData("1F8080808080", "Error in encoding\n")] // runaway high tag
    [InlineData("308900000000000000000100", "    0:d=0  hl=11 l=   1 cons: SEQUENCE          \nError in encoding\n")] // leading zero length octets are skipped
    public void Run_TruncatedOrGarbled_PrintsErrorInEncodingAndExits1(string hex, string expected)
    {
        ProcessResult result = Mtls.RunWithInput(Convert.FromHexString(hex), "asn1parse", "-inform", "DER");

        result.Stdout.ShouldBe(expected);
        result.ExitCode.ShouldBe(1);
        result.Stderr.ShouldStartWith("asn1parse:error:0680"); // OpenSSL's ASN1_get_object reason: header too long / too long
        result.Stderr.ShouldNotContain("   at ");
    }

    [Fact]
    public void Run_EveryProperPrefixOfACertificate_ExitsOneWithoutStackTrace()
    {
        byte[] der = BuildNestedDer();
        for (int n = 0; n < der.Length; n++)
        {
            ProcessResult result = Mtls.RunWithInput(der[..n], "asn1parse", "-inform", "DER");
            result.ExitCode.ShouldBe(1, $"prefix of {n} bytes");
            result.Stderr.ShouldNotContain("   at ");
        }

        Mtls.RunWithInput(der, "asn1parse", "-inform", "DER").ExitCode.ShouldBe(0);
    }

    [Fact]
    public void Run_ObjectIdentifierOver586Octets_PrintsInvalidAndDumpAsOpenSsl3()
    {
        // OBJ_obj2txt refuses OIDs over 586 octets (CVE-2023-2650); i2a_ASN1_OBJECT prints <INVALID> and a BIO_dump.
        byte[] der = [0x06, 0x82, 0x02, 0x4B, 0x2A, .. Enumerable.Repeat((byte)0xFF, 585), 0x7F]; // 587 content octets

        ProcessResult result = Mtls.RunWithInput(der, "asn1parse", "-inform", "DER");

        result.ExitCode.ShouldBe(0);
        string[] lines = result.Stdout.Split('\n');
        lines[0].ShouldBe("    0:d=0  hl=4 l= 587 prim: OBJECT            :<INVALID>0000 - 2a ff ff ff ff ff ff ff-ff ff ff ff ff ff ff ff   *...............");
        lines.Length.ShouldBe(37 + 2); // 37 dump rows, then asn1parse's own newline and the empty rest
        lines[36].ShouldBe("0240 - ff ff ff ff ff ff ff ff-ff ff 7f                  ...........");
        lines[37].ShouldBeEmpty();
    }

    [Fact]
    public void Run_ObjectIdentifierWithHugeArc_FinishesInLinearTime()
    {
        // One 1 MiB arc: rendering it in decimal (BigInteger shifts) took minutes; OpenSSL 3 just dumps it.
        byte[] content = [0x2A, .. Enumerable.Repeat((byte)0xFF, 1 << 20), 0x7F];
        int n = content.Length;
        byte[] der = [0x06, 0x83, (byte)(n >> 16), (byte)(n >> 8), (byte)n, .. content];
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();

        ProcessResult result = Mtls.RunWithInput(der, "asn1parse", "-inform", "DER");

        result.ExitCode.ShouldBe(0);
        result.Stdout.ShouldContain(":<INVALID>0000 - 2a ff");
        stopwatch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public void Run_DeepNesting_StopsAtOpenSslRecursionLimit()
    {
        byte[] der = [];
        for (int i = 0; i < 200; i++)
        {
            der = [0x30, 0x80, .. der, 0x00, 0x00];
        }

        ProcessResult result = Mtls.RunWithInput(der, "asn1parse", "-inform", "DER");

        result.ExitCode.ShouldBe(1);
        result.Stdout.ShouldEndWith("BAD RECURSION DEPTH\n");
    }

    [Theory]
    [InlineData("", "Error: offset out of range\n")]
    [InlineData("not base64 at all!\n", "Error: offset out of range\n")]
    [InlineData("MAMCAQU=", "Error: offset out of range\n")] // last line without newline never starts decoding
    public void Run_PemWithNothingDecodable_ReportsOffsetOutOfRange(string input, string stderr)
    {
        ProcessResult result = Mtls.RunWithInput(Encoding.ASCII.GetBytes(input), "asn1parse");

        result.ExitCode.ShouldBe(1);
        result.Stderr.ShouldBe(stderr);
        result.StdoutBytes.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("MAMCAQU=\n")]
    [InlineData("-----BEGIN X-----\nMAMCAQU=\n-----END X-----\n")]
    [InlineData("Some text: here\n-----BEGIN X-----\nMAMC\nAQU=\n-----END X-----\n-----BEGIN Y-----\nBQA=\n-----END Y-----\n")]
    public void Run_PemOrRawBase64_DecodesFirstBlock(string input)
    {
        ProcessResult result = Mtls.RunWithInput(Encoding.ASCII.GetBytes(input), "asn1parse");

        result.Stdout.ShouldBe("    0:d=0  hl=2 l=   3 cons: SEQUENCE          \n    2:d=1  hl=2 l=   1 prim: INTEGER           :05\n");
        result.ExitCode.ShouldBe(0);
    }

    [Theory]
    [InlineData("2", "    0:d=0  hl=2 l=   1 prim: INTEGER           :05\n")]
    public void Run_StrParseIntoBitString_ParsesItsContent(string offset, string expected)
    {
        byte[] der = Convert.FromHexString("3006030400020105"); // SEQUENCE { BIT STRING { INTEGER 5 } }
        ProcessResult result = Mtls.RunWithInput(der, "asn1parse", "-inform", "DER", "-strparse", offset);

        result.Stdout.ShouldBe(expected);
        result.ExitCode.ShouldBe(0);
    }

    [Theory]
    [InlineData("-strparse", "2", "Can't parse OBJECT type\n")]
    [InlineData("-strparse", "5", "Error parsing structure\n")]
    public void Run_StrParseOnUnparsableElement_ExitsOne(string option, string value, string stderr)
    {
        byte[] der = Convert.FromHexString("3006060155" + "0201"); // OBJECT then a truncated INTEGER
        ProcessResult result = Mtls.RunWithInput(der, "asn1parse", "-inform", "DER", option, value);

        result.ExitCode.ShouldBe(1);
        result.Stderr.ShouldBe(stderr);
    }

    [Theory]
    [InlineData("-bogus", "asn1parse: Unknown option: -bogus\n")]
    [InlineData("-inform", "asn1parse: Option -inform needs a value\n")]
    [InlineData("--inform", "asn1parse: Option -inform needs a value\n")]
    [InlineData("-noout=1", "asn1parse: Option -noout does not take a value\n")] // as openssl 3.0
    [InlineData("--bogus=3", "asn1parse: Unknown option: -bogus\n")]
    public void Run_BadFlags_PrintsUsageHintAndExits1(string flag, string firstLine)
    {
        ProcessResult result = Mtls.Run("asn1parse", flag);

        result.ExitCode.ShouldBe(1);
        result.Stderr.ShouldBe(firstLine + "asn1parse: Use -help for summary.\n");
    }

    [Theory]
    [InlineData("-inform=DER", "-offset=2")]
    [InlineData("--inform=DER", "--offset=2")]
    [InlineData("-inform", "DER", "-offset", "2")]
    public void Run_OptionEqualsValue_SameAsSeparateValue(params string[] flags)
    {
        // openssl's opt_next accepts -name=value (and --name=value) for options that take a value.
        ProcessResult result = Mtls.RunWithInput(Convert.FromHexString(Sequence), ["asn1parse", .. flags]);

        result.Stdout.ShouldBe("    0:d=0  hl=2 l=   1 prim: INTEGER           :05\n    3:d=0  hl=2 l=   1 prim: INTEGER           :2A\n");
        result.ExitCode.ShouldBe(0);
    }

    [Fact]
    public void Run_MissingFile_ReportsOpenSslMessage()
    {
        ProcessResult result = Mtls.Run("asn1parse", "-in", "/nonexistent/file.pem");

        result.ExitCode.ShouldBe(1);
        result.Stderr.ShouldStartWith("Can't open \"/nonexistent/file.pem\" for reading");
    }

    [SkippableFact]
    public void Run_Help_MatchesOpenSsl()
    {
        string expected = OpenSslPeer.Run("asn1parse", "-help").Stderr;

        ProcessResult result = Mtls.Run("asn1parse", "-help");

        result.ExitCode.ShouldBe(0);
        result.Stderr.ShouldBe(expected);
    }

    [SkippableTheory]
    [InlineData("30")]
    [InlineData("3007020105")]
    [InlineData("3006020105020201")]
    [InlineData("308900000000000000000100")]
    [InlineData("DF1F0101")]
    [InlineData("0480")]
    [InlineData("1F8080808080")]
    [InlineData("0603550480")]
    [InlineData("0202007F")]
    [InlineData("30800500")]
    [InlineData("3080050000000500")]
    [InlineData("0000020101")]
    public void Run_GarbledInput_SameStdoutAndExitCodeAsOpenSsl(string hex)
    {
        OpenSslPeer.Require();
        byte[] der = Convert.FromHexString(hex);

        ProcessResult expected = OpenSslPeer.TryRun(der, "asn1parse", "-inform", "DER");
        ProcessResult actual = Mtls.RunWithInput(der, "asn1parse", "-inform", "DER");

        actual.Stdout.ShouldBe(expected.Stdout);
        actual.ExitCode.ShouldBe(expected.ExitCode);
    }

    [SkippableTheory]
    [InlineData("-strparse", "0")]
    [InlineData("-offset", "0")]
    [InlineData("-offset", "-1")]
    [InlineData("-length", "0")]
    [InlineData("-dlimit", "0")]
    [InlineData("-strparse", "abc")]
    [InlineData("-offset", "08")]
    [InlineData("-offset", "0xZ")]
    [InlineData("-offset", "99999999999")]
    [InlineData("-offset", "4x")]
    [InlineData("-offset", "+2")]
    [InlineData("-strparse", "0x2")]
    [InlineData("-strparse", "02")]
    [InlineData("-strparse", "99999")]
    [InlineData("-inform", "XYZ")]
    [InlineData("-inform", "PEMX")]
    [InlineData("-inform", "SMIME")]
    [InlineData("-inform", "d")]
    [InlineData("extra", "args")]
    public void Run_FlagValues_SameStdoutStderrAndExitCodeAsOpenSsl(string flag, string value)
    {
        OpenSslPeer.Require();
        // A file, not stdin: openssl exits on a bad flag before reading, and writing its stdin would break the pipe.
        string path = Path.GetTempFileName();
        File.WriteAllBytes(path, Convert.FromHexString("3006030400020105"));
        try
        {
            ProcessResult expected = OpenSslPeer.TryRun(null, "asn1parse", "-inform", "DER", "-in", path, flag, value);
            ProcessResult actual = Mtls.Run("asn1parse", "-inform", "DER", "-in", path, flag, value);

            actual.Stdout.ShouldBe(expected.Stdout);
            actual.Stderr.ShouldBe(expected.Stderr);
            actual.ExitCode.ShouldBe(expected.ExitCode);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [SkippableTheory]
    [InlineData("1.2.3.4.5 myOid My Own OID\n1.2.3.4.6 shortOnly\n1.2.3.4.7 CN dup\n1.2.3.4.8 after failure\n")]
    [InlineData("1.2.3.4.9\tx  y z \n# stops here\n1.2.3.4.5 five\n")]
    [InlineData("2.5.4.3 again\n1.2.3.4.5 five\n")]
    public void Run_OidFile_NamesAddedObjectsAsOpenSsl(string oidFile)
    {
        OpenSslPeer.Require();
        string oids = Path.GetTempFileName();
        string input = Path.GetTempFileName();
        File.WriteAllText(oids, oidFile);
        File.WriteAllBytes(input, Convert.FromHexString("3018" + "06042A030405" + "06042A030406" + "06042A030407" + "06042A030409"));
        try
        {
            ProcessResult expected = OpenSslPeer.TryRun(null, "asn1parse", "-inform", "DER", "-in", input, "-oid", oids);
            ProcessResult actual = Mtls.Run("asn1parse", "-inform", "DER", "-in", input, "-oid", oids);

            actual.Stdout.ShouldBe(expected.Stdout);
            actual.ExitCode.ShouldBe(expected.ExitCode);
        }
        finally
        {
            File.Delete(oids);
            File.Delete(input);
        }
    }

    private static byte[] BuildNestedDer() => Convert.FromHexString(
        "3027" + "A003020102" + "0201 05".Replace(" ", string.Empty, StringComparison.Ordinal) + "300D06092A864886F70D01010B0500" +
        "310E300C06035504030C05546573742E");
}
