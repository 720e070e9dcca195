using ManagedTls.OpenSsl.Tests.TestSupport;

namespace ManagedTls.OpenSsl.Tests;

/// <summary>pyOpenSSL's NetscapeSPKITests and the _PKeyInteractionTestsMixin it runs, ported, plus openssl spkac interop.</summary>
public sealed class NetscapeSPKITests
{
    [Fact]
    public void Construction_EmptyB64Encodes()
    {
        var spki = new NetscapeSPKI();

        string blob = spki.B64Encode();

        // What OpenSSL 1.0.2 (pyOpenSSL 16.1's era) encodes for NETSCAPE_SPKI_new(): an empty X509_PUBKEY (undefined,
        // zero-length OID; empty BIT STRING), an empty IA5String challenge, an empty signature algorithm and BIT STRING.
        // OpenSSL 1.1+ refuses to encode a zero-length OID and NETSCAPE_SPKI_b64_encode returns NULL (checked with a
        // small C program against libcrypto 3.0), which is why newer pyOpenSSL tests sign before encoding.

        Convert.FromBase64String(blob).ShouldBe(Convert.FromHexString("3014300B300730020600030100160030020600030100"));
    }

    [Fact]
    public void SignWithUngenerated_Throws() =>
        Should.Throw<ArgumentException>(() => Signable().Sign(new PKey(), "sha256")).Message.ShouldStartWith("Key is uninitialized");

    [Fact]
    public void SignWithPublicKey_Throws()
    {
        NetscapeSPKI spki = Signable();
        PKey pub = spki.GetPubkey();

        Should.Throw<ArgumentException>(() => spki.Sign(pub, "sha256")).Message.ShouldStartWith("Key has only public part");
    }

    [Fact]
    public void SignWithUnknownDigest_Throws() =>
        Should.Throw<ArgumentException>(() => Signable().Sign(TestKeys.Get("rsa"), "monkeys")).Message.ShouldStartWith("No such digest method");

    [Theory]
    [MemberData(nameof(TestKeys.Names), MemberType = typeof(TestKeys))]
    public void Sign_VerifyWithOwnKey_TrueWithAnother_Raises(string name)
    {
        PKey key = TestKeys.Get(name);
        if (key.Type() is KeyType.X25519 or KeyType.X448)
        {
            return;
        }

        var spki = new NetscapeSPKI();
        spki.SetPubkey(key);
        spki.Sign(key, "sha256");

        spki.Verify(spki.GetPubkey()).ShouldBeTrue();
        PKey other = name == "rsa" ? TestKeys.Get("ec") : TestKeys.Get("rsa");
        Should.Throw<CryptoException>(() => spki.Verify(other));
    }

    [Fact]
    public void B64Encode_DecodesBack()
    {
        PKey key = TestKeys.Get("ec");
        NetscapeSPKI spki = Signable();
        spki.SetChallenge("pick me");
        spki.Sign(key, "sha256");

        var copy = new NetscapeSPKI(spki.B64Encode());

        copy.GetChallenge().ShouldBe("pick me");
        copy.GetPubkey().PublicKey.ShouldBe(key.PublicKey);
        copy.Verify(key).ShouldBeTrue();
    }

    [Fact]
    public void ChangedAfterSigning_VerifyRaises()
    {
        NetscapeSPKI spki = Signable();
        spki.Sign(TestKeys.Get("ec"), "sha256");
        spki.SetChallenge("changed");

        Should.Throw<CryptoException>(() => spki.Verify(TestKeys.Get("ec")));
    }

    [Theory]
    [InlineData("not base64")]
    [InlineData("MAA=")]
    public void Construct_Garbage_CryptoException(string enc) => Should.Throw<CryptoException>(() => new NetscapeSPKI(enc));

    [SkippableFact]
    public void OpenSslSpkac_ReadAndVerified_OursVerifiedByOpenSsl()
    {
        PKey key = TestKeys.Get("rsa");
        string keyFile = TempFiles.Write(Crypto.DumpPrivateKey(FileType.Pem, key), ".pem");
        string line = OpenSslPeer.Run("spkac", "-key", keyFile, "-challenge", "theirs").Stdout.Trim();

        var theirs = new NetscapeSPKI(line["SPKAC=".Length..]);
        theirs.Verify(key).ShouldBeTrue();
        theirs.GetChallenge().ShouldBe("theirs");

        var ours = new NetscapeSPKI();
        ours.SetPubkey(key);
        ours.SetChallenge("ours");
        ours.Sign(key, "md5");
        string file = TempFiles.Write(System.Text.Encoding.ASCII.GetBytes("SPKAC=" + ours.B64Encode() + "\n"), ".txt");
        OpenSslPeer.Run("spkac", "-in", file, "-verify", "-noout").Stderr.ShouldBe("Signature OK\n");
    }

    private static NetscapeSPKI Signable()
    {
        var spki = new NetscapeSPKI();
        spki.SetPubkey(TestKeys.Get("ec"));
        return spki;
    }
}
