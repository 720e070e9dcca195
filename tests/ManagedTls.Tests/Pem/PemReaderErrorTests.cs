using System.Text;
using ManagedTls.Pem;

namespace ManagedTls.Tests.Pem;

public class PemReaderErrorTests
{
    [Theory]
    [InlineData("-----BEGIN CERTIFICATE-----\nMAMCAQE=\n-----END PRIVATE KEY-----\n", PemError.MismatchedEndLabel, 3)]
    [InlineData("-----BEGIN X-----\nMAMCAQE=\n-----END -----\n", PemError.MismatchedEndLabel, 3)]
    [InlineData("-----BEGIN X-----\nMAMCAQE=\n", PemError.MissingEndLine, 1)]
    [InlineData("-----BEGIN X-----", PemError.MissingEndLine, 1)]
    [InlineData("-----BEGIN X-----\nMAMCAQE=\n-----BEGIN X-----\nMAMCAQE=\n-----END X-----\n", PemError.MissingEndLine, 3)]
    [InlineData("-----BEGIN X-----\nMAMCAQE=\n-----END X\n", PemError.InvalidBoundary, 3)]
    [InlineData("-----BEGIN X-----\nMAMCAQE=\n-----END X----- trailing\n", PemError.InvalidBoundary, 3)]
    [InlineData("-----BEGIN -----\n-----END -----\n", PemError.EmptyLabel, 1)]
    [InlineData("-----BEGIN A\u0001B-----\n-----END A\u0001B-----\n", PemError.InvalidLabel, 1)]
    [InlineData("-----BEGIN X-----\nMA*CAQE=\n-----END X-----\n", PemError.InvalidBase64Character, 2)]
    [InlineData("-----BEGIN X-----\nMAMCAQE=\n -----END X-----\n", PemError.InvalidBase64Character, 3)]
    [InlineData("-----BEGIN X-----\nMAMC\u00e9AQE=\n-----END X-----\n", PemError.InvalidBase64Character, 2)]
    [InlineData("-----BEGIN X-----\nMAMCAQE\n-----END X-----\n", PemError.InvalidBase64Padding, 3)]
    [InlineData("-----BEGIN X-----\nMAMCA\n-----END X-----\n", PemError.InvalidBase64Padding, 3)]
    [InlineData("-----BEGIN X-----\nMAMCA===\n-----END X-----\n", PemError.InvalidBase64Padding, 2)]
    [InlineData("-----BEGIN X-----\nMAMCAQE==\n-----END X-----\n", PemError.InvalidBase64Padding, 2)]
    [InlineData("-----BEGIN X-----\n=MAMCAQE\n-----END X-----\n", PemError.DataAfterPadding, 2)]
    [InlineData("-----BEGIN X-----\nMAMCAQ=E\n-----END X-----\n", PemError.DataAfterPadding, 2)]
    [InlineData("-----BEGIN X-----\nMAMCAQE=\nMAMCAQE=\n-----END X-----\n", PemError.DataAfterPadding, 3)]
    [InlineData("-----BEGIN X-----\nProc-Type: 4,ENCRYPTED\nMAMCAQE=\n-----END X-----\n", PemError.InvalidHeader, 3)]
    [InlineData("-----BEGIN X-----\nProc-Type: 4,ENCRYPTED\n-----END X-----\n", PemError.InvalidHeader, 3)]
    [InlineData("-----BEGIN X-----\n: no name\n\nMAMCAQE=\n-----END X-----\n", PemError.InvalidHeader, 2)]
    [InlineData("-----BEGIN X-----\nProc Type: 4,ENCRYPTED\n\nMAMCAQE=\n-----END X-----\n", PemError.InvalidHeader, 2)]
    [InlineData("-----BEGIN X-----\n continued: x\n\nMAMCAQE=\n-----END X-----\n", PemError.InvalidHeader, 2)]
    [InlineData("-----BEGIN X-----\nA: \u0001\n\nMAMCAQE=\n-----END X-----\n", PemError.InvalidHeader, 2)]
    [InlineData("-----BEGIN X-----\nProc-Type: 4,ENCRYPTED\n", PemError.MissingEndLine, 1)]
    public void ReadAll_Malformed_ThrowsTypedError(string pem, PemError reason, int line)
    {
        PemException e = Should.Throw<PemException>(() => PemReader.ReadAll(Encoding.UTF8.GetBytes(pem)));
        e.Reason.ShouldBe(reason);
        e.Line.ShouldBe(line);
        e.Offset.ShouldBeGreaterThanOrEqualTo(0);
        e.Message.ShouldContain($"line {line}");

        Should.Throw<PemException>(() => PemReader.ReadAll(pem)).Reason.ShouldBe(reason); // text input agrees
    }

    [Fact]
    public void ReadAll_MismatchedEndLabel_MessageNamesBothLabels()
    {
        PemException e = Should.Throw<PemException>(() => PemReader.ReadAll("-----BEGIN CERTIFICATE-----\nMAMCAQE=\n-----END PRIVATE KEY-----\n"u8));
        e.Message.ShouldContain("BEGIN CERTIFICATE");
        e.Message.ShouldContain("END PRIVATE KEY");
        e.Offset.ShouldBe(37);
    }

