using BenchmarkDotNet.Attributes;
using ManagedTls.Pem;

namespace ManagedTls.Benchmarks;

/// <summary>PEM read and write throughput: the system CA bundle (many small blocks) and one 1 MiB block.</summary>
[MemoryDiagnoser]
public class PemBenchmarks
{
    private byte[] _bundle = [];
    private byte[] _large = [];
    private byte[] _largeDer = [];

    [GlobalSetup]
    public void Setup()
    {
        _largeDer = new byte[1 << 20];
        for (int i = 0; i < _largeDer.Length; i++)
        {
            _largeDer[i] = (byte)(i * 131);
        }

        _large = PemWriter.Write(PemLabels.X509Crl, _largeDer);
        const string CaBundle = "/etc/ssl/certs/ca-certificates.crt";
        _bundle = File.Exists(CaBundle) ? File.ReadAllBytes(CaBundle) : _large;
    }

    [Benchmark]
    public int ReadAllCaBundle() => PemReader.ReadAll(_bundle).Count;

    [Benchmark]
    public int ReadLargeBlock() => PemReader.ReadFirst(_large, PemLabels.X509Crl).Data.Length;

    [Benchmark]
    public int WriteLargeBlock() => PemWriter.Write(PemLabels.X509Crl, _largeDer).Length;
}
