namespace ManagedTls.OpenSsl.Tests;

/// <summary><c>sign</c>/<c>verify</c> as pyOpenSSL's test_crypto.py exercises them (verify takes the key until X509 lands).</summary>
public sealed class CryptoSignaturesTests
{
    private static readonly byte[] s_data = "It was a bright cold day in April, and the clocks were striking thirteen."u8.ToArray();

    public static TheoryData<string, string> KeysAndDigests()
    {
        var data = new TheoryData<string, string>();
        foreach (string key in TestKeys.DigestSigners)
        {
            foreach (string digest in new[] { "sha1", "sha256", "SHA384", "sha512", "sha224", "sha3-256" })
            {
                data.Add(key, digest);
            }
        }

        data.Add("rsa", "md5");
        return data;
    }

    [Theory]
    [MemberData(nameof(KeysAndDigests))]
    public void Sign_ThenVerify_Succeeds(string name, string digest)
    {
        PKey key = TestKeys.Get(name);

        byte[] signature = Crypto.Sign(key, s_data, digest);

        Crypto.Verify(key, signature, s_data, digest);
        Crypto.Verify(Crypto.LoadPublicKey(FileType.Pem, Crypto.DumpPublicKey(FileType.Pem, key)), signature, s_data, digest);
    }

    [Theory]
    [MemberData(nameof(KeysAndDigests))]
    public void Verify_OtherDataOrDigest_ThrowsCryptoException(string name, string digest)
    {
        PKey key = TestKeys.Get(name);
        byte[] signature = Crypto.Sign(key, s_data, digest);

        Should.Throw<CryptoException>(() => Crypto.Verify(key, signature, [.. s_data, 0], digest)).Errors[0].Reason.ShouldBe("bad signature");
        string other = digest == "sha1" ? "sha256" : "sha1";
        Should.Throw<CryptoException>(() => Crypto.Verify(key, signature, s_data, other));
    }

    [Fact]
    public void Verify_BadRsaSignature_HasRsaRoutinesEntry()
    {
        PKey key = TestKeys.Get("rsa");
        byte[] signature = Crypto.Sign(key, s_data, "sha256");
        signature[5] ^= 1;

        Should.Throw<CryptoException>(() => Crypto.Verify(key, signature, s_data, "sha256"))
            .Errors.ShouldBe([new OpenSslErrorEntry("rsa routines", "int_rsa_verify", "bad signature")]);
    }

    [Fact]
    public void Sign_Rsa_IsDeterministicPkcs1v15()
    {
        PKey key = TestKeys.Get("rsa");

        Crypto.Sign(key, s_data, "sha256").ShouldBe(Crypto.Sign(key, s_data, "SHA256"));
        Crypto.Sign(key, s_data, "sha256").Length.ShouldBe(128);
    }

    [Theory]
    [InlineData("monkeys")]
    [InlineData("")]
    [InlineData("md4")]
    [InlineData("ripemd160")]
    public void SignAndVerify_UnknownDigest_ThrowNoSuchDigestMethod(string digest)
    {
        PKey key = TestKeys.Get("rsa");

        Should.Throw<ArgumentException>(() => Crypto.Sign(key, s_data, digest)).Message.ShouldStartWith("No such digest method");
        Should.Throw<ArgumentException>(() => Crypto.Verify(key, new byte[128], s_data, digest)).Message.ShouldStartWith("No such digest method");
    }

    [Theory]
    [InlineData("ed25519")]
    [InlineData("ed448")]
    public void SignAndVerify_EdDsa_ThrowOperationNotSupported(string name)
    {
        PKey key = TestKeys.Get(name);

        Should.Throw<CryptoException>(() => Crypto.Sign(key, s_data, "sha256")).Errors[0].Reason.ShouldBe("operation not supported for this keytype");
        Should.Throw<CryptoException>(() => Crypto.Verify(key, new byte[64], s_data, "sha256")).Errors[0].Reason.ShouldBe("operation not supported for this keytype");
    }

    [Fact]
    public void Sign_PublicOnly_ThrowsKeyHasOnlyPublicPart()
    {
        PKey key = Crypto.LoadPublicKey(FileType.Asn1, Crypto.DumpPublicKey(FileType.Asn1, TestKeys.Get("ec")));

        Should.Throw<ArgumentException>(() => Crypto.Sign(key, s_data, "sha256")).Message.ShouldStartWith("Key has only public part");
    }

    [Fact]
    public void SignAndVerify_Empty_ThrowKeyIsUninitialized()
    {
        Should.Throw<ArgumentException>(() => Crypto.Sign(new PKey(), s_data, "sha256")).Message.ShouldStartWith("Key is uninitialized");
        Should.Throw<ArgumentException>(() => Crypto.Verify(new PKey(), new byte[8], s_data, "sha256")).Message.ShouldStartWith("Key is uninitialized");
    }

    [Fact]
    public void Sign_DigestTooBigForKey_ThrowsCryptoException()
    {
        var key = new PKey();
        key.GenerateKey(KeyType.Rsa, 512);

        Should.Throw<CryptoException>(() => Crypto.Sign(key, s_data, "sha512"))
            .Errors.ShouldBe([new OpenSslErrorEntry("rsa routines", "RSA_sign", "digest too big for rsa key")]);
        Crypto.Verify(key, Crypto.Sign(key, s_data, "sha256"), s_data, "sha256"); // 51 + 11 bytes fit in 64
    }

    [Fact]
    public void Verify_GarbageEcdsaSignature_ThrowsCryptoException() =>
        Should.Throw<CryptoException>(() => Crypto.Verify(TestKeys.Get("ec"), [0x30, 0x00], s_data, "sha256"));
}