    [Theory]
    [InlineData("-----BEGIN X-----\nMAMCAQE=\n-----END X-----\n", null)]
    [InlineData("-----BEGIN X-----\nProc-Type: 4,ENCRYPTED\n\nMAMCAQE=\n-----END X-----\n", PemError.HeadersNotAllowed)]
    [InlineData("-----BEGIN X-----\nMAMC AQE=\n-----END X-----\n", PemError.UnexpectedWhitespace)]
    [InlineData("-----BEGIN X-----\nMAMCAQE= \n-----END X-----\n", PemError.UnexpectedWhitespace)]
    [InlineData("-----BEGIN X-----\n\nMAMCAQE=\n-----END X-----\n", PemError.UnexpectedWhitespace)]
    [InlineData("-----BEGIN X-----\nMAMC\nAQE=\n-----END X-----\n", PemError.InvalidLineLength)]
    [InlineData("-----BEGIN X-----\nMAMCAQF=\n-----END X-----\n", PemError.NonCanonicalBase64)]
    [InlineData("-----BEGIN X-----junk\n", PemError.InvalidBoundary)]
    [InlineData("-----BEGIN X-----\nMAMCAQE=\n-----END X----- \n", PemError.InvalidBoundary)]
    [InlineData("-----BEGIN A  B-----\n-----END A  B-----\n", PemError.InvalidLabel)]
    [InlineData("-----BEGIN -A-----\n-----END -A-----\n", PemError.InvalidLabel)]
    [InlineData("-----BEGIN A -----\n-----END A -----\n", PemError.InvalidLabel)]
    public void ReadAll_StrictMode_RejectsWhatLaxAccepts(string pem, PemError? reason)
    {
        byte[] bytes = Encoding.ASCII.GetBytes(pem);
        Should.NotThrow(() => PemReader.ReadAll(bytes)); // lax accepts every row
        if (reason is null)
        {
            PemReader.ReadAll(bytes, PemReaderOptions.StrictDefault).Count.ShouldBe(1);
        }
        else
        {
            Should.Throw<PemException>(() => PemReader.ReadAll(bytes, PemReaderOptions.StrictDefault)).Reason.ShouldBe(reason.Value);
        }
    }

    [Fact]
    public void ReadAll_StrictLongLine_ThrowsInvalidLineLength()
    {
        string body = Convert.ToBase64String(new byte[60]); // 80 chars on one line
        string pem = $"-----BEGIN X-----\n{body}\n-----END X-----\n";
        PemReader.ReadAll(pem).Count.ShouldBe(1);
        Should.Throw<PemException>(() => PemReader.ReadAll(pem, PemReaderOptions.StrictDefault)).Reason.ShouldBe(PemError.InvalidLineLength);
    }

    public static TheoryData<PemReaderOptions, string, PemError> LimitCases => new()
    {
        { new PemReaderOptions { MaxBlockDataLength = 4 }, Block("A", "MAMCAQE="), PemError.BlockTooLarge },
        { new PemReaderOptions { MaxBlocks = 1 }, Block("A", "MAMCAQE=") + Block("B", "MAMCAQE="), PemError.TooManyBlocks },
        { new PemReaderOptions { MaxTotalDataLength = 9 }, Block("A", "MAMCAQE=") + Block("B", "MAMCAQE="), PemError.TotalSizeExceeded },
        { new PemReaderOptions { MaxHeaderCount = 1 }, "-----BEGIN A-----\nA: 1\nB: 2\n\n-----END A-----\n", PemError.HeaderLimitExceeded },
        { new PemReaderOptions { MaxHeaderLength = 16 }, "-----BEGIN A-----\nA: 0123456789abcdef\n\n-----END A-----\n", PemError.HeaderLimitExceeded },
    };

    [Theory]
    [MemberData(nameof(LimitCases))]
    public void ReadAll_OverLimit_ThrowsTypedError(PemReaderOptions options, string pem, PemError reason)
    {
        byte[] bytes = Encoding.ASCII.GetBytes(pem);
        Should.NotThrow(() => PemReader.ReadAll(bytes)); // the defaults accept it
        Should.Throw<PemException>(() => PemReader.ReadAll(bytes, options)).Reason.ShouldBe(reason);
    }

    [Fact]
    public void ReadAll_HugeBlockOverLimit_RejectedWhileScanning()
    {
        // 8 MiB of base64 with a 1 KiB limit: rejected at the limit, long before the END line is looked for.
        byte[] pem = new byte[8 << 20];
        pem.AsSpan().Fill((byte)'A');
        "-----BEGIN X-----\n"u8.CopyTo(pem);
        PemException e = Should.Throw<PemException>(() => PemReader.ReadAll(pem, new PemReaderOptions { MaxBlockDataLength = 1024 }));
        e.Reason.ShouldBe(PemError.BlockTooLarge);
        e.Offset.ShouldBe(0);
    }

    [Fact]
    public void ReadAll_SkippedBlocksCountTowardsMaxBlocks()
    {
        byte[] pem = Encoding.ASCII.GetBytes(Block("A", "") + Block("A", "") + Block("B", ""));
        Should.Throw<PemException>(() => PemReader.TryFind(pem, new PemReaderOptions { MaxBlocks = 2 }, out _, "B")).Reason.ShouldBe(PemError.TooManyBlocks);
    }

    private static string Block(string label, string base64) => $"-----BEGIN {label}-----\n{base64}\n-----END {label}-----\n";
}
