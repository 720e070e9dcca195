using ManagedTls.Crypto;
using ManagedTls.Keys;
using ManagedTls.Pkcs.Cms;
using ManagedTls.Tests.TestSupport;
using ManagedTls.X509;
using ManagedTls.X509.Verification;

namespace ManagedTls.Tests.Pkcs.Cms;

/// <summary>
/// SignedData both ways with openssl: what <c>openssl smime -sign</c> and <c>openssl cms -sign</c> make (attached,
/// detached, -binary, -stream BER, -noattr, -keyid; RSA and ECDSA) verifies with <see cref="Pkcs7Verifier"/>; what
/// <see cref="Pkcs7Signer"/> makes verifies with <c>openssl smime -verify</c> and <c>openssl cms -verify</c>
/// (Ed25519, which OpenSSL 3.0's CMS cannot sign or verify, is checked with <c>openssl pkeyutl -verify -rawin</c>);
/// tampering gives typed failures.
/// </summary>
public sealed class SignedDataInteropTests
{
    public static TheoryData<string, string, string[]> OpenSslSignings()
    {
        var rows = new TheoryData<string, string, string[]>();
        foreach (string signer in new[] { "rsa", "ec" })
        {
            foreach (string tool in new[] { "smime", "cms" })
            {
                rows.Add(tool, signer, []);
                rows.Add(tool, signer, ["-nodetach"]);
                rows.Add(tool, signer, ["-binary"]);
                rows.Add(tool, signer, ["-nodetach", "-binary", "-stream"]);
                rows.Add(tool, signer, ["-noattr"]);
                rows.Add(tool, signer, ["-md", "sha384"]);
            }

            rows.Add("cms", signer, ["-nodetach", "-keyid"]);
            rows.Add("cms", signer, ["-md", "sha1", "-nosmimecap"]);
        }

        return rows;
    }

    [SkippableTheory]
    [MemberData(nameof(OpenSslSignings))]
    public void OpenSslSigned_VerifiedByUs(string tool, string signer, string[] flags)
    {
        string input = flags.Contains("-binary") ? CmsFiles.Binary : CmsFiles.Message;
        string output = CmsFiles.NewPath("der");
        OpenSslPeer.Run([tool, "-sign", .. flags, "-in", input, "-signer", CmsFiles.Cert(signer), "-inkey", CmsFiles.Key(signer),
            "-certfile", CmsFiles.InterCert, "-outform", "DER", "-out", output]);
        byte[] raw = File.ReadAllBytes(input);
        byte[] signedContent = flags.Contains("-binary") ? raw : Smime.Canonicalize(raw);

        Pkcs7 message = Pkcs7.Decode(File.ReadAllBytes(output));
        IReadOnlyList<Certificate> signers = message.SignedData!.IsDetached
            ? Pkcs7Verifier.Verify(message, signedContent, Options())
            : Pkcs7Verifier.Verify(message, Options());

        signers.Single().ShouldBe(Certificate.Load(File.ReadAllBytes(CmsFiles.Cert(signer))));
        if (!message.SignedData.IsDetached)
        {
            message.SignedData.Content.ShouldBe(signedContent);
        }

        SignerInfo info = message.SignedData.SignerInfos.Single();
        info.HasSignedAttributes.ShouldBe(!flags.Contains("-noattr"));
        if (info.HasSignedAttributes)
        {
            info.GetContentTypeAttribute().ShouldBe(CmsOids.Data);
            info.GetSigningTime().ShouldNotBeNull().ShouldBeInRange(DateTimeOffset.UtcNow.AddMinutes(-10), DateTimeOffset.UtcNow.AddMinutes(1));
        }
    }

    public static TheoryData<string, bool, bool, bool> OurSignings()
    {
        var rows = new TheoryData<string, bool, bool, bool>();
        foreach (string signer in new[] { "rsa", "ec" })
        {
            foreach (bool detached in new[] { false, true })
            {
                rows.Add(signer, detached, true, false);
                rows.Add(signer, detached, false, false);
                rows.Add(signer, detached, true, true);
            }
        }

        return rows;
    }

