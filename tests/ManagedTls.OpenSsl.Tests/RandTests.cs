using System.Reflection;
using ManagedTls.Crypto;
using ManagedTls.Random;

namespace ManagedTls.OpenSsl.Tests;

/// <summary>Tests that switch the process-wide random engine run alone and switch back to the OS engine.</summary>
[CollectionDefinition(nameof(GlobalRandomEngine), DisableParallelization = true)]
public sealed class GlobalRandomEngine;

/// <summary><c>ManagedTls.OpenSsl.Rand</c> against pyOpenSSL 16.1's <c>OpenSSL.rand</c> behaviour.</summary>
[Collection(nameof(GlobalRandomEngine))]
public sealed class RandTests : IDisposable
{
    public void Dispose() => Rand.ActivateOsRandomEngine();

    [Theory]
    [InlineData("Add")]
    [InlineData("Bytes")]
    [InlineData("Cleanup")]
    [InlineData("Egd")]
    [InlineData("LoadFile")]
    [InlineData("Seed")]
    [InlineData("Status")]
    [InlineData("WriteFile")]
    [InlineData("Screen")]
    [InlineData("ActivateBuiltinRandom")]
    [InlineData("ActivateOsRandomEngine")]
    public void Rand_PyOpenSslName_Exists(string name) =>
        typeof(Rand).GetMethod(name, BindingFlags.Public | BindingFlags.Static, [.. ParametersOf(name)]).ShouldNotBeNull();

    [Theory]
    [InlineData(false, 0)]
    [InlineData(false, 1)]
    [InlineData(false, 1000)]
    [InlineData(true, 0)]
    [InlineData(true, 1)]
    [InlineData(true, 100_000)]
    public void Bytes_EitherEngine_ReturnsThatManyFreshBytes(bool builtin, int count)
    {
        Activate(builtin);

        byte[] a = Rand.Bytes(count);
        byte[] b = Rand.Bytes(count);

        a.Length.ShouldBe(count);
        if (count >= 16)
        {
            a.ShouldNotBe(b);
        }
    }

