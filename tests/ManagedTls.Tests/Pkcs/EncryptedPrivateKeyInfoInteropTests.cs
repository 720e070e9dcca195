// Interop with the openssl binary (OpenSSL 3.0). Commands used (PW is the test password; KEY from OpenSslKeys):
//   openssl pkcs8 -topk8 -in KEY -outform DER -passout pass:PW -v2 aes-128-cbc|aes-192-cbc|aes-256-cbc|des3 [-v2prf hmacWithSHA1|hmacWithSHA256|hmacWithSHA384|hmacWithSHA512]
//   openssl pkcs8 -topk8 -in KEY -outform DER -passout pass:PW -v2 des -provider legacy -provider default
//   openssl pkcs8 -topk8 -in KEY -outform DER -passout pass:PW -v1 PBE-MD5-DES -provider legacy -provider default
//   openssl pkcs8 -topk8 -in KEY -outform DER -passout pass:PW -v1 PBE-SHA1-3DES | PBE-SHA1-2DES
//   openssl pkcs8 -topk8 -in KEY -outform DER -passout pass:PW -v1 PBE-SHA1-DES|PBE-SHA1-RC2-40|PBE-SHA1-RC2-128 -provider legacy -provider default
//   openssl pkcs8 -topk8 -in KEY -outform DER -passout pass:PW            (OpenSSL's defaults)
//   openssl pkcs8 -topk8 -in KEY -outform DER -passout pass:PW -v2 aes-256-cbc -iter 1 | -v2 aes-128-cbc -iter 100000
//   openssl pkcs8 -topk8 -in KEY -outform DER -passout pass:PW -scrypt [-scrypt_N 1024 -scrypt_r 4 -scrypt_p 2 -v2 aes-128-cbc]
//   openssl pkey -in KEY -aes256 -passout pass:PW                          (PEM "ENCRYPTED PRIVATE KEY")
//   openssl pkcs8 -inform DER -in OURS.der -passin pass:PW [-provider legacy -provider default]   (PEM "PRIVATE KEY" out;
//       OpenSSL 3.0 writes PKCS#1, not PKCS#8, for an RSA key with -outform DER, so the PEM output is compared)
//   openssl pkey -in OURS.pem -passin pass:PW
//   openssl asn1parse -inform DER -in FILE                                 (shape of ours vs OpenSSL's default)
//   openssl req -x509 -new -key KEY -subj /CN=pbe -days 1 -out CERT
//   openssl pkcs12 -export -in CERT -inkey KEY -passout pass:PW -keypbe aes-256-cbc|aes-128-cbc|des-ede3-cbc|PBE-SHA1-3DES|PBE-SHA1-2DES|PBE-SHA1-RC2-40|PBE-SHA1-RC2-128 -out P12 [-provider legacy -provider default]
//   openssl pkcs12 -in P12 -info -nokeys -nocerts -passin pass:PW [-provider legacy -provider default]   ("Shrouded Keybag: ..." line)
// Each decrypted result is compared with `openssl pkcs8 -topk8 -nocrypt -in KEY -outform DER`.
using ManagedTls.Crypto;
using ManagedTls.Pem;
using ManagedTls.Pkcs;
using ManagedTls.Tests.TestSupport;

namespace ManagedTls.Tests.Pkcs;

public sealed class EncryptedPrivateKeyInfoInteropTests
{
    private const string Password = "s3cret pässwörd";

    public static TheoryData<string> OpenSslPkcs8Arguments => new()
    {
        "-v2 aes-128-cbc",
        "-v2 aes-192-cbc",
        "-v2 aes-256-cbc",
        "-v2 des3",
        "-v2 aes-256-cbc -v2prf hmacWithSHA1",
        "-v2 aes-128-cbc -v2prf hmacWithSHA256",
        "-v2 aes-192-cbc -v2prf hmacWithSHA384",
        "-v2 aes-128-cbc -v2prf hmacWithSHA512",
        "-v2 des3 -v2prf hmacWithSHA1",
        "-v2 des -provider legacy -provider default",
        "-v1 PBE-MD5-DES -provider legacy -provider default",
        "-v1 PBE-SHA1-3DES",
        "-v1 PBE-SHA1-2DES",
        "-v1 PBE-SHA1-DES -provider legacy -provider default",
        "-v1 PBE-SHA1-RC2-40 -provider legacy -provider default",
        "-v1 PBE-SHA1-RC2-128 -provider legacy -provider default",
        "-scrypt",
        "-scrypt -scrypt_N 1024 -scrypt_r 4 -scrypt_p 2 -v2 aes-128-cbc",
        "-v2 aes-256-cbc -iter 1",
        "-v2 aes-128-cbc -iter 100000",
        string.Empty,
    };

