using ManagedTls.Tests.TestSupport;

namespace ManagedTls.Tests.Random;

/// <summary><c>mtls rand</c> against OpenSSL 3.0's <c>openssl rand</c>: flags, output shapes and error texts (never values).</summary>
public class RandCommandTests
{
    private const string Help = """
        Usage: rand [options] num

        General options:
         -help               Display this summary

        Output options:
         -out outfile        Output file
         -base64             Base64 encode output
         -hex                Hex encode output

        Random state options:
         -rand val           Load the given file(s) into the random number generator
         -writerand outfile  Write random data to the specified file

        Parameters:
         num                 Number of bytes to generate

        """;

    [Fact]
    public void Run_Help_PrintsOpenSslLayoutOnStderr()
    {
        ProcessResult result = Mtls.Run("rand", "-help");

        result.ExitCode.ShouldBe(0);
        result.StdoutBytes.ShouldBeEmpty();
        result.Stderr.ShouldBe(Help.Replace("\r\n", "\n"));
    }

    [SkippableFact]
    public void Run_Help_MatchesOpenSslExceptEngineAndProviderOptions()
    {
        ProcessResult openssl = OpenSslPeer.TryRun(null, "rand", "-help");
        string[] unsupported = ["-engine", "Provider options:", "-provider", "-propquery"];
        string expected = string.Join('\n', openssl.Stderr.Split('\n').Where(l => !unsupported.Any(u => l.TrimStart().StartsWith(u, StringComparison.Ordinal))));

        Mtls.Run("rand", "-help").Stderr.ShouldBe(expected.Replace("\n\n\n", "\n\n"));
    }

    [Theory]
    [InlineData("x", "rand: Can't parse \"x\" as a number\n")]
    [InlineData("5x", "rand: Can't parse \"5x\" as a number\n")]
    [InlineData("", "rand: Can't parse \"\" as a number\n")]
    [InlineData("5 ", "rand: Can't parse \"5 \" as a number\n")]
    [InlineData("1k", "rand: Can't parse \"1k\" as a number\n")]
    [InlineData("08", "rand: Can't parse \"08\" as an octal number\n")]
    [InlineData("0xg", "rand: Can't parse \"0xg\" as a hexadecimal number\n")]
    [InlineData("0x", "rand: Can't parse \"0x\" as a hexadecimal number\n")]
    [InlineData("99999999999999999999", "rand: Can't parse \"99999999999999999999\" as a number\n")]
    [InlineData("18446744073709551620", "rand: Can't parse \"18446744073709551620\" as a number\n")] // wraps to 4 mod 2^64
    [InlineData("92233720368547758080", "rand: Can't parse \"92233720368547758080\" as a number\n")] // 10 * 2^63: wraps to 0
    [InlineData("0x10000000000000001", "rand: Can't parse \"0x10000000000000001\" as a hexadecimal number\n")]
    [InlineData("2147483648", "rand: Value \"2147483648\" outside integer range\n")]
    [InlineData("9223372036854775807", "rand: Value \"9223372036854775807\" outside integer range\n")]
    [InlineData("0", "")]
    [InlineData("00", "")]
    public void Run_BadNumber_PrintsOpenSslErrorAndExits1(string num, string message)
    {
        ProcessResult result = Mtls.Run("rand", num);

        result.ExitCode.ShouldBe(1);
        result.StdoutBytes.ShouldBeEmpty();
        result.Stderr.ShouldBe(message + "rand: Use -help for summary.\n");
    }

    [SkippableTheory]
    [InlineData("x")]
    [InlineData("08")]
    [InlineData("0xg")]
    [InlineData("2147483648")]
    [InlineData("0")]
    [InlineData("-bogus")]
    public void Run_BadArgument_SameStderrAsOpenSsl(string arg)
    {
        ProcessResult openssl = OpenSslPeer.TryRun(null, "rand", arg);

        ProcessResult mine = Mtls.Run("rand", arg);

        mine.ExitCode.ShouldBe(openssl.ExitCode);
        mine.Stderr.ShouldBe(openssl.Stderr);
    }

    [Theory]
    [InlineData("1 2")]
    [InlineData("-- -1")]
    [InlineData("1 -hex")]
    public void Run_ExtraOrNegativeArguments_PrintsOnlyUsageHint(string args)
    {
        ProcessResult result = Mtls.Run(["rand", .. Args(args)]);

        result.ExitCode.ShouldBe(1);
        result.Stderr.ShouldBe("rand: Use -help for summary.\n");
    }

