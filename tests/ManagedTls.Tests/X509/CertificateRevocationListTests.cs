using ManagedTls.Asn1;
using ManagedTls.Crypto;
using ManagedTls.Tests.TestSupport;
using ManagedTls.X509;

namespace ManagedTls.Tests.X509;

/// <summary>CRLs made by <c>openssl ca -gencrl</c>, compared with <c>openssl crl</c>.</summary>
public sealed class CertificateRevocationListTests
{
    [SkippableTheory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    public void Decode_OpensslCaCrl_MatchesOpenSsl(int revocations)
    {
        string dir = Path.Combine(Path.GetTempPath(), "mtls-x509-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string[] reasons = ["keyCompromise", "superseded", "cessationOfOperation"];
            File.WriteAllText(Path.Combine(dir, "ca.cnf"), "[ca]\ndefault_ca=d\n[d]\ndir=.\ndatabase=./index.txt\ncrlnumber=./crlnumber\ndefault_md=sha256\ndefault_crl_days=30\ncrl_extensions=e\n[e]\nauthorityKeyIdentifier=keyid:always\n");
            File.WriteAllText(Path.Combine(dir, "index.txt"), string.Empty);
            File.WriteAllText(Path.Combine(dir, "crlnumber"), "1000\n");
            Run(dir, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-subj", "/O=Test/CN=CRL CA", "-days", "2");
            var serials = new List<byte[]>();
            for (int i = 0; i < revocations; i++)
            {
                Run(dir, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", $"l{i}.key", "-out", $"l{i}.pem", "-subj", $"/CN=leaf {i}", "-days", "2");
                Run(dir, "ca", "-config", "ca.cnf", "-cert", "ca.pem", "-keyfile", "ca.key", "-revoke", $"l{i}.pem", "-crl_reason", reasons[i]);
                serials.Add(Certificate.Load(File.ReadAllBytes(Path.Combine(dir, $"l{i}.pem"))).SerialNumber.ToArray());
            }

            Run(dir, "ca", "-config", "ca.cnf", "-cert", "ca.pem", "-keyfile", "ca.key", "-gencrl", "-out", "crl.pem");
            string crlPath = Path.Combine(dir, "crl.pem");

            CertificateRevocationList crl = CertificateRevocationList.Load(File.ReadAllBytes(crlPath));

            string expected = OpenSslPeer.Run("crl", "-in", crlPath, "-noout", "-issuer", "-lastupdate", "-nextupdate", "-hash", "-crlnumber", "-fingerprint").Stdout;
            string actual =
                $"issuer={crl.Issuer}\n" +
                $"lastUpdate={OpenSslText.FormatTime(crl.ThisUpdate)}\n" +
                $"nextUpdate={OpenSslText.FormatTime(crl.NextUpdate!.Value)}\n" +
                $"issuer name hash={crl.IssuerNameHash:x8}\n" +
                $"crlNumber=0x{crl.GetCrlNumber():X}\n" +
                $"SHA1 Fingerprint={OpenSslText.FormatFingerprint(crl.GetDigest(HashAlgorithmId.Sha1))}\n";
            actual.ShouldBe(expected);
            crl.Version.ShouldBe(2);
            crl.ToPem().ShouldBe(File.ReadAllText(crlPath));
            Certificate ca = Certificate.Load(File.ReadAllBytes(Path.Combine(dir, "ca.pem")));
            crl.VerifySignature(ca.GetPublicKey()).ShouldBeTrue();
            crl.Issuer.ShouldBe(ca.Subject);
            crl.FindExtension("2.5.29.35")!.ToOpenSslString().ShouldBe(OpenSslText.FormatFingerprint(ca.GetSubjectKeyIdentifier()!.KeyIdentifier.Span));
            crl.RevokedCertificates.Count.ShouldBe(revocations);
            int[] codes = [1, 4, 5];
            for (int i = 0; i < revocations; i++)
            {
                RevokedCertificate entry = crl.FindRevoked(serials[i]).ShouldNotBeNull();
                entry.GetReasonCode().ShouldBe(codes[i]);
                entry.RevocationDate.ShouldBeInRange(crl.ThisUpdate.AddMinutes(-5), crl.ThisUpdate);
            }

            crl.FindRevoked([0x7F]).ShouldBeNull();
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Decode_V1WithoutExtensionsAndPrefixes_AcceptedThenTruncationsRejected()
    {
        byte[] der = BuildV1();

        CertificateRevocationList crl = CertificateRevocationList.Decode(der);
        crl.Version.ShouldBe(1);
        crl.NextUpdate.ShouldBeNull();
        crl.RevokedCertificates.ShouldHaveSingleItem().SerialNumberValue.ShouldBe(new System.Numerics.BigInteger(-5));
        crl.Extensions.ShouldBeEmpty();
        crl.GetCrlNumber().ShouldBeNull();
        for (int length = 0; length < der.Length; length++)
        {
            byte[] prefix = der[..length];
            Should.Throw<X509FormatException>(() => CertificateRevocationList.Decode(prefix)).Reason.ShouldBe(X509FormatError.MalformedDer);
        }
    }

    [Fact]
    public void Decode_RandomMutations_OnlyX509FormatException()
    {
        byte[] der = BuildV1();
        var random = new System.Random(5280);
        for (int round = 0; round < 2000; round++)
        {
            byte[] mutated = (byte[])der.Clone();
            mutated[random.Next(mutated.Length)] = (byte)random.Next(256);
            try
            {
                _ = CertificateRevocationList.Decode(mutated).Issuer.ToString();
            }
            catch (X509FormatException)
            {
            }
        }
    }

    private static byte[] BuildV1()
    {
        using var w = new DerWriter();
        using (w.PushSequence())
        {
            using (w.PushSequence())
            {
                using (w.PushSequence())
                {
                    w.WriteObjectIdentifier("1.2.840.10045.4.3.2");
                }

                w.WriteEncodedValue(TestCertificate.Name(("2.5.4.3", Asn1Tag.Utf8String, "CRL issuer"u8.ToArray())));
                w.WritePrimitive(Asn1Tag.UtcTime, "200101000000Z"u8);
                using (w.PushSequence())
                using (w.PushSequence())
                {
                    w.WriteInteger(-5);
                    w.WritePrimitive(Asn1Tag.UtcTime, "200101000000Z"u8);
                }
            }

            using (w.PushSequence())
            {
                w.WriteObjectIdentifier("1.2.840.10045.4.3.2");
            }

            w.WriteBitString(new byte[] { 0x30, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x01 });
        }

        return w.ToArray();
    }

    private static void Run(string dir, params string[] args)
    {
        ProcessResult result = ProcessRunner.Run(OpenSslPeer.Require(), args, null, dir);
        result.ExitCode.ShouldBe(0, $"openssl {string.Join(' ', args)}: {result.Stderr}");
    }
}
