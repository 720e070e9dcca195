// The bytes this layer returns are what the key model (ManagedTls.Keys) reads, and what it writes is what this layer
// encrypts. openssl commands: those of OpenSslKeys (genpkey, pkcs8 -topk8 -nocrypt, rsa -traditional) and
//   openssl pkcs8 -topk8 -in KEY -passout pass:PW                 (PEM ENCRYPTED PRIVATE KEY, OpenSSL defaults)
//   openssl rsa -in KEY -aes256 -traditional -passout pass:PW     (PEM RSA PRIVATE KEY with DEK-Info)
using ManagedTls.Keys;
using ManagedTls.Pem;
using ManagedTls.Pkcs;
using ManagedTls.Tests.TestSupport;

namespace ManagedTls.Tests.Pkcs;

public sealed class KeyLayerIntegrationTests
{
    private const string Password = "layers";

    [Fact]
    public void EncryptedPrivateKeyInfo_KeyEncoderOutput_RoundTripsThroughKeyDecoder()
    {
        PrivateKey key = KeyDecoder.DecodePkcs8(PbeTestData.EcPrivateKeyInfo);
        byte[] encrypted = EncryptedPrivateKeyInfo.Encrypt(KeyEncoder.EncodePkcs8(key), Password);
        PrivateKey back = KeyDecoder.DecodePkcs8(EncryptedPrivateKeyInfo.Decrypt(encrypted, Password));
        KeyEncoder.EncodePkcs8(back).ShouldBe(PbeTestData.EcPrivateKeyInfo);
    }

    [Fact]
    public void PemEncryption_TraditionalEncoderOutput_RoundTripsThroughKeyDecoder()
    {
        PrivateKey key = KeyDecoder.DecodePkcs8(PbeTestData.EcPrivateKeyInfo);
        PemBlock block = PemEncryption.EncryptToBlock(KeyEncoder.TraditionalPemLabel(key), KeyEncoder.EncodeTraditional(key), "AES-256-CBC", Password);
        PemBlock read = PemReader.ReadFirst(block.Encode(), block.Label);
        Should.Throw<KeyFormatException>(() => KeyDecoder.DecodePrivateKey(read)); // the key layer refuses ciphertext
        PrivateKey back = KeyDecoder.DecodePrivateKey(new PemBlock(read.Label, PemEncryption.Decrypt(read, Password)));
        KeyEncoder.EncodeTraditional(back).ShouldBe(PbeTestData.EcPrivateKeySec1);
    }

    [SkippableFact]
    public void OpenSslEncryptedFiles_DecryptedByUs_ParseAsTheSameRsaKey()
    {
        OpenSslPeer.Require();
        byte[] pkcs8Pem = OpenSslPeer.Run("pkcs8", "-topk8", "-in", OpenSslKeys.KeyPem, "-passout", $"pass:{Password}").StdoutBytes;
        byte[] traditionalPem = OpenSslPeer.Run("rsa", "-in", OpenSslKeys.KeyPem, "-aes256", "-traditional", "-passout", $"pass:{Password}").StdoutBytes;

        PrivateKey fromPkcs8 = KeyDecoder.DecodePkcs8(
            EncryptedPrivateKeyInfo.Decrypt(PemReader.ReadFirst(pkcs8Pem, "ENCRYPTED PRIVATE KEY").Data.Span, Password));
        RsaPrivateKey fromTraditional = KeyDecoder.DecodeRsaPrivateKey(
            PemEncryption.Decrypt(PemReader.ReadFirst(traditionalPem, "RSA PRIVATE KEY"), Password));

        KeyEncoder.EncodePkcs8(fromPkcs8).ShouldBe(OpenSslKeys.Pkcs8Der);
        KeyEncoder.EncodeTraditional(fromTraditional).ShouldBe(OpenSslKeys.Pkcs1Der);
    }
}
