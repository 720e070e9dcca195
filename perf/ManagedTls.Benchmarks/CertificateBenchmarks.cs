using System.Security.Cryptography.X509Certificates;
using BenchmarkDotNet.Attributes;
using ManagedTls.Pem;
using ManagedTls.X509;
using BcX509Certificate = Org.BouncyCastle.X509.X509Certificate;
using BcX509CertificateParser = Org.BouncyCastle.X509.X509CertificateParser;
using BcX509Name = Org.BouncyCastle.Asn1.X509.X509Name;
using MtKeyUsage = ManagedTls.X509.KeyUsage;

namespace ManagedTls.Benchmarks;

/// <summary>
/// Parses a typical leaf certificate from DER and reads what a TLS client reads: the subject CN, the DNS names of the
/// subjectAltName, keyUsage, extendedKeyUsage, basicConstraints and notAfter. ManagedTls, BouncyCastle's
/// <c>X509CertificateParser</c> and .NET's <c>X509Certificate2</c> (native OpenSSL underneath) in the same run.
/// </summary>
/// <remarks>
/// The certificates are in <c>Data/</c> (made with the openssl commands in vectors/README.md): a 2048-bit RSA leaf
/// signed with sha256WithRSAEncryption and a P-256 leaf signed with ecdsa-with-SHA384, both with SAN (4 DNS names),
/// EKU, KU, BC, AKI, SKI, AIA, CRL DP and certificate policies. Each benchmark returns a checksum of what it read,
/// and <c>-- --verify-certificates</c> checks that the three libraries read the same values.
/// </remarks>
[MemoryDiagnoser]
public class CertificateBenchmarks
{
    private const string CommonNameOid = "2.5.4.3";

    private byte[] _der = [];

    /// <summary>Which leaf: <c>rsa2048</c> or <c>p256</c>.</summary>
    [Params("rsa2048", "p256")]
    public string Leaf { get; set; } = "rsa2048";

    /// <summary>Loads the leaf's DER.</summary>
    [GlobalSetup]
    public void Setup() => _der = LoadLeaf(Leaf);

    /// <summary>Checks the three libraries read identical values from both leaves (<c>-- --verify-certificates</c>).</summary>
    /// <returns>True when they agree.</returns>
    public static bool Verify()
    {
        bool ok = true;
        foreach (string leaf in new[] { "rsa2048", "p256" })
        {
            var b = new CertificateBenchmarks { Leaf = leaf };
            b.Setup();
            string ours = b.Describe(ManagedTlsRead(b._der));
            string bc = b.Describe(BouncyCastleRead(b._der));
            string net = b.Describe(DotNetRead(b._der));
            Console.WriteLine($"{leaf} ({b._der.Length} bytes)\n  ManagedTls:   {ours}\n  BouncyCastle: {bc}\n  .NET:         {net}");
            ok &= ours == bc && ours == net;
        }

        Console.WriteLine(ok ? "all three agree" : "MISMATCH");
        return ok;
    }

    [Benchmark(Baseline = true, Description = "ManagedTls Certificate")]
    public int ManagedTls() => ManagedTlsRead(_der).Checksum;

    [Benchmark(Description = "BouncyCastle X509CertificateParser")]
    public int BouncyCastle() => BouncyCastleRead(_der).Checksum;

    [Benchmark(Description = ".NET X509Certificate2")]
    public int DotNet() => DotNetRead(_der).Checksum;

    private static LeafFacts ManagedTlsRead(byte[] der)
    {
        Certificate certificate = Certificate.Decode(der);
        var facts = default(LeafFacts);
        foreach (AttributeTypeAndValue attribute in certificate.Subject.Attributes)
        {
            if (attribute.Oid == CommonNameOid)
            {
                facts.CommonName = attribute.Value;
            }
        }

        facts.DnsNames = [];
        if (certificate.GetSubjectAlternativeNames() is { } san)
        {
            foreach (GeneralName name in san.Names)
            {
                if (name.Kind == GeneralNameKind.DnsName)
                {
                    facts.DnsNames.Add(name.Text!);
                }
            }
        }

        facts.KeyUsage = certificate.GetKeyUsage() is MtKeyUsage ku ? (int)ku.Flags : -1;
        facts.ExtendedKeyUsage = certificate.GetExtendedKeyUsage() is { } eku ? [.. eku.Oids] : [];
        BasicConstraints? bc = certificate.GetBasicConstraints();
        facts.IsCa = bc?.CertificateAuthority ?? false;
        facts.PathLength = bc?.PathLengthConstraint ?? -1;
        facts.NotAfter = certificate.NotAfter.UtcDateTime;
        return facts;
    }

