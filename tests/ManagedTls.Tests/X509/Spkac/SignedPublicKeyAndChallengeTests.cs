using ManagedTls.Crypto;
using ManagedTls.Keys;
using ManagedTls.Tests.Pkcs.Pkcs12;
using ManagedTls.Tests.TestSupport;
using ManagedTls.X509;
using ManagedTls.X509.Spkac;

namespace ManagedTls.Tests.X509.Spkac;

/// <summary>SPKAC both ways with <c>openssl spkac</c> (commands in vectors/README.md, "PKCS#12 and SPKAC").</summary>
public sealed class SignedPublicKeyAndChallengeTests
{
    [SkippableTheory]
    [InlineData("root.key", "md5", "hello")]
    [InlineData("root.key", "sha256", "a challenge with spaces")]
    [InlineData("leaf.key", "sha256", "ec")]
    [InlineData("leaf.key", "sha384", "")]
    public void OpenSslSpkac_VerifiesAndPrintsIdentically(string keyFile, string digest, string challenge)
    {
        Pkcs12Pki pki = Pkcs12Pki.Instance;
        string file = pki.P($"spkac-{Guid.NewGuid():N}.txt");
        OpenSslPeer.Run("spkac", "-key", pki.P(keyFile), "-challenge", challenge, "-digest", digest, "-out", file);
        string line = File.ReadAllText(file).Trim();

        SignedPublicKeyAndChallenge spkac = SignedPublicKeyAndChallenge.FromBase64(line["SPKAC=".Length..]);

        spkac.Challenge.ShouldBe(challenge);
        spkac.VerifySignature(spkac.GetPublicKey()).ShouldBeTrue();
        spkac.GetPublicKey().ShouldBe(KeyDecoder.DecodePrivateKey(pki.Bytes(keyFile)).PublicKey);
        spkac.ToBase64().ShouldBe(line["SPKAC=".Length..]);
        spkac.ToText().ShouldBe(OpenSslPeer.Run("spkac", "-in", file).Stdout);
    }

    [SkippableTheory]
    [InlineData("root.key", HashAlgorithmId.Md5)]
    [InlineData("root.key", HashAlgorithmId.Sha256)]
    [InlineData("leaf.key", HashAlgorithmId.Sha256)]
    [InlineData("leaf.key", HashAlgorithmId.Sha512)]
    public void Ours_OpenSslVerifiesSignatureOk(string keyFile, HashAlgorithmId digest)
    {
        Pkcs12Pki pki = Pkcs12Pki.Instance;
        PrivateKey key = KeyDecoder.DecodePrivateKey(pki.Bytes(keyFile));
        SignedPublicKeyAndChallenge spkac = SignedPublicKeyAndChallenge.Create(key, "from mtls", digest);
        string file = pki.Write(System.Text.Encoding.ASCII.GetBytes("SPKAC=" + spkac.ToBase64() + "\n"), ".txt");

        ProcessResult run = OpenSslPeer.Run("spkac", "-in", file, "-verify");

        run.Stderr.ShouldBe("Signature OK\n");
        run.Stdout.ShouldBe(spkac.ToText());
    }

    [Fact]
    public void Verify_OtherKeyOrFlippedSignature_False()
    {
        PrivateKey key = KeyGenerator.GenerateEc(EcNamedCurve.P256);
        PrivateKey other = KeyGenerator.GenerateEc(EcNamedCurve.P256);
        SignedPublicKeyAndChallenge spkac = SignedPublicKeyAndChallenge.Create(key, "c", HashAlgorithmId.Sha256);
        byte[] raw = spkac.RawData.ToArray();
        raw[^3] ^= 1;

        spkac.VerifySignature(key.PublicKey).ShouldBeTrue();
        spkac.VerifySignature(other.PublicKey).ShouldBeFalse();
        SignedPublicKeyAndChallenge.Decode(raw).VerifySignature(key.PublicKey).ShouldBeFalse();
    }

    [Fact]
    public void Ed25519_SignsAndVerifies()
    {
        PrivateKey key = KeyGenerator.GenerateEdwards(KeyAlgorithm.Ed25519);
        SignedPublicKeyAndChallenge spkac = SignedPublicKeyAndChallenge.Create(key, "ed");

        spkac.VerifySignature(key.PublicKey).ShouldBeTrue();
        SignedPublicKeyAndChallenge.FromBase64(spkac.ToBase64()).RawData.ToArray().ShouldBe(spkac.RawData.ToArray());
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("")]
    [InlineData("MAA=")]
    [InlineData("MIIBCgKCAQEA")]
    public void FromBase64_Garbage_X509FormatException(string text) =>
        Should.Throw<X509FormatException>(() => SignedPublicKeyAndChallenge.FromBase64(text)).Reason.ShouldBe(X509FormatError.MalformedDer);

    [Fact]
    public void Decode_EveryProperPrefix_Malformed()
    {
        byte[] der = SignedPublicKeyAndChallenge.Create(KeyGenerator.GenerateEc(EcNamedCurve.P256), "prefix", HashAlgorithmId.Sha256).RawData.ToArray();
        for (int length = 0; length < der.Length; length++)
        {
            Should.Throw<X509FormatException>(() => SignedPublicKeyAndChallenge.Decode(der.AsSpan(0, length)));
        }
    }
}
