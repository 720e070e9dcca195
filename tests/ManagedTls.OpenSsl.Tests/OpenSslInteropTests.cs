using System.Text;
using ManagedTls.OpenSsl.Tests.TestSupport;

namespace ManagedTls.OpenSsl.Tests;

/// <summary>Keys and signatures exchanged with the openssl binary (OpenSSL 3), in both directions.</summary>
public sealed class OpenSslInteropTests
{
    private const string Secret = "interop-secret";
    private static readonly byte[] s_data = "The quick brown fox jumps over the lazy dog"u8.ToArray();

    public static TheoryData<string, string> KeysAndCiphers()
    {
        var data = new TheoryData<string, string>();
        foreach (string key in TestKeys.Names)
        {
            data.Add(key, "aes-256-cbc");
        }

        data.Add("rsa", "aes-128-cbc");
        data.Add("rsa", "des3");
        data.Add("ec", "aes192");
        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(KeysAndCiphers))]
    public void DumpEncrypted_OpenSslDecryptsWithPassin(string name, string cipher)
    {
        PKey key = TestKeys.Get(name);
        string path = TempFiles.Write(Crypto.DumpPrivateKey(FileType.Pem, key, cipher, Secret), ".pem");

        ProcessResult result = OpenSslPeer.Run("pkey", "-in", path, "-passin", "pass:" + Secret, "-pubout", "-outform", "DER");

        result.StdoutBytes.ShouldBe(Crypto.DumpPublicKey(FileType.Asn1, key));
    }

    [SkippableTheory]
    [MemberData(nameof(KeysAndCiphers))]
    public void DumpEncrypted_OpenSslRejectsWrongPassin(string name, string cipher)
    {
        string path = TempFiles.Write(Crypto.DumpPrivateKey(FileType.Pem, TestKeys.Get(name), cipher, Secret), ".pem");

        OpenSslPeer.TryRun(null, "pkey", "-in", path, "-passin", "pass:wrong", "-noout").ExitCode.ShouldNotBe(0);
    }

    [SkippableTheory]
    [MemberData(nameof(Plain))]
    public void DumpPlain_PemAndDer_OpenSslReadsTheSameKey(string name)
    {
        PKey key = TestKeys.Get(name);
        foreach ((FileType type, string form) in new[] { (FileType.Pem, "PEM"), (FileType.Asn1, "DER") })
        {
            string path = TempFiles.Write(Crypto.DumpPrivateKey(type, key));

            ProcessResult result = OpenSslPeer.Run("pkey", "-inform", form, "-in", path, "-pubout", "-outform", "DER");

            result.StdoutBytes.ShouldBe(Crypto.DumpPublicKey(FileType.Asn1, key));
        }
    }

    public static TheoryData<string> Plain => TestKeys.Names;

    public static TheoryData<string, string> OpenSslKeys => new()
    {
        { "RSA", "rsa_keygen_bits:1024" },
        { "RSA-PSS", "rsa_keygen_bits:1024" },
        { "EC", "ec_paramgen_curve:P-384" },
        { "ED25519", "" },
        { "ED448", "" },
        { "X25519", "" },
        { "X448", "" },
    };

    [SkippableTheory]
    [MemberData(nameof(OpenSslKeys))]
    public void OpenSslGenerated_EncryptedPkcs8AndTraditional_Load(string algorithm, string option)
    {
        var genArgs = new List<string> { "genpkey", "-algorithm", algorithm };
        if (option.Length > 0)
        {
            genArgs.AddRange(["-pkeyopt", option]);
        }

        string plainPath = TempFiles.Write(OpenSslPeer.Run([.. genArgs]).StdoutBytes, ".pem");
        byte[] expectedPublic = OpenSslPeer.Run("pkey", "-in", plainPath, "-pubout", "-outform", "DER").StdoutBytes;
        var forms = new List<byte[]>
        {
            OpenSslPeer.Run("pkey", "-in", plainPath, "-aes-256-cbc", "-passout", "pass:" + Secret).StdoutBytes,
            OpenSslPeer.Run("pkcs8", "-topk8", "-in", plainPath, "-v2", "des3", "-passout", "pass:" + Secret).StdoutBytes,
            OpenSslPeer.Run("pkcs8", "-topk8", "-in", plainPath, "-v1", "PBE-SHA1-3DES", "-passout", "pass:" + Secret).StdoutBytes,
        };
        if (algorithm is "RSA" or "EC")
        {
            forms.Add(OpenSslPeer.Run("pkey", "-in", plainPath, "-traditional", "-aes128", "-passout", "pass:" + Secret).StdoutBytes);
            forms.Add(OpenSslPeer.Run("pkey", "-in", plainPath, "-traditional", "-des3", "-passout", "pass:" + Secret).StdoutBytes);
        }

        foreach (byte[] pem in forms)
        {
            PKey key = Crypto.LoadPrivateKey(FileType.Pem, pem, Secret);

            Crypto.DumpPublicKey(FileType.Asn1, key).ShouldBe(expectedPublic, Encoding.ASCII.GetString(pem).Split('\n')[0]);
            Should.Throw<CryptoException>(() => Crypto.LoadPrivateKey(FileType.Pem, pem, "wrong")).Errors[0].Reason.ShouldBe("bad decrypt");
        }

        byte[] der = OpenSslPeer.Run("pkey", "-in", plainPath, "-outform", "DER").StdoutBytes;
        Crypto.DumpPublicKey(FileType.Asn1, Crypto.LoadPrivateKey(FileType.Asn1, der)).ShouldBe(expectedPublic);
        Crypto.DumpPrivateKey(FileType.Asn1, Crypto.LoadPrivateKey(FileType.Asn1, der)).ShouldBe(der);
        Crypto.DumpPrivateKey(FileType.Pem, Crypto.LoadPrivateKey(FileType.Pem, File.ReadAllBytes(plainPath))).ShouldBe(File.ReadAllBytes(plainPath));
        Crypto.LoadPublicKey(FileType.Asn1, expectedPublic).Bits().ShouldBe(Crypto.LoadPrivateKey(FileType.Asn1, der).Bits());
    }

    [SkippableFact]
    public void OpenSslEncrypted_Types_MatchNids()
    {
        string path = TempFiles.Write(OpenSslPeer.Run("genpkey", "-algorithm", "X25519").StdoutBytes, ".pem");

        Crypto.LoadPrivateKey(FileType.Pem, File.ReadAllBytes(path)).Type().ShouldBe(KeyType.X25519);
    }

    public static TheoryData<string, string> SignCases()
    {
        var data = new TheoryData<string, string>();
        foreach (string key in TestKeys.DigestSigners)
        {
            data.Add(key, "sha256");
            data.Add(key, "sha1");
        }

        data.Add("rsa", "sha512");
        data.Add("ec384", "sha384");
        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(SignCases))]
    public void Sign_OpenSslDgstVerifies(string name, string digest)
    {
        PKey key = TestKeys.Get(name);
        string pub = TempFiles.Write(Crypto.DumpPublicKey(FileType.Pem, key), ".pem");
        string sig = TempFiles.Write(Crypto.Sign(key, s_data, digest));

        ProcessResult result = OpenSslPeer.RunWithInput(s_data, "dgst", "-" + digest, "-verify", pub, "-signature", sig);

        result.Stdout.ShouldContain("Verified OK");
    }

    [SkippableTheory]
    [MemberData(nameof(SignCases))]
    public void OpenSslDgstSignature_Verifies(string name, string digest)
    {
        PKey key = TestKeys.Get(name);
        string priv = TempFiles.Write(Crypto.DumpPrivateKey(FileType.Pem, key), ".pem");

        byte[] signature = OpenSslPeer.RunWithInput(s_data, "dgst", "-" + digest, "-sign", priv).StdoutBytes;

        Crypto.Verify(key, signature, s_data, digest);
        Should.Throw<CryptoException>(() => Crypto.Verify(key, signature, [.. s_data, (byte)'!'], digest));
    }
}

