using System.Diagnostics;
using ManagedTls.Asn1;
using ManagedTls.Keys;
using ManagedTls.Signatures;
using ManagedTls.X509;

namespace ManagedTls.Tests.X509;

/// <summary>
/// Truncation and mutation of certification requests: decoding fails only with <see cref="X509FormatException"/>,
/// everything derived from an accepted request works or fails with its documented exception, and nothing hangs.
/// </summary>
public sealed class CertificationRequestRobustnessTests
{
    // openssl req -new -key p256.key -config attrs.cnf (challengePassword, unstructuredName, extensionRequest with
    // SAN, keyUsage, basicConstraints) and openssl req -new -key ed25519.key -subj "/CN=robust/O=Round Trip";
    // see vectors/README.md.
    private const string EcWithAttributes = """
        -----BEGIN CERTIFICATE REQUEST-----
        MIIBkDCCATcCAQAwQDELMAkGA1UEBhMCVVMxEzARBgNVBAoMClJvdW5kIFRyaXAx
        HDAaBgNVBAMME2NzciB3aXRoIGF0dHJpYnV0ZXMwWTATBgcqhkjOPQIBBggqhkjO
        PQMBBwNCAAQAQRKPQnoGKXuEqKgWPlgoIaTwEzkjpNi1D6AZ3Hlbmpa7DBcM68qT
        tGYqC3ezZgTfL0lHbpn96QbTXSmAEwTIoIGUMB4GCSqGSIb3DQEJBzERDA9zM2Ny
        ZXQtcGFzc3dvcmQwIwYJKoZIhvcNAQkCMRYMFEFuIFVuc3RydWN0dXJlZCBOYW1l
        ME0GCSqGSIb3DQEJDjFAMD4wIQYDVR0RBBowGIIQY3NyLmV4YW1wbGUudGVzdIcE
        wAACBzAOBgNVHQ8BAf8EBAMCB4AwCQYDVR0TBAIwADAKBggqhkjOPQQDAgNHADBE
        AiBOP9SRc3RlhFu/8ZpCGDFhhF2ycik610mGIe79/WPy2QIgCyzQXYMilXcFrRIK
        H8a/R/qBixeF5tvMPIFT2BU9TEo=
        -----END CERTIFICATE REQUEST-----
        """;

    private const string Ed25519Plain = """
        -----BEGIN CERTIFICATE REQUEST-----
        MIGlMFkCAQAwJjEPMA0GA1UEAwwGcm9idXN0MRMwEQYDVQQKDApSb3VuZCBUcmlw
        MCowBQYDK2VwAyEAJYfwYPh3Wn3tnPKNztVbrY7ZUhEVdRUXfw1OXp8VI7igADAF
        BgMrZXADQQAh1tj1tdWYz40p/X4pcEwB69D8HJE5EX1AQSLVSwrAnEZzSfnwsTV2
        VCQ8wVWvU+OB8v+tL7CVKRSl2aiRuIcJ
        -----END CERTIFICATE REQUEST-----
        """;

    public static TheoryData<string> Samples => new() { "EC with attributes", "Ed25519" };

    [Theory]
    [MemberData(nameof(Samples))]
    public void Decode_Sample_ValidAsMade(string sample)
    {
        CertificationRequest request = CertificationRequest.Decode(Sample(sample));

        request.VerifySignature().ShouldBeTrue();
        request.GetRequestedExtensions().Count.ShouldBe(sample == "Ed25519" ? 0 : 3);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Decode_EveryProperPrefix_ThrowsX509FormatException(string sample)
    {
        byte[] der = Sample(sample);

        for (int length = 0; length < der.Length; length++)
        {
            byte[] prefix = der[..length];
            Should.Throw<X509FormatException>(() => CertificationRequest.Decode(prefix), $"prefix of {length} bytes")
                .Reason.ShouldBe(X509FormatError.MalformedDer);
        }
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Decode_TrailingByte_ThrowsX509FormatException(string sample)
    {
        byte[] der = [.. Sample(sample), 0x00];

        Should.Throw<X509FormatException>(() => CertificationRequest.Decode(der)).Reason.ShouldBe(X509FormatError.MalformedDer);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Decode_RandomMutations_OnlyDocumentedExceptionsInBoundedTime(string sample)
    {
        byte[] der = Sample(sample);
        var random = new System.Random(sample.Length * 7919);
        int accepted = 0;
        TimeSpan slowest = TimeSpan.Zero;
        for (int round = 0; round < 3000; round++)
        {
            byte[] mutated = Mutate(der, random);
            long started = Stopwatch.GetTimestamp();
            try
            {
                CertificationRequest request = CertificationRequest.Decode(mutated);
                accepted++;
                Exercise(request, verify: round % 10 == 0);
            }
            catch (X509FormatException)
            {
            }

            TimeSpan elapsed = Stopwatch.GetElapsedTime(started);
            slowest = elapsed > slowest ? elapsed : slowest;
        }

        accepted.ShouldBeGreaterThan(0);
        slowest.ShouldBeLessThan(TimeSpan.FromSeconds(2), "no single mutated request may take long (no hang, no blow-up)");
    }

    // Everything derived from an accepted request must work, or fail only as documented.
    private static void Exercise(CertificationRequest request, bool verify)
    {
        _ = request.Subject.ToString() + request.Subject.ToOneLineString() + request.Subject.Format(X509NameFormatFlags.Rfc2253) + request.ToPem() + request;
        _ = request.Subject.OpenSslHash ^ request.Subject.OpenSslHashOld;
        _ = request.PublicKeyAlgorithm.Name + request.SignatureAlgorithm.Name;
        foreach (X509Attribute attribute in request.Attributes)
        {
            _ = attribute.ToString();
        }

        request.TryGetPublicKey(out _, out _);
        try
        {
            foreach (X509Extension extension in request.GetRequestedExtensions())
            {
                _ = extension.ToOpenSslString(4) + extension;
            }
        }
        catch (X509FormatException)
        {
        }

        if (!verify)
        {
            return;
        }

        // Signature checks cost a key import each; every tenth accepted mutation is enough to show they only throw as documented.
        try
        {
            request.VerifySignature();
        }
        catch (Exception e) when (e is SignatureException or KeyFormatException or DecodeException)
        {
        }
    }

    private static byte[] Mutate(byte[] der, System.Random random)
    {
        byte[] mutated = (byte[])der.Clone();
        int edits = 1 + random.Next(4);
        for (int i = 0; i < edits; i++)
        {
            int at = random.Next(mutated.Length);
            mutated[at] = random.Next(3) switch
            {
                0 => (byte)random.Next(256),
                1 => (byte)(mutated[at] ^ (1 << random.Next(8))),
                _ => (byte)(mutated[at] + 1),
            };
        }

        return mutated;
    }

    private static byte[] Sample(string sample) =>
        ManagedTls.Pem.PemReader.ReadFirst(sample == "Ed25519" ? Ed25519Plain : EcWithAttributes, ManagedTls.Pem.PemLabels.CertificateRequest).Data.ToArray();
}
