// Keys: see SignatureKeyFixture.cs for the openssl commands.
using ManagedTls.Asn1;
using ManagedTls.Crypto;
using ManagedTls.Keys;
using ManagedTls.Signatures;
using ManagedTls.Tests.Crypto;
using ManagedTls.Tests.TestSupport;

namespace ManagedTls.Tests.Signatures;

/// <summary>Signatures both ways between ManagedTls and the openssl binary, for every algorithm and a spread of digests.</summary>
public class SignatureOpenSslInteropTests(SignatureKeyFixture keys) : IClassFixture<SignatureKeyFixture>
{
    private static readonly string[] s_pss = ["-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_pss_saltlen:digest"];

    /// <summary>(key, openssl digest name or "" for EdDSA, PSS?).</summary>
    public static TheoryData<string, string, bool> Cases() => new()
    {
        { "rsa", "md5", false }, { "rsa", "sha1", false }, { "rsa", "sha224", false }, { "rsa", "sha256", false },
        { "rsa", "sha384", false }, { "rsa", "sha512", false }, { "rsa", "sha3-256", false }, { "rsa", "sha512-256", false },
        { "rsa", "sha256", true }, { "rsa", "sha384", true }, { "rsa", "sha512", true },
        { "rsapss", "sha256", false }, // an RSA-PSS key: PSS with the key's parameters, no -sigopt needed
        { "p256", "sha1", false }, { "p256", "sha256", false }, { "p256", "sha384", false }, { "p256", "sha512", false }, { "p256", "sha3-256", false },
        { "p384", "sha256", false }, { "p384", "sha384", false }, { "p384", "sha512", false },
        { "p521", "sha1", false }, { "p521", "sha256", false }, { "p521", "sha512", false },
        { "secp256k1", "sha256", false }, { "secp256k1", "sha1", false }, { "brainpoolP384r1", "sha384", false },
        { "dsa", "sha1", false }, { "dsa", "sha224", false }, { "dsa", "sha256", false },
        { "ed25519", "", false }, { "ed448", "", false },
    };

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public void Verify_OpenSslSignature_Accepted(string key, string digest, bool pss)
    {
        string signatureFile = keys.NewFile("openssl-sig");
        if (digest.Length == 0)
        {
            OpenSslPeer.Run("pkeyutl", "-sign", "-rawin", "-inkey", keys.PrivatePem(key), "-in", keys.Data, "-out", signatureFile);
        }
        else
        {
            OpenSslPeer.Run(["dgst", "-" + digest, "-sign", keys.PrivatePem(key), .. pss ? s_pss : [], "-out", signatureFile, keys.Data]);
        }

        byte[] data = File.ReadAllBytes(keys.Data);
        byte[] signature = File.ReadAllBytes(signatureFile);
        PublicKey publicKey = keys.PublicKey(key);
        Verifier.Verify(publicKey, data, signature, Digest(digest), Padding(pss)).ShouldBeTrue();
        data[0] ^= 1;
        Verifier.Verify(publicKey, data, signature, Digest(digest), Padding(pss)).ShouldBeFalse();
    }

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public void Sign_OpenSslVerifies(string key, string digest, bool pss)
    {
        byte[] signature = Signer.Sign(keys.PrivateKey(key), File.ReadAllBytes(keys.Data), Digest(digest), Padding(pss));
        string signatureFile = keys.NewFile("our-sig");
        File.WriteAllBytes(signatureFile, signature);
        ProcessResult result = digest.Length == 0
            ? OpenSslPeer.TryRun(null, "pkeyutl", "-verify", "-rawin", "-pubin", "-inkey", keys.PublicPem(key), "-in", keys.Data, "-sigfile", signatureFile)
            : OpenSslPeer.TryRun(null, ["dgst", "-" + digest, "-verify", keys.PublicPem(key), .. pss ? s_pss : [], "-signature", signatureFile, keys.Data]);
        result.ExitCode.ShouldBe(0, $"openssl rejected our signature: {result.Stdout} {result.Stderr}");
    }

    /// <summary>(key, digest, PSS?) for certificates: openssl req -x509 signs, we parse and verify, and ForKey encodes the same AlgorithmIdentifier.</summary>
    public static TheoryData<string, string, bool> CertificateCases() => new()
    {
        { "rsa", "sha256", false }, { "rsa", "sha1", false }, { "rsa", "sha512", true }, { "rsa", "sha256", true },
        { "rsapss", "sha256", false }, { "p256", "sha256", false }, { "p384", "sha384", false }, { "p521", "sha512", false },
        { "secp256k1", "sha256", false }, { "dsa", "sha256", false }, { "ed25519", "", false }, { "ed448", "", false },
    };

