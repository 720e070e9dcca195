using ManagedTls.Asn1;
using ManagedTls.Crypto;
using ManagedTls.Tests.Asn1;
using ManagedTls.Tests.TestSupport;
using ManagedTls.X509;

namespace ManagedTls.Tests.X509;

/// <summary>Every certificate under /etc/ssl/certs, against the openssl binary.</summary>
public sealed class CertificateCorpusTests
{
    [SkippableFact]
    public void Decode_EverySystemCertificate_FieldsMatchOpenSsl()
    {
        OpenSslPeer.Require();
        var failures = new List<string>();
        foreach ((string name, byte[] der) in CertificateCorpus.Require())
        {
            Certificate certificate = Certificate.Decode(der);
            string expected = OpenSslX509.PrintFields(der) + OpenSslX509.PrintNameForms(der);
            string actual = OpenSslX509.Describe(certificate) + OpenSslX509.DescribeNameForms(certificate);
            if (actual != expected)
            {
                failures.Add($"{name}:\n--- openssl\n{expected}--- ManagedTls\n{actual}");
            }
        }

        failures.ShouldBeEmpty(string.Join("\n", failures.Take(3)));
    }

    [SkippableFact]
    public void Decode_EverySystemCertificate_RoundTripsAndKeepsRawParts()
    {
        foreach ((string name, byte[] der) in CertificateCorpus.Require())
        {
            Certificate certificate = Certificate.Decode(der);

            using var writer = new DerWriter();
            certificate.Encode(writer);
            writer.ToArray().ShouldBe(der, name);
            Certificate.Load(System.Text.Encoding.ASCII.GetBytes(certificate.ToPem())).ShouldBe(certificate, name);

            var reader = new DerReader(der);
            DerReader outer = reader.ReadSequence();
            outer.ReadEncodedValue().ToArray().ShouldBe(certificate.RawTbsCertificate.ToArray(), name);
            certificate.SignatureAlgorithmsMatch.ShouldBeTrue(name);
            certificate.Version.ShouldBeInRange(1, 3, name);
            certificate.TryGetPublicKey(out var key, out Exception? error).ShouldBeTrue($"{name}: {error}");
            key!.SubjectPublicKeyInfo.ToArray().ShouldBe(certificate.SubjectPublicKeyInfo.ToArray(), name);
            certificate.GetDigest(HashAlgorithmId.Sha1).Length.ShouldBe(20);
        }
    }

    [SkippableFact]
    public void LoadAll_SystemBundle_ReadsEveryBlock()
    {
        const string Bundle = "/etc/ssl/certs/ca-certificates.crt";
        Skip.IfNot(File.Exists(Bundle), $"{Bundle} is not installed");
        byte[] data = File.ReadAllBytes(Bundle);

        IReadOnlyList<Certificate> certificates = Certificate.LoadAll(data);

        int blocks = System.Text.RegularExpressions.Regex.Matches(System.Text.Encoding.ASCII.GetString(data), "-----BEGIN CERTIFICATE-----").Count;
        certificates.Count.ShouldBe(blocks);
        certificates[0].ShouldBe(Certificate.Load(data));
    }

    [SkippableFact]
    public void VerifySignature_EverySelfIssuedSystemRoot_VerifiesAndTamperingFails()
    {
        int verified = 0;
        foreach ((string name, byte[] der) in CertificateCorpus.Require())
        {
            Certificate certificate = Certificate.Decode(der);
            if (!certificate.Subject.Equals(certificate.Issuer))
            {
                continue;
            }

            certificate.TryGetSignatureAlgorithm(out _, out Exception? error).ShouldBeTrue($"{name}: {error}");
            certificate.VerifySignature(certificate.GetPublicKey()).ShouldBeTrue(name);
            certificate.IsSelfSigned().ShouldBeTrue(name);
            verified++;

            // Flip one bit of the serial number: the TBSCertificate no longer matches the signature.
            byte[] tampered = (byte[])der.Clone();
            int serialOffset = FindSerialOffset(der, certificate);
            tampered[serialOffset] ^= 0x01;
            Certificate.Decode(tampered).VerifySignature(certificate.GetPublicKey()).ShouldBeFalse(name);
        }

        verified.ShouldBeGreaterThan(0);
    }

    private static int FindSerialOffset(byte[] der, Certificate certificate)
    {
        var reader = new DerReader(der);
        DerReader outer = reader.ReadSequence();
        DerReader tbs = outer.ReadSequence();
        tbs.TryReadExplicit(0, out _);
        tbs.ReadIntegerBytes().ToArray().ShouldBe(certificate.SerialNumber.ToArray());
        return tbs.Offset - 1;
    }
}
