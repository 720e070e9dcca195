using System.Text;
using ManagedTls.Keys;

namespace ManagedTls.OpenSsl.Tests;

/// <summary><c>load_privatekey</c>/<c>dump_privatekey</c>/<c>load_publickey</c>/<c>dump_publickey</c> as pyOpenSSL's test_crypto.py exercises them.</summary>
public sealed class CryptoKeysTests
{
    private static readonly byte[] s_secret = "foobar"u8.ToArray();

    public static TheoryData<string> Keys => TestKeys.Names;

    [Theory]
    [MemberData(nameof(Keys))]
    public void DumpThenLoad_PemAndAsn1_GiveTheSameKey(string name)
    {
        PKey key = TestKeys.Get(name);

        foreach (FileType type in new[] { FileType.Pem, FileType.Asn1 })
        {
            PKey loaded = Crypto.LoadPrivateKey(type, Crypto.DumpPrivateKey(type, key));

            loaded.PublicKey.ShouldBe(key.PublicKey);
            loaded.Type().ShouldBe(key.Type());
            loaded.Bits().ShouldBe(key.Bits());
            Crypto.DumpPrivateKey(type, loaded).ShouldBe(Crypto.DumpPrivateKey(type, key));
        }
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void DumpPrivateKey_Pem_IsPkcs8AsOpenSsl3Writes(string name) =>
        Encoding.ASCII.GetString(Crypto.DumpPrivateKey(FileType.Pem, TestKeys.Get(name))).ShouldStartWith("-----BEGIN PRIVATE KEY-----\n");

    [Theory]
    [InlineData("rsa", "RSA PRIVATE KEY")]
    [InlineData("ec", "EC PRIVATE KEY")]
    [InlineData("dsa", "DSA PRIVATE KEY")]
    [InlineData("ed25519", "PRIVATE KEY")]
    public void DumpPrivateKey_Asn1_IsTheTraditionalDer(string name, string label)
    {
        PKey key = TestKeys.Get(name);

        byte[] der = Crypto.DumpPrivateKey(FileType.Asn1, key);

        der.ShouldBe(KeyEncoder.EncodeTraditional(key.PrivateKey!));
        KeyEncoder.TraditionalPemLabel(key.PrivateKey!).ShouldBe(label);
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void DumpThenLoadPublicKey_PemAndAsn1_ArePublicOnly(string name)
    {
        PKey key = TestKeys.Get(name);

        foreach (FileType type in new[] { FileType.Pem, FileType.Asn1 })
        {
            PKey loaded = Crypto.LoadPublicKey(type, Crypto.DumpPublicKey(type, key));

            loaded.PublicKey.ShouldBe(key.PublicKey);
            loaded.PrivateKey.ShouldBeNull();
            loaded.Type().ShouldBe(key.Type());
            loaded.Bits().ShouldBe(key.Bits());
            Crypto.DumpPublicKey(type, loaded).ShouldBe(Crypto.DumpPublicKey(type, key));
        }
    }

    [Fact]
    public void DumpPrivateKey_PublicOnly_ThrowsKeyHasOnlyPublicPart()
    {
        PKey key = Crypto.LoadPublicKey(FileType.Pem, Crypto.DumpPublicKey(FileType.Pem, TestKeys.Get("rsa")));

        Should.Throw<ArgumentException>(() => Crypto.DumpPrivateKey(FileType.Pem, key)).Message.ShouldStartWith("Key has only public part");
    }

    [Fact]
    public void Dump_Empty_ThrowsKeyIsUninitialized()
    {
        Should.Throw<ArgumentException>(() => Crypto.DumpPrivateKey(FileType.Pem, new PKey())).Message.ShouldStartWith("Key is uninitialized");
        Should.Throw<ArgumentException>(() => Crypto.DumpPublicKey(FileType.Pem, new PKey())).Message.ShouldStartWith("Key is uninitialized");
    }

    [Fact]
    public void LoadPublicKey_Pkcs1RsaPublicKey_NoStartLine()
    {
        var rsa = (RsaPublicKey)TestKeys.Get("rsa").PublicKey!;

        var e = Should.Throw<CryptoException>(() => Crypto.LoadPublicKey(FileType.Pem, KeyEncoder.EncodePkcs1PublicPem(rsa)));

        e.Errors.ShouldBe([new OpenSslErrorEntry("PEM routines", "get_name", "no start line")]);
    }

    [Fact]
    public void LoadPrivateKey_PublicKeyPem_NoStartLine() =>
        Should.Throw<CryptoException>(() => Crypto.LoadPrivateKey(FileType.Pem, Crypto.DumpPublicKey(FileType.Pem, TestKeys.Get("rsa"))))
            .Errors.ShouldBe([new OpenSslErrorEntry("PEM routines", "get_name", "no start line")]);

    [Fact]
    public void LoadPrivateKey_SkipsOtherBlocksBeforeTheKey()
    {
        PKey key = TestKeys.Get("ec");
        byte[] pem = [.. Crypto.DumpPublicKey(FileType.Pem, key), .. "junk\n"u8, .. Crypto.DumpPrivateKey(FileType.Pem, key)];

        Crypto.LoadPrivateKey(FileType.Pem, pem).PublicKey.ShouldBe(key.PublicKey);
    }

    [Theory]
    [InlineData(FileType.Text)]
    [InlineData((FileType)3)]
    public void Load_BadType_ThrowsTypeArgumentMessage(FileType type)
    {
        byte[] pem = Crypto.DumpPrivateKey(FileType.Pem, TestKeys.Get("rsa"));

        Should.Throw<ArgumentException>(() => Crypto.LoadPrivateKey(type, pem)).Message.ShouldStartWith("type argument must be FILETYPE_PEM or FILETYPE_ASN1");
        Should.Throw<ArgumentException>(() => Crypto.LoadPublicKey(type, pem)).Message.ShouldStartWith("type argument must be FILETYPE_PEM or FILETYPE_ASN1");
        Should.Throw<ArgumentException>(() => Crypto.DumpPublicKey(type, TestKeys.Get("rsa"))).Message.ShouldStartWith("type argument must be FILETYPE_PEM or FILETYPE_ASN1");
    }

    [Fact]
    public void DumpPrivateKey_BadType_ThrowsTypeArgumentMessage() =>
        Should.Throw<ArgumentException>(() => Crypto.DumpPrivateKey((FileType)3, TestKeys.Get("rsa")))
            .Message.ShouldStartWith("type argument must be FILETYPE_PEM, FILETYPE_ASN1, or FILETYPE_TEXT");

    [Theory]
    [InlineData("dsa")]
    [InlineData("ec")]
    [InlineData("ed25519")]
    public void DumpPrivateKey_TextNonRsa_ThrowsOnlyRsa(string name) =>
        Should.Throw<ArgumentException>(() => Crypto.DumpPrivateKey(FileType.Text, TestKeys.Get(name)))
            .Message.ShouldStartWith("Only RSA keys are supported for FILETYPE_TEXT");

    // ---- passphrases ----

    [Theory]
    [InlineData("aes-256-cbc")]
    [InlineData("AES-128-CBC")]
    [InlineData("aes192")]
    [InlineData("des3")]
    [InlineData("des-ede3-cbc")]
    public void DumpEncrypted_LoadWithBytes_RoundTrips(string cipher)
    {
        PKey key = TestKeys.Get("rsa");

        byte[] pem = Crypto.DumpPrivateKey(FileType.Pem, key, cipher, s_secret);

        Encoding.ASCII.GetString(pem).ShouldStartWith("-----BEGIN ENCRYPTED PRIVATE KEY-----\n");
        Crypto.LoadPrivateKey(FileType.Pem, pem, s_secret).PublicKey.ShouldBe(key.PublicKey);
    }

    [Fact]
    public void DumpEncrypted_StringPassphrase_IsUtf8()
    {
        PKey key = TestKeys.Get("ec");

        byte[] pem = Crypto.DumpPrivateKey(FileType.Pem, key, "aes256", "pässword");

        Crypto.LoadPrivateKey(FileType.Pem, pem, Encoding.UTF8.GetBytes("pässword")).PublicKey.ShouldBe(key.PublicKey);
    }

    [Fact]
    public void DumpPrivateKey_PassphraseWithoutCipher_WritesUnencryptedAndNeverCalls()
    {
        int calls = 0;

        byte[] pem = Crypto.DumpPrivateKey(FileType.Pem, TestKeys.Get("rsa"), null, writing => { calls++; return s_secret; });

        calls.ShouldBe(0);
        Encoding.ASCII.GetString(pem).ShouldStartWith("-----BEGIN PRIVATE KEY-----");
    }

    [Fact]
    public void DumpPrivateKey_CipherWithoutPassphrase_Throws() =>
        Should.Throw<ArgumentException>(() => Crypto.DumpPrivateKey(FileType.Pem, TestKeys.Get("rsa"), "aes-256-cbc"))
            .Message.ShouldStartWith("if a value is given for cipher one must also be given for passphrase");

    [Theory]
    [InlineData("zippers")]
    [InlineData("aes-256-gcm")]
    [InlineData("")]
    public void DumpPrivateKey_UnknownCipher_ThrowsInvalidCipherName(string cipher) =>
        Should.Throw<ArgumentException>(() => Crypto.DumpPrivateKey(FileType.Pem, TestKeys.Get("rsa"), cipher, s_secret))
            .Message.ShouldStartWith("Invalid cipher name");

    [Theory]
    [InlineData(FileType.Asn1)]
    [InlineData(FileType.Text)]
    public void DumpPrivateKey_PassphraseWithNonPem_ThrowsOnlyPem(FileType type) =>
        Should.Throw<ArgumentException>(() => Crypto.DumpPrivateKey(type, TestKeys.Get("rsa"), "aes-256-cbc", s_secret))
            .Message.ShouldStartWith("only FILETYPE_PEM key format supports encryption");

    [Fact]
    public void LoadPrivateKey_Asn1WithPassphraseForPlainDer_ThrowsOnlyPem()
    {
        // pyOpenSSL test_load_privatekey_passphraseWrongType.
        byte[] der = Crypto.DumpPrivateKey(FileType.Asn1, TestKeys.Get("rsa"));

        Should.Throw<ArgumentException>(() => Crypto.LoadPrivateKey(FileType.Asn1, der, "secret"))
            .Message.ShouldStartWith("only FILETYPE_PEM key format supports encryption");
    }

    [Fact]
    public void LoadPrivateKey_EncryptedPkcs8Der_DecryptsWithPassphrase()
    {
        PKey key = TestKeys.Get("ed25519");
        byte[] der = Pem.PemReader.ReadFirst(Crypto.DumpPrivateKey(FileType.Pem, key, "aes-128-cbc", s_secret), "ENCRYPTED PRIVATE KEY").Data.ToArray();

        Crypto.LoadPrivateKey(FileType.Asn1, der, s_secret).PublicKey.ShouldBe(key.PublicKey);
        Should.Throw<CryptoException>(() => Crypto.LoadPrivateKey(FileType.Asn1, der)).Errors[^1].Reason.ShouldBe("bad password read");
        Should.Throw<CryptoException>(() => Crypto.LoadPrivateKey(FileType.Asn1, der, "wrong")).Errors[0].Reason.ShouldBe("bad decrypt");
    }

    [Fact]
    public void LoadPrivateKey_Callback_CalledOnceWithWritingFalse()
    {
        byte[] pem = Crypto.DumpPrivateKey(FileType.Pem, TestKeys.Get("rsa"), "aes-256-cbc", s_secret);
        var calls = new List<bool>();

        PKey key = Crypto.LoadPrivateKey(FileType.Pem, pem, writing => { calls.Add(writing); return s_secret; });

        key.PublicKey.ShouldBe(TestKeys.Get("rsa").PublicKey);
        calls.ShouldBe([false]);
    }

    [Fact]
    public void DumpPrivateKey_Callback_CalledOnceWithWritingTrue()
    {
        var calls = new List<bool>();

        byte[] pem = Crypto.DumpPrivateKey(FileType.Pem, TestKeys.Get("rsa"), "aes-256-cbc", writing => { calls.Add(writing); return s_secret; });

        calls.ShouldBe([true]);
        Crypto.LoadPrivateKey(FileType.Pem, pem, s_secret).PublicKey.ShouldBe(TestKeys.Get("rsa").PublicKey);
    }

    [Fact]
    public void LoadPrivateKey_UnencryptedWithCallback_NeverCalls()
    {
        int calls = 0;

        Crypto.LoadPrivateKey(FileType.Pem, Crypto.DumpPrivateKey(FileType.Pem, TestKeys.Get("rsa")), _ => { calls++; return s_secret; });

        calls.ShouldBe(0);
    }

    private sealed class CallbackFailure : Exception;

    [Fact]
    public void Callback_Exception_PropagatesUnchanged()
    {
        byte[] pem = Crypto.DumpPrivateKey(FileType.Pem, TestKeys.Get("rsa"), "aes-256-cbc", s_secret);
        var thrown = new CallbackFailure();

        Should.Throw<CallbackFailure>(() => Crypto.LoadPrivateKey(FileType.Pem, pem, _ => throw thrown)).ShouldBeSameAs(thrown);
        Should.Throw<CallbackFailure>(() => Crypto.DumpPrivateKey(FileType.Pem, TestKeys.Get("rsa"), "aes-256-cbc", _ => throw thrown)).ShouldBeSameAs(thrown);
    }

    [Fact]
    public void Callback_TooLong_Throws()
    {
        byte[] pem = Crypto.DumpPrivateKey(FileType.Pem, TestKeys.Get("rsa"), "aes-256-cbc", s_secret);
        byte[] tooLong = new byte[1025];

        Should.Throw<ArgumentException>(() => Crypto.LoadPrivateKey(FileType.Pem, pem, _ => tooLong)).Message.ShouldBe("passphrase returned by callback is too long");
        Should.Throw<ArgumentException>(() => Crypto.DumpPrivateKey(FileType.Pem, TestKeys.Get("rsa"), "aes-256-cbc", _ => tooLong)).Message.ShouldBe("passphrase returned by callback is too long");
    }

    [Fact]
    public void Callback_1024Bytes_IsAccepted()
    {
        byte[] longest = Enumerable.Repeat((byte)'x', 1024).ToArray();

        byte[] pem = Crypto.DumpPrivateKey(FileType.Pem, TestKeys.Get("ec"), "aes-256-cbc", _ => longest);

        Crypto.LoadPrivateKey(FileType.Pem, pem, longest).PublicKey.ShouldBe(TestKeys.Get("ec").PublicKey);
    }

    [Fact]
    public void Callback_ReturnsNull_ThrowsBytesExpected()
    {
        byte[] pem = Crypto.DumpPrivateKey(FileType.Pem, TestKeys.Get("rsa"), "aes-256-cbc", s_secret);

        Should.Throw<ArgumentException>(() => Crypto.LoadPrivateKey(FileType.Pem, pem, _ => null!)).Message.ShouldBe("Bytes expected");
    }

    public static TheoryData<string> EncryptedForms => ["pkcs8", "traditional"];

    [Theory]
    [MemberData(nameof(EncryptedForms))]
    public void LoadPrivateKey_MissingWrongAndCorrupted_AreDistinctErrors(string form)
    {
        byte[] pem = Encrypted(form, TestKeys.Get("rsa"));

        var missing = Should.Throw<CryptoException>(() => Crypto.LoadPrivateKey(FileType.Pem, pem));
        var wrong = Should.Throw<CryptoException>(() => Crypto.LoadPrivateKey(FileType.Pem, pem, "quack"));
        var corrupted = Should.Throw<CryptoException>(() => Crypto.LoadPrivateKey(FileType.Pem, Corrupt(pem), s_secret));

        missing.Errors.ShouldContain(new OpenSslErrorEntry("PEM routines", "PEM_def_callback", "problems getting password"));
        missing.Errors[^1].Reason.ShouldBe("bad password read");
        wrong.Errors[0].ShouldBe(new OpenSslErrorEntry("digital envelope routines", "EVP_DecryptFinal_ex", "bad decrypt"));
        corrupted.Errors[0].Reason.ShouldBe("bad base64 decode");
    }

    [Fact]
    public void LoadPrivateKey_TraditionalWrongPassphrase_HasPemDoHeaderEntry() =>
        Should.Throw<CryptoException>(() => Crypto.LoadPrivateKey(FileType.Pem, Encrypted("traditional", TestKeys.Get("rsa")), "quack"))
            .Errors.ShouldBe([
                new OpenSslErrorEntry("digital envelope routines", "EVP_DecryptFinal_ex", "bad decrypt"),
                new OpenSslErrorEntry("PEM routines", "PEM_do_header", "bad decrypt"),
            ]);

    [Theory]
    [InlineData("")]
    [InlineData("not a key at all")]
    public void LoadPrivateKey_NoPem_NoStartLine(string text) =>
        Should.Throw<CryptoException>(() => Crypto.LoadPrivateKey(FileType.Pem, Encoding.ASCII.GetBytes(text)))
            .Errors.ShouldBe([new OpenSslErrorEntry("PEM routines", "get_name", "no start line")]);

    [Fact]
    public void Load_DerGivenAsPem_NoStartLine()
    {
        PKey key = TestKeys.Get("rsa");

        Should.Throw<CryptoException>(() => Crypto.LoadPrivateKey(FileType.Pem, Crypto.DumpPrivateKey(FileType.Asn1, key)))
            .Errors.ShouldBe([new OpenSslErrorEntry("PEM routines", "get_name", "no start line")]);
        Should.Throw<CryptoException>(() => Crypto.LoadPublicKey(FileType.Pem, Crypto.DumpPublicKey(FileType.Asn1, key)))
            .Errors.ShouldBe([new OpenSslErrorEntry("PEM routines", "get_name", "no start line")]);
    }

    [Fact]
    public void Load_PemGivenAsAsn1_ThrowsCryptoException()
    {
        PKey key = TestKeys.Get("rsa");

        Should.Throw<CryptoException>(() => Crypto.LoadPrivateKey(FileType.Asn1, Crypto.DumpPrivateKey(FileType.Pem, key)));
        Should.Throw<CryptoException>(() => Crypto.LoadPublicKey(FileType.Asn1, Crypto.DumpPublicKey(FileType.Pem, key)));
    }

    [Fact]
    public void LoadPrivateKey_NullPassphraseString_IsNoPassphrase()
    {
        string? none = null;

        Crypto.LoadPrivateKey(FileType.Asn1, Crypto.DumpPrivateKey(FileType.Asn1, TestKeys.Get("ec")), none).Type().ShouldBe(KeyType.Ec);
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0x30 })]
    [InlineData(new byte[] { 0x30, 0x03, 0x02, 0x01 })]
    [InlineData(new byte[] { 0x04, 0x00 })]
    [InlineData(new byte[] { 0x30, 0x03, 0x04, 0x01, 0x00 })]
    public void LoadPrivateKey_BadDer_ThrowsAsn1Entries(byte[] der)
    {
        var e = Should.Throw<CryptoException>(() => Crypto.LoadPrivateKey(FileType.Asn1, der));

        e.Errors[^1].ShouldBe(new OpenSslErrorEntry("asn1 encoding routines", "d2i_PrivateKey_bio", "ASN1 lib"));
        e.InnerException.ShouldBeOfType<KeyFormatException>();
    }

