using ManagedTls.Asn1;
using ManagedTls.Tests.TestSupport;
using ManagedTls.X509;

namespace ManagedTls.Tests.X509;

/// <summary>
/// Everything openssl makes round-trips through ManagedTls byte for byte: certificates, requests and CRLs made by
/// <c>openssl req/x509/ca</c> (RSA, RSA-PSS, EC, Ed25519, Ed448, DSA; v1 and v3; every extension OpenSSL's config
/// syntax can write; requests with attributes; CRLs v1 and v2 with entries and entry extensions) are decoded, written
/// back with <c>Encode</c>/<c>RawData</c>, <em>and</em> reassembled field by field from the parsed model, and all three
/// equal openssl's DER; <c>ToPem</c> equals openssl's PEM output.
/// </summary>
/// <remarks>The openssl commands are listed in vectors/README.md ("X.509 round trips and benchmarks").</remarks>
public sealed class RoundTripTests(OpenSslRoundTripCorpus corpus) : IClassFixture<OpenSslRoundTripCorpus>
{
    private const string Rsa = "1.2.840.113549.1.1.1";
    private const string RsaPss = "1.2.840.113549.1.1.10";
    private const string Ec = "1.2.840.10045.2.1";
    private const string Ed25519 = "1.3.101.112";
    private const string Ed448 = "1.3.101.113";
    private const string Dsa = "1.2.840.10040.4.1";

    // name, version, public key algorithm, signature algorithm
    public static TheoryData<string, int, string, string> Certificates => new()
    {
        { "rsa", 3, Rsa, "1.2.840.113549.1.1.11" },
        { "pss", 3, RsaPss, RsaPss },
        { "p256", 3, Ec, "1.2.840.10045.4.3.2" },
        { "p384", 3, Ec, "1.2.840.10045.4.3.3" },
        { "p521", 3, Ec, "1.2.840.10045.4.3.4" },
        { "ed25519", 3, Ed25519, Ed25519 },
        { "ed448", 3, Ed448, Ed448 },
        { "dsa", 3, Dsa, "2.16.840.1.101.3.4.3.2" },
        { "rsa-sha1", 3, Rsa, "1.2.840.113549.1.1.5" },
        { "rsa-md5", 3, Rsa, "1.2.840.113549.1.1.4" },
        { "rsa-pss-padding", 3, Rsa, RsaPss },
        { "ec-sha1", 3, Ec, "1.2.840.10045.4.1" },
        { "v1", 1, Rsa, "1.2.840.113549.1.1.11" },
        { "v1-negative-serial", 1, Rsa, "1.2.840.113549.1.1.11" },
        { "v1-zero-serial", 1, Rsa, "1.2.840.113549.1.1.11" },
        { "generalized-time", 3, Ec, "1.2.840.10045.4.3.2" },
        { "multi-valued-rdn", 3, Ec, "1.2.840.10045.4.3.2" },
        { "bmp-strings", 1, Ec, "1.2.840.10045.4.3.2" },
        { "every-extension", 3, Rsa, "1.2.840.113549.1.1.11" },
    };

    // name, public key algorithm, signature algorithm, attribute count
    public static TheoryData<string, string, string, int> Requests => new()
    {
        { "rsa-attributes", Rsa, "1.2.840.113549.1.1.11", 3 },
        { "pss", RsaPss, RsaPss, 0 },
        { "p256", Ec, "1.2.840.10045.4.3.2", 0 },
        { "p384", Ec, "1.2.840.10045.4.3.2", 0 },
        { "ed25519", Ed25519, Ed25519, 0 },
        { "ed448", Ed448, Ed448, 0 },
        { "dsa", Dsa, "2.16.840.1.101.3.4.3.2", 0 },
        { "extensions", Ec, "1.2.840.10045.4.3.2", 1 },
        { "multi-valued-rdn", Rsa, "1.2.840.113549.1.1.13", 0 },
        { "rsa-pss-padding", Rsa, RsaPss, 0 },
    };

