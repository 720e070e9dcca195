// OpenSSL traditional PEM encryption (Proc-Type: 4,ENCRYPTED / DEK-Info). openssl commands used:
//   openssl rsa -in KEY -traditional -outform DER                                          (the expected PKCS#1 DER)
//   openssl rsa -in KEY -aes128|-aes192|-aes256|-des3 -traditional -passout pass:PW
//   openssl rsa -in KEY -des -traditional -passout pass:PW -provider legacy -provider default
//   openssl rsa -in OURS.pem -passin pass:PW -traditional -outform DER [-provider legacy -provider default]
//   openssl ec -in OURS.pem -passin pass:PW -outform DER
//   openssl ec -in EC.pem -aes128|-aes256|-des3 -passout pass:PW
using System.Text;
using ManagedTls.Pem;
using ManagedTls.Pkcs;
using ManagedTls.Tests.TestSupport;

namespace ManagedTls.Tests.Pkcs;

public sealed class PemEncryptionTests
{
    private const string Password = "pem pässword";

    public static TheoryData<string> Ciphers => new() { "AES-128-CBC", "AES-192-CBC", "AES-256-CBC", "DES-EDE3-CBC", "DES-CBC" };

    [Theory]
    [MemberData(nameof(Ciphers))]
    public void Encrypt_EveryCipher_RoundTrips(string cipher)
    {
        (byte[] body, string dekInfo) = PemEncryption.Encrypt(PbeTestData.EcPrivateKeySec1, cipher, Password);
        dekInfo.ShouldStartWith(cipher + ",");
        dekInfo.Length.ShouldBe(cipher.Length + 1 + (cipher.StartsWith("AES", StringComparison.Ordinal) ? 32 : 16));
        PemEncryption.Decrypt(dekInfo, body, Password).ShouldBe(PbeTestData.EcPrivateKeySec1);
        PemEncryption.Decrypt(dekInfo.ToLowerInvariant(), body, Encoding.UTF8.GetBytes(Password)).ShouldBe(PbeTestData.EcPrivateKeySec1);
    }

    [Theory]
    [MemberData(nameof(Ciphers))]
    public void Decrypt_WrongOrMissingPassword_TypedErrors(string cipher)
    {
        (byte[] body, string dekInfo) = PemEncryption.Encrypt(PbeTestData.EcPrivateKeySec1, cipher, Password);
        for (int i = 0; i < 20; i++)
        {
            Should.Throw<PbeException>(() => PemEncryption.Decrypt(dekInfo, body, $"wrong {i}")).Reason.ShouldBe(PbeError.BadDecrypt);
        }

        Should.Throw<PbeException>(() => PemEncryption.Decrypt(dekInfo, body)).Reason.ShouldBe(PbeError.PasswordRequired);
    }

    [Theory]
    [MemberData(nameof(Ciphers))]
    public void Decrypt_CorruptedOrTruncatedBody_TypedErrors(string cipher)
    {
        (byte[] body, string dekInfo) = PemEncryption.Encrypt(PbeTestData.EcPrivateKeySec1, cipher, Password);
        int block = cipher.StartsWith("AES", StringComparison.Ordinal) ? 16 : 8;

        byte[] padFlip = (byte[])body.Clone();
        padFlip[^(block + 1)] ^= 0x80;
        Should.Throw<PbeException>(() => PemEncryption.Decrypt(dekInfo, padFlip, Password)).Reason.ShouldBe(PbeError.BadDecrypt);

        byte[] headFlip = (byte[])body.Clone();
        headFlip[0] ^= 0x01;
        Should.Throw<PbeException>(() => PemEncryption.Decrypt(dekInfo, headFlip, Password)).Reason.ShouldBe(PbeError.BadDecrypt);

        for (int length = 0; length < body.Length; length++)
        {
            PbeError expected = length > 0 && length % block == 0 ? PbeError.BadDecrypt : PbeError.Malformed;
            Should.Throw<PbeException>(() => PemEncryption.Decrypt(dekInfo, body.AsSpan(0, length), Password)).Reason.ShouldBe(expected, $"length {length}");
        }
    }

    public static TheoryData<string, PbeError> BadDekInfo => new()
    {
        { "AES-128-CBC", PbeError.Malformed },
        { ",00112233445566778899AABBCCDDEEFF", PbeError.Malformed },
        { "AES-128-CBC,0011223344556677889", PbeError.InvalidParameters },
        { "AES-128-CBC,0011223344556677", PbeError.InvalidParameters },
        { "DES-EDE3-CBC,00112233445566778899AABBCCDDEEFF", PbeError.InvalidParameters },
        { "AES-128-CBC,00112233445566778899AABBCCDDEEFG", PbeError.Malformed },
        { "AES-128-CBC, 00112233445566778899AABBCCDDEEFF", PbeError.Malformed },
        { "AES-128-GCM,00112233445566778899AABBCCDDEEFF", PbeError.UnsupportedAlgorithm },
        { "RC2-CBC,0011223344556677", PbeError.UnsupportedAlgorithm },
    };

    [Theory]
    [MemberData(nameof(BadDekInfo))]
    public void Decrypt_BadDekInfo_TypedError(string dekInfo, PbeError expected)
    {
        Should.Throw<PbeException>(() => PemEncryption.Decrypt(dekInfo, new byte[32], Password)).Reason.ShouldBe(expected);
        Should.Throw<PbeException>(() => PemEncryption.Decrypt(dekInfo, new byte[32])).Reason.ShouldBe(expected);
    }

