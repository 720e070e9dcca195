// The IKeyMath seam: what happens when a public key must be derived and the provider cannot.
// openssl commands used:
//   openssl ec -check -noout    (our SEC1 PEM without the [1] publicKey, on stdin)
using System.Collections.Immutable;
using ManagedTls.Keys;
using ManagedTls.Pem;
using ManagedTls.Tests.TestSupport;

namespace ManagedTls.Tests.Keys;

public class KeySeamTests
{
    private static readonly byte[] s_scalarOne = [.. new byte[31], 1];

    // SEC 2 §2.4.1: the secp256k1 base point G, which is 1·G.
    private static readonly byte[] s_secp256k1G = Convert.FromHexString(
        "0479BE667EF9DCBBAC55A06295CE870B07029BFCDB2DCE28D959F2815B16F81798483ADA7726A3C4655DA4FBFC0E1108A8FD17B448A68554199C47D08FFB10D4B8");

    [Fact]
    public void PublicKey_Secp256k1ScalarOnly_DerivedThroughProvider()
    {
        var key = new EcPrivateKey(EcNamedCurve.Secp256k1, s_scalarOne);

        key.PublicKey.Point.ToArray().ShouldBe(s_secp256k1G);
    }

    [SkippableFact]
    public void EncodeTraditional_Secp256k1ScalarOnly_WritesDerivedPublicKeyAndOpenSslAccepts()
    {
        var key = new EcPrivateKey(EcNamedCurve.Secp256k1, s_scalarOne);

        byte[] der = KeyEncoder.EncodeTraditional(key);

        // SEQUENCE { 1, OCTET STRING d, [0] { OID }, [1] { BIT STRING 04||X||Y } }, as `openssl ec` writes it.
        der.Length.ShouldBe(2 + 3 + 34 + 9 + 2 + 3 + 65);
        der.AsSpan(der.Length - 65).ToArray().ShouldBe(s_secp256k1G);
        OpenSslPeer.RunWithInput(KeyEncoder.EncodeTraditionalPem(key), "ec", "-check", "-noout");
        ((EcPrivateKey)KeyDecoder.DecodePrivateKey(der)).Scalar.ToArray().ShouldBe(s_scalarOne);
    }

    [Fact]
    public void PublicKey_Ed25519SeedOnly_DerivedThroughProvider()
    {
        // RFC 8032 §7.1 TEST 1.
        byte[] seed = Convert.FromHexString("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
        byte[] publicKey = Convert.FromHexString("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");

        new EcxPrivateKey(KeyAlgorithm.Ed25519, seed).PublicKey.Key.ToArray().ShouldBe(publicKey);
    }

    [Fact]
    public void PublicKey_X25519ScalarOnly_DerivedThroughProvider()
    {
        // RFC 7748 §6.1 test vector: Alice's private key and public key.
        byte[] privateKey = Convert.FromHexString("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
        byte[] publicKey = Convert.FromHexString("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a");

        var key = new EcxPrivateKey(KeyAlgorithm.X25519, privateKey);

        key.PublicKey.Key.ToArray().ShouldBe(publicKey);
    }

    [Fact]
    public void DecodePrivateKeyPemBlock_ProcTypeEncrypted_PassphraseRequired()
    {
        var block = new PemBlock(
            PemLabels.RsaPrivateKey,
            new byte[16],
            [new PemHeader(PemHeader.ProcType, PemHeader.ProcTypeEncrypted), new PemHeader(PemHeader.DekInfo, "AES-128-CBC,00000000000000000000000000000000")]);

        Should.Throw<KeyFormatException>(() => KeyDecoder.DecodePrivateKey(block)).Reason.ShouldBe(KeyFormatError.PassphraseRequired);
    }

    [Fact]
    public void DecodePrivateKeyPemBlock_DecryptedTraditionalBlock_DispatchesOnLabel()
    {
        var key = new EcPrivateKey(EcNamedCurve.P256, s_scalarOne);
        var block = new PemBlock(KeyEncoder.TraditionalPemLabel(key), KeyEncoder.EncodeTraditional(key), ImmutableArray<PemHeader>.Empty);

        var decoded = (EcPrivateKey)KeyDecoder.DecodePrivateKey(block);

        decoded.PublicKey.ShouldBe(key.PublicKey);
        KeyEncoder.TraditionalPemLabel(key).ShouldBe("EC PRIVATE KEY");
    }

    [Fact]
    public void DecodePrivateKeyPemBlock_CertificateLabel_NoKeyFound()
    {
        var block = new PemBlock(PemLabels.Certificate, new byte[] { 0x30, 0x00 }, ImmutableArray<PemHeader>.Empty);

        Should.Throw<KeyFormatException>(() => KeyDecoder.DecodePrivateKey(block)).Reason.ShouldBe(KeyFormatError.NoKeyFound);
    }
}