    [SkippableTheory]
    [MemberData(nameof(OurSignings))]
    public void OursSigned_VerifiedByOpenSslSmimeAndCms(string signer, bool detached, bool attributes, bool keyIdentifier)
    {
        byte[] content = File.ReadAllBytes(CmsFiles.Binary);
        var options = new Pkcs7SignOptions { Detached = detached, SignedAttributes = attributes, UseSubjectKeyIdentifier = keyIdentifier };
        options.ExtraCertificates.Add(Certificate.Load(File.ReadAllBytes(CmsFiles.InterCert)));
        Pkcs7 message = Pkcs7Signer.Sign(content, Load(signer), LoadKey(signer), options);
        string file = CmsFiles.NewPath("der");
        File.WriteAllBytes(file, message.Encode());
        string[] contentArgs = detached ? ["-content", CmsFiles.Binary] : [];

        // PKCS#7 (smime) has no SubjectKeyIdentifier signer form; CMS reads both.
        if (!keyIdentifier)
        {
            ProcessResult smime = OpenSslPeer.Run(["smime", "-verify", "-binary", "-inform", "DER", "-in", file, .. contentArgs, "-CAfile", CmsFiles.CaCert]);
            smime.Stderr.ShouldBe("Verification successful\n");
            smime.StdoutBytes.ShouldBe(content);
        }

        ProcessResult cms = OpenSslPeer.Run(["cms", "-verify", "-binary", "-inform", "DER", "-in", file, .. contentArgs, "-CAfile", CmsFiles.CaCert]);
        cms.Stderr.ShouldBe("CMS Verification successful\n");
        cms.StdoutBytes.ShouldBe(content);
        Pkcs7Verifier.Verify(message, content, Options()).Single().ShouldBe(Load(signer));
    }

    [SkippableFact]
    public void OursEd25519_SignatureOverSignedAttributesVerifiesWithOpenSslPkeyutl()
    {
        byte[] content = File.ReadAllBytes(CmsFiles.Message);
        Pkcs7 message = Pkcs7Signer.Sign(content, Load("ed"), LoadKey("ed"));
        SignerInfo info = message.SignedData!.SignerInfos.Single();
        string attributes = CmsFiles.NewPath("attrs");
        string signature = CmsFiles.NewPath("sig");
        string publicKey = CmsFiles.NewPath("pub");
        File.WriteAllBytes(attributes, info.GetSignedAttributesForSignature()!);
        File.WriteAllBytes(signature, info.Signature.ToArray());
        OpenSslPeer.Run("x509", "-in", CmsFiles.Cert("ed"), "-pubkey", "-noout", "-out", publicKey);

        ProcessResult verified = OpenSslPeer.Run("pkeyutl", "-verify", "-pubin", "-inkey", publicKey, "-rawin", "-in", attributes, "-sigfile", signature);

        verified.Stdout.ShouldContain("Signature Verified Successfully");
        info.DigestAlgorithm.ShouldBe(HashAlgorithmId.Sha512); // RFC 8419 §3.1
        info.GetMessageDigest().ShouldBe(HashAlgorithms.HashData(HashAlgorithmId.Sha512, content));
        OpenSslPeer.Run("asn1parse", "-inform", "DER", "-in", Save(message)).Stdout.ShouldContain(":ED25519");
        Pkcs7Verifier.Verify(message, Options()).Single().ShouldBe(Load("ed"));
    }