    // name, version, signature algorithm, revoked entries, CRL extensions
    public static TheoryData<string, int, string, int, int> Crls => new()
    {
        { "v1-empty", 1, "1.2.840.113549.1.1.11", 0, 0 },
        { "v1-entries", 1, "1.2.840.113549.1.1.11", 2, 0 },
        { "v2-reasons", 2, "1.2.840.10045.4.3.2", 6, 3 },
        { "ed25519-far-next-update", 2, Ed25519, 1, 3 },
        { "dsa", 2, "2.16.840.1.101.3.4.3.2", 1, 1 },
    };

    [SkippableTheory]
    [MemberData(nameof(Certificates))]
    public void Certificate_MadeByOpenSsl_RoundTripsByteIdentically(string name, int version, string keyAlgorithm, string signatureAlgorithm)
    {
        (string pem, byte[] der) = corpus.Get("x509", $"cert-{name}.pem");

        Certificate certificate = Certificate.Decode(der);

        certificate.Version.ShouldBe(version);
        certificate.PublicKeyAlgorithm.Oid.ShouldBe(keyAlgorithm);
        certificate.SignatureAlgorithm.Oid.ShouldBe(signatureAlgorithm);
        certificate.RawData.ToArray().ShouldBe(der);
        using (var writer = new DerWriter())
        {
            certificate.Encode(writer);
            writer.ToArray().ShouldBe(der);
        }

        Reassemble.Certificate(certificate).ShouldBe(der, "reassembled from the parsed fields");
        certificate.ToPem().ShouldBe(pem);
        Certificate.Load(System.Text.Encoding.ASCII.GetBytes(pem)).ShouldBe(certificate);
    }

    [SkippableFact]
    public void Certificate_EveryExtension_AllParsedAndDistinct()
    {
        (_, byte[] der) = corpus.Get("x509", "cert-every-extension.pem");

        Certificate certificate = Certificate.Decode(der);

        // basicConstraints ... nsComment and one unknown critical extension: 20 in all, in openssl's order.
        certificate.Extensions.Count.ShouldBe(20);
        certificate.Extensions.Select(e => e.Oid).Distinct().Count().ShouldBe(20);
        certificate.Extensions[^1].Oid.ShouldBe("1.2.3.4.5.6.7");
        certificate.Extensions[^1].Critical.ShouldBeTrue();
        certificate.GetSubjectAlternativeNames()!.Names.Count.ShouldBe(9);
        certificate.SerialNumber.ToArray().ShouldBe(Convert.FromHexString("0123456789ABCDEF0123456789ABCDEF01"));
    }

    [SkippableFact]
    public void Certificate_StringMaskDefault_BmpStringsKept()
    {
        (_, byte[] der) = corpus.Get("x509", "cert-bmp-strings.pem");

        Certificate certificate = Certificate.Decode(der);

        // string_mask=default: characters outside Latin-1 need a BMPString, Latin-1 ones a T61String (read as
        // Latin-1), and "plain" stays a PrintableString.
        AttributeTypeAndValue cn = certificate.Subject.Attributes[0];
        cn.ValueTag.ShouldBe(Asn1Tag.BmpString);
        cn.Value.ShouldBe("Ελληνικά");
        certificate.Subject.Attributes[1].ValueTag.ShouldBe(Asn1Tag.T61String);
        certificate.Subject.Attributes[1].Value.ShouldBe("Café");
        certificate.Subject.Attributes[^1].ValueTag.ShouldBe(Asn1Tag.PrintableString);
    }

    [SkippableTheory]
    [InlineData("v1-negative-serial", -5)]
    [InlineData("v1-zero-serial", 0)]
    public void Certificate_OddSerial_ValueAsOpenSslWroteIt(string name, int serial)
    {
        (_, byte[] der) = corpus.Get("x509", $"cert-{name}.pem");

        Certificate.Decode(der).SerialNumberValue.ShouldBe(new System.Numerics.BigInteger(serial));
    }

    [SkippableTheory]
    [MemberData(nameof(Requests))]
    public void CertificationRequest_MadeByOpenSsl_RoundTripsByteIdentically(string name, string keyAlgorithm, string signatureAlgorithm, int attributes)
    {
        (string pem, byte[] der) = corpus.Get("req", $"csr-{name}.pem");

        CertificationRequest request = CertificationRequest.Decode(der);

        request.PublicKeyAlgorithm.Oid.ShouldBe(keyAlgorithm);
        request.SignatureAlgorithm.Oid.ShouldBe(signatureAlgorithm);
        request.Attributes.Count.ShouldBe(attributes);
        request.RawData.ToArray().ShouldBe(der);
        Reassemble.Request(request).ShouldBe(der, "reassembled from the parsed fields");
        request.ToPem().ShouldBe(pem);
        request.VerifySignature().ShouldBeTrue();
    }

