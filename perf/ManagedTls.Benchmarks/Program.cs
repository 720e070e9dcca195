using BenchmarkDotNet.Running;

namespace ManagedTls.Benchmarks;

/// <summary>Entry point: <c>dotnet run -c Release --project perf/ManagedTls.Benchmarks -- --filter '*Der*' --job short</c>.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args is ["--verify"])
        {
            return DerBenchmarks.Verify() ? 0 : 1;
        }

        if (args is ["--verify-certificates"])
        {
            return CertificateBenchmarks.Verify() ? 0 : 1;
        }

        if (args is ["--verify-chains"])
        {
            return ChainVerificationBenchmarks.Verify() ? 0 : 1;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
