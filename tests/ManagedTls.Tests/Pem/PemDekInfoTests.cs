using System.Text;
using ManagedTls.Pem;

namespace ManagedTls.Tests.Pem;

public class PemDekInfoTests
{
    [Theory]
    [InlineData("AES-128-CBC,00112233445566778899AABBCCDDEEFF", "AES-128-CBC", "00112233445566778899AABBCCDDEEFF")]
    [InlineData("DES-EDE3-CBC,0123456789abcdef", "DES-EDE3-CBC", "0123456789ABCDEF")]
    [InlineData(" AES-256-CBC , 00FF ", "AES-256-CBC", "00FF")]
    public void Parse_Valid_ReturnsCipherAndIv(string value, string cipher, string ivHex)
    {
        PemDekInfo info = PemDekInfo.Parse(value);
        info.Cipher.ShouldBe(cipher);
        Convert.ToHexString(info.Iv.Span).ShouldBe(ivHex);
        info.ToString().ShouldBe($"{cipher},{ivHex}");
    }

    [Theory]
    [InlineData("")]
    [InlineData("AES-128-CBC")]
    [InlineData(",0011")]
    [InlineData("AES-128-CBC,")]
    [InlineData("AES-128-CBC,001")]
    [InlineData("AES-128-CBC,00GG")]
    [InlineData("AES 128,0011")]
    public void Parse_Malformed_ThrowsInvalidHeader(string value)
    {
        PemDekInfo.TryParse(value, out _).ShouldBeFalse();
        Should.Throw<PemException>(() => PemDekInfo.Parse(value)).Reason.ShouldBe(PemError.InvalidHeader);
    }

    [Fact]
    public void GetDekInfo_EncryptedBlock_RoundTripsThroughWriter()
    {
        var dek = new PemDekInfo("AES-128-CBC", Convert.FromHexString("1DCBFFFCCC9D08BABBD24AB39098FDD6"));
        byte[] pem = PemWriter.Write(PemLabels.RsaPrivateKey, new byte[32], dek.ToHeaders());

        Encoding.ASCII.GetString(pem).ShouldStartWith(
            "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,1DCBFFFCCC9D08BABBD24AB39098FDD6\n\n");
        PemBlock block = PemReader.ReadFirst(pem, PemLabels.RsaPrivateKey);
        block.IsEncrypted.ShouldBeTrue();
        PemDekInfo parsed = block.GetDekInfo().ShouldNotBeNull();
        parsed.Cipher.ShouldBe("AES-128-CBC");
        parsed.Iv.ToArray().ShouldBe(dek.Iv.ToArray());
    }

    [Fact]
    public void GetDekInfo_NoHeader_ReturnsNull() =>
        PemReader.ReadFirst("-----BEGIN X-----\n-----END X-----\n"u8, "X").GetDekInfo().ShouldBeNull();
}