    [Theory]
    [InlineData("16", 16)]
    [InlineData("0x10", 16)]
    [InlineData("010", 8)]
    [InlineData("+5", 5)]
    [InlineData(" 5", 5)]
    [InlineData("100000", 100000)]
    public void Run_Raw_WritesExactlyNumBytes(string num, int expected)
    {
        ProcessResult result = Mtls.Run("rand", num);

        result.ExitCode.ShouldBe(0);
        result.StdoutBytes.Length.ShouldBe(expected);
        result.Stderr.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(32)]
    [InlineData(5000)]
    public void Run_Hex_PrintsLowerCaseHexAndNewline(int num)
    {
        string text = Mtls.Run("rand", "-hex", num.ToString()).Text();

        text.Length.ShouldBe((2 * num) + 1);
        text.ShouldEndWith("\n");
        text.TrimEnd('\n').ShouldAllBe(c => "0123456789abcdef".Contains(c));
    }

    [SkippableTheory]
    [InlineData("1")]
    [InlineData("47")]
    [InlineData("48")]
    [InlineData("49")]
    [InlineData("100")]
    [InlineData("3073")]
    [InlineData("10000")]
    public void Run_Base64_SameLineShapeAsOpenSsl(string num)
    {
        ProcessResult openssl = OpenSslPeer.Run("rand", "-base64", num);

        ProcessResult mine = Mtls.Run("rand", "-base64", num);

        Shape(mine.Text()).ShouldBe(Shape(openssl.Stdout));
        Convert.FromBase64String(mine.Text().Replace("\n", string.Empty)).Length.ShouldBe(int.Parse(num));
    }

    [SkippableTheory]
    [InlineData("")]
    [InlineData("-hex")]
    [InlineData("-base64")]
    [InlineData("-hex 7")]
    [InlineData("-base64 -hex 3")] // the last format flag wins
    [InlineData("-hex -base64 3")]
    [InlineData("12")]
    public void Run_Formats_SameLengthsAsOpenSsl(string args)
    {
        ProcessResult openssl = OpenSslPeer.Run(["rand", .. Args(args)]);

        ProcessResult mine = Mtls.Run(["rand", .. Args(args)]);

        mine.ExitCode.ShouldBe(0);
        if (args.Contains("-hex") || args.Contains("-base64"))
        {
            Shape(mine.Text()).ShouldBe(Shape(openssl.Stdout));
        }
        else
        {
            mine.StdoutBytes.Length.ShouldBe(openssl.StdoutBytes.Length); // raw bytes: only the length is comparable
        }
    }

    [Fact]
    public void Run_OutFile_WritesTheFile()
    {
        string path = Path.GetTempFileName();
        try
        {
            ProcessResult result = Mtls.Run("rand", "-out", path, "-hex", "4");

            result.ExitCode.ShouldBe(0);
            result.StdoutBytes.ShouldBeEmpty();
            File.ReadAllText(path).Length.ShouldBe(9);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Run_OutFileInMissingDirectory_PrintsOpenSslMessageAndExits1()
    {
        ProcessResult result = Mtls.Run("rand", "-out", "/nonexistent-dir/x", "4");

        result.ExitCode.ShouldBe(1);
        result.Stderr.ShouldStartWith("Can't open \"/nonexistent-dir/x\" for writing, No such file or directory\n");
    }

    [Fact]
    public void Run_RandFiles_LoadsThemOrFailsLikeOpenSsl()
    {
        string path = Path.GetTempFileName();
        File.WriteAllText(path, "some seed");
        try
        {
            Mtls.Run("rand", "-rand", path + ":", "3").StdoutBytes.Length.ShouldBe(3);

            ProcessResult missing = Mtls.Run("rand", "-rand", path + ":/nonexistent-file", "3");
            missing.ExitCode.ShouldBe(1);
            missing.StdoutBytes.ShouldBeEmpty();
            missing.Stderr.ShouldStartWith("Can't load /nonexistent-file into RNG\n");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Run_WriteRand_Writes1024BytesPrivately()
    {
        string path = Path.Combine(Path.GetTempPath(), $"mtls-writerand-{Guid.NewGuid():N}");
        try
        {
            ProcessResult result = Mtls.Run("rand", "-writerand", path, "4");

            result.ExitCode.ShouldBe(0);
            result.StdoutBytes.Length.ShouldBe(4);
            new FileInfo(path).Length.ShouldBe(1024);
            if (!OperatingSystem.IsWindows())
            {
                File.GetUnixFileMode(path).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }
        finally
        {
            File.Delete(path);
        }

        ProcessResult bad = Mtls.Run("rand", "-writerand", "/nonexistent-dir/w", "4");
        bad.ExitCode.ShouldBe(1);
        bad.StdoutBytes.Length.ShouldBe(4, "openssl writes the output before the seed file");
        bad.Stderr.ShouldStartWith("Cannot write random bytes:\n");
    }

    private static string[] Args(string args) => args.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    // Line lengths: what may be compared between two random outputs.
    private static string Shape(string text) => string.Join(',', text.Split('\n').Select(l => l.Length));
}