    [SkippableTheory]
    [MemberData(nameof(Crls))]
    public void CertificateRevocationList_MadeByOpenSsl_RoundTripsByteIdentically(string name, int version, string signatureAlgorithm, int revoked, int extensions)
    {
        (string pem, byte[] der) = corpus.Get("crl", $"crl-{name}.pem");

        CertificateRevocationList crl = CertificateRevocationList.Decode(der);

        crl.Version.ShouldBe(version);
        crl.SignatureAlgorithm.Oid.ShouldBe(signatureAlgorithm);
        crl.RevokedCertificates.Count.ShouldBe(revoked);
        crl.Extensions.Count.ShouldBe(extensions);
        crl.RawData.ToArray().ShouldBe(der);
        Reassemble.Crl(crl).ShouldBe(der, "reassembled from the parsed fields");
        crl.ToPem().ShouldBe(pem);
    }

    [SkippableFact]
    public void CertificateRevocationList_EntryExtensions_AsOpenSslWroteThem()
    {
        (_, byte[] der) = corpus.Get("crl", "crl-v2-reasons.pem");

        CertificateRevocationList crl = CertificateRevocationList.Decode(der);

        // -crl_reason keyCompromise, -crl_compromise (keyCompromise + invalidityDate), -crl_CA_compromise,
        // -crl_hold (certificateHold + holdInstructionCode), removeFromCRL, superseded; openssl sorts by serial.
        int[] reasons = [.. crl.RevokedCertificates.Select(r => r.GetReasonCode() ?? -1).Order()];
        reasons.ShouldBe([1, 1, 2, 4, 6, 8]);
        crl.RevokedCertificates.Sum(r => r.Extensions.Count).ShouldBe(9);
    }

    [SkippableFact]
    public void Certificate_V2UniqueIdsWithUnusedBits_ExposedAndRoundTripped()
    {
        byte[] der = CraftV2WithUniqueIds(issuerUnusedBits: 4, subjectUnusedBits: 7);

        Certificate certificate = Certificate.Decode(der);

        certificate.Version.ShouldBe(2);
        certificate.IssuerUniqueId!.Value.ToArray().ShouldBe(new byte[] { 0xAA, 0xB0 });
        certificate.IssuerUniqueIdUnusedBits.ShouldBe(4);
        certificate.SubjectUniqueId!.Value.ToArray().ShouldBe(new byte[] { 0x0F, 0x80 });
        certificate.SubjectUniqueIdUnusedBits.ShouldBe(7);
        Reassemble.Certificate(certificate).ShouldBe(der);

        // OpenSSL keeps the unused-bit count too: its DER output of the same certificate is identical.
        OpenSslPeer.RunWithInput(der, "x509", "-inform", "DER", "-outform", "DER").StdoutBytes.ShouldBe(der);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(4, 0)]
    [InlineData(0, 7)]
    public void Certificate_UniqueIdUnusedBits_ReportedPerField(int issuerUnusedBits, int subjectUnusedBits)
    {
        Certificate certificate = Certificate.Decode(CraftV2WithUniqueIds(issuerUnusedBits, subjectUnusedBits));

        certificate.IssuerUniqueIdUnusedBits.ShouldBe(issuerUnusedBits);
        certificate.SubjectUniqueIdUnusedBits.ShouldBe(subjectUnusedBits);
    }

    [Fact]
    public void Certificate_WithoutUniqueIds_UnusedBitsNull()
    {
        Certificate certificate = Certificate.Decode(new TestCertificate().ToDer());

        certificate.IssuerUniqueIdUnusedBits.ShouldBeNull();
        certificate.SubjectUniqueIdUnusedBits.ShouldBeNull();
    }

