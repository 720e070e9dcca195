using System.Numerics;
using ManagedTls.Keys;
using ManagedTls.Tests.TestSupport;
using ManagedTls.X509;

namespace ManagedTls.Tests.X509.Building;

/// <summary>Certificates, requests and CRLs built here, checked by the openssl binary.</summary>
public sealed class BuilderOpenSslTests
{
    public static TheoryData<string> KeyKinds => new(BuildScratch.KeyKinds.Keys);

    [SkippableTheory]
    [MemberData(nameof(KeyKinds))]
    public void Sign_ChainOfThree_OpenSslVerifies(string kind)
    {
        using var scratch = new BuildScratch();
        PrivateKey rootKey = BuildScratch.Key(kind, 0);
        PrivateKey interKey = BuildScratch.Key(kind, 1);
        PrivateKey leafKey = BuildScratch.Key(kind, 2);
        DistinguishedName rootName = DistinguishedName.Parse($"/C=US/O=ManagedTls/CN=Root {kind}");
        DistinguishedName interName = DistinguishedName.Parse($"/C=US/O=ManagedTls/CN=Intermediate {kind}");

        Certificate root = CaBuilder(rootName, rootName, rootKey.PublicKey, 1).Sign(rootKey);
        Certificate inter = CaBuilder(rootName, interName, interKey.PublicKey, 2).Sign(rootKey);
        var leafBuilder = new CertificateBuilder
        {
            SerialNumber = BigInteger.Parse("123456789012345678901234567890"),
            Issuer = interName,
            Subject = DistinguishedName.Parse("/CN=leaf.example"),
            NotBefore = DateTimeOffset.UtcNow.AddDays(-1),
            NotAfter = DateTimeOffset.UtcNow.AddDays(90),
            PublicKey = leafKey.PublicKey,
        };
        leafBuilder.Extensions.Add(Der.BasicConstraintsLeaf);
        leafBuilder.Extensions.Add(Der.SubjectAltNameDns("leaf.example"));
        Certificate leaf = leafBuilder.Sign(interKey);

        string rootPem = scratch.Write("root.pem", root.ToPem());
        string interPem = scratch.Write("inter.pem", inter.ToPem());
        string leafPem = scratch.Write("leaf.pem", leaf.ToPem());

        foreach (string file in new[] { rootPem, interPem, leafPem })
        {
            OpenSslPeer.Run("x509", "-in", file, "-noout", "-text").Stdout.ShouldContain("Signature Algorithm");
        }

        OpenSslPeer.Run("verify", "-CAfile", rootPem, "-untrusted", interPem, leafPem).Stdout.ShouldBe($"{leafPem}: OK\n");
        OpenSslPeer.Run("verify", "-CAfile", rootPem, interPem).Stdout.ShouldBe($"{interPem}: OK\n");
        leaf.VerifySignature(inter.GetPublicKey()).ShouldBeTrue();
    }

    [SkippableTheory]
    [MemberData(nameof(KeyKinds))]
    public void Sign_Request_OpenSslVerifies(string kind)
    {
        using var scratch = new BuildScratch();
        PrivateKey key = BuildScratch.Key(kind, 0);
        var builder = new CertificationRequestBuilder
        {
            Subject = DistinguishedName.Parse($"/C=DE/O=ManagedTls/CN=request {kind}"),
            PublicKey = key.PublicKey,
            ChallengePassword = "s3cret",
        };
        builder.Extensions.Add(Der.SubjectAltNameDns("req.example"));
        builder.Extensions.Add(Der.BasicConstraintsLeaf);
        CertificationRequest request = builder.Sign(key);
        string file = scratch.Write("req.pem", request.ToPem());

        ProcessResult verify = OpenSslPeer.Run("req", "-in", file, "-verify", "-noout", "-text");
        verify.Stderr.ShouldContain("verify OK");
        verify.Stdout.ShouldContain("challengePassword        :s3cret");
        verify.Stdout.ShouldContain("DNS:req.example");
        request.VerifySignature().ShouldBeTrue();
        request.GetRequestedExtensions().Select(e => e.Oid).ShouldBe(["2.5.29.17", "2.5.29.19"]);
    }

