using System.Numerics;
using ManagedTls.Asn1;
using ManagedTls.Keys;
using ManagedTls.Pem;
using ManagedTls.Tests.TestSupport;
using ManagedTls.X509;

namespace ManagedTls.Tests.X509;

/// <summary>Certificates built field by field: versions, serials, times, extensions, keys; OpenSSL asked for its verdict.</summary>
public sealed class CertificateTests
{
    private static readonly byte[] s_basicConstraints = [0x30, 0x00];

    public static TheoryData<string, TestCertificate, X509FormatError?, bool> Verdicts => new()
    {
        // label, certificate, our rejection (null = accepted), whether openssl x509 (3.0) loads it. Where the last two
        // disagree ManagedTls is deliberately stricter: RFC 5280 MUSTs (§4.1.2.1 version, §4.1.2.8-9 unique IDs and
        // extensions only in v2/v3 and v3, §4.2 one instance per extension) that OpenSSL 3.0 only checks later or not at all.
        { "v3", new TestCertificate(), null, true },
        { "v1 without [0]", new TestCertificate { Version = null, Extensions = null }, null, true },
        { "v1 explicit [0] 0", new TestCertificate { Version = 0, Extensions = null }, null, true },
        { "v2 with unique ids", new TestCertificate { Version = 1, Extensions = null, IssuerUniqueId = [0xAA], SubjectUniqueId = [0xBB, 0xCC] }, null, true },
        { "v3 with unique ids", new TestCertificate { IssuerUniqueId = [0xAA], SubjectUniqueId = [0xBB] }, null, true },
        { "version 4", new TestCertificate { Version = 3 }, X509FormatError.UnsupportedVersion, true },
        { "version -1", new TestCertificate { Version = -1 }, X509FormatError.UnsupportedVersion, true },
        { "v1 with extensions", new TestCertificate { Version = null }, X509FormatError.FieldNotAllowedInVersion, true },
        { "v2 with extensions", new TestCertificate { Version = 1 }, X509FormatError.FieldNotAllowedInVersion, true },
        { "v1 with unique id", new TestCertificate { Version = null, Extensions = null, SubjectUniqueId = [0x01] }, X509FormatError.FieldNotAllowedInVersion, true },
        { "explicit critical FALSE", new TestCertificate { Extensions = [("2.5.29.19", false, s_basicConstraints)] }, null, true },
        { "duplicate extension", new TestCertificate { Extensions = [("2.5.29.19", true, s_basicConstraints), ("2.5.29.15", null, [0x03, 0x02, 0x05, 0xA0]), ("2.5.29.19", null, s_basicConstraints)] }, X509FormatError.DuplicateExtension, true },
        { "unknown extension", new TestCertificate { Extensions = [("1.2.3.4.5", true, [0x05, 0x00])] }, null, true },
        { "negative serial", new TestCertificate { Serial = [0xFB] }, null, true },
        { "zero serial", new TestCertificate { Serial = [0x00] }, null, true },
        { "40-octet serial", new TestCertificate { Serial = [0x01, .. Enumerable.Repeat((byte)0xEE, 39)] }, null, true },
        { "GeneralizedTime before 2050", new TestCertificate { NotBefore = (Asn1Tag.GeneralizedTime, "20200101000000Z") }, null, true },
        { "UTCTime after 2050 range (year 49)", new TestCertificate { NotAfter = (Asn1Tag.UtcTime, "491231235959Z") }, null, true },
        { "GeneralizedTime with fraction", new TestCertificate { NotAfter = (Asn1Tag.GeneralizedTime, "20510101000000.25Z") }, null, true },
        { "signature algorithm mismatch", new TestCertificate { OuterSignatureOid = "1.2.840.10045.4.3.3" }, null, true },
        { "unknown key algorithm", new TestCertificate { Spki = Convert.FromHexString("300f300606042a030405030500010203ff") }, null, true },
    };

