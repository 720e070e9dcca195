using ManagedTls.Pkcs;

namespace ManagedTls.Tests.Pkcs;

public sealed class Pkcs7PaddingTests
{
    [Theory]
    [InlineData("", 8, "0808080808080808")]
    [InlineData("AA", 8, "AA07070707070707")]
    [InlineData("AABBCCDDEEFF0011", 8, "AABBCCDDEEFF00110808080808080808")]
    [InlineData("AABBCCDDEEFF00", 8, "AABBCCDDEEFF0001")]
    [InlineData("00112233445566778899AABBCCDDEE", 16, "00112233445566778899AABBCCDDEE01")]
    public void Pad_Input_AppendsPadLengthBytes(string input, int blockSize, string expected)
    {
        byte[] padded = Pkcs7Padding.Pad(Convert.FromHexString(input), blockSize);
        Convert.ToHexString(padded).ShouldBe(expected);
        Pkcs7Padding.TryGetUnpaddedLength(padded, blockSize, out int length).ShouldBeTrue();
        length.ShouldBe(input.Length / 2);
    }

    [Theory]
    [InlineData("", 8)]
    [InlineData("AABBCCDDEEFF00", 8)]
    [InlineData("AABBCCDDEEFF0000", 8)]
    [InlineData("AABBCCDDEEFF0009", 8)]
    [InlineData("AABBCCDDEEFF0080", 8)]
    [InlineData("AABBCCDDEEFF01FF", 8)]
    [InlineData("AABBCCDDEEFF0202", 16)]
    [InlineData("AA06070707070707", 8)]
    [InlineData("0808080808080807", 8)]
    [InlineData("0708080808080808", 8)]
    public void TryGetUnpaddedLength_BadPadding_False(string input, int blockSize)
    {
        Pkcs7Padding.TryGetUnpaddedLength(Convert.FromHexString(input), blockSize, out int length).ShouldBeFalse();
        length.ShouldBe(0);
    }

    [Fact]
    public void TryGetUnpaddedLength_EveryPadValue_OnlyConsistentOnesAccepted()
    {
        for (int blockSize = 8; blockSize <= 16; blockSize += 8)
        {
            for (int pad = 0; pad < 256; pad++)
            {
                byte[] block = new byte[blockSize];
                block.AsSpan().Fill((byte)pad);
                bool ok = Pkcs7Padding.TryGetUnpaddedLength(block, blockSize, out int length);
                ok.ShouldBe(pad >= 1 && pad <= blockSize, $"pad {pad} block {blockSize}");
                if (ok)
                {
                    length.ShouldBe(blockSize - pad);
                }
            }
        }
    }
}
