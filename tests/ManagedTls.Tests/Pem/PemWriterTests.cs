using System.Text;
using ManagedTls.Pem;

namespace ManagedTls.Tests.Pem;

public class PemWriterTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(47)]
    [InlineData(48)]   // exactly one full line
    [InlineData(49)]
    [InlineData(96)]
    [InlineData(1000)]
    public void Write_AnyLength_MatchesReferenceLayoutAndRoundTrips(int length)
    {
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++)
        {
            data[i] = (byte)(i * 7);
        }

        string base64 = Convert.ToBase64String(data);
        var expected = new StringBuilder("-----BEGIN CERTIFICATE-----\n");
        for (int i = 0; i < base64.Length; i += 64)
        {
            expected.Append(base64, i, Math.Min(64, base64.Length - i)).Append('\n');
        }

        expected.Append("-----END CERTIFICATE-----\n");

        byte[] pem = PemWriter.Write(PemLabels.Certificate, data);
        Encoding.ASCII.GetString(pem).ShouldBe(expected.ToString());
        PemWriter.GetEncodedLength(PemLabels.Certificate, length).ShouldBe(pem.Length);
        PemWriter.WriteString(PemLabels.Certificate, data).ShouldBe(expected.ToString());

        PemBlock block = PemReader.ReadAll(pem, PemReaderOptions.StrictDefault).ShouldHaveSingleItem();
        block.Data.ToArray().ShouldBe(data);
        block.Encode().ShouldBe(pem);
    }

    [Fact]
    public void Write_Headers_WritesOpenSslHeaderBlock()
    {
        PemHeader[] headers = [new(PemHeader.ProcType, PemHeader.ProcTypeEncrypted), new(PemHeader.DekInfo, "AES-128-CBC,00112233445566778899AABBCCDDEEFF")];
        string pem = PemWriter.WriteString(PemLabels.RsaPrivateKey, [0x30, 0x00], headers);

        pem.ShouldBe(
            "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00112233445566778899AABBCCDDEEFF\n\nMAA=\n-----END RSA PRIVATE KEY-----\n");
        PemReader.ReadAll(pem).ShouldHaveSingleItem().Headers.ToArray().ShouldBe(headers);
    }

    [Fact]
    public void TryWrite_DestinationTooSmall_ReturnsFalse()
    {
        byte[] data = new byte[100];
        int length = PemWriter.GetEncodedLength("X", data.Length);
        PemWriter.TryWrite("X", data, new byte[length - 1], out int written).ShouldBeFalse();
        written.ShouldBe(0);
        PemWriter.TryWrite("X", data, new byte[length + 10], out written).ShouldBeTrue();
        written.ShouldBe(length);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-A")]
    [InlineData("A-")]
    [InlineData("A  B")]
    [InlineData("A\nB")]
    [InlineData("CÉRT")]
    public void Write_InvalidLabel_Throws(string label) => Should.Throw<ArgumentException>(() => PemWriter.Write(label, [1]));

    [Theory]
    [InlineData("", "v")]
    [InlineData("A B", "v")]
    [InlineData("A:", "v")]
    [InlineData("A", "line\nbreak")]
    public void Write_InvalidHeader_Throws(string name, string value) =>
        Should.Throw<ArgumentException>(() => PemWriter.Write("X", [1], [new PemHeader(name, value)]));
}