    [SkippableTheory]
    [MemberData(nameof(KeyKinds))]
    public void Sign_Crl_OpenSslVerifies(string kind)
    {
        using var scratch = new BuildScratch();
        PrivateKey caKey = BuildScratch.Key(kind, 0);
        DistinguishedName caName = DistinguishedName.Parse($"/O=ManagedTls/CN=CRL CA {kind}");
        Certificate ca = CaBuilder(caName, caName, caKey.PublicKey, 7).Sign(caKey);
        var builder = new CertificateRevocationListBuilder
        {
            Issuer = caName,
            ThisUpdate = DateTimeOffset.UtcNow.AddHours(-1),
            NextUpdate = DateTimeOffset.UtcNow.AddDays(7),
        };
        var first = new RevokedCertificateEntry(0x1234, DateTimeOffset.UtcNow.AddHours(-2));
        first.Extensions.Add(Der.ReasonCode(1));
        builder.Revoked.Add(first);
        builder.Revoked.Add(new RevokedCertificateEntry(BigInteger.Parse("987654321098765432109876543210"), DateTimeOffset.UtcNow.AddHours(-3)));
        builder.Extensions.Add(Der.CrlNumber(5));
        CertificateRevocationList crl = builder.Sign(caKey);

        string caPem = scratch.Write("ca.pem", ca.ToPem());
        string crlPem = scratch.Write("crl.pem", crl.ToPem());
        ProcessResult result = OpenSslPeer.Run("crl", "-in", crlPem, "-CAfile", caPem, "-noout", "-text");
        result.Stderr.ShouldContain("verify OK");
        result.Stdout.ShouldContain("Serial Number: 1234");
        result.Stdout.ShouldContain("Key Compromise");
        result.Stdout.ShouldContain("X509v3 CRL Number: \n                5");
        crl.Version.ShouldBe(2);
        crl.VerifySignature(caKey.PublicKey).ShouldBeTrue();
    }

    [SkippableTheory]
    [InlineData("rsa", "sha256")]
    [InlineData("rsa", "sha1")]
    [InlineData("rsa", "sha512")]
    [InlineData("ed25519", null)]
    [InlineData("rsa-pss", "sha256")]
    public void From_OpenSslDeterministicSignature_ByteIdentical(string kind, string? digest)
    {
        // RSA PKCS#1 v1.5 and EdDSA signatures are deterministic: re-signing openssl's TBS with the same key must give
        // back openssl's certificate byte for byte. RSA-PSS is randomised, so only the TBS and algorithm must match.
        using var scratch = new BuildScratch();
        string keyFile = scratch.Write("key.pem", BuildScratch.KeyPem(kind));
        string certFile = scratch.File("cert.pem");
        string[] digestOption = digest is null ? [] : [$"-{digest}"];
        OpenSslPeer.Run(["req", "-x509", "-new", "-key", keyFile, .. digestOption, "-subj", "/C=US/ST=CA/O=Example/CN=example.com", "-days", "10",
            "-addext", "subjectAltName=DNS:example.com,IP:192.0.2.1", "-addext", "keyUsage=critical,digitalSignature", "-out", certFile]);
        Certificate original = Certificate.Load(File.ReadAllBytes(certFile));
        PrivateKey key = BuildScratch.Key(kind);

        Certificate copy = CertificateBuilder.From(original).Sign(key, ManagedTls.Signatures.SignatureAlgorithm.Decode(original.SignatureAlgorithm.RawData.Span));

        copy.RawTbsCertificate.ToArray().ShouldBe(original.RawTbsCertificate.ToArray());
        if (kind != "rsa-pss")
        {
            copy.RawData.ToArray().ShouldBe(original.RawData.ToArray());
        }

        copy.VerifySignature(copy.GetPublicKey()).ShouldBeTrue();
    }

    [SkippableFact]
    public void From_OpenSslCertificateResignedByOurCa_OpenSslVerifies()
    {
        using var scratch = new BuildScratch();
        string keyFile = scratch.Write("key.pem", BuildScratch.KeyPem("p256", 5));
        string certFile = scratch.File("cert.pem");
        OpenSslPeer.Run("req", "-x509", "-new", "-key", keyFile, "-subj", "/CN=openssl made", "-days", "10",
            "-addext", "subjectAltName=DNS:openssl.example", "-addext", "basicConstraints=critical,CA:FALSE", "-out", certFile);
        Certificate original = Certificate.Load(File.ReadAllBytes(certFile));
        PrivateKey caKey = BuildScratch.Key("p384", 6);
        DistinguishedName caName = DistinguishedName.Parse("/CN=ManagedTls re-signing CA");
        Certificate ca = CaBuilder(caName, caName, caKey.PublicKey, 1).Sign(caKey);

        CertificateBuilder builder = CertificateBuilder.From(original);
        builder.Issuer = caName;
        Certificate resigned = builder.Sign(caKey);

        string caPem = scratch.Write("ca.pem", ca.ToPem());
        string leafPem = scratch.Write("leaf.pem", resigned.ToPem());
        OpenSslPeer.Run("verify", "-CAfile", caPem, leafPem).Stdout.ShouldBe($"{leafPem}: OK\n");
        resigned.Subject.ShouldBe(original.Subject);
        resigned.SubjectPublicKeyInfo.ToArray().ShouldBe(original.SubjectPublicKeyInfo.ToArray());
        resigned.Extensions.Select(e => Convert.ToHexString(e.RawData.Span)).ShouldBe(original.Extensions.Select(e => Convert.ToHexString(e.RawData.Span)));

        // A self-signed openssl certificate re-signed with its own key still verifies against itself.
        Certificate selfSigned = CertificateBuilder.From(original).Sign(BuildScratch.Key("p256", 5));
        string selfPem = scratch.Write("self.pem", selfSigned.ToPem());
        OpenSslPeer.Run("verify", "-CAfile", selfPem, selfPem).Stdout.ShouldBe($"{selfPem}: OK\n");
    }

