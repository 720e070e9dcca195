using System.Security.Cryptography.X509Certificates;
using BenchmarkDotNet.Attributes;
using ManagedTls.Pem;
using ManagedTls.X509;
using ManagedTls.X509.Verification;
using BcPkixCertPath = Org.BouncyCastle.Pkix.PkixCertPath;
using BcPkixCertPathValidator = Org.BouncyCastle.Pkix.PkixCertPathValidator;
using BcPkixParameters = Org.BouncyCastle.Pkix.PkixParameters;
using BcTrustAnchor = Org.BouncyCastle.Pkix.TrustAnchor;
using BcX509Certificate = Org.BouncyCastle.X509.X509Certificate;
using BcX509CertificateParser = Org.BouncyCastle.X509.X509CertificateParser;

namespace ManagedTls.Benchmarks;

/// <summary>
/// Verifies a 3-certificate chain (root → intermediate → leaf, made with the openssl commands in vectors/README.md)
/// at a fixed time without revocation: ManagedTls's <see cref="ChainVerifier"/>, .NET's <c>X509Chain</c> (custom
/// root trust; native OpenSSL underneath on Linux) and BouncyCastle's <c>PkixCertPathValidator</c> in the same run.
/// </summary>
/// <remarks>
/// Certificates are decoded once in the setup; each call verifies. ManagedTls and .NET build the path from the leaf,
/// an untrusted intermediate and a trusted root; BouncyCastle's validator only checks a path given in order (it does
/// not build one). <c>-- --verify-chains</c> checks that all three accept both chains.
/// </remarks>
[MemoryDiagnoser]
public class ChainVerificationBenchmarks
{
    /// <summary>The verification time: inside every certificate's validity period.</summary>
    public static readonly DateTimeOffset VerificationTime = new(2027, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private Certificate _leaf = null!;
    private Certificate[] _untrusted = [];
    private TrustStore _store = null!;
    private VerificationOptions _options = null!;

    private X509Certificate2 _netLeaf = null!;
    private X509Certificate2 _netIntermediate = null!;
    private X509Certificate2 _netRoot = null!;

    private BcPkixCertPath _bcPath = null!;
    private BcPkixParameters _bcParameters = null!;

    /// <summary>Which chain: <c>rsa2048</c> or <c>p256</c>.</summary>
    [Params("rsa2048", "p256")]
    public string Chain { get; set; } = "rsa2048";

    /// <summary>Decodes the three certificates for each library.</summary>
    [GlobalSetup]
    public void Setup()
    {
        byte[] leaf = Load(Chain, "leaf");
        byte[] intermediate = Load(Chain, "intermediate");
        byte[] root = Load(Chain, "root");

        _leaf = Certificate.Decode(leaf);
        _untrusted = [Certificate.Decode(intermediate)];
        _store = new TrustStore();
        _store.AddCertificate(Certificate.Decode(root));
        _options = new VerificationOptions { Time = VerificationTime };

        _netLeaf = X509CertificateLoader.LoadCertificate(leaf);
        _netIntermediate = X509CertificateLoader.LoadCertificate(intermediate);
        _netRoot = X509CertificateLoader.LoadCertificate(root);

        var parser = new BcX509CertificateParser();
        BcX509Certificate bcLeaf = parser.ReadCertificate(leaf);
        BcX509Certificate bcIntermediate = parser.ReadCertificate(intermediate);
        BcX509Certificate bcRoot = parser.ReadCertificate(root);
        _bcPath = new BcPkixCertPath(new List<BcX509Certificate> { bcLeaf, bcIntermediate });
        var anchors = new Org.BouncyCastle.Utilities.Collections.HashSet { new BcTrustAnchor(bcRoot, null) };
        _bcParameters = new BcPkixParameters(anchors)
        {
            IsRevocationEnabled = false,
            Date = new Org.BouncyCastle.Utilities.Date.DateTimeObject(VerificationTime.UtcDateTime),
        };
    }

    /// <summary>Checks that the three libraries accept both chains (<c>-- --verify-chains</c>).</summary>
    /// <returns>True when all say valid.</returns>
    public static bool Verify()
    {
        bool ok = true;
        foreach (string chain in new[] { "rsa2048", "p256" })
        {
            var b = new ChainVerificationBenchmarks { Chain = chain };
            b.Setup();
            VerificationResult ours = b.VerifyManagedTls();
            (bool netValid, string netStatus) = b.VerifyDotNet();
            string bc = b.VerifyBouncyCastle();
            Console.WriteLine($"{chain}\n  ManagedTls:   {ours} (chain of {ours.Chain.Count})\n  .NET:         {netStatus}\n  BouncyCastle: {bc}");
            ok &= ours.IsValid && ours.Chain.Count == 3 && netValid && bc == "OK";
        }

        Console.WriteLine(ok ? "all three say valid" : "MISMATCH");
        return ok;
    }

    [Benchmark(Baseline = true, Description = "ManagedTls ChainVerifier")]
    public bool ManagedTls() => VerifyManagedTls().IsValid;

    [Benchmark(Description = ".NET X509Chain")]
    public bool DotNet() => VerifyDotNet().Valid;

    [Benchmark(Description = "BouncyCastle PkixCertPathValidator")]
    public bool BouncyCastle() => VerifyBouncyCastle() == "OK";

    private VerificationResult VerifyManagedTls() => ChainVerifier.Verify(_leaf, _untrusted, _store, _options);

    private (bool Valid, string Status) VerifyDotNet()
    {
        using var chain = new X509Chain();
        X509ChainPolicy policy = chain.ChainPolicy;
        policy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        policy.CustomTrustStore.Add(_netRoot);
        policy.ExtraStore.Add(_netIntermediate);
        policy.RevocationMode = X509RevocationMode.NoCheck;
        policy.VerificationTime = VerificationTime.UtcDateTime;
        policy.VerificationTimeIgnored = false;
        bool valid = chain.Build(_netLeaf);
        string status = valid ? $"OK (chain of {chain.ChainElements.Count})" : string.Join(", ", Array.ConvertAll(chain.ChainStatus, s => s.Status.ToString()));
        return (valid && chain.ChainElements.Count == 3, status);
    }

    private string VerifyBouncyCastle()
    {
        try
        {
            new BcPkixCertPathValidator().Validate(_bcPath, _bcParameters);
            return "OK";
        }
        catch (Exception e)
        {
            return e.GetType().Name + ": " + e.Message;
        }
    }

    private static byte[] Load(string chain, string role)
    {
        string name = $"chain-{chain}-{role}.pem";
        using Stream stream = typeof(ChainVerificationBenchmarks).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded resource {name} is missing");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return PemReader.ReadFirst(buffer.ToArray(), PemLabels.Certificate).Data.ToArray();
    }
}