    [Fact]
    public void Certificate_UniqueIdWithNonZeroPadding_RejectedAsMalformed()
    {
        // 0xAA with 4 unused bits leaves 1010 in the padding: DER (X.690 §11.2.1) requires those bits to be zero.
        byte[] der = new TestCertificate { Version = 1, Extensions = null, IssuerUniqueId = [0xAA] }.ToDer();
        der[IndexOf(der, [0x81, 0x02, 0x00, 0xAA]) + 2] = 4;

        Should.Throw<X509FormatException>(() => Certificate.Decode(der)).Reason.ShouldBe(X509FormatError.MalformedDer);
    }

    /// <summary>A v2 certificate whose unique IDs are BIT STRINGs of 12 and 9 bits (or whole octets when the counts are 0).</summary>
    private static byte[] CraftV2WithUniqueIds(int issuerUnusedBits, int subjectUnusedBits)
    {
        byte[] der = new TestCertificate { Version = 1, Extensions = null, IssuerUniqueId = [0xAA, 0xB0], SubjectUniqueId = [0x0F, 0x80] }.ToDer();
        der[IndexOf(der, [0x81, 0x03, 0x00, 0xAA, 0xB0]) + 2] = (byte)issuerUnusedBits;
        der[IndexOf(der, [0x82, 0x03, 0x00, 0x0F, 0x80]) + 2] = (byte)subjectUnusedBits;
        return der;
    }

    private static int IndexOf(byte[] haystack, byte[] needle)
    {
        int at = haystack.AsSpan().IndexOf(needle);
        at.ShouldBeGreaterThanOrEqualTo(0);
        return at;
    }
}

/// <summary>Rebuilds certificates, requests and CRLs from their parsed fields (never from the whole raw encoding).</summary>
internal static class Reassemble
{
    public static byte[] Certificate(Certificate certificate)
    {
        using var w = new DerWriter();
        using (w.PushSequence())
        {
            using (w.PushSequence())
            {
                if (certificate.Version > 1 || certificate.HasExplicitVersion)
                {
                    using (w.PushExplicit(0))
                    {
                        w.WriteInteger(certificate.Version - 1);
                    }
                }

                w.WritePrimitive(Asn1Tag.Integer, certificate.SerialNumber.Span);
                Algorithm(w, certificate.TbsSignatureAlgorithm);
                Name(w, certificate.Issuer);
                using (w.PushSequence())
                {
                    Time(w, certificate.NotBefore);
                    Time(w, certificate.NotAfter);
                }

                Name(w, certificate.Subject);
                PublicKeyInfo(w, certificate.SubjectPublicKeyInfo.Span, certificate.PublicKeyAlgorithm);
                if (certificate.IssuerUniqueId is { } issuerId)
                {
                    w.WriteBitString(issuerId.Span, certificate.IssuerUniqueIdUnusedBits!.Value, Asn1Tag.Context(1, false));
                }

                if (certificate.SubjectUniqueId is { } subjectId)
                {
                    w.WriteBitString(subjectId.Span, certificate.SubjectUniqueIdUnusedBits!.Value, Asn1Tag.Context(2, false));
                }

                if (certificate.Extensions.Count > 0)
                {
                    using (w.PushExplicit(3))
                    {
                        Extensions(w, certificate.Extensions);
                    }
                }
            }

            Algorithm(w, certificate.SignatureAlgorithm);
            w.WriteBitString(certificate.Signature.Span, certificate.SignatureUnusedBits);
        }

        return w.ToArray();
    }

    public static byte[] Request(CertificationRequest request)
    {
        using var w = new DerWriter();
        using (w.PushSequence())
        {
            using (w.PushSequence())
            {
                w.WriteInteger(request.Version);
                Name(w, request.Subject);
                PublicKeyInfo(w, request.SubjectPublicKeyInfo.Span, request.PublicKeyAlgorithm);
                if (request.HasAttributesField)
                {
                    // [0] IMPLICIT SET OF Attribute, kept in encoded order.
                    using (w.PushSequence(Asn1Tag.Context(0, true)))
                    {
                        foreach (X509Attribute attribute in request.Attributes)
                        {
                            using (w.PushSequence())
                            {
                                w.WriteObjectIdentifier(attribute.Oid);
                                using (w.PushSequence(Asn1Tag.SetOf))
                                {
                                    foreach (ReadOnlyMemory<byte> value in attribute.Values)
                                    {
                                        w.WriteEncodedValue(value.Span);
                                    }
                                }
                            }
                        }
                    }
                }
            }

            Algorithm(w, request.SignatureAlgorithm);
            w.WriteBitString(request.Signature.Span, request.SignatureUnusedBits);
        }

        return w.ToArray();
    }