    [SkippableTheory]
    [MemberData(nameof(CertificateCases))]
    public void Verify_OpenSslCertificate_SameAlgorithmIdentifierAndValid(string key, string digest, bool pss)
    {
        string certificateFile = keys.NewFile("cert");
        OpenSslPeer.Run(["req", "-x509", "-new", "-key", keys.PrivatePem(key), "-subj", "/CN=signature interop", "-days", "1",
            .. digest.Length == 0 ? Array.Empty<string>() : ["-" + digest], .. pss ? s_pss : [], "-outform", "DER", "-out", certificateFile]);
        byte[] certificate = File.ReadAllBytes(certificateFile);
        (byte[] tbs, SignatureAlgorithm inner, SignatureAlgorithm outer, byte[] signature) = ParseCertificate(certificate);

        inner.ShouldBe(outer); // RFC 5280 §4.1.1.2
        PublicKey publicKey = keys.PublicKey(key);
        SignatureAlgorithm expected = SignatureAlgorithm.ForKey(publicKey, Digest(digest), Padding(pss));
        Convert.ToHexStringLower(outer.Encoded.Span).ShouldBe(Convert.ToHexStringLower(expected.Encoded.Span));
        Verifier.Verify(publicKey, outer, tbs, signature).ShouldBeTrue();
        tbs[^1] ^= 1;
        Verifier.Verify(publicKey, outer, tbs, signature).ShouldBeFalse();

        string text = OpenSslPeer.Run("x509", "-inform", "DER", "-in", certificateFile, "-noout", "-text").Stdout;
        text.ShouldContain($"Signature Algorithm: {outer.Name}");
    }

    [SkippableTheory]
    [MemberData(nameof(CertificateCases))]
    public void Sign_CertificateWithForKeyAlgorithm_OpenSslVerifies(string key, string digest, bool pss)
    {
        // Re-sign an openssl certificate's TBSCertificate with our Signer and the algorithm ForKey picks, then let
        // openssl verify the self-signed result.
        string certificateFile = keys.NewFile("cert");
        OpenSslPeer.Run(["req", "-x509", "-new", "-key", keys.PrivatePem(key), "-subj", "/CN=resigned", "-days", "1",
            .. digest.Length == 0 ? Array.Empty<string>() : ["-" + digest], .. pss ? s_pss : [], "-outform", "DER", "-out", certificateFile]);
        (byte[] tbs, _, SignatureAlgorithm outer, _) = ParseCertificate(File.ReadAllBytes(certificateFile));
        PrivateKey privateKey = keys.PrivateKey(key);
        SignatureAlgorithm algorithm = SignatureAlgorithm.ForKey(keys.PublicKey(key), Digest(digest), Padding(pss)); // Ed25519/Ed448 PKCS#8 from openssl omits the public key
        algorithm.ShouldBe(outer);
        byte[] signature = Signer.Sign(privateKey, algorithm, tbs);

        using var writer = new DerWriter();
        using (writer.PushSequence())
        {
            writer.WriteEncodedValue(tbs);
            algorithm.Encode(writer);
            writer.WriteBitString(signature);
        }

        string ours = keys.NewFile("ours.pem");
        File.WriteAllBytes(ours, ManagedTls.Pem.PemWriter.Write("CERTIFICATE", writer.ToArray()));
        ProcessResult result = OpenSslPeer.TryRun(null, "verify", "-CAfile", ours, "-check_ss_sig", ours);
        result.ExitCode.ShouldBe(0, $"openssl verify: {result.Stdout} {result.Stderr}");
    }

    [SkippableFact]
    public void SignVerify_DsaP1363AndPrehashed_AgreeWithDer()
    {
        var key = (DsaPrivateKey)keys.PrivateKey("dsa");
        byte[] data = File.ReadAllBytes(keys.Data);
        byte[] fixedWidth = Signer.Sign(key, data, HashAlgorithmId.Sha256, format: SignatureFormat.IeeeP1363);
        fixedWidth.Length.ShouldBe(64);
        Verifier.Verify(key.PublicKey, data, fixedWidth, HashAlgorithmId.Sha256, format: SignatureFormat.IeeeP1363).ShouldBeTrue();

        byte[] der = EcdsaSignature.DecodeP1363(fixedWidth, key.Parameters).EncodeDer();
        der.ShouldBe(Signer.Sign(key, data, HashAlgorithmId.Sha256)); // RFC 6979: the same (r, s) either way
        EcdsaSignature.DecodeDer(der, key.Parameters).ToP1363(32).ShouldBe(fixedWidth);
        byte[] digest = HashTests.OneShot(HashAlgorithmId.Sha256, data);
        Verifier.VerifyHash(key.PublicKey, SignatureAlgorithm.Dsa(HashAlgorithmId.Sha256), digest, der).ShouldBeTrue();
        Signer.SignHash(key, SignatureAlgorithm.Dsa(HashAlgorithmId.Sha256), digest).ShouldBe(der);
    }

    private static (byte[] Tbs, SignatureAlgorithm Inner, SignatureAlgorithm Outer, byte[] Signature) ParseCertificate(byte[] der)
    {
        var reader = new DerReader(der);
        DerReader certificate = reader.ReadSequence();
        reader.ExpectEmpty();
        byte[] tbs = certificate.ReadEncodedValue().ToArray();
        SignatureAlgorithm outer = SignatureAlgorithm.Decode(ref certificate);
        byte[] signature = certificate.ReadBitString(out int unusedBits).ToArray();
        unusedBits.ShouldBe(0);
        certificate.ExpectEmpty();

        var tbsReader = new DerReader(tbs);
        DerReader fields = tbsReader.ReadSequence();
        fields.TryReadExplicit(0, out _); // version
        fields.ReadIntegerBytes();        // serialNumber
        SignatureAlgorithm inner = SignatureAlgorithm.Decode(ref fields);
        return (tbs, inner, outer, signature);
    }

    private static HashAlgorithmId? Digest(string name) => name.Length == 0 ? null : DigestNames.Parse(name);

    private static RsaSignaturePadding? Padding(bool pss) => pss ? RsaSignaturePadding.PssDigestLengthSalt : null;
}