    [SkippableFact]
    public void Sign_SigningTimeFromTheClock_AndAttributesSortedAsDer()
    {
        var clock = new FixedClock(new DateTimeOffset(2031, 2, 3, 4, 5, 6, TimeSpan.Zero));
        Pkcs7 message = Pkcs7Signer.Sign("x"u8, Load("rsa"), LoadKey("rsa"), new Pkcs7SignOptions { TimeProvider = clock });
        SignerInfo info = message.SignedData!.SignerInfos.Single();

        info.GetSigningTime().ShouldBe(clock.Now);
        info.SignedAttributes.Select(a => a.Oid).ShouldBe([CmsOids.ContentTypeAttribute, CmsOids.SigningTimeAttribute, CmsOids.MessageDigestAttribute]);
        string file = Save(message);
        OpenSslPeer.Run("cms", "-cmsout", "-print", "-inform", "DER", "-in", file, "-noout").ExitCode.ShouldBe(0);
        OpenSslPeer.Run("cms", "-cmsout", "-print", "-inform", "DER", "-in", file).Stdout.ShouldContain("UTCTIME:Feb  3 04:05:06 2031 GMT");
    }

    [SkippableFact]
    public void Verify_TamperedContent_DigestMismatch()
    {
        Pkcs7 message = Pkcs7Signer.Sign("original"u8, Load("rsa"), LoadKey("rsa"), new Pkcs7SignOptions { Detached = true });

        Should.Throw<Pkcs7Exception>(() => Pkcs7Verifier.Verify(message, "originaL"u8, Options())).Reason.ShouldBe(Pkcs7Error.DigestMismatch);
    }

    [SkippableTheory]
    [InlineData("rsa", true)]
    [InlineData("ec", true)]
    [InlineData("ed", true)]
    [InlineData("rsa", false)]
    public void Verify_TamperedSignature_SignatureFailure(string signer, bool attributes)
    {
        var options = new Pkcs7SignOptions { SignedAttributes = attributes };
        options.ExtraCertificates.Add(Load("inter"));
        Pkcs7 message = Pkcs7Signer.Sign("content"u8, Load(signer), LoadKey(signer), options);
        byte[] der = message.Encode();
        byte[] signature = message.SignedData!.SignerInfos[0].Signature.ToArray();
        int at = der.AsSpan().LastIndexOf(signature) + (signature.Length / 2);
        der[at] ^= 0x01;

        Pkcs7Exception e = Should.Throw<Pkcs7Exception>(() => Pkcs7Verifier.Verify(Pkcs7.Decode(der), Options()));

        e.Reason.ShouldBe(Pkcs7Error.SignatureFailure);
    }

    [SkippableFact]
    public void Verify_UntrustedRoot_CertificateVerifyFailedWithOpenSslError()
    {
        Pkcs7 message = Pkcs7Signer.Sign("content"u8, Load("rsa"), LoadKey("rsa"));
        var store = new TrustStore();
        store.AddCertificate(Load("inter"));

        Pkcs7Exception e = Should.Throw<Pkcs7Exception>(() => Pkcs7Verifier.Verify(message, new Pkcs7VerifyOptions { TrustStore = store }));

        e.Reason.ShouldBe(Pkcs7Error.CertificateVerifyFailed);
        e.Verification!.Error.ShouldBe(X509VerifyError.UnableToGetIssuerCertLocally);
        Pkcs7Verifier.Verify(message, new Pkcs7VerifyOptions { TrustStore = store, NoChainVerification = true }).Count.ShouldBe(1);
    }

    [SkippableFact]
    public void Verify_SignerWithoutEmailProtection_InvalidPurposeAsOpenSsl()
    {
        Pkcs7 message = Pkcs7Signer.Sign("content"u8, Load("tls"), LoadKey("tls"));
        string file = Save(message);

        Pkcs7Exception e = Should.Throw<Pkcs7Exception>(() => Pkcs7Verifier.Verify(message, Options()));

        e.Verification!.Error.ShouldBe(X509VerifyError.InvalidPurpose);
        ProcessResult theirs = OpenSslPeer.TryRun(null, "smime", "-verify", "-inform", "DER", "-in", file, "-CAfile", CmsFiles.CaCert);
        theirs.ExitCode.ShouldBe(4);
        theirs.Stderr.ShouldContain("Verify error: " + e.Verification.ErrorMessage);
    }

