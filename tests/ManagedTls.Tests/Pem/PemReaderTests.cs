using System.Text;
using ManagedTls.Pem;

namespace ManagedTls.Tests.Pem;

public class PemReaderTests
{
    // DER of SEQUENCE { INTEGER 1 }.
    private static readonly byte[] s_der = [0x30, 0x03, 0x02, 0x01, 0x01];

    [Theory]
    [InlineData("-----BEGIN X-----\nMAMCAQE=\n-----END X-----\n")]
    [InlineData("-----BEGIN X-----\r\nMAMCAQE=\r\n-----END X-----\r\n")]                  // CRLF
    [InlineData("-----BEGIN X-----\nMAMCAQE=\n-----END X-----")]                         // no final newline
    [InlineData("-----BEGIN X----- \t\nMAMCAQE=  \n-----END X-----\t \r\n")]             // trailing whitespace
    [InlineData("-----BEGIN X-----\n  MAMC AQE=\t\n-----END X-----\n")]                  // whitespace inside base64
    [InlineData("-----BEGIN X-----\nMA\nMC\nAQ\nE=\n-----END X-----\n")]                 // short lines
    [InlineData("-----BEGIN X-----\n\nMAMCAQE=\n-----END X-----\n")]                     // empty header section (OpenSSL accepts)
    [InlineData("-----BEGIN X-----\nMAMC\n\nAQE=\n-----END X-----\n")]                   // RFC 7468 lax: blank line
    [InlineData("before\n\n-----BEGIN X-----\nMAMCAQE=\n-----END X-----\nafter\n")]     // explanatory text
    [InlineData("\uFEFF-----BEGIN X-----\nMAMCAQE=\n-----END X-----\n")]                // UTF-8 BOM
    [InlineData("-----BEGIN X-----junk\n-----BEGIN X-----\nMAMCAQE=\n-----END X-----\n")] // not a boundary: text
    [InlineData(" -----BEGIN X-----\n-----BEGIN X-----\nMAMCAQE=\n-----END X-----\n")]  // BEGIN not in column 0: text
    public void ReadAll_LaxVariant_DecodesOneBlock(string pem)
    {
        foreach (IReadOnlyList<PemBlock> blocks in new[] { PemReader.ReadAll(Encoding.UTF8.GetBytes(pem)), PemReader.ReadAll(pem) })
        {
            blocks.Count.ShouldBe(1);
            blocks[0].Label.ShouldBe("X");
            blocks[0].Data.ToArray().ShouldBe(s_der);
            blocks[0].Headers.ShouldBeEmpty();
        }
    }

    [Fact]
    public void ReadAll_EmptyData_YieldsEmptyBlock()
    {
        PemBlock block = PemReader.ReadAll("-----BEGIN X-----\n-----END X-----\n"u8).ShouldHaveSingleItem();
        block.Data.Length.ShouldBe(0);
    }

    [Theory]
    [InlineData("")]
    [InlineData("no pem here\n")]
    [InlineData("-----BEGIN X\n")]
    [InlineData("-----END X-----\n")]
    public void ReadAll_NoBeginLine_ReturnsEmpty(string text) => PemReader.ReadAll(Encoding.ASCII.GetBytes(text)).ShouldBeEmpty();

    [Fact]
    public void ReadAll_SeveralBlocksWithText_ReportsLabelsOffsetsAndLines()
    {
        const string Pem = "intro\n-----BEGIN A-----\nMAMCAQE=\n-----END A-----\nbetween\n\n-----BEGIN B C-----\r\nMAMCAQI=\r\n-----END B C-----\r\ntrailer";
        IReadOnlyList<PemBlock> blocks = PemReader.ReadAll(Encoding.ASCII.GetBytes(Pem));

        blocks.Count.ShouldBe(2);
        blocks[0].Label.ShouldBe("A");
        blocks[0].Line.ShouldBe(2);
        blocks[0].Offset.ShouldBe(6);
        Pem.Substring(blocks[0].Offset, blocks[0].Length).ShouldBe("-----BEGIN A-----\nMAMCAQE=\n-----END A-----");
        blocks[1].Label.ShouldBe("B C");
        blocks[1].Line.ShouldBe(7);
        blocks[1].Data.ToArray().ShouldBe(new byte[] { 0x30, 0x03, 0x02, 0x01, 0x02 });
        Pem.Substring(blocks[1].Offset, blocks[1].Length).ShouldBe("-----BEGIN B C-----\r\nMAMCAQI=\r\n-----END B C-----");
    }

    [Fact]
    public void ReadAll_Headers_ParsedInOrderWithContinuation()
    {
        const string Pem =
            "-----BEGIN RSA PRIVATE KEY-----\n" +
            "Proc-Type: 4,ENCRYPTED\n" +
            "DEK-Info: AES-128-CBC,\n" +
            "  0123456789ABCDEF\n" +
            "\t0123456789ABCDEF\n" +
            "Comment:spaced   \n" +
            "\n" +
            "MAMCAQE=\n" +
            "-----END RSA PRIVATE KEY-----\n";
        PemBlock block = PemReader.ReadAll(Encoding.ASCII.GetBytes(Pem)).ShouldHaveSingleItem();

        block.Headers.ToArray().ShouldBe(new[]
        {
            new PemHeader("Proc-Type", "4,ENCRYPTED"),
            new PemHeader("DEK-Info", "AES-128-CBC,0123456789ABCDEF0123456789ABCDEF"),
            new PemHeader("Comment", "spaced"),
        });
        block.IsEncrypted.ShouldBeTrue();
        block.TryGetHeader("dek-info", out string? dek).ShouldBeTrue();
        dek.ShouldStartWith("AES-128-CBC,");
        block.TryGetHeader("Missing", out _).ShouldBeFalse();
        block.Data.ToArray().ShouldBe(s_der);
    }