    [SkippableTheory]
    [MemberData(nameof(Verdicts))]
    public void Decode_CraftedCertificate_VerdictAsDocumented(string label, TestCertificate spec, X509FormatError? rejection, bool openSslLoads)
    {
        byte[] der = spec.ToDer();

        if (rejection is X509FormatError reason)
        {
            Should.Throw<X509FormatException>(() => Certificate.Decode(der), label).Reason.ShouldBe(reason, label);
        }
        else
        {
            Certificate.Decode(der).RawData.ToArray().ShouldBe(der, label);
        }

        (OpenSslX509.TryPrint(der, "-subject").ExitCode == 0).ShouldBe(openSslLoads, label);
        if (rejection is null)
        {
            DistinguishedNameOpenSslTests.AssertSameAsOpenSsl(der, label);
        }
    }

    [Fact]
    public void Decode_V1WithoutVersion_IsVersionOneWithNoExtensions()
    {
        Certificate certificate = Certificate.Decode(new TestCertificate { Version = null, Extensions = null }.ToDer());

        certificate.Version.ShouldBe(1);
        certificate.HasExplicitVersion.ShouldBeFalse();
        certificate.Extensions.ShouldBeEmpty();
        certificate.IssuerUniqueId.ShouldBeNull();
    }

    [Fact]
    public void Decode_ExplicitV1_RecordedAsExplicit()
    {
        Certificate certificate = Certificate.Decode(new TestCertificate { Version = 0, Extensions = null }.ToDer());

        certificate.Version.ShouldBe(1);
        certificate.HasExplicitVersion.ShouldBeTrue();
    }