    [Fact]
    public void Bytes_Negative_ThrowsWithPyOpenSslMessage()
    {
        var e = Should.Throw<ArgumentOutOfRangeException>(() => Rand.Bytes(-1));

        e.Message.ShouldStartWith("num_bytes must not be negative");
        e.ParamName.ShouldBe("numBytes");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AddSeedCleanupStatus_EitherEngine_WorkAndLeaveTheGeneratorUsable(bool builtin)
    {
        Activate(builtin);

        Rand.Add("hamburger"u8.ToArray(), 3);
        Rand.Seed("milk shake"u8.ToArray());
        Rand.Status().ShouldBeTrue();
        Rand.Cleanup();

        Rand.Status().ShouldBeTrue();
        Rand.Bytes(16).Length.ShouldBe(16);
    }

    [Fact]
    public void AddAndSeed_Null_ThrowArgumentNull()
    {
        Should.Throw<ArgumentNullException>(() => Rand.Add(null!, 1));
        Should.Throw<ArgumentNullException>(() => Rand.Seed(null!));
        Should.Throw<ArgumentNullException>(() => Rand.LoadFile(null!));
        Should.Throw<ArgumentNullException>(() => Rand.WriteFile(null!));
    }

    [Fact]
    public void ActivateBuiltinRandom_ThenOsRandomEngine_SwitchesTheLibraryWideEngine()
    {
        Rand.ActivateBuiltinRandom();
        SecureRandomSource.Engine.ShouldBe(RandomEngine.BuiltinDrbg);

        Rand.ActivateOsRandomEngine();
        SecureRandomSource.Engine.ShouldBe(RandomEngine.OsRandom);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void WriteFileThenLoadFile_PyOpenSslReadWriteTest_Passes(bool builtin)
    {
        // pyOpenSSL's _read_write_test: write_file gives a 1024-byte file; load_file reads all of it or maxbytes.
        Activate(builtin);
        string path = TempPath();
        File.WriteAllText(path, string.Empty);
        try
        {
            Rand.WriteFile(path).ShouldBe(1024);
            new FileInfo(path).Length.ShouldBe(1024);

            Rand.LoadFile(path).ShouldBe(1024);
            Rand.LoadFile(path, 4).ShouldBe(4);
            Rand.LoadFile(path, 5000).ShouldBe(1024);
            Rand.LoadFile(path, 0).ShouldBe(0);
            Rand.LoadFile(path, -7).ShouldBe(1024, "any negative maxbytes reads the whole file");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [SkippableFact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void WriteFile_ExistingWorldReadableFile_BecomesOwnerOnly()
    {
        Skip.If(OperatingSystem.IsWindows(), "Unix file modes");
        string path = TempPath();
        File.WriteAllText(path, "old");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        try
        {
            Rand.WriteFile(path).ShouldBe(1024);

            File.GetUnixFileMode(path).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void WriteFileAndLoadFile_Unusable_ReturnZeroWithoutThrowing()
    {
        Rand.WriteFile("/nonexistent-dir/seed").ShouldBe(0);
        Rand.LoadFile("/nonexistent-dir/seed").ShouldBe(0);
        Rand.LoadFile(Path.GetTempPath()).ShouldBe(0, "a directory is not a seed file");
    }

    [SkippableFact]
    public void LoadFile_Device_ReadsAtMost2048BytesWhenAskedForEverything()
    {
        Skip.IfNot(File.Exists("/dev/urandom"), "needs /dev/urandom");

        Rand.LoadFile("/dev/urandom").ShouldBe(2048);
        Rand.LoadFile("/dev/urandom", 10).ShouldBe(10);
    }

#pragma warning disable CS0618 // Egd is obsolete on purpose, as in pyOpenSSL 16
    [Theory]
    [InlineData(255)]
    [InlineData(0)]
    [InlineData(1000)]
    public void Egd_AnyPath_ReturnsBytesWithoutContactingADaemon(int bytes) =>
        Rand.Egd("/nonexistent/egd-pool", bytes).ShouldBe(bytes);

    [Fact]
    public void Egd_DefaultBytes_Returns255() => Rand.Egd("foo").ShouldBe(255);

    [Fact]
    public void Egd_BadArguments_Throw()
    {
        Should.Throw<ArgumentNullException>(() => Rand.Egd(null!));
        Should.Throw<ArgumentOutOfRangeException>(() => Rand.Egd("foo", -1));
    }
#pragma warning restore CS0618

    [Fact]
    public void Egd_IsMarkedObsoleteWithTheReason() =>
        typeof(Rand).GetMethod(nameof(Rand.Egd))!.GetCustomAttribute<ObsoleteAttribute>()!.Message!.ShouldContain("deprecated");

    [SkippableFact]
    public void Screen_OffWindows_ThrowsPlatformNotSupportedSayingWhy()
    {
        Skip.If(OperatingSystem.IsWindows(), "on Windows Screen is a documented no-op");

        var e = Should.Throw<PlatformNotSupportedException>(Rand.Screen);

        e.Message.ShouldContain("Windows-only");
    }

    [Fact]
    public void RandException_Entries_FormatAsPyOpenSslPrintsThem()
    {
        var inner = new IOException("getrandom(2) failed with errno 5.");
        var e = new RandException("RAND_bytes", "error retrieving entropy", inner);

        e.ShouldBeAssignableTo<OpenSslException>();
        e.ShouldNotBeAssignableTo<CryptoException>();
        e.Errors.ShouldBe([new OpenSslErrorEntry("random number generator", "RAND_bytes", "error retrieving entropy")]);
        e.Message.ShouldBe("[('random number generator', 'RAND_bytes', 'error retrieving entropy')]");
        e.InnerException.ShouldBeSameAs(inner);
    }

    [Fact]
    public void CryptoException_ManyEntries_KeepsOrder()
    {
        var e = new CryptoException([new("PEM routines", "get_name", "no start line"), new("x509 certificate routines", "X509_load_cert_file", "PEM lib")]);

        e.Errors.Count.ShouldBe(2);
        e.Message.ShouldBe("[('PEM routines', 'get_name', 'no start line'), ('x509 certificate routines', 'X509_load_cert_file', 'PEM lib')]");
    }

    [Fact]
    public void AddSeedLoadFileEgd_BuiltinEngine_EachReseedTheDrbg()
    {
        // Every reseed draws 32 fresh bytes from the entropy source: count the draws to see the caller's bytes arrive.
        var draws = new List<int>();
        SecureRandomSource.UseBuiltinDrbg(CryptoProviders.Default, new DrbgOptions { EntropySource = d => { draws.Add(d.Length); OsEntropy.Fill(d); } });
        string path = TempPath();
        File.WriteAllBytes(path, new byte[2500]);
        try
        {
            Rand.Add([1, 2, 3], 3);                    // instantiate (32 + 16), then reseed (32)
            Rand.Seed([4, 5, 6]);                      // reseed
            Rand.LoadFile(path).ShouldBe(2500);        // 1024 + 1024 + 452: three reseeds
#pragma warning disable CS0618
            Rand.Egd("ignored", 10);                   // reseed
#pragma warning restore CS0618

            draws.ShouldBe([32, 16, 32, 32, 32, 32, 32, 32]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Bytes_EntropySourceFails_ThrowsRandExceptionWithOpenSslEntry()
    {
        SecureRandomSource.UseBuiltinDrbg(CryptoProviders.Default, new DrbgOptions { EntropySource = _ => throw new IOException("getrandom(2) failed with errno 5.") });

        var e = Should.Throw<RandException>(() => Rand.Bytes(16));

        e.Errors.ShouldBe([new OpenSslErrorEntry("random number generator", "RAND_bytes", "getrandom(2) failed with errno 5.")]);
        e.InnerException.ShouldBeOfType<IOException>();
    }

    private static void Activate(bool builtin)
    {
        if (builtin)
        {
            Rand.ActivateBuiltinRandom();
        }
        else
        {
            Rand.ActivateOsRandomEngine();
        }
    }

    private static string TempPath() => Path.Combine(Path.GetTempPath(), $"mtls-rand-{Guid.NewGuid():N}");

    private static Type[] ParametersOf(string name) => name switch
    {
        "Add" => [typeof(byte[]), typeof(double)],
        "Bytes" => [typeof(int)],
        "Egd" => [typeof(string), typeof(int)],
        "LoadFile" => [typeof(string), typeof(int)],
        "Seed" => [typeof(byte[])],
        "WriteFile" => [typeof(string)],
        _ => [],
    };
}
