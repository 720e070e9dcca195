using System.Text;
using ManagedTls.Keys;
using ManagedTls.Tls;
using ManagedTls.Tls.Handshake;

namespace ManagedTls.Tests.Tls.Handshake.Common;

public sealed class TlsSignaturesTests
{
    private const string Sha256 = "2.16.840.1.101.3.4.2.1";
    private const string Sha384 = "2.16.840.1.101.3.4.2.2";

    private static readonly Lazy<RsaPrivateKey> s_rsa = new(() => KeyGenerator.GenerateRsa(2048));
    private static readonly Lazy<RsaPrivateKey> s_rsa1024 = new(() => KeyGenerator.GenerateRsa(1024));
    private static readonly Lazy<PrivateKey> s_p256 = new(() => KeyGenerator.GenerateEc(EcNamedCurve.P256));
    private static readonly Lazy<PrivateKey> s_p384 = new(() => KeyGenerator.GenerateEc(EcNamedCurve.P384));
    private static readonly Lazy<PrivateKey> s_ed25519 = new(() => KeyGenerator.GenerateEdwards(KeyAlgorithm.Ed25519));
    private static readonly Lazy<PrivateKey> s_ed448 = new(() => KeyGenerator.GenerateEdwards(KeyAlgorithm.Ed448));

