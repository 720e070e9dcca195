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

/// <summary>The getrandom(2) retry loop, driven by a scripted system call.</summary>
public class OsEntropyRetryTests
{
    [Fact]
    public void FillWithRetries_ShortReadsAndEintr_FillsEverythingInOrder()
    {
        // 10 bytes delivered as: 3 bytes, EINTR, 4 bytes, EINTR, EINTR, 3 bytes.
        var script = new Queue<(int Count, int Errno)>([(3, 0), (-1, OsEntropy.EINTR), (4, 0), (-1, OsEntropy.EINTR), (-1, OsEntropy.EINTR), (3, 0)]);
        byte next = 1;
        int calls = 0;
        byte[] buffer = new byte[10];

        bool ok = OsEntropy.FillWithRetries(buffer, (Span<byte> destination, out int errno) =>
        {
            calls++;
            (int count, errno) = script.Dequeue();
            for (int i = 0; i < count; i++)
            {
                destination[i] = next++;
            }

            return count;
        }, "getrandom(2)");

        ok.ShouldBeTrue();
        buffer.ShouldBe(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 });
        calls.ShouldBe(6);
    }

    [Theory]
    [InlineData(OsEntropy.ENOSYS)] // kernel older than 3.17
    [InlineData(OsEntropy.EPERM)]  // seccomp profile forbids the call
    public void FillWithRetries_CallUnavailable_ReturnsFalseForFallback(int errno)
    {
        bool ok = OsEntropy.FillWithRetries(new byte[8], (Span<byte> _, out int e) => { e = errno; return -1; }, "getrandom(2)");

        ok.ShouldBeFalse();
    }

    [Theory]
    [InlineData(-1, 14, "getrandom(2) failed with errno 14.")] // EFAULT
    [InlineData(0, 0, "getrandom(2) returned no bytes.")]
    public void FillWithRetries_OtherFailure_ThrowsIOException(int result, int errno, string message)
    {
        var e = Should.Throw<IOException>(() =>
            OsEntropy.FillWithRetries(new byte[8], (Span<byte> _, out int err) => { err = errno; return result; }, "getrandom(2)"));

        e.Message.ShouldBe(message);
    }

    [SkippableFact]
    public void FillFromDevice_Urandom_FillsWholeBuffer()
    {
        Skip.IfNot(File.Exists("/dev/urandom"), "needs /dev/urandom");
        byte[] buffer = new byte[100_000];

        OsEntropy.FillFromDevice(buffer);

        buffer.AsSpan(buffer.Length - 16).ToArray().ShouldNotBe(new byte[16]);
    }

    [Fact]
    public void FillFromDevice_ShortFileOrMissingDevice_ThrowsIOException()
    {
        string path = Path.GetTempFileName();
        File.WriteAllBytes(path, [1, 2, 3]);
        try
        {
            Should.Throw<IOException>(() => OsEntropy.FillFromDevice(new byte[8], path)).Message.ShouldEndWith("returned end of file.");
            Should.Throw<IOException>(() => OsEntropy.FillFromDevice(new byte[8], path + ".missing"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [SkippableFact]
    public void SourceName_OnLinux_IsGetrandom()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "getrandom(2) is Linux's interface");
        OsEntropy.GetBytes(1);
        Skip.If(OsEntropy.SourceName == "/dev/urandom", "getrandom(2) is refused here (ENOSYS or a seccomp EPERM); the /dev/urandom fallback is in use");

        OsEntropy.SourceName.ShouldBe("getrandom");
    }
}