    [SkippableFact]
    public void Verify_SignerCertificateMissing_SignerCertificateNotFound_UnlessGivenAsExtra()
    {
        Pkcs7 message = Pkcs7Signer.Sign("content"u8, Load("rsa"), LoadKey("rsa"), new Pkcs7SignOptions { IncludeSignerCertificate = false });

        Should.Throw<Pkcs7Exception>(() => Pkcs7Verifier.Verify(message, Options())).Reason.ShouldBe(Pkcs7Error.SignerCertificateNotFound);
        Pkcs7VerifyOptions withExtra = Options();
        withExtra.ExtraCertificates.Add(Load("rsa"));
        Pkcs7Verifier.Verify(message, withExtra).Single().ShouldBe(Load("rsa"));
    }

    [SkippableFact]
    public void Verify_DetachedWithoutContent_NoContent_AndCertsOnlyHasNoSigners()
    {
        Pkcs7 detached = Pkcs7Signer.Sign("content"u8, Load("rsa"), LoadKey("rsa"), new Pkcs7SignOptions { Detached = true });

        Should.Throw<Pkcs7Exception>(() => Pkcs7Verifier.Verify(detached, Options())).Reason.ShouldBe(Pkcs7Error.NoContent);
        // As PKCS7_verify: a certs-only bundle has no content ("no content"), and with content given, no signers.
        Pkcs7 bundle = Pkcs7.CreateCertificatesOnly([Load("rsa")]);
        Should.Throw<Pkcs7Exception>(() => Pkcs7Verifier.Verify(bundle, Options())).Reason.ShouldBe(Pkcs7Error.NoContent);
        Should.Throw<Pkcs7Exception>(() => Pkcs7Verifier.Verify(bundle, "content"u8, Options())).Reason.ShouldBe(Pkcs7Error.SignerCertificateNotFound);
    }

    [SkippableFact]
    public void Sign_KeyNotTheCertificates_KeyMismatch()
    {
        Should.Throw<Pkcs7Exception>(() => Pkcs7Signer.Sign("x"u8, Load("rsa"), LoadKey("ec"))).Reason.ShouldBe(Pkcs7Error.KeyMismatch);
    }

    [SkippableFact]
    public void Canonicalize_EqualsTheContentOpenSslSmimeEmbeds()
    {
        string file = CmsFiles.NewPath("der");
        OpenSslPeer.Run("smime", "-sign", "-nodetach", "-in", CmsFiles.Message, "-signer", CmsFiles.Cert("rsa"), "-inkey", CmsFiles.Key("rsa"), "-outform", "DER", "-out", file);
        string withText = CmsFiles.NewPath("der");
        OpenSslPeer.Run("smime", "-sign", "-nodetach", "-text", "-in", CmsFiles.Message, "-signer", CmsFiles.Cert("rsa"), "-inkey", CmsFiles.Key("rsa"), "-outform", "DER", "-out", withText);
        byte[] raw = File.ReadAllBytes(CmsFiles.Message);

        Pkcs7.Decode(File.ReadAllBytes(file)).SignedData!.Content.ShouldBe(Smime.Canonicalize(raw));
        Pkcs7.Decode(File.ReadAllBytes(withText)).SignedData!.Content.ShouldBe(Smime.Canonicalize(raw, addTextPlainHeader: true));
    }

    [SkippableTheory]
    [InlineData("smime", "rsa", false)]
    [InlineData("smime", "ec", true)]
    [InlineData("cms", "rsa", true)]
    [InlineData("cms", "ec", false)]
    public void SmimeRead_OpenSslMime_VerifiesAndReturnsTheCanonicalContent(string tool, string signer, bool nodetach)
    {
        string[] flags = nodetach ? ["-nodetach"] : [];
        byte[] mime = OpenSslPeer.Run([tool, "-sign", .. flags, "-in", CmsFiles.Message, "-signer", CmsFiles.Cert(signer), "-inkey", CmsFiles.Key(signer), "-certfile", CmsFiles.InterCert]).StdoutBytes;

        SmimeMessage read = Smime.Read(mime);

        (read.DetachedContent is null).ShouldBe(nodetach);
        byte[] content = read.DetachedContent ?? read.Message.SignedData!.Content!;
        content.ShouldBe(Smime.Canonicalize(File.ReadAllBytes(CmsFiles.Message)));
        Pkcs7Verifier.Verify(read.Message, content, Options()).Single().ShouldBe(Load(signer));
    }

