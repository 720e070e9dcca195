// openssl commands used: openssl pkey -check -noout ; openssl pkey -pubout -outform DER   (our PKCS#8 PEM on stdin)
using ManagedTls.Keys;
using ManagedTls.Tests.TestSupport;

namespace ManagedTls.Tests.Keys;

public class KeyGeneratorMontgomeryTests
{
    [SkippableTheory]
    [InlineData(KeyAlgorithm.X25519, 32)]
    [InlineData(KeyAlgorithm.X448, 56)]
    public void GenerateMontgomery_Key_OpenSslChecksItAndDerivesTheSamePublicKey(KeyAlgorithm algorithm, int size)
    {
        EcxPrivateKey key = KeyGenerator.GenerateMontgomery(algorithm);
        byte[] pem = KeyEncoder.EncodePkcs8Pem(key);

        key.Algorithm.ShouldBe(algorithm);
        key.PublicKey.Key.Length.ShouldBe(size);
        OpenSslPeer.RunWithInput(pem, "pkey", "-check", "-noout");
        byte[] openSslSpki = OpenSslPeer.RunWithInput(pem, "pkey", "-pubout", "-outform", "DER").StdoutBytes;
        openSslSpki.ShouldBe(KeyEncoder.EncodeSubjectPublicKeyInfo(key.PublicKey));
    }

    [Fact]
    public void GenerateMontgomery_TwoCalls_DifferentKeys() =>
        KeyGenerator.GenerateMontgomery(KeyAlgorithm.X25519).PublicKey.ShouldNotBe(KeyGenerator.GenerateMontgomery(KeyAlgorithm.X25519).PublicKey);

    [Fact]
    public void GenerateMontgomery_EdwardsAlgorithm_Throws() =>
        Should.Throw<ArgumentOutOfRangeException>(() => KeyGenerator.GenerateMontgomery(KeyAlgorithm.Ed25519));
}
