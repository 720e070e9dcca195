using System.Collections.Concurrent;
using ManagedTls.Crypto;
using ManagedTls.Random;

namespace ManagedTls.Tests.Random;

public class HmacDrbgTests
{
    private static readonly ICryptoProvider s_provider = CryptoProviders.Default;

    [Fact]
    public void Fill_PredictionResistanceCavpVector_MatchesReturnedBits()
    {
        // drbgvectors_pr_true/HMAC_DRBG.rsp [SHA-256] with additional input: every request reseeds with
        // EntropyInputPR and carries the AdditionalInput into that reseed (SP 800-90A §9.3.1 step 7).
        var entropy = new ScriptedEntropy(
            "6c1f4bffc476e488fb57eb80dc106cf2b417bad22b196baa6346958256db490f" // EntropyInput
            + "5f1b92223e3909e43677da2f588a6d19"                                // Nonce
            + "abaca65695bd5d289880453850fc8289b76f78b43f970ed32f4125a941165515" // EntropyInputPR
            + "4a39b666cf861816d7d82ef6e23f70f149d74d9bd499eea19b622e751c43d839"); // EntropyInputPR
        using var drbg = new HmacDrbg(s_provider, new DrbgOptions
        {
            PredictionResistance = true,
            EntropySource = entropy.Source,
            ProcessIdProvider = () => 1,
            ReseedTimeInterval = TimeSpan.Zero,
        });
        byte[] output = new byte[32];

        drbg.Fill(output, Convert.FromHexString("e6cd940610375e504fa80406120b34d498b022393436e910c0ba2560603fd066"));
        drbg.Fill(output, Convert.FromHexString("d20082c5bdf6f6711af391e7d01046b9d3610827de63aa2671a5f5ad07b90841"));

        Convert.ToHexStringLower(output).ShouldBe("d3c36e4ae25ff21a95a157a89f13eb976362a695ea755f0465ed4a7bb20c5cb3");
        entropy.Calls.ShouldBe([32, 16, 32, 32]);
        drbg.ReseedCount.ShouldBe(2);
    }

    [Fact]
    public void Fill_ProcessIdChanges_ReseedsOnceAndDivergesFromTwin()
    {
        // A fork leaves parent and child with byte-identical state. Two instances seeded with the same bytes model
        // that; only the "child" then sees a new pid, and fresh OS entropy afterwards.
        int childPid = 1000;
        using DrbgTwin twin = DrbgTwin.Create(() => childPid);
        byte[] parentOut = new byte[32];
        byte[] childOut = new byte[32];
        twin.Parent.Fill(parentOut);
        twin.Child.Fill(childOut);
        childOut.ShouldBe(parentOut, "identical state gives identical output: the hazard fork detection exists for");

        childPid = 1001;
        twin.Parent.Fill(parentOut);
        twin.Child.Fill(childOut);

        childOut.ShouldNotBe(parentOut);
        twin.Child.ForkReseedCount.ShouldBe(1);
        twin.Parent.ForkReseedCount.ShouldBe(0);

        twin.Child.Fill(childOut);
        twin.Child.ForkReseedCount.ShouldBe(1, "one reseed per process change, not per request");
    }

    [Fact]
    public void AddInput_AfterProcessIdChange_AlsoRecordsTheFork()
    {
        int pid = 1;
        using var drbg = new HmacDrbg(s_provider, new DrbgOptions { ProcessIdProvider = () => pid });
        drbg.GetBytes(8);

        pid = 2;
        drbg.AddInput([1]);
        drbg.GetBytes(8);

        drbg.ForkReseedCount.ShouldBe(1);
        drbg.ReseedCount.ShouldBe(2); // the fork reseed, then the AddInput reseed; none for the request after
    }

