using ManagedTls.Crypto;

namespace ManagedTls.Tests.Crypto;

public class ConstantTimeTests
{
    [Theory]
    [InlineData("", "", true)]
    [InlineData("00", "00", true)]
    [InlineData("0102030405", "0102030405", true)]
    [InlineData("0102030405", "0102030406", false)]
    [InlineData("8102030405", "0102030405", false)]
    [InlineData("01020304", "0102030405", false)]
    [InlineData("", "00", false)]
    public void Equals_Pairs_ComparesContentAndLength(string left, string right, bool expected) =>
        ConstantTime.FixedTimeEquals(Convert.FromHexString(left), Convert.FromHexString(right)).ShouldBe(expected);

    [Fact]
    public void EqualMask_AllPairs_IsFFOnlyWhenEqual()
    {
        for (int a = 0; a < 256; a++)
        {
            for (int b = 0; b < 256; b++)
            {
                ConstantTime.EqualMask((byte)a, (byte)b).ShouldBe(a == b ? (byte)0xFF : (byte)0);
            }
        }
    }

    [Fact]
    public void Zero_Array_ClearsEveryByte()
    {
        byte[] secret = [1, 2, 3, 4];
        SecretMemory.Zero(secret);
        secret.ShouldAllBe(b => b == 0);
        Should.NotThrow(() => SecretMemory.Zero((byte[]?)null));
    }
}
