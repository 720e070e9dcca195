using ManagedTls.Crypto;
using ManagedTls.Random;

namespace ManagedTls.Tests.Random;

/// <summary>Tests that switch the process-wide engine run alone and always switch back to the OS engine.</summary>
[CollectionDefinition(nameof(GlobalRandomEngine), DisableParallelization = true)]
public sealed class GlobalRandomEngine;

[Collection(nameof(GlobalRandomEngine))]
public sealed class SecureRandomSourceTests : IDisposable
{
    public void Dispose() => SecureRandomSource.UseOsRandom();

    [Fact]
    public void Engine_Default_IsOsRandom()
    {
        SecureRandomSource.UseOsRandom();

        SecureRandomSource.Engine.ShouldBe(RandomEngine.OsRandom);
        SecureRandomSource.CurrentDrbg.ShouldBeNull();
    }

    [Theory]
    [InlineData(RandomEngine.OsRandom)]
    [InlineData(RandomEngine.BuiltinDrbg)]
    public void GetBytes_EitherEngine_ReturnsFreshBytes(RandomEngine engine)
    {
        Use(engine);

        byte[] a = SecureRandomSource.GetBytes(32);
        byte[] b = SecureRandomSource.GetBytes(32);

        SecureRandomSource.Engine.ShouldBe(engine);
        a.ShouldNotBe(b);
        SecureRandomSource.GetBytes(0).ShouldBeEmpty();
        Should.Throw<ArgumentOutOfRangeException>(() => SecureRandomSource.GetBytes(-1));
    }

    [Fact]
    public void UseBuiltinDrbg_ThenUseOsRandom_DisposesAndZeroesTheDrbg()
    {
        SecureRandomSource.UseBuiltinDrbg(CryptoProviders.Default);
        HmacDrbg drbg = SecureRandomSource.CurrentDrbg.ShouldNotBeNull();
        SecureRandomSource.GetBytes(16);
        drbg.IsInstantiated.ShouldBeTrue();

        SecureRandomSource.UseOsRandom();

        drbg.IsInstantiated.ShouldBeFalse();
        Should.Throw<ObjectDisposedException>(() => drbg.GetBytes(1));
    }

    [Fact]
    public void AddEntropy_BuiltinDrbg_ReseedsWithTheInput()
    {
        SecureRandomSource.UseBuiltinDrbg(CryptoProviders.Default);
        HmacDrbg drbg = SecureRandomSource.CurrentDrbg!;

        SecureRandomSource.AddEntropy("milk shake"u8);

        drbg.ReseedCount.ShouldBe(1);
    }

    [Fact]
    public void AddEntropyAndCleanup_OsRandom_AreHarmlessNoOps()
    {
        SecureRandomSource.UseOsRandom();

        SecureRandomSource.AddEntropy("ignored"u8);
        SecureRandomSource.Cleanup();

        SecureRandomSource.GetBytes(8).Length.ShouldBe(8);
    }

    [Fact]
    public void Cleanup_BuiltinDrbg_ZeroesStateThenReseedsOnNextUse()
    {
        SecureRandomSource.UseBuiltinDrbg(CryptoProviders.Default);
        SecureRandomSource.GetBytes(8);

        SecureRandomSource.Cleanup();

        SecureRandomSource.CurrentDrbg!.IsInstantiated.ShouldBeFalse();
        SecureRandomSource.GetBytes(8).Length.ShouldBe(8);
        SecureRandomSource.CurrentDrbg!.IsInstantiated.ShouldBeTrue();
    }

    [Fact]
    public async Task Fill_WhileEnginesSwitchConcurrently_NeverThrows()
    {
        using var stop = new CancellationTokenSource();
        Task switcher = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                SecureRandomSource.UseBuiltinDrbg(CryptoProviders.Default);
                SecureRandomSource.UseOsRandom();
            }
        });

        Parallel.For(0, 2000, _ => SecureRandomSource.GetBytes(32).Length.ShouldBe(32));
        stop.Cancel();
        await switcher;
    }

    private static void Use(RandomEngine engine)
    {
        if (engine == RandomEngine.BuiltinDrbg)
        {
            SecureRandomSource.UseBuiltinDrbg(CryptoProviders.Default);
        }
        else
        {
            SecureRandomSource.UseOsRandom();
        }
    }
}