    [Fact]
    public void ReadAll_TextInput_OffsetsAreCharOffsets()
    {
        const string Pem = "Ünïcödé explanatory text €\n-----BEGIN X-----\nMAMCAQE=\n-----END X-----\n";
        PemBlock block = PemReader.ReadAll(Pem).ShouldHaveSingleItem();
        block.Offset.ShouldBe(Pem.IndexOf('-'));
        block.Line.ShouldBe(2);
    }

    [Fact]
    public void ReadFirst_OtherLabelsFirst_SkipsToLabel()
    {
        const string Pem = "-----BEGIN A-----\nMAMCAQE=\n-----END A-----\n-----BEGIN B-----\nMAMCAQI=\n-----END B-----\n";
        PemReader.ReadFirst(Encoding.ASCII.GetBytes(Pem), "B").Data.Span[4].ShouldBe((byte)2);
        PemReader.ReadFirst(Pem, "B").Line.ShouldBe(4);
    }

    [Fact]
    public void ReadFirst_LabelAbsent_ThrowsNotFound()
    {
        PemException e = Should.Throw<PemException>(() => PemReader.ReadFirst("-----BEGIN A-----\n-----END A-----\n"u8, PemLabels.Certificate));
        e.Reason.ShouldBe(PemError.NotFound);
    }

    [Fact]
    public void TryFind_AcceptedLabels_ReturnsFirstMatch()
    {
        byte[] pem = Encoding.ASCII.GetBytes("-----BEGIN A-----\nMAMCAQE=\n-----END A-----\n-----BEGIN PRIVATE KEY-----\nMAMCAQI=\n-----END PRIVATE KEY-----\n");

        PemReader.TryFind(pem, out PemBlock? block, PemLabels.RsaPrivateKey, PemLabels.PrivateKey).ShouldBeTrue();
        block!.Label.ShouldBe(PemLabels.PrivateKey);
        PemReader.TryFind(pem, out block).ShouldBeTrue();
        block!.Label.ShouldBe("A");
        PemReader.TryFind(pem, out block, PemLabels.Certificate).ShouldBeFalse();
        block.ShouldBeNull();
        PemReader.TryFind(Encoding.ASCII.GetString(pem), out block, "A").ShouldBeTrue();
    }

    [Fact]
    public void TryFind_MalformedSkippedBlock_StillThrows()
    {
        byte[] pem = Encoding.ASCII.GetBytes("-----BEGIN A-----\nMA*CAQE=\n-----END A-----\n-----BEGIN B-----\nMAMCAQI=\n-----END B-----\n");
        Should.Throw<PemException>(() => PemReader.TryFind(pem, out _, "B")).Reason.ShouldBe(PemError.InvalidBase64Character);
    }

    [Fact]
    public void Enumerate_Foreach_YieldsBlocksInOrder()
    {
        byte[] pem = Encoding.ASCII.GetBytes("-----BEGIN A-----\n-----END A-----\n-----BEGIN B-----\n-----END B-----\n");
        var labels = new List<string>();
        foreach (PemBlock block in PemReader.Enumerate(pem))
        {
            labels.Add(block.Label);
        }

        labels.ShouldBe(["A", "B"]);
    }

    [Fact]
    public void ReadAll_StrictValidFile_Accepted()
    {
        string body = Convert.ToBase64String(new byte[100]);
        string pem = $"-----BEGIN X9.42 DH PARAMETERS-----\r\n{body[..64]}\r\n{body[64..128]}\n{body[128..]}\n-----END X9.42 DH PARAMETERS-----";
        PemReader.ReadAll(pem, PemReaderOptions.StrictDefault).ShouldHaveSingleItem().Data.Length.ShouldBe(100);
    }

    [Theory]
    [InlineData(1, "\n")]
    [InlineData(3, " \r\n")]
    [InlineData(5, "\t")]
    [InlineData(63, "\n")]
    [InlineData(65, "\r\n")]
    [InlineData(76, "\n  ")]
    [InlineData(100_000, "\n")]
    public void ReadAll_ArbitraryLineWrapping_DecodesSameBytes(int width, string separator)
    {
        byte[] data = new byte[1000];
        for (int i = 0; i < data.Length; i++)
        {
            data[i] = (byte)((i * 37) ^ (i >> 3));
        }

        string base64 = Convert.ToBase64String(data);
        var pem = new StringBuilder("-----BEGIN X-----\n");
        for (int i = 0; i < base64.Length; i += width)
        {
            pem.Append(base64, i, Math.Min(width, base64.Length - i)).Append(separator);
        }

        pem.Append("\n-----END X-----\n");
        PemReader.ReadAll(Encoding.ASCII.GetBytes(pem.ToString())).ShouldHaveSingleItem().Data.ToArray().ShouldBe(data);
    }
}