    public static byte[] Crl(CertificateRevocationList crl)
    {
        using var w = new DerWriter();
        using (w.PushSequence())
        {
            using (w.PushSequence())
            {
                if (crl.Version == 2)
                {
                    w.WriteInteger(1);
                }

                Algorithm(w, crl.TbsSignatureAlgorithm);
                Name(w, crl.Issuer);
                Time(w, crl.ThisUpdate);
                if (crl.NextUpdate is { } next)
                {
                    Time(w, next);
                }

                if (crl.RevokedCertificates.Count > 0)
                {
                    using (w.PushSequence())
                    {
                        foreach (RevokedCertificate entry in crl.RevokedCertificates)
                        {
                            using (w.PushSequence())
                            {
                                w.WritePrimitive(Asn1Tag.Integer, entry.SerialNumber.Span);
                                Time(w, entry.RevocationDate);
                                if (entry.Extensions.Count > 0)
                                {
                                    Extensions(w, entry.Extensions);
                                }
                            }
                        }
                    }
                }

                if (crl.Extensions.Count > 0)
                {
                    using (w.PushExplicit(0))
                    {
                        Extensions(w, crl.Extensions);
                    }
                }
            }

            Algorithm(w, crl.SignatureAlgorithm);
            w.WriteBitString(crl.Signature.Span, crl.SignatureUnusedBits);
        }

        return w.ToArray();
    }

    private static void Algorithm(DerWriter w, X509AlgorithmIdentifier algorithm)
    {
        using (w.PushSequence())
        {
            w.WriteObjectIdentifier(algorithm.Oid);
            if (!algorithm.Parameters.IsEmpty)
            {
                w.WriteEncodedValue(algorithm.Parameters.Span);
            }
        }
    }

    // RDNs and attributes in encoded order (a SET written as-is, not re-sorted), each from its OID and raw value.
    private static void Name(DerWriter w, DistinguishedName name)
    {
        using (w.PushSequence())
        {
            foreach (RelativeDistinguishedName rdn in name.Rdns)
            {
                using (w.PushSequence(Asn1Tag.SetOf))
                {
                    foreach (AttributeTypeAndValue attribute in rdn.Attributes)
                    {
                        using (w.PushSequence())
                        {
                            w.WriteObjectIdentifier(attribute.Oid);
                            w.WriteEncodedValue(attribute.RawValue.Span);
                        }
                    }
                }
            }
        }
    }

    // The key bits are not modelled apart from the SPKI; check the algorithm is the SPKI's and write the SPKI.
    private static void PublicKeyInfo(DerWriter w, ReadOnlySpan<byte> spki, X509AlgorithmIdentifier algorithm)
    {
        var reader = new DerReader(spki);
        DerReader sequence = reader.ReadSequence();
        sequence.ReadEncodedValue().SequenceEqual(algorithm.RawData.Span).ShouldBeTrue("PublicKeyAlgorithm is the SPKI's AlgorithmIdentifier");
        w.WriteEncodedValue(spki);
    }

    private static void Extensions(DerWriter w, IReadOnlyList<X509Extension> extensions)
    {
        using (w.PushSequence())
        {
            foreach (X509Extension extension in extensions)
            {
                using (w.PushSequence())
                {
                    w.WriteObjectIdentifier(extension.Oid);
                    if (extension.Critical || extension.HasExplicitCriticalField)
                    {
                        w.WriteBoolean(extension.Critical);
                    }

                    w.WriteOctetString(extension.Value.Span);
                }
            }
        }
    }

    // RFC 5280 §4.1.2.5 and §5.1.2.4: UTCTime through 2049, GeneralizedTime from 2050 (what OpenSSL writes).
    private static void Time(DerWriter w, DateTimeOffset time)
    {
        if (time.UtcDateTime.Year is >= 1950 and <= 2049)
        {
            w.WriteUtcTime(time);
        }
        else
        {
            w.WriteGeneralizedTime(time);
        }
    }
}