    [Fact]
    public void Encrypt_UnknownCipher_Throws() =>
        Should.Throw<ArgumentException>(() => PemEncryption.Encrypt(PbeTestData.EcPrivateKeySec1, "AES-128-GCM", Password));

    [Fact]
    public void EncryptToBlock_ThroughPemText_DecryptsFromBlock()
    {
        PemBlock block = PemEncryption.EncryptToBlock("EC PRIVATE KEY", PbeTestData.EcPrivateKeySec1, "aes256", Password);
        PemBlock read = PemReader.ReadFirst(block.Encode(), "EC PRIVATE KEY");
        read.IsEncrypted.ShouldBeTrue();
        read.TryGetHeader(PemHeader.DekInfo, out string? dekInfo).ShouldBeTrue();
        dekInfo!.ShouldStartWith("AES-256-CBC,");
        PemEncryption.Decrypt(read, Password).ShouldBe(PbeTestData.EcPrivateKeySec1);
        PemEncryption.Decrypt(PemDekInfo.Parse(dekInfo), read.Data.Span, Password).ShouldBe(PbeTestData.EcPrivateKeySec1);
        PemEncryption.Decrypt(read, Encoding.UTF8.GetBytes(Password)).ShouldBe(PbeTestData.EcPrivateKeySec1);
    }

    [Fact]
    public void Decrypt_BlockWithoutHeaders_Malformed()
    {
        var plain = new PemBlock("EC PRIVATE KEY", PbeTestData.EcPrivateKeySec1);
        Should.Throw<PbeException>(() => PemEncryption.Decrypt(plain, Password)).Reason.ShouldBe(PbeError.Malformed);
        Should.Throw<PbeException>(() => PemEncryption.Decrypt(plain)).Reason.ShouldBe(PbeError.Malformed);
    }

    public static TheoryData<string, bool> OpenSslCipherFlags => new()
    {
        { "-aes128", false }, { "-aes192", false }, { "-aes256", false }, { "-des3", false }, { "-des", true },
    };

    [SkippableTheory]
    [MemberData(nameof(OpenSslCipherFlags))]
    public void Decrypt_OpenSslTraditionalRsa_MatchesPkcs1Der(string flag, bool legacy)
    {
        OpenSslPeer.Require();
        string[] args = ["rsa", "-in", OpenSslKeys.KeyPem, flag, "-traditional", "-passout", $"pass:{Password}", .. legacy ? OpenSslKeys.Legacy : []];
        byte[] pem = OpenSslPeer.Run(args).StdoutBytes;
        PemBlock block = PemReader.ReadFirst(pem, "RSA PRIVATE KEY");
        block.IsEncrypted.ShouldBeTrue($"openssl rsa {flag} wrote an unencrypted key");
        PemEncryption.Decrypt(block, Password).ShouldBe(OpenSslKeys.Pkcs1Der);
        Should.Throw<PbeException>(() => PemEncryption.Decrypt(block, "not it")).Reason.ShouldBe(PbeError.BadDecrypt);
        Should.Throw<PbeException>(() => PemEncryption.Decrypt(block)).Reason.ShouldBe(PbeError.PasswordRequired);
    }

    [SkippableTheory]
    [MemberData(nameof(Ciphers))]
    public void Encrypt_Ours_OpenSslRsaDecrypts(string cipher)
    {
        OpenSslPeer.Require();
        PemBlock block = PemEncryption.EncryptToBlock("RSA PRIVATE KEY", OpenSslKeys.Pkcs1Der, cipher, Password);
        string path = OpenSslKeys.NewPath("pem");
        File.WriteAllBytes(path, block.Encode());
        string[] args = ["rsa", "-in", path, "-passin", $"pass:{Password}", "-traditional", "-outform", "DER", .. cipher == "DES-CBC" ? OpenSslKeys.Legacy : []];
        OpenSslPeer.Run(args).StdoutBytes.ShouldBe(OpenSslKeys.Pkcs1Der);
    }

    [SkippableTheory]
    [InlineData("-aes128")]
    [InlineData("-aes256")]
    [InlineData("-des3")]
    public void Decrypt_OpenSslTraditionalEc_MatchesSec1Der(string flag)
    {
        OpenSslPeer.Require();
        string path = OpenSslKeys.NewPath("pem");
        File.WriteAllBytes(path, PemWriter.Write("EC PRIVATE KEY", PbeTestData.EcPrivateKeySec1));
        byte[] pem = OpenSslPeer.Run("ec", "-in", path, flag, "-passout", $"pass:{Password}").StdoutBytes;
        PemBlock block = PemReader.ReadFirst(pem, "EC PRIVATE KEY");
        PemEncryption.Decrypt(block, Password).ShouldBe(PbeTestData.EcPrivateKeySec1);
    }

    [SkippableFact]
    public void Encrypt_OursEcKey_OpenSslEcDecrypts()
    {
        OpenSslPeer.Require();
        PemBlock block = PemEncryption.EncryptToBlock("EC PRIVATE KEY", PbeTestData.EcPrivateKeySec1, "AES-256-CBC", Password);
        string path = OpenSslKeys.NewPath("pem");
        File.WriteAllBytes(path, block.Encode());
        OpenSslPeer.Run("ec", "-in", path, "-passin", $"pass:{Password}", "-outform", "DER").StdoutBytes.ShouldBe(PbeTestData.EcPrivateKeySec1);
    }
}
