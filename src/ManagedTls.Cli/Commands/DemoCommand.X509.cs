using ManagedTls.Keys;
using ManagedTls.X509;

namespace ManagedTls.Cli;

/// <summary>Demo step for the X.509 layer: a self-signed certificate built from the embedded P-256 key.</summary>
internal sealed partial class DemoCommand
{
    private static IEnumerable<DemoStep> X509Steps =>
    [
        new("X.509 self-signed certificate (P-256)", SelfSignedStep),
    ];

    // Builds, signs and re-reads a certificate; checks its subject, self-signature and SHA-256 fingerprint form.
    private static void SelfSignedStep()
    {
        PrivateKey key = KeyDecoder.DecodePrivateKey(PemBlockOf(SampleKeyPem));
        DateTimeOffset now = DateTimeOffset.UtcNow;
        var builder = new CertificateBuilder
        {
            SerialNumber = 0x4D544C53, // "MTLS"
            Subject = DistinguishedName.Parse("/C=US/O=ManagedTls/CN=demo self-signed"),
            NotBefore = now,
            NotAfter = now.AddDays(1),
            PublicKey = key.PublicKey,
        };
        builder.Issuer = builder.Subject;
        builder.Extensions.Add(new BasicConstraints(true, null).ToExtension(critical: true));
        Certificate certificate = Certificate.Load(System.Text.Encoding.ASCII.GetBytes(builder.Sign(key).ToPem()));
        Check(certificate.Subject.ToString() == "C = US, O = ManagedTls, CN = demo self-signed", $"subject printed as {certificate.Subject}");
        Check(certificate.IsSelfSigned(), "the self-signature did not verify");
        string fingerprint = OpenSslText.FormatFingerprint(certificate.GetDigest(Crypto.HashAlgorithmId.Sha256));
        Check(fingerprint.Length == (32 * 3) - 1, $"fingerprint {fingerprint}");
    }

    private static Pem.PemBlock PemBlockOf(string pem) =>
        Pem.PemReader.TryFind(System.Text.Encoding.ASCII.GetBytes(pem), out Pem.PemBlock? block, Pem.PemLabels.PrivateKey)
            ? block
            : throw new DemoFailure("embedded key not found");
}