    [Fact]
    public void Fill_ProcessIdUnchanged_TwinsStayIdentical()
    {
        // The control for the test above: a pid source that never changes (as the cached Environment.ProcessId
        // in a forked child) cannot tell the twins apart, so they keep returning the same bytes.
        using DrbgTwin twin = DrbgTwin.Create(() => 1000);
        byte[] parentOut = new byte[32];
        byte[] childOut = new byte[32];
        for (int i = 0; i < 3; i++)
        {
            twin.Parent.Fill(parentOut);
            twin.Child.Fill(childOut);
            childOut.ShouldBe(parentOut);
        }
    }

    [Fact]
    public void Fill_DefaultProcessIdProvider_UsesRealGetpid()
    {
        ProcessIdentity.GetCurrentProcessId().ShouldBe(Environment.ProcessId); // equal until a fork
    }

    [Theory]
    [InlineData(1, 3, 2)]
    [InlineData(2, 3, 1)]
    [InlineData(3, 3, 0)]
    [InlineData(1024, 1024, 0)]
    public void Fill_ReseedInterval_ReseedsWhenCounterExceedsIt(long interval, int requests, long expectedReseeds)
    {
        using var drbg = new HmacDrbg(s_provider, new DrbgOptions
        {
            ReseedInterval = interval,
            EntropySource = new ScriptedEntropy().Source,
            ProcessIdProvider = () => 1,
        });
        for (int i = 0; i < requests; i++)
        {
            drbg.GetBytes(16);
        }

        drbg.ReseedCount.ShouldBe(expectedReseeds);
    }

    [Fact]
    public void Fill_ReseedTimeIntervalElapsed_Reseeds()
    {
        var clock = new ManualTimeProvider();
        using var drbg = new HmacDrbg(s_provider, new DrbgOptions
        {
            ReseedTimeInterval = TimeSpan.FromMinutes(10),
            TimeProvider = clock,
            ProcessIdProvider = () => 1,
        });
        drbg.GetBytes(16);
        clock.Advance(TimeSpan.FromMinutes(9));
        drbg.GetBytes(16);
        drbg.ReseedCount.ShouldBe(0);

        clock.Advance(TimeSpan.FromMinutes(2));
        drbg.GetBytes(16);

        drbg.ReseedCount.ShouldBe(1);
    }

    [Fact]
    public void Fill_LargeRequest_SplitsIntoStandardSizedRequests()
    {
        using var drbg = new HmacDrbg(s_provider);
        byte[] output = drbg.GetBytes((3 * HmacDrbgMechanism.MaxBytesPerRequest) + 5);

        output.AsSpan(output.Length - 32).ToArray().ShouldNotBe(new byte[32]);
        output.AsSpan(0, 32).ToArray().ShouldNotBe(output.AsSpan(HmacDrbgMechanism.MaxBytesPerRequest, 32).ToArray());
    }

    [Theory]
    [InlineData("hamburger", "hamburger", true)]
    [InlineData("hamburger", "milk shake", false)]
    public void AddInput_SameEntropyDifferentInput_OutputFollowsInput(string parentInput, string childInput, bool same)
    {
        // Both twins reseed with the same (scripted) entropy: only the caller's input can make them differ.
        using DrbgTwin twin = DrbgTwin.Create(() => 7, thenOs: false);
        twin.Parent.AddInput(System.Text.Encoding.ASCII.GetBytes(parentInput));
        twin.Child.AddInput(System.Text.Encoding.ASCII.GetBytes(childInput));

        (twin.Child.GetBytes(32).AsSpan().SequenceEqual(twin.Parent.GetBytes(32))).ShouldBe(same);
        twin.Child.ReseedCount.ShouldBe(1);
    }

