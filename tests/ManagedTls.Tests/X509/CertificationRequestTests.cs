using ManagedTls.Asn1;
using ManagedTls.Pem;
using ManagedTls.Tests.TestSupport;
using ManagedTls.X509;

namespace ManagedTls.Tests.X509;

/// <summary>PKCS#10 requests made by <c>openssl req</c> and built byte by byte.</summary>
public sealed class CertificationRequestTests
{
    public static TheoryData<string, string[]> OpensslRequests => new()
    {
        { "/C=US/O=Example+OU=Unit/CN=example.com", ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256"] },
        { "/CN=Ünïcødé/emailAddress=a@b.c", ["-newkey", "rsa:2048", "-addext", "subjectAltName=DNS:a.example,IP:10.0.0.1", "-addext", "keyUsage=critical,digitalSignature"] },
        { "/CN=ed", ["-newkey", "ed25519", "-addext", "basicConstraints=critical,CA:FALSE", "-addext", "extendedKeyUsage=serverAuth"] },
    };

    [SkippableTheory]
    [MemberData(nameof(OpensslRequests))]
    public void Decode_OpensslReq_MatchesOpenSsl(string subject, string[] options)
    {
        string dir = Path.Combine(Path.GetTempPath(), "mtls-x509-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string csr = Path.Combine(dir, "req.pem");
            OpenSslPeer.Run(["req", "-new", "-nodes", "-utf8", .. options, "-keyout", Path.Combine(dir, "key.pem"), "-subj", subject, "-out", csr]);
            byte[] pem = File.ReadAllBytes(csr);

            CertificationRequest request = CertificationRequest.Load(pem);

            OpenSslPeer.Run("req", "-in", csr, "-noout", "-subject").Stdout.ShouldBe($"subject={request.Subject}\n");
            string pubkey = OpenSslPeer.Run("req", "-in", csr, "-noout", "-pubkey").Stdout;
            PemReader.ReadFirst(System.Text.Encoding.ASCII.GetBytes(pubkey), PemLabels.PublicKey).Data.ToArray().ShouldBe(request.SubjectPublicKeyInfo.ToArray());
            request.Version.ShouldBe(0);
            request.HasAttributesField.ShouldBeTrue();
            request.VerifySignature().ShouldBeTrue();
            request.ToPem().ShouldBe(System.Text.Encoding.ASCII.GetString(pem));
            string requested = string.Join("\n", request.GetRequestedExtensions().Select(e => $"{e.LongName}: {(e.Critical ? "critical" : string.Empty)}\n{e.ToOpenSslString(4)}"));
            string text = OpenSslPeer.Run("req", "-in", csr, "-noout", "-text").Stdout;
            foreach (X509Extension extension in request.GetRequestedExtensions())
            {
                text.ShouldContain($"                {extension.LongName}: {(extension.Critical ? "critical" : string.Empty)}\n{extension.ToOpenSslString(20)}\n", customMessage: requested);
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    public static TheoryData<string, int, bool> Verdicts => new()
    {
        // label, version, attributes field present
        { "v1", 0, true },
        { "v1 without attributes", 0, false },
        { "version 2", 1, true },
    };

    [SkippableTheory]
    [MemberData(nameof(Verdicts))]
    public void Decode_CraftedRequest_AcceptedLikeOpenSsl(string label, int version, bool attributes)
    {
        byte[] der = Build(version, attributes);

        CertificationRequest request = CertificationRequest.Decode(der);
        request.Version.ShouldBe(version, label);
        request.HasAttributesField.ShouldBe(attributes, label);
        request.GetRequestedExtensions().Count.ShouldBe(attributes ? 1 : 0, label);
        OpenSslPeer.TryRun(der, "req", "-inform", "DER", "-noout", "-subject").ExitCode.ShouldBe(0, label);
    }

    [Fact]
    public void Decode_EveryProperPrefix_ThrowsX509FormatException()
    {
        byte[] der = Build(0, true);
        for (int length = 0; length < der.Length; length++)
        {
            byte[] prefix = der[..length];
            Should.Throw<X509FormatException>(() => CertificationRequest.Decode(prefix)).Reason.ShouldBe(X509FormatError.MalformedDer);
        }
    }

    [Fact]
    public void Decode_RandomMutations_OnlyX509FormatException()
    {
        byte[] der = Build(0, true);
        var random = new System.Random(2986);
        for (int round = 0; round < 2000; round++)
        {
            byte[] mutated = (byte[])der.Clone();
            mutated[random.Next(mutated.Length)] = (byte)random.Next(256);
            try
            {
                CertificationRequest request = CertificationRequest.Decode(mutated);
                _ = request.Subject.ToString();
                try
                {
                    _ = request.GetRequestedExtensions();
                }
                catch (X509FormatException)
                {
                }
            }
            catch (X509FormatException)
            {
            }
        }
    }

    private static byte[] Build(int version, bool attributes)
    {
        using var w = new DerWriter();
        using (w.PushSequence())
        {
            using (w.PushSequence())
            {
                w.WriteInteger(version);
                w.WriteEncodedValue(TestCertificate.Name(("2.5.4.3", Asn1Tag.Utf8String, "req"u8.ToArray())));
                w.WriteEncodedValue(Convert.FromHexString(TestCertificate.P256Spki));
                if (attributes)
                {
                    using (w.PushSequence(Asn1Tag.Context(0, true)))
                    using (w.PushSequence())
                    {
                        w.WriteObjectIdentifier("1.2.840.113549.1.9.14");
                        using (w.PushSetOf())
                        using (w.PushSequence())
                        using (w.PushSequence())
                        {
                            w.WriteObjectIdentifier("2.5.29.19");
                            w.WriteOctetString([0x30, 0x00]);
                        }
                    }
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
}