    [SkippableTheory]
    [MemberData(nameof(OpenSslPkcs8Arguments))]
    public void Decrypt_OpenSslPkcs8_MatchesNocryptDer(string arguments)
    {
        OpenSslPeer.Require();
        string[] args = ["pkcs8", "-topk8", "-in", OpenSslKeys.KeyPem, "-outform", "DER", "-passout", $"pass:{Password}",
            .. arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries)];
        byte[] encrypted = OpenSslPeer.Run(args).StdoutBytes;

        EncryptedPrivateKeyInfo.Decrypt(encrypted, Password).ShouldBe(OpenSslKeys.Pkcs8Der);
        Should.Throw<PbeException>(() => EncryptedPrivateKeyInfo.Decrypt(encrypted, "not it")).Reason.ShouldBe(PbeError.BadDecrypt);
        Should.Throw<PbeException>(() => EncryptedPrivateKeyInfo.Decrypt(encrypted)).Reason.ShouldBe(PbeError.PasswordRequired);
    }

    [SkippableFact]
    public void Decrypt_OpenSslPkeyAes256Pem_MatchesNocryptDer()
    {
        OpenSslPeer.Require();
        byte[] pem = OpenSslPeer.Run("pkey", "-in", OpenSslKeys.KeyPem, "-aes256", "-passout", $"pass:{Password}").StdoutBytes;
        PemBlock block = PemReader.ReadFirst(pem, "ENCRYPTED PRIVATE KEY");
        EncryptedPrivateKeyInfo.Decrypt(block.Data.Span, Password).ShouldBe(OpenSslKeys.Pkcs8Der);
    }

    public static TheoryData<string> OurSchemes => new()
    {
        "pbes2 aes-128-cbc Sha256", "pbes2 aes-192-cbc Sha1", "pbes2 aes-256-cbc Sha256", "pbes2 aes-256-cbc Sha512",
        "pbes2 des-ede3-cbc Sha384", "pbes2 aes-128-cbc Sha224", "pbes2 des-cbc Sha256", "pbes1 PBE-MD5-DES", "pbes1 PBE-SHA1-3DES",
        "pbes1 PBE-SHA1-2DES", "pbes1 PBE-SHA1-DES", "pbes1 PBE-SHA1-RC2-40", "pbes1 PBE-SHA1-RC2-128",
        "scrypt aes-256-cbc 16384 8 1", "scrypt des-ede3-cbc 1024 2 3",
    };

    [SkippableTheory]
    [MemberData(nameof(OurSchemes))]
    public void Encrypt_Ours_OpenSslPkcs8Decrypts(string scheme)
    {
        OpenSslPeer.Require();
        byte[] der = EncryptedPrivateKeyInfo.Encrypt(OpenSslKeys.Pkcs8Der, Password, EncryptedPrivateKeyInfoTests.Parse(scheme, 2048));
        string path = OpenSslKeys.NewPath("der");
        File.WriteAllBytes(path, der);
        string[] args = ["pkcs8", "-inform", "DER", "-in", path, "-passin", $"pass:{Password}", .. NeedsLegacy(scheme) ? OpenSslKeys.Legacy : []];
        PemReader.ReadFirst(OpenSslPeer.Run(args).StdoutBytes, "PRIVATE KEY").Data.ToArray().ShouldBe(OpenSslKeys.Pkcs8Der);

        ProcessResult wrong = OpenSslPeer.TryRun(null, ["pkcs8", "-inform", "DER", "-in", path, "-passin", "pass:not it", .. NeedsLegacy(scheme) ? OpenSslKeys.Legacy : []]);
        wrong.ExitCode.ShouldNotBe(0);
    }

    [SkippableFact]
    public void Decrypt_BerThatOpenSslAccepts_WeAcceptToo()
    {
        OpenSslPeer.Require();
        byte[] ber = PbeTestData.ToBer(EncryptedPrivateKeyInfo.Encrypt(OpenSslKeys.Pkcs8Der, Password));
        string path = OpenSslKeys.NewPath("der");
        File.WriteAllBytes(path, ber);
        byte[] theirs = OpenSslPeer.Run("pkcs8", "-inform", "DER", "-in", path, "-passin", $"pass:{Password}").StdoutBytes;
        PemReader.ReadFirst(theirs, "PRIVATE KEY").Data.ToArray().ShouldBe(OpenSslKeys.Pkcs8Der);
        EncryptedPrivateKeyInfo.Decrypt(ber, Password).ShouldBe(OpenSslKeys.Pkcs8Der);
    }

    [SkippableFact]
    public void Encrypt_OursDefaultAsPem_OpenSslPkeyDecrypts()
    {
        OpenSslPeer.Require();
        byte[] der = EncryptedPrivateKeyInfo.Encrypt(OpenSslKeys.Pkcs8Der, Password);
        string path = OpenSslKeys.NewPath("pem");
        File.WriteAllBytes(path, PemWriter.Write("ENCRYPTED PRIVATE KEY", der));
        byte[] output = OpenSslPeer.Run("pkey", "-in", path, "-passin", $"pass:{Password}").StdoutBytes;
        PemReader.ReadFirst(output, "PRIVATE KEY").Data.ToArray().ShouldBe(OpenSslKeys.Pkcs8Der);
    }

    [SkippableFact]
    public void Encrypt_OursDefault_OpenSslAsn1ParseShowsSameShapeAsOpenSsl()
    {
        OpenSslPeer.Require();
        byte[] theirs = OpenSslPeer.Run("pkcs8", "-topk8", "-in", OpenSslKeys.KeyPem, "-outform", "DER", "-passout", $"pass:{Password}").StdoutBytes;
        byte[] ours = EncryptedPrivateKeyInfo.Encrypt(OpenSslKeys.Pkcs8Der, Password);
        Shape(ours).ShouldBe(Shape(theirs));
    }

    public static TheoryData<string, string, bool> DescribedSchemes => new()
    {
        { "aes-256-cbc", "-v2 aes-256-cbc", false },
        { "aes-128-cbc", "-v2 aes-128-cbc", false },
        { "des-ede3-cbc", "-v2 des3", false },
        { "PBE-SHA1-3DES", "-v1 PBE-SHA1-3DES", false },
        { "PBE-SHA1-2DES", "-v1 PBE-SHA1-2DES", false },
        { "PBE-SHA1-RC2-40", "-v1 PBE-SHA1-RC2-40", true },
        { "PBE-SHA1-RC2-128", "-v1 PBE-SHA1-RC2-128", true },
    };

    [SkippableTheory]
    [MemberData(nameof(DescribedSchemes))]
    public void DescribeAlgorithm_SameSchemeAsPkcs12Keybag_MatchesOpenSslInfoLine(string keyPbe, string pkcs8Arguments, bool legacy)
    {
        OpenSslPeer.Require();
        string[] provider = legacy ? OpenSslKeys.Legacy : [];
        string cert = OpenSslKeys.NewPath("pem");
        string p12 = OpenSslKeys.NewPath("p12");
        OpenSslPeer.Run("req", "-x509", "-new", "-key", OpenSslKeys.KeyPem, "-subj", "/CN=pbe", "-days", "1", "-out", cert);
        OpenSslPeer.Run(["pkcs12", "-export", "-in", cert, "-inkey", OpenSslKeys.KeyPem, "-passout", $"pass:{Password}", "-keypbe", keyPbe, "-out", p12, .. provider]);
        string info = OpenSslPeer.Run(["pkcs12", "-in", p12, "-info", "-nokeys", "-nocerts", "-passin", $"pass:{Password}", .. provider]).Stderr;
        string expected = info.Split('\n').Single(line => line.StartsWith("Shrouded Keybag: ", StringComparison.Ordinal))["Shrouded Keybag: ".Length..].TrimEnd('\r');

        byte[] encrypted = OpenSslPeer.Run(["pkcs8", "-topk8", "-in", OpenSslKeys.KeyPem, "-outform", "DER", "-passout", $"pass:{Password}",
            .. pkcs8Arguments.Split(' '), .. provider]).StdoutBytes;
        EncryptedPrivateKeyInfo.DescribeAlgorithm(encrypted).ShouldBe(expected);
    }

    private static bool NeedsLegacy(string scheme) =>
        scheme.Contains("des-cbc", StringComparison.Ordinal) || scheme.EndsWith("-DES", StringComparison.Ordinal) || scheme.Contains("RC2", StringComparison.Ordinal);

    /// <summary>openssl asn1parse output without the random values (salt, IV, ciphertext).</summary>
    private static string Shape(byte[] der)
    {
        string path = OpenSslKeys.NewPath("der");
        File.WriteAllBytes(path, der);
        string text = OpenSslPeer.Run("asn1parse", "-inform", "DER", "-in", path).Stdout;
        return string.Join('\n', text.Split('\n').Select(line => line.Contains("[HEX DUMP]", StringComparison.Ordinal) ? line[..line.IndexOf("[HEX DUMP]", StringComparison.Ordinal)] : line));
    }
}