    [Fact]
    public void Cleanup_AfterUse_ForgetsStateAndReinstantiatesOnNextRequest()
    {
        var entropy = new ScriptedEntropy();
        using var drbg = new HmacDrbg(s_provider, new DrbgOptions { EntropySource = entropy.Source, ProcessIdProvider = () => 1 });
        drbg.GetBytes(8);
        drbg.IsInstantiated.ShouldBeTrue();

        drbg.Cleanup();

        drbg.IsInstantiated.ShouldBeFalse();
        drbg.GetBytes(8).Length.ShouldBe(8);
        entropy.Calls.ShouldBe([32, 16, 32, 16]);
    }

    [Fact]
    public void Dispose_ThenFill_ThrowsObjectDisposed()
    {
        var drbg = new HmacDrbg(s_provider);
        drbg.GetBytes(8);

        drbg.Dispose();

        drbg.IsInstantiated.ShouldBeFalse();
        Should.Throw<ObjectDisposedException>(() => drbg.GetBytes(8));
        Should.Throw<ObjectDisposedException>(() => drbg.AddInput([1]));
    }

    [Fact]
    public void Fill_Empty_DoesNotSeed()
    {
        var entropy = new ScriptedEntropy();
        using var drbg = new HmacDrbg(s_provider, new DrbgOptions { EntropySource = entropy.Source });

        drbg.Fill([]);

        entropy.Calls.ShouldBeEmpty();
    }

    [Fact]
    public void Fill_ManyThreads_NeverRepeatsOrThrows()
    {
        using var drbg = new HmacDrbg(s_provider, new DrbgOptions { ReseedInterval = 50 });
        var seen = new ConcurrentDictionary<string, byte>();

        Parallel.For(0, 4000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, _ =>
            seen.TryAdd(Convert.ToHexString(drbg.GetBytes(16)), 0).ShouldBeTrue());

        seen.Count.ShouldBe(4000);
    }

    [Theory]
    [InlineData(HashAlgorithmId.Sha1, 1024)]
    [InlineData(HashAlgorithmId.Md5, 1024)]
    [InlineData(HashAlgorithmId.Sha256, 0)]
    [InlineData(HashAlgorithmId.Sha256, (1L << 48) + 1)]
    public void Constructor_UnsupportedOptions_Throws(HashAlgorithmId algorithm, long interval) =>
        Should.Throw<ArgumentOutOfRangeException>(() => new HmacDrbg(s_provider, new DrbgOptions { HashAlgorithm = algorithm, ReseedInterval = interval }));

    [Theory]
    [InlineData(HashAlgorithmId.Sha256)]
    [InlineData(HashAlgorithmId.Sha384)]
    [InlineData(HashAlgorithmId.Sha512)]
    public void GetBytes_EachDigest_Works(HashAlgorithmId algorithm)
    {
        using var drbg = new HmacDrbg(s_provider, new DrbgOptions { HashAlgorithm = algorithm });

        drbg.GetBytes(100).ShouldNotBe(drbg.GetBytes(100));
        drbg.Algorithm.ShouldBe(algorithm);
    }

    /// <summary>Two DRBGs seeded with the same bytes: a parent and its forked child, as far as state goes.</summary>
    private sealed class DrbgTwin : IDisposable
    {
        private DrbgTwin(HmacDrbg parent, HmacDrbg child)
        {
            Parent = parent;
            Child = child;
        }

        public HmacDrbg Parent { get; }

        public HmacDrbg Child { get; }

        public static DrbgTwin Create(Func<int> childPid, bool thenOs = true)
        {
            const string Seed = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f" + "202122232425262728292a2b2c2d2e2f";
            int parentPid = childPid();
            var parent = new HmacDrbg(s_provider, new DrbgOptions { EntropySource = new ScriptedEntropy(Seed, thenOs).Source, ProcessIdProvider = () => parentPid });
            var child = new HmacDrbg(s_provider, new DrbgOptions { EntropySource = new ScriptedEntropy(Seed, thenOs).Source, ProcessIdProvider = childPid });
            return new DrbgTwin(parent, child);
        }

        public void Dispose()
        {
            Parent.Dispose();
            Child.Dispose();
        }
    }
}