/// <summary>
/// <c>dump_privatekey(FILETYPE_TEXT, ...)</c> against <c>openssl rsa -text -noout</c>: the same layout, except that
/// <c>RSA_print</c> (what pyOpenSSL calls) heads it "RSA Private-Key:" where the command prints "Private-Key:".
/// </summary>
public sealed class TextDumpInteropTests
{
    [SkippableFact]
    public void DumpPrivateKey_TextRsa_EqualsOpenSslRsaText()
    {
        PKey key = TestKeys.Get("rsa");
        string path = TempFiles.Write(Crypto.DumpPrivateKey(FileType.Pem, key), ".pem");

        ProcessResult result = OpenSslPeer.Run("rsa", "-in", path, "-text", "-noout");

        Encoding.ASCII.GetString(Crypto.DumpPrivateKey(FileType.Text, key)).ShouldBe("RSA " + result.Stdout);
    }

    [Fact]
    public void DumpPrivateKey_TextRsa_StartsWithRsaPrintHeader() =>
        Encoding.ASCII.GetString(Crypto.DumpPrivateKey(FileType.Text, TestKeys.Get("rsa"))).ShouldStartWith("RSA Private-Key: (1024 bit, 2 primes)\nmodulus:\n");
}

/// <summary>Keys in the shapes OpenSSL's own commands write them, beyond genpkey's PKCS#8.</summary>
public sealed class OpenSslKeyShapesTests
{
    [SkippableFact]
    public void EcparamGenkey_ParametersBlockFirst_LoadsTheKey()
    {
        byte[] pem = OpenSslPeer.Run("ecparam", "-name", "secp384r1", "-genkey").StdoutBytes;
        Encoding.ASCII.GetString(pem).ShouldStartWith("-----BEGIN EC PARAMETERS-----");

        PKey key = Crypto.LoadPrivateKey(FileType.Pem, pem);

        key.Type().ShouldBe(KeyType.Ec);
        key.Bits().ShouldBe(384);
    }

