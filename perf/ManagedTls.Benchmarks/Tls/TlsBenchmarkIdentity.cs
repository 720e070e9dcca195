using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ManagedTls.Benchmarks.Tls;

/// <summary>
/// A self-signed server identity made once per process with .NET (allowed in perf/, never in src/): ECDSA P-256
/// with SHA-256, or RSA-2048 with SHA-256; the same certificate and key feed SslStream, BouncyCastle TLS and ManagedTls.
/// </summary>
public sealed class TlsBenchmarkIdentity
{
    private static readonly Lazy<TlsBenchmarkIdentity> s_ecdsa = new(() => Create("ECDSA-P256"));
    private static readonly Lazy<TlsBenchmarkIdentity> s_rsa = new(() => Create("RSA-2048"));

    private TlsBenchmarkIdentity(string kind, X509Certificate2 certificate, byte[] pkcs8)
    {
        Kind = kind;
        Certificate = certificate;
        CertificateDer = certificate.RawData;
        Pkcs8Der = pkcs8;
    }

    /// <summary>"ECDSA-P256" or "RSA-2048".</summary>
    public string Kind { get; }

    /// <summary>The certificate with its private key, for SslStream.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>The certificate, DER.</summary>
    public byte[] CertificateDer { get; }

    /// <summary>The private key, PKCS#8 DER.</summary>
    public byte[] Pkcs8Der { get; }

    public bool IsEcdsa => Kind == "ECDSA-P256";

    public static TlsBenchmarkIdentity Get(string kind) => kind switch
    {
        "ECDSA-P256" => s_ecdsa.Value,
        "RSA-2048" => s_rsa.Value,
        _ => throw new ArgumentException($"Unknown identity {kind}", nameof(kind)),
    };

    private static TlsBenchmarkIdentity Create(string kind)
    {
        var subject = new X500DistinguishedName("CN=bench.test");
        DateTimeOffset now = DateTimeOffset.UtcNow;
        CertificateRequest request;
        AsymmetricAlgorithm key;
        if (kind == "ECDSA-P256")
        {
            var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            request = new CertificateRequest(subject, ec, HashAlgorithmName.SHA256);
            key = ec;
        }
        else
        {
            var rsa = RSA.Create(2048);
            request = new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            key = rsa;
        }

        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName("bench.test");
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using X509Certificate2 ephemeral = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));

        // Round-trip through PKCS#12 so the key is usable by SslStream's native TLS on every platform.
        X509Certificate2 certificate = X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pkcs12, "bench"), "bench", X509KeyStorageFlags.Exportable);
        byte[] pkcs8 = key.ExportPkcs8PrivateKey();
        key.Dispose();
        return new TlsBenchmarkIdentity(kind, certificate, pkcs8);
    }
}