    public static PrivateKey Key(string name) => name switch
    {
        "rsa" => s_rsa.Value,
        "rsa1024" => s_rsa1024.Value,
        "rsapss" => s_rsa.Value.AsPss(null),
        "rsapss-sha256" => s_rsa.Value.AsPss(RsaPssParameters.Create(Sha256, Sha256, 32)),
        "rsapss-sha384-salt64" => s_rsa.Value.AsPss(RsaPssParameters.Create(Sha384, Sha384, 64)),
        "p256" => s_p256.Value,
        "p384" => s_p384.Value,
        "ed25519" => s_ed25519.Value,
        "ed448" => s_ed448.Value,
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [InlineData(TlsSignatureScheme.RsaPkcs1Sha256, "rsa", true, false)]
    [InlineData(TlsSignatureScheme.RsaPkcs1Sha256, "rsapss", false, false)]
    [InlineData(TlsSignatureScheme.RsaPssRsaeSha256, "rsa", true, true)]
    [InlineData(TlsSignatureScheme.RsaPssRsaeSha512, "rsa", true, true)]
    [InlineData(TlsSignatureScheme.RsaPssRsaeSha512, "rsa1024", false, false)] // 2·64 + 2 > 127 bytes
    [InlineData(TlsSignatureScheme.RsaPssRsaeSha384, "rsa1024", true, true)]
    [InlineData(TlsSignatureScheme.RsaPssRsaeSha256, "rsapss", false, false)]
    [InlineData(TlsSignatureScheme.RsaPssPssSha256, "rsapss", true, true)]
    [InlineData(TlsSignatureScheme.RsaPssPssSha256, "rsa", false, false)]
    [InlineData(TlsSignatureScheme.RsaPssPssSha256, "rsapss-sha256", true, true)]
    [InlineData(TlsSignatureScheme.RsaPssPssSha384, "rsapss-sha256", false, false)]
    [InlineData(TlsSignatureScheme.RsaPssPssSha384, "rsapss-sha384-salt64", false, false)] // minimum salt above hLen
    [InlineData(TlsSignatureScheme.EcdsaSecp256r1Sha256, "p256", true, true)]
    [InlineData(TlsSignatureScheme.EcdsaSecp256r1Sha256, "p384", true, false)] // 1.2 binds the hash only
    [InlineData(TlsSignatureScheme.EcdsaSecp384r1Sha384, "p384", true, true)]
    [InlineData(TlsSignatureScheme.EcdsaSecp384r1Sha384, "rsa", false, false)]
    [InlineData(TlsSignatureScheme.EcdsaSha1, "p256", true, false)]
    [InlineData(TlsSignatureScheme.Ed25519, "ed25519", true, true)]
    [InlineData(TlsSignatureScheme.Ed25519, "ed448", false, false)]
    [InlineData(TlsSignatureScheme.Ed448, "ed448", true, true)]
    [InlineData(TlsSignatureScheme.DsaSha1, "rsa", false, false)]
    [InlineData((TlsSignatureScheme)0x0fff, "rsa", false, false)]
    public void IsUsable_KeyAndVersion_MatchesRfc8446Rules(TlsSignatureScheme scheme, string key, bool tls12, bool tls13)
    {
        PublicKey publicKey = Key(key).PublicKey;

        TlsSignatures.IsUsable(scheme, publicKey, TlsProtocolVersion.Tls12).ShouldBe(tls12);
        TlsSignatures.IsUsable(scheme, publicKey, TlsProtocolVersion.Tls13).ShouldBe(tls13);
    }

    [Theory]
    [InlineData(TlsSignatureScheme.RsaPkcs1Sha256, "rsa")]
    [InlineData(TlsSignatureScheme.RsaPkcs1Sha512, "rsa")]
    [InlineData(TlsSignatureScheme.RsaPssRsaeSha256, "rsa")]
    [InlineData(TlsSignatureScheme.RsaPssRsaeSha384, "rsa")]
    [InlineData(TlsSignatureScheme.RsaPssRsaeSha512, "rsa")]
    [InlineData(TlsSignatureScheme.RsaPssPssSha256, "rsapss")]
    [InlineData(TlsSignatureScheme.RsaPssPssSha256, "rsapss-sha256")]
    [InlineData(TlsSignatureScheme.EcdsaSecp256r1Sha256, "p256")]
    [InlineData(TlsSignatureScheme.EcdsaSecp384r1Sha384, "p384")]
    [InlineData(TlsSignatureScheme.EcdsaSecp256r1Sha256, "p384")]
    [InlineData(TlsSignatureScheme.Ed25519, "ed25519")]
    [InlineData(TlsSignatureScheme.Ed448, "ed448")]
    public void SignThenVerify_EveryScheme_RoundTripsAndRejectsTampering(TlsSignatureScheme scheme, string key)
    {
        PrivateKey privateKey = Key(key);
        byte[] data = Encoding.ASCII.GetBytes("TLS 1.3, server CertificateVerify\0 transcript hash stand-in");

        byte[] signature = TlsSignatures.Sign(scheme, privateKey, data);

        TlsSignatures.Verify(scheme, privateKey.PublicKey, data, signature).ShouldBeTrue();
        data[0] ^= 1;
        TlsSignatures.Verify(scheme, privateKey.PublicKey, data, signature).ShouldBeFalse();
    }

    [Fact]
    public void Sign_Ecdsa_IsDerEcdsaSigValue()
    {
        byte[] signature = TlsSignatures.Sign(TlsSignatureScheme.EcdsaSecp256r1Sha256, Key("p256"), [1, 2, 3]);

        signature[0].ShouldBe((byte)0x30); // SEQUENCE { r INTEGER, s INTEGER } (RFC 8422 §5.4)
        signature[1].ShouldBe((byte)(signature.Length - 2));
        signature[2].ShouldBe((byte)0x02);
    }

    [Theory]
    [InlineData(TlsSignatureScheme.RsaPssRsaeSha256, TlsSignatureScheme.RsaPkcs1Sha256)] // same hash, other padding
    [InlineData(TlsSignatureScheme.RsaPssRsaeSha256, TlsSignatureScheme.RsaPssRsaeSha384)]
    [InlineData(TlsSignatureScheme.RsaPkcs1Sha256, TlsSignatureScheme.EcdsaSecp256r1Sha256)] // wrong key type
    public void Verify_SchemeOtherThanSigned_IsFalse(TlsSignatureScheme signedWith, TlsSignatureScheme claimed)
    {
        byte[] data = [9, 8, 7];
        byte[] signature = TlsSignatures.Sign(signedWith, Key("rsa"), data);

        TlsSignatures.Verify(claimed, Key("rsa").PublicKey, data, signature).ShouldBeFalse();
    }

    [Fact]
    public void Sign_SchemeThatDoesNotFitKey_ThrowsInternalError()
    {
        TlsException e = Should.Throw<TlsException>(() => TlsSignatures.Sign(TlsSignatureScheme.Ed25519, Key("p256"), [1]));

        e.Alert.ShouldBe(TlsAlertDescription.InternalError);
    }

    // Peer order by default (OpenSSL tls1_set_shared_sigalgs without SSL_OP_SERVER_PREFERENCE); ours with preferOurs.
    [Theory]
    [InlineData("rsa", "0401 0804", "0804 0401", false, TlsProtocolVersion.Tls12, "0401")]
    [InlineData("rsa", "0401 0804", "0804 0401", true, TlsProtocolVersion.Tls12, "0804")]
    [InlineData("rsa", "0401 0804", "0804 0401", false, TlsProtocolVersion.Tls13, "0804")] // no PKCS#1 in 1.3
    [InlineData("p384", "0403 0503", "0403 0503", false, TlsProtocolVersion.Tls12, "0403")]
    [InlineData("p384", "0403 0503", "0403 0503", false, TlsProtocolVersion.Tls13, "0503")]
    [InlineData("p256", "0807 0804", "0403 0807 0804", false, TlsProtocolVersion.Tls12, null)]
    [InlineData("ed25519", "0403 0807", "0807", false, TlsProtocolVersion.Tls13, "0807")]
    [InlineData("rsa", "0806", "0804 0805", false, TlsProtocolVersion.Tls12, null)] // not in ours
    public void Choose_IntersectionInPreferenceOrder(string key, string peer, string ours, bool preferOurs, TlsProtocolVersion version, string? expected)
    {
        TlsSignatureScheme? chosen = TlsSignatures.Choose(Parse(peer), Parse(ours), Key(key), version, preferOurs);

        chosen.ShouldBe(expected is null ? null : Parse(expected)[0]);
    }

    [Fact]
    public void Default_HasNoSha1OrDsa_AndEveryEntryHasAHashOrIsEdDsa()
    {
        TlsSignatures.Default.ShouldNotContain(TlsSignatureScheme.RsaPkcs1Sha1);
        TlsSignatures.Default.ShouldNotContain(TlsSignatureScheme.EcdsaSha1);
        TlsSignatures.Default.ShouldNotContain(TlsSignatureScheme.DsaSha1);
        foreach (TlsSignatureScheme scheme in TlsSignatures.Default)
        {
            (TlsSignatures.HashOf(scheme) is not null || scheme is TlsSignatureScheme.Ed25519 or TlsSignatureScheme.Ed448).ShouldBeTrue(scheme.ToString());
        }
    }

    private static TlsSignatureScheme[] Parse(string hex) =>
        hex.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(h => (TlsSignatureScheme)Convert.ToUInt16(h, 16)).ToArray();
}