    [SkippableFact]
    public void OpenSslDsa_TraditionalAndPkcs8_LoadSignAndVerify()
    {
        string parameters = TempFiles.Write(OpenSslPeer.Run("genpkey", "-genparam", "-algorithm", "DSA", "-pkeyopt", "dsa_paramgen_bits:1024").StdoutBytes, ".pem");
        string pkcs8 = TempFiles.Write(OpenSslPeer.Run("genpkey", "-paramfile", parameters).StdoutBytes, ".pem");
        byte[] traditional = OpenSslPeer.Run("pkey", "-in", pkcs8, "-traditional").StdoutBytes;
        Encoding.ASCII.GetString(traditional).ShouldStartWith("-----BEGIN DSA PRIVATE KEY-----");

        PKey a = Crypto.LoadPrivateKey(FileType.Pem, File.ReadAllBytes(pkcs8));
        PKey b = Crypto.LoadPrivateKey(FileType.Pem, traditional);

        a.PublicKey.ShouldBe(b.PublicKey);
        a.Type().ShouldBe(KeyType.Dsa);
        Crypto.Verify(b, Crypto.Sign(a, "data"u8.ToArray(), "sha256"), "data"u8.ToArray(), "sha256");
        Crypto.DumpPrivateKey(FileType.Pem, b).ShouldBe(File.ReadAllBytes(pkcs8));
    }
}

/// <summary>RSA-PSS keys (NID 912) sign and verify with PSS, as <c>EVP_SignFinal</c> does for them.</summary>
public sealed class RsaPssInteropTests
{
    private static readonly byte[] s_data = "pss"u8.ToArray();

    [SkippableFact]
    public void RsaPssKey_SignAndVerify_BothDirectionsWithOpenSsl()
    {
        byte[] pem = OpenSslPeer.Run("genpkey", "-algorithm", "RSA-PSS", "-pkeyopt", "rsa_keygen_bits:1024").StdoutBytes;
        string priv = TempFiles.Write(pem, ".pem");
        PKey key = Crypto.LoadPrivateKey(FileType.Pem, pem);
        string pub = TempFiles.Write(Crypto.DumpPublicKey(FileType.Pem, key), ".pem");
        key.Type().ShouldBe(KeyType.RsaPss);

        string ours = TempFiles.Write(Crypto.Sign(key, s_data, "sha256"));
        OpenSslPeer.RunWithInput(s_data, "dgst", "-sha256", "-verify", pub, "-signature", ours).Stdout.ShouldContain("Verified OK");

        byte[] theirs = OpenSslPeer.RunWithInput(s_data, "dgst", "-sha256", "-sign", priv).StdoutBytes;
        Crypto.Verify(key, theirs, s_data, "sha256");
        Should.Throw<CryptoException>(() => Crypto.Verify(key, theirs, "other"u8.ToArray(), "sha256"));
    }
}