    [Fact]
    public void Decode_V3_ExposesEveryField()
    {
        var spec = new TestCertificate
        {
            Serial = [0x00, 0x80],
            IssuerUniqueId = [0xAA],
            SubjectUniqueId = [0xBB, 0xCC],
            Extensions = [("2.5.29.19", true, s_basicConstraints), ("2.5.29.15", null, [0x03, 0x02, 0x05, 0xA0])],
        };

        Certificate certificate = Certificate.Decode(spec.ToDer());

        certificate.Version.ShouldBe(3);
        certificate.SerialNumber.ToArray().ShouldBe(new byte[] { 0x00, 0x80 });
        certificate.SerialNumberValue.ShouldBe(new BigInteger(128));
        certificate.TbsSignatureAlgorithm.Oid.ShouldBe("1.2.840.10045.4.3.2");
        certificate.TbsSignatureAlgorithm.Name.ShouldBe("ecdsa-with-SHA256");
        certificate.TbsSignatureAlgorithm.Parameters.IsEmpty.ShouldBeTrue();
        certificate.SignatureAlgorithmsMatch.ShouldBeTrue();
        certificate.Issuer.ToString().ShouldBe("CN = Test CA");
        certificate.Subject.ToString().ShouldBe("CN = leaf");
        certificate.NotBefore.ShouldBe(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero));
        certificate.NotAfter.ShouldBe(new DateTimeOffset(2051, 1, 1, 0, 0, 0, TimeSpan.Zero));
        certificate.PublicKeyAlgorithm.Oid.ShouldBe("1.2.840.10045.2.1");
        certificate.GetPublicKey().ShouldBeOfType<EcPublicKey>();
        certificate.IssuerUniqueId!.Value.ToArray().ShouldBe(new byte[] { 0xAA });
        certificate.SubjectUniqueId!.Value.ToArray().ShouldBe(new byte[] { 0xBB, 0xCC });
        certificate.Extensions.Select(e => (e.ShortName, e.Critical)).ShouldBe([("basicConstraints", true), ("keyUsage", false)]);
        certificate.FindExtension("2.5.29.15")!.Value.ToArray().ShouldBe(new byte[] { 0x03, 0x02, 0x05, 0xA0 });
        certificate.FindExtension("2.5.29.17").ShouldBeNull();
        certificate.Signature.Length.ShouldBe(8);
        certificate.SignatureUnusedBits.ShouldBe(0);
    }

    [Fact]
    public void Decode_ExplicitCriticalFalse_AcceptedAndFlagged()
    {
        Certificate certificate = Certificate.Decode(new TestCertificate { Extensions = [("2.5.29.19", false, s_basicConstraints)] }.ToDer());

        X509Extension extension = certificate.Extensions.ShouldHaveSingleItem();
        extension.Critical.ShouldBeFalse();
        extension.HasExplicitCriticalField.ShouldBeTrue();
    }

    [Fact]
    public void Decode_SignatureAlgorithmMismatch_ParsesAndReportsMismatch()
    {
        Certificate certificate = Certificate.Decode(new TestCertificate { OuterSignatureOid = "1.2.840.10045.4.3.3" }.ToDer());

        certificate.SignatureAlgorithmsMatch.ShouldBeFalse();
        certificate.SignatureAlgorithm.Name.ShouldBe("ecdsa-with-SHA384");
    }

    [Fact]
    public void GetPublicKey_UnknownAlgorithm_CertificateStillLoads()
    {
        Certificate certificate = Certificate.Decode(new TestCertificate { Spki = Convert.FromHexString("300f300606042a030405030500010203ff") }.ToDer());

        certificate.PublicKeyAlgorithm.Oid.ShouldBe("1.2.3.4.5");
        certificate.TryGetPublicKey(out PublicKey? key, out Exception? error).ShouldBeFalse();
        key.ShouldBeNull();
        error.ShouldBeOfType<KeyFormatException>().Reason.ShouldBe(KeyFormatError.UnsupportedAlgorithm);
        Should.Throw<KeyFormatException>(() => certificate.GetPublicKey());
    }

    [Theory]
    [InlineData("FB", "-05")]
    [InlineData("00", "00")]
    [InlineData("0080", "80")]
    [InlineData("FF00", "-0100")]
    [InlineData("7F", "7F")]
    public void FormatInteger_Serial_AsI2aAsn1Integer(string content, string expected)
    {
        OpenSslText.FormatInteger(Convert.FromHexString(content)).ShouldBe(expected);
    }

    [Fact]
    public void FormatInteger_LongSerial_BreaksEvery35Octets()
    {
        string text = OpenSslText.FormatInteger([0x01, .. Enumerable.Repeat((byte)0xEE, 39)]);

        text.ShouldBe("01" + string.Concat(Enumerable.Repeat("EE", 34)) + "\\\n" + string.Concat(Enumerable.Repeat("EE", 5)));
    }

    [Theory]
    [InlineData("2020-01-01T00:00:00Z", "Jan  1 00:00:00 2020 GMT")]
    [InlineData("2049-12-31T23:59:59Z", "Dec 31 23:59:59 2049 GMT")]
    [InlineData("2051-06-15T08:05:09.25Z", "Jun 15 08:05:09.25 2051 GMT")]
    public void FormatTime_Instant_AsAsn1TimePrint(string iso, string expected)
    {
        OpenSslText.FormatTime(DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(expected);
    }

    [Fact]
    public void Load_PemAndDer_SameCertificate()
    {
        byte[] der = new TestCertificate().ToDer();
        byte[] pem = PemWriter.Write(PemLabels.Certificate, der);

        Certificate.Load(der).ShouldBe(Certificate.Load(pem));
        Certificate.Load([.. "junk before\n"u8, .. pem]).RawData.ToArray().ShouldBe(der);
    }

    [Fact]
    public void Load_TrustedCertificate_IgnoresTrustTrailer()
    {
        byte[] der = new TestCertificate().ToDer();
        byte[] pem = PemWriter.Write(PemLabels.TrustedCertificate, [.. der, 0x30, 0x00]);

        Certificate.Load(pem).RawData.ToArray().ShouldBe(der);
    }

    [Fact]
    public void Load_NoCertificateBlock_ThrowsNoPemBlock()
    {
        byte[] pem = PemWriter.Write(PemLabels.PublicKey, Convert.FromHexString(TestCertificate.P256Spki));

        Should.Throw<X509FormatException>(() => Certificate.Load(pem)).Reason.ShouldBe(X509FormatError.NoPemBlock);
        Certificate.LoadAll(pem).ShouldBeEmpty();
    }

    [Fact]
    public void LoadAll_ConcatenatedDerAndMixedPem_ReadsEveryCertificate()
    {
        byte[] a = new TestCertificate { Serial = [1] }.ToDer();
        byte[] b = new TestCertificate { Serial = [2] }.ToDer();
        byte[] pem = [.. PemWriter.Write(PemLabels.Certificate, a), .. PemWriter.Write(PemLabels.PublicKey, Convert.FromHexString(TestCertificate.P256Spki)), .. PemWriter.Write(PemLabels.Certificate, b)];

        Certificate.LoadAll([.. a, .. b]).Select(c => c.SerialNumberValue).ShouldBe([BigInteger.One, new BigInteger(2)]);
        Certificate.LoadAll(pem).Select(c => c.SerialNumberValue).ShouldBe([BigInteger.One, new BigInteger(2)]);
    }

    [Fact]
    public void Decode_TrailingBytes_ThrowsMalformed()
    {
        byte[] der = [.. new TestCertificate().ToDer(), 0x00];

        var e = Should.Throw<X509FormatException>(() => Certificate.Decode(der));
        e.Reason.ShouldBe(X509FormatError.MalformedDer);
        e.InnerException.ShouldBeOfType<DecodeException>().Reason.ShouldBe(DecodeError.TrailingData);
    }

    [SkippableFact]
    public void GetDigest_Sha1AndMd5_MatchOpenSslFingerprints()
    {
        byte[] der = new TestCertificate().ToDer();
        Certificate certificate = Certificate.Decode(der);

        OpenSslX509.Print(der, "-fingerprint", "-sha1").ShouldBe($"sha1 Fingerprint={OpenSslText.FormatFingerprint(certificate.GetDigest(ManagedTls.Crypto.HashAlgorithmId.Sha1))}\n");
        OpenSslX509.Print(der, "-fingerprint", "-md5").ShouldBe($"md5 Fingerprint={OpenSslText.FormatFingerprint(certificate.GetDigest(ManagedTls.Crypto.HashAlgorithmId.Md5))}\n");
    }

    [Fact]
    public void VerifySignature_AlgorithmMismatch_FalseWithoutThrowing()
    {
        Certificate certificate = Certificate.Decode(new TestCertificate { OuterSignatureOid = "1.2.840.10045.4.3.3" }.ToDer());

        certificate.VerifySignature(certificate.GetPublicKey()).ShouldBeFalse();
        certificate.IsSelfSigned().ShouldBeFalse();
    }

    [Fact]
    public void TryGetSignatureAlgorithm_UnknownOid_ReportsWhy()
    {
        Certificate certificate = Certificate.Decode(new TestCertificate { SignatureOid = "1.2.3.4" }.ToDer());

        certificate.TryGetSignatureAlgorithm(out var algorithm, out Exception? error).ShouldBeFalse();
        algorithm.ShouldBeNull();
        error.ShouldBeOfType<ManagedTls.Signatures.SignatureException>();
        Should.Throw<ManagedTls.Signatures.SignatureException>(() => certificate.VerifySignature(certificate.GetPublicKey()));
    }

    public static TheoryData<string, string[]> SelfSignedKinds => new()
    {
        { "ECDSA P-384 SHA-384", ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-384", "-sha384"] },
        { "RSA PKCS#1 SHA-256", ["-newkey", "rsa:2048", "-sha256"] },
        { "RSA-PSS", ["-newkey", "rsa:2048", "-sha256", "-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_pss_saltlen:32"] },
        { "Ed25519", ["-newkey", "ed25519"] },
        { "Ed448", ["-newkey", "ed448"] },
    };

    [SkippableTheory]
    [MemberData(nameof(SelfSignedKinds))]
    public void IsSelfSigned_OpensslReqCertificate_True(string label, string[] keyOptions)
    {
        string dir = Path.Combine(Path.GetTempPath(), "mtls-x509-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string cert = Path.Combine(dir, "cert.pem");
            OpenSslPeer.Run(["req", "-x509", "-nodes", .. keyOptions, "-keyout", Path.Combine(dir, "key.pem"), "-subj", "/CN=self", "-days", "2", "-out", cert]);
            Certificate certificate = Certificate.Load(File.ReadAllBytes(cert));

            certificate.IsSelfSigned().ShouldBeTrue(label);
            Should.NotThrow(() => certificate.VerifySignature(certificate.GetPublicKey()).ShouldBeTrue(label));
            DistinguishedNameOpenSslTests.AssertSameAsOpenSsl(certificate.RawData.ToArray(), label);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
