using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace ManagedTls.Benchmarks.Tls;

/// <summary>
/// One short job for every TLS benchmark, run in-process (no generated project to build on a loaded machine):
/// 2 warm-ups, 7 measured iterations of about 250 ms, 1 launch, with the median and a rate column
/// (handshakes/s for Handshake methods, MB/s for Bulk methods) derived from the median.
/// </summary>
public sealed class TlsBenchmarkConfig : ManualConfig
{
    /// <summary>Bytes per application-data write in the bulk benchmarks (16 KiB: one full record).</summary>
    public const int WriteSize = 16 * 1024;

    /// <summary>Writes per benchmark invocation in the bulk benchmarks (1 MiB per invocation).</summary>
    public const int WritesPerInvoke = 64;

    public TlsBenchmarkConfig()
    {
        AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(2)
            .WithIterationCount(7)
            .WithIterationTime(Perfolizer.Horology.TimeInterval.FromMilliseconds(250))
            .WithId("TlsShort"));
        AddColumn(StatisticColumn.Median, new RateColumn());
        WithOptions(ConfigOptions.DisableOptimizationsValidator);
    }

    /// <summary>"hs/s" = 1 s / median for handshakes; "MB/s" = 16 KiB / median for bulk writes (10^6 bytes per MB).</summary>
    private sealed class RateColumn : IColumn
    {
        public string Id => "TlsRate";

        public string ColumnName => "Rate (median)";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => false;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => "Handshakes per second, or MB/s of application data, from the median time per operation";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            double? medianNs = summary[benchmarkCase]?.ResultStatistics?.Median;
            if (medianNs is not > 0)
            {
                return "NA";
            }

            string method = benchmarkCase.Descriptor.WorkloadMethod.Name;
            if (method.Contains("Bulk", StringComparison.Ordinal))
            {
                return string.Create(CultureInfo.InvariantCulture, $"{WriteSize * 1000.0 / medianNs.Value:F1} MB/s");
            }

            return string.Create(CultureInfo.InvariantCulture, $"{1e9 / medianNs.Value:F0} hs/s");
        }

        public bool IsAvailable(Summary summary) => true;

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    }
}