    [SkippableFact]
    public void From_OpenSslRequest_ByteIdentical()
    {
        using var scratch = new BuildScratch();
        string keyFile = scratch.Write("key.pem", BuildScratch.KeyPem("rsa"));
        string config = scratch.Write("req.cnf", "[req]\ndistinguished_name=dn\nattributes=attr\nprompt=no\n[dn]\nC=US\nCN=request\n[attr]\nchallengePassword=secret1\nunstructuredName=foo\n");
        string reqFile = scratch.File("req.pem");
        OpenSslPeer.Run("req", "-new", "-key", keyFile, "-config", config, "-addext", "subjectAltName=DNS:a.example", "-out", reqFile);
        CertificationRequest original = CertificationRequest.Load(File.ReadAllBytes(reqFile));

        CertificationRequest copy = CertificationRequestBuilder.From(original).Sign(BuildScratch.Key("rsa"));

        copy.RawData.ToArray().ShouldBe(original.RawData.ToArray());

        // Built from parts rather than copied: the challengePassword and extensionRequest our builder writes itself
        // land in the same sorted SET OF as openssl's.
        var fresh = new CertificationRequestBuilder { Subject = original.Subject, PublicKey = BuildScratch.Key("rsa").PublicKey, ChallengePassword = "secret1" };
        fresh.Attributes.Add(original.Attributes.Single(a => a.Oid == "1.2.840.113549.1.9.2"));
        fresh.Extensions.Add(original.GetRequestedExtensions()[0]);
        fresh.Sign(BuildScratch.Key("rsa")).RawData.ToArray().ShouldBe(original.RawData.ToArray());
    }

    [SkippableFact]
    public void From_OpenSslCrl_ByteIdentical()
    {
        using var scratch = new BuildScratch();
        string keyFile = scratch.Write("ca.key", BuildScratch.KeyPem("rsa"));
        string caFile = scratch.File("ca.pem");
        OpenSslPeer.Run("req", "-x509", "-new", "-key", keyFile, "-subj", "/CN=CRL CA", "-days", "10", "-out", caFile);
        string[] database = [
            "R\t300101000000Z\t240101000000Z,keyCompromise\t1001\tunknown\t/CN=one",
            "R\t300101000000Z\t240202000000Z\t1002\tunknown\t/CN=two",
            "V\t300101000000Z\t\t1003\tunknown\t/CN=three",
        ];
        scratch.Write("index.txt", string.Join('\n', database) + "\n");
        scratch.Write("crlnumber", "0A\n");
        string config = scratch.Write("ca.cnf", $"[ca]\ndefault_ca=CA_default\n[CA_default]\ndatabase={scratch.File("index.txt")}\ncrlnumber={scratch.File("crlnumber")}\ndefault_md=sha256\ndefault_crl_days=30\ncrl_extensions=crl_ext\n[crl_ext]\nauthorityKeyIdentifier=keyid:always\n");
        string crlFile = scratch.File("crl.pem");
        OpenSslPeer.Run("ca", "-gencrl", "-config", config, "-keyfile", keyFile, "-cert", caFile, "-out", crlFile);
        CertificateRevocationList original = CertificateRevocationList.Load(File.ReadAllBytes(crlFile));

        CertificateRevocationList copy = CertificateRevocationListBuilder.From(original).Sign(BuildScratch.Key("rsa"));

        copy.RawData.ToArray().ShouldBe(original.RawData.ToArray());
        original.RevokedCertificates.Count.ShouldBe(2);
    }

    private static CertificateBuilder CaBuilder(DistinguishedName issuer, DistinguishedName subject, PublicKey key, long serial)
    {
        var builder = new CertificateBuilder
        {
            SerialNumber = serial,
            Issuer = issuer,
            Subject = subject,
            NotBefore = DateTimeOffset.UtcNow.AddDays(-1),
            NotAfter = DateTimeOffset.UtcNow.AddYears(5),
            PublicKey = key,
        };
        builder.Extensions.Add(Der.BasicConstraintsCa);
        builder.Extensions.Add(Der.KeyUsageCa);
        return builder;
    }
}