    private static LeafFacts BouncyCastleRead(byte[] der)
    {
        BcX509Certificate certificate = new BcX509CertificateParser().ReadCertificate(der);
        var facts = default(LeafFacts);
        System.Collections.IList cns = certificate.SubjectDN.GetValueList(BcX509Name.CN);
        facts.CommonName = cns.Count > 0 ? (string?)cns[cns.Count - 1] : null;
        facts.DnsNames = [];
        System.Collections.ICollection? san = certificate.GetSubjectAlternativeNames();
        if (san is not null)
        {
            foreach (System.Collections.IList entry in san)
            {
                if ((int)entry[0]! == Org.BouncyCastle.Asn1.X509.GeneralName.DnsName)
                {
                    facts.DnsNames.Add((string)entry[1]!);
                }
            }
        }

        bool[]? ku = certificate.GetKeyUsage();
        facts.KeyUsage = ku is null ? -1 : KeyUsageBits(ku);
        facts.ExtendedKeyUsage = [];
        System.Collections.IList? eku = certificate.GetExtendedKeyUsage();
        if (eku is not null)
        {
            foreach (object oid in eku)
            {
                facts.ExtendedKeyUsage.Add(oid.ToString()!);
            }
        }

        // GetBasicConstraints: -1 for an end entity, the path length (int.MaxValue when absent) for a CA.
        int pathLength = certificate.GetBasicConstraints();
        facts.IsCa = pathLength >= 0;
        facts.PathLength = pathLength is >= 0 and < int.MaxValue ? pathLength : -1;
        facts.NotAfter = certificate.NotAfter.ToUniversalTime();
        return facts;
    }

    private static LeafFacts DotNetRead(byte[] der)
    {
        using X509Certificate2 certificate = X509CertificateLoader.LoadCertificate(der);
        var facts = default(LeafFacts);
        facts.CommonName = certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
        facts.DnsNames = [];
        facts.ExtendedKeyUsage = [];
        facts.KeyUsage = -1;
        facts.PathLength = -1;
        foreach (System.Security.Cryptography.X509Certificates.X509Extension extension in certificate.Extensions)
        {
            switch (extension)
            {
                case X509SubjectAlternativeNameExtension san:
                    foreach (string name in san.EnumerateDnsNames())
                    {
                        facts.DnsNames.Add(name);
                    }

                    break;
                case X509KeyUsageExtension ku:
                    facts.KeyUsage = DotNetKeyUsage(ku.KeyUsages);
                    break;
                case X509EnhancedKeyUsageExtension eku:
                    foreach (System.Security.Cryptography.Oid oid in eku.EnhancedKeyUsages)
                    {
                        facts.ExtendedKeyUsage.Add(oid.Value!);
                    }

                    break;
                case X509BasicConstraintsExtension bc:
                    facts.IsCa = bc.CertificateAuthority;
                    facts.PathLength = bc.HasPathLengthConstraint ? bc.PathLengthConstraint : -1;
                    break;
            }
        }

        facts.NotAfter = certificate.NotAfter.ToUniversalTime();
        return facts;
    }

    // keyUsage bit n (digitalSignature = 0 ... decipherOnly = 8) as 1 << n, the layout of KeyUsageFlags.
    private static int KeyUsageBits(bool[] bits)
    {
        int flags = 0;
        for (int i = 0; i < bits.Length && i < 9; i++)
        {
            flags |= bits[i] ? 1 << i : 0;
        }

        return flags;
    }

    private static int DotNetKeyUsage(X509KeyUsageFlags usages)
    {
        // .NET's flags are the DER bit string's first two octets read little-endian: bit n of the BIT STRING is
        // 0x80 >> n in octet 0 (decipherOnly is 0x8000).
        int flags = 0;
        for (int n = 0; n < 8; n++)
        {
            flags |= ((int)usages & (0x80 >> n)) != 0 ? 1 << n : 0;
        }

        flags |= ((int)usages & 0x8000) != 0 ? 1 << 8 : 0;
        return flags;
    }

    private string Describe(LeafFacts facts) =>
        $"CN={facts.CommonName}; DNS={string.Join(',', facts.DnsNames)}; KU={facts.KeyUsage}; EKU={string.Join(',', facts.ExtendedKeyUsage)}; " +
        $"CA={facts.IsCa}; pathlen={facts.PathLength}; notAfter={facts.NotAfter:O}; checksum={facts.Checksum}";

    private static byte[] LoadLeaf(string leaf)
    {
        string name = leaf == "p256" ? "leaf-p256.pem" : "leaf-rsa2048.pem";
        using Stream stream = typeof(CertificateBenchmarks).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded resource {name} is missing");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return PemReader.ReadFirst(buffer.ToArray(), PemLabels.Certificate).Data.ToArray();
    }

    private struct LeafFacts
    {
        public string? CommonName;
        public List<string> DnsNames;
        public int KeyUsage;
        public List<string> ExtendedKeyUsage;
        public bool IsCa;
        public int PathLength;
        public DateTime NotAfter;

        public readonly int Checksum
        {
            get
            {
                int sum = (CommonName?.Length ?? 0) + KeyUsage + (IsCa ? 1000 : 0) + PathLength + NotAfter.DayOfYear;
                foreach (string name in DnsNames)
                {
                    sum += name.Length;
                }

                foreach (string oid in ExtendedKeyUsage)
                {
                    sum += oid.Length;
                }

                return sum;
            }
        }
    }
}