    [SkippableTheory]
    [InlineData(true)]
    [InlineData(false)]
    public void SmimeWrite_OursReadByOpenSslSmimeAndCms(bool detached)
    {
        byte[] canonical = Smime.Canonicalize(File.ReadAllBytes(CmsFiles.Message));
        Pkcs7 message = Pkcs7Signer.Sign(canonical, Load("rsa"), LoadKey("rsa"), new Pkcs7SignOptions { Detached = detached });
        byte[] mime = detached ? Smime.WriteMultipartSigned(message, canonical) : Smime.WriteOpaque(message);
        string file = CmsFiles.NewPath("eml");
        File.WriteAllBytes(file, mime);

        OpenSslPeer.Run("smime", "-verify", "-in", file, "-CAfile", CmsFiles.CaCert).StdoutBytes.ShouldBe(canonical);
        OpenSslPeer.Run("cms", "-verify", "-in", file, "-CAfile", CmsFiles.CaCert).StdoutBytes.ShouldBe(canonical);
        Smime.Read(mime).DetachedContent.ShouldBe(detached ? canonical : null);
    }

    [Theory]
    [InlineData("Content-Type: text/plain\n\nhello", Pkcs7Error.InvalidMime)]
    [InlineData("Subject: no type\n\nhello", Pkcs7Error.InvalidMime)]
    [InlineData("Content-Type: multipart/signed\n\nhello", Pkcs7Error.InvalidMime)]
    [InlineData("Content-Type: multipart/signed; boundary=\"b\"\n\n--b\nhello\n--b--\n", Pkcs7Error.InvalidMime)]
    [InlineData("Content-Type: application/pkcs7-mime\n\n!!!!", Pkcs7Error.Malformed)]
    [InlineData("Content-Type: application/pkcs7-mime\n\nMIIB", Pkcs7Error.Malformed)]
    public void SmimeRead_BadMime_TypedError(string text, Pkcs7Error reason)
    {
        Should.Throw<Pkcs7Exception>(() => Smime.Read(System.Text.Encoding.ASCII.GetBytes(text))).Reason.ShouldBe(reason);
    }

    [Theory]
    [InlineData("a\nb", "a\r\nb")]
    [InlineData("a\r\nb\r\n", "a\r\nb\r\n")]
    [InlineData("a\r\r\n\n", "a\r\n\r\n")]
    [InlineData("tail\r", "tail")]
    [InlineData("mid\rdle\n", "mid\rdle\r\n")]
    [InlineData("", "")]
    public void Canonicalize_LineEnds_AsSmimeCrlfCopy(string input, string expected)
    {
        Smime.Canonicalize(System.Text.Encoding.ASCII.GetBytes(input)).ShouldBe(System.Text.Encoding.ASCII.GetBytes(expected));
    }

    private static Pkcs7VerifyOptions Options()
    {
        var store = new TrustStore();
        store.AddCertificate(Load("ca"));
        return new Pkcs7VerifyOptions { TrustStore = store };
    }

    private static Certificate Load(string name) => Certificate.Load(File.ReadAllBytes(CmsFiles.Cert(name)));

    private static PrivateKey LoadKey(string name) => KeyDecoder.DecodePrivateKey(File.ReadAllBytes(CmsFiles.Key(name)));

    private static string Save(Pkcs7 message)
    {
        string file = CmsFiles.NewPath("der");
        File.WriteAllBytes(file, message.Encode());
        return file;
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now => now;

        public override DateTimeOffset GetUtcNow() => now;
    }
}