    [Fact]
    public void LoadPrivateKey_TruncatedDer_EveryProperPrefixFails()
    {
        byte[] der = Crypto.DumpPrivateKey(FileType.Asn1, TestKeys.Get("ec"));

        for (int length = 0; length < der.Length; length++)
        {
            Should.Throw<CryptoException>(() => Crypto.LoadPrivateKey(FileType.Asn1, der[..length]));
        }
    }

    [Fact]
    public void LoadPublicKey_PemOfPrivateKey_NoStartLine() =>
        Should.Throw<CryptoException>(() => Crypto.LoadPublicKey(FileType.Pem, Crypto.DumpPrivateKey(FileType.Pem, TestKeys.Get("rsa"))))
            .Errors[0].Reason.ShouldBe("no start line");

    [Fact]
    public void LoadPublicKey_DerOfPrivateKey_ThrowsCryptoException() =>
        Should.Throw<CryptoException>(() => Crypto.LoadPublicKey(FileType.Asn1, Crypto.DumpPrivateKey(FileType.Asn1, TestKeys.Get("rsa"))))
            .Errors[^1].Function.ShouldBe("d2i_PUBKEY_bio");

    internal static byte[] Encrypted(string form, PKey key) => form == "pkcs8"
        ? Crypto.DumpPrivateKey(FileType.Pem, key, "aes-256-cbc", s_secret)
        : Pkcs.PemEncryption.EncryptToBlock(
            KeyEncoder.TraditionalPemLabel(key.PrivateKey!), KeyEncoder.EncodeTraditional(key.PrivateKey!), "AES-256-CBC", "foobar").Encode();

    /// <summary>Replaces one base64 character in the middle of the body by a character outside the alphabet.</summary>
    private static byte[] Corrupt(byte[] pem)
    {
        byte[] copy = [.. pem];
        int index = Array.LastIndexOf(copy, (byte)'\n', copy.Length - 40) - 10;
        copy[index] = (byte)'*';
        return copy;
    }
}
