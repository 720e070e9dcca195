using ManagedTls.Random;

namespace ManagedTls.Tests.Random;

public class OsEntropyTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(32)]
    [InlineData(257)]        // crosses getentropy's 256-byte limit
    [InlineData(1 << 20)]    // large enough for getrandom to return short reads
    public void Fill_AnySize_FillsWholeBuffer(int size)
    {
        byte[] a = OsEntropy.GetBytes(size);
        byte[] b = OsEntropy.GetBytes(size);

        a.Length.ShouldBe(size);
        if (size >= 16)
        {
            a.ShouldNotBe(b); // 2^-128 chance of a false failure
            a.AsSpan(size - 16).ToArray().ShouldNotBe(new byte[16], "the tail must be filled too");
        }
    }

    [Fact]
    public void Fill_Empty_IsNoOp() => Should.NotThrow(() => OsEntropy.Fill(Span<byte>.Empty));

    [Fact]
    public void GetBytes_Negative_Throws() => Should.Throw<ArgumentOutOfRangeException>(() => OsEntropy.GetBytes(-1));

    [Fact]
    public void Fill_Output_LooksUniform()
    {
        // Monobit sanity check over 1 MiB: an all-zero or stuck buffer fails; true randomness passes easily.
        byte[] data = OsEntropy.GetBytes(1 << 20);
        long ones = 0;
        foreach (byte b in data)
        {
            ones += System.Numerics.BitOperations.PopCount(b);
        }

        double ratio = ones / (data.Length * 8.0);
        ratio.ShouldBeInRange(0.495, 0.505);
    }
}