/// <summary>
/// Makes the round-trip corpus with the openssl binary once per test class, in a temporary directory (the commands
/// are listed in vectors/README.md). Nothing is made until a test asks, so a machine without openssl skips.
/// </summary>
public sealed class OpenSslRoundTripCorpus : IDisposable
{
    private const string Subject = "/C=US/O=Round Trip/CN=rt";

    private const string EveryExtensionConfig = """
        [leaf]
        basicConstraints = critical, CA:TRUE, pathlen:2
        keyUsage = critical, digitalSignature, keyCertSign, cRLSign
        extendedKeyUsage = serverAuth, clientAuth, codeSigning, 1.2.3.4.5
        subjectKeyIdentifier = hash
        authorityKeyIdentifier = keyid:always, issuer:always
        subjectAltName = @san
        issuerAltName = email:ca@example.test, URI:http://ca.example.test/
        certificatePolicies = ia5org, 2.23.140.1.2.1, @policy
        policyMappings = 1.2.3.4:1.2.3.5
        policyConstraints = requireExplicitPolicy:1, inhibitPolicyMapping:2
        inhibitAnyPolicy = 3
        nameConstraints = permitted;DNS:example.test, permitted;IP:192.0.2.0/255.255.255.0, excluded;email:bad.example.test, excluded;dirName:excl_dn
        crlDistributionPoints = URI:http://crl.example.test/a.crl, URI:ldap://ldap.example.test/cn=crl
        freshestCRL = URI:http://crl.example.test/delta.crl
        authorityInfoAccess = OCSP;URI:http://ocsp.example.test, caIssuers;URI:http://ca.example.test/ca.crt
        subjectInfoAccess = caRepository;URI:http://repo.example.test/
        tlsfeature = status_request
        nsCertType = server, client, email
        nsComment = "A Netscape comment"
        1.2.3.4.5.6.7 = critical, ASN1:UTF8String:an unknown critical extension
        [san]
        DNS.1 = www.example.test
        DNS.2 = *.example.test
        IP.1 = 192.0.2.1
        IP.2 = 2001:db8::1
        email.1 = someone@example.test
        URI.1 = https://example.test/path?q=1
        RID.1 = 1.2.3.4
        dirName.1 = san_dn
        otherName.1 = 1.3.6.1.4.1.311.20.2.3;UTF8:upn@example.test
        [san_dn]
        C = DE
        O = Dir Name Org
        CN = dir name
        [excl_dn]
        O = Excluded
        [policy]
        policyIdentifier = 1.3.6.1.4.1.99999.1
        CPS.1 = http://cps.example.test/
        userNotice.1 = @notice
        [notice]
        explicitText = "Explicit notice text"
        organization = "Notice Org"
        noticeNumbers = 1, 2, 3

        """;

    private const string AttributesConfig = """
        [req]
        distinguished_name = dn
        attributes = attrs
        req_extensions = reqext
        prompt = no
        [dn]
        C = US
        O = Round Trip
        CN = csr with attributes
        [attrs]
        challengePassword = s3cret-password
        unstructuredName = An Unstructured Name
        [reqext]
        subjectAltName = DNS:csr.example.test, IP:192.0.2.7
        keyUsage = critical, digitalSignature
        basicConstraints = CA:FALSE

        """;

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "mtls-roundtrip-" + Guid.NewGuid().ToString("N"));
    private readonly Lazy<string> _built;

    public OpenSslRoundTripCorpus() => _built = new Lazy<string>(Build, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>openssl's PEM output and DER output for one made file (<c>openssl x509|req|crl -in F [-outform DER]</c>).</summary>
    public (string Pem, byte[] Der) Get(string command, string file)
    {
        OpenSslPeer.Require();
        string path = Path.Combine(_built.Value, file);
        string pem = OpenSslPeer.Run(command, "-in", path).Stdout;
        byte[] der = OpenSslPeer.Run(command, "-in", path, "-outform", "DER").StdoutBytes;
        return (pem, der);
    }

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    private string Build()
    {
        Directory.CreateDirectory(_dir);
        File.WriteAllText(Path.Combine(_dir, "v3.cnf"), EveryExtensionConfig);
        File.WriteAllText(Path.Combine(_dir, "attrs.cnf"), AttributesConfig);
        File.WriteAllText(Path.Combine(_dir, "bmp.cnf"), "[req]\ndistinguished_name=dn\nstring_mask=default\n[dn]\n");

        Run("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "rsa.key");
        Run("genpkey", "-algorithm", "RSA-PSS", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "pss.key");
        foreach (string curve in new[] { "P-256", "P-384", "P-521" })
        {
            Run("genpkey", "-algorithm", "EC", "-pkeyopt", $"ec_paramgen_curve:{curve}", "-out", $"p{curve[2..]}.key");
        }

        Run("genpkey", "-algorithm", "ED25519", "-out", "ed25519.key");
        Run("genpkey", "-algorithm", "ED448", "-out", "ed448.key");
        Run("genpkey", "-genparam", "-algorithm", "DSA", "-pkeyopt", "dsa_paramgen_bits:2048", "-out", "dsaparam.pem");
        Run("genpkey", "-paramfile", "dsaparam.pem", "-out", "dsa.key");

        BuildCertificates();
        BuildRequests();
        BuildCrl("v1-empty", "rsa.key", crlExtensions: false, crlNumber: false, days: 30);
        BuildCrl("v1-entries", "rsa.key", crlExtensions: false, crlNumber: false, days: 30, [], []);
        BuildCrl(
            "v2-reasons", "p256.key", crlExtensions: true, crlNumber: true, days: 30,
            ["-crl_reason", "keyCompromise"], ["-crl_compromise", "20260101120000Z"], ["-crl_CA_compromise", "20250101000000Z"],
            ["-crl_hold", "holdInstructionReject"], ["-crl_reason", "removeFromCRL"], ["-crl_reason", "superseded"]);
        BuildCrl("ed25519-far-next-update", "ed25519.key", crlExtensions: true, crlNumber: true, days: 40000, ["-crl_reason", "cessationOfOperation"]);
        BuildCrl("dsa", "dsa.key", crlExtensions: false, crlNumber: true, days: 30, ["-crl_reason", "affiliationChanged"]);
        return _dir;
    }

    private void BuildCertificates()
    {
        foreach ((string key, string? digest) in new[] { ("rsa", "-sha256"), ("pss", "-sha256"), ("p256", "-sha256"), ("p384", "-sha384"), ("p521", "-sha512"), ("ed25519", null), ("ed448", null), ("dsa", "-sha256") })
        {
            string[] md = digest is null ? [] : [digest];
            Run(["req", "-x509", "-new", "-key", $"{key}.key", .. md, "-subj", $"{Subject}-{key}", "-days", "30", "-out", $"cert-{key}.pem"]);
        }

        Run("req", "-x509", "-new", "-key", "rsa.key", "-sha1", "-subj", $"{Subject}-sha1", "-days", "30", "-out", "cert-rsa-sha1.pem");
        Run("req", "-x509", "-new", "-key", "rsa.key", "-md5", "-subj", $"{Subject}-md5", "-days", "30", "-out", "cert-rsa-md5.pem");
        Run("req", "-x509", "-new", "-key", "rsa.key", "-sha256", "-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_pss_saltlen:32", "-subj", $"{Subject}-pss-padding", "-days", "30", "-out", "cert-rsa-pss-padding.pem");
        Run("req", "-x509", "-new", "-key", "p256.key", "-sha1", "-subj", $"{Subject}-ec-sha1", "-days", "30", "-out", "cert-ec-sha1.pem");
        Run("req", "-new", "-key", "rsa.key", "-subj", $"{Subject}-v1", "-out", "v1.csr");
        Run("x509", "-req", "-in", "v1.csr", "-signkey", "rsa.key", "-days", "30", "-out", "cert-v1.pem");
        Run("x509", "-req", "-in", "v1.csr", "-signkey", "rsa.key", "-set_serial", "-5", "-days", "30", "-out", "cert-v1-negative-serial.pem");
        Run("x509", "-req", "-in", "v1.csr", "-signkey", "rsa.key", "-set_serial", "0", "-days", "30", "-out", "cert-v1-zero-serial.pem");
        Run("req", "-x509", "-new", "-key", "p256.key", "-subj", $"{Subject}-far", "-days", "30000", "-out", "cert-generalized-time.pem");
        Run("req", "-x509", "-new", "-key", "p256.key", "-multivalue-rdn", "-utf8", "-subj", "/C=DE/O=Grüße GmbH/CN=mehr+OU=Wert/emailAddress=a@b.test", "-days", "30", "-out", "cert-multi-valued-rdn.pem");
        Run("req", "-x509", "-new", "-key", "p256.key", "-config", "bmp.cnf", "-utf8", "-subj", "/CN=Ελληνικά/O=Café/L=plain", "-days", "30", "-out", "cert-bmp-strings.pem");
        Run("req", "-x509", "-new", "-key", "rsa.key", "-subj", "/O=Round Trip CA/CN=rt ca", "-days", "30", "-out", "ca.pem");
        Run("x509", "-req", "-in", "v1.csr", "-CA", "ca.pem", "-CAkey", "rsa.key", "-set_serial", "0x0123456789abcdef0123456789abcdef01", "-days", "30", "-extfile", "v3.cnf", "-extensions", "leaf", "-out", "cert-every-extension.pem");
    }

    private void BuildRequests()
    {
        Run("req", "-new", "-key", "rsa.key", "-config", "attrs.cnf", "-out", "csr-rsa-attributes.pem");
        foreach (string key in new[] { "pss", "p256", "p384", "ed25519", "ed448", "dsa" })
        {
            Run("req", "-new", "-key", $"{key}.key", "-subj", $"{Subject}-{key}", "-out", $"csr-{key}.pem");
        }

        Run("req", "-new", "-key", "p256.key", "-subj", $"{Subject}-ext", "-addext", "subjectAltName=DNS:a.example.test", "-addext", "extendedKeyUsage=clientAuth", "-out", "csr-extensions.pem");
        Run("req", "-new", "-key", "rsa.key", "-sha512", "-multivalue-rdn", "-utf8", "-subj", "/CN=mehr+OU=Wert/O=Grüße", "-out", "csr-multi-valued-rdn.pem");
        Run("req", "-new", "-key", "rsa.key", "-sigopt", "rsa_padding_mode:pss", "-subj", $"{Subject}-pss-padding", "-out", "csr-rsa-pss-padding.pem");
    }

    /// <summary><c>openssl ca -revoke</c> once per entry (with the given reason options), then <c>openssl ca -gencrl</c>.</summary>
    private void BuildCrl(string name, string key, bool crlExtensions, bool crlNumber, int days, params string[][] revocations)
    {
        string db = $"{name}.d";
        Directory.CreateDirectory(Path.Combine(_dir, db));
        File.WriteAllText(Path.Combine(_dir, db, "index.txt"), string.Empty);
        var config = new System.Text.StringBuilder($"[ca]\ndefault_ca=d\n[d]\ndatabase={db}/index.txt\ndefault_md=default\ndefault_crl_days={days}\n");
        if (crlNumber)
        {
            File.WriteAllText(Path.Combine(_dir, db, "crlnumber"), "1000\n");
            config.Append($"crlnumber={db}/crlnumber\n");
        }

        if (crlExtensions)
        {
            config.Append("crl_extensions=e\n[e]\nauthorityKeyIdentifier=keyid:always,issuer\nissuerAltName=URI:http://ca.example.test/\n");
        }

        File.WriteAllText(Path.Combine(_dir, $"{name}.cnf"), config.ToString());
        Run("req", "-x509", "-new", "-key", key, "-subj", $"/O=Round Trip/CN={name} issuer", "-days", "30", "-out", $"{name}-ca.pem");
        for (int i = 0; i < revocations.Length; i++)
        {
            string leaf = $"{name}-leaf{i}.pem";
            Run("req", "-x509", "-new", "-key", "p256.key", "-subj", $"/CN={name} leaf {i}", "-days", "30", "-out", leaf);
            Run(["ca", "-config", $"{name}.cnf", "-cert", $"{name}-ca.pem", "-keyfile", key, "-revoke", leaf, .. revocations[i]]);
        }

        Run("ca", "-config", $"{name}.cnf", "-cert", $"{name}-ca.pem", "-keyfile", key, "-gencrl", "-out", $"crl-{name}.pem");
    }

    private void Run(params string[] args)
    {
        ProcessResult result = ProcessRunner.Run(OpenSslPeer.Require(), args, workingDirectory: _dir);
        result.ExitCode.ShouldBe(0, $"openssl {string.Join(' ', args)} failed: {result.Stderr}");
    }
}
