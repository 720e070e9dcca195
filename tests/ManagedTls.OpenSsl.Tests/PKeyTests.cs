using System.Numerics;
using ManagedTls.Keys;

namespace ManagedTls.OpenSsl.Tests;

/// <summary><c>PKey</c> against pyOpenSSL's <c>test_crypto.py</c> PKey tests: generation, bits, type, check.</summary>
public sealed class PKeyTests
{
    [Fact]
    public void New_Empty_HasTypeNoneAndZeroBits()
    {
        var key = new PKey();

        key.Type().ShouldBe(KeyType.None);
        key.Bits().ShouldBe(0);
        key.PrivateKey.ShouldBeNull();
        key.PublicKey.ShouldBeNull();
    }

    [Theory]
    [InlineData(512)]
    [InlineData(1024)]
    public void GenerateKey_Rsa_HasBitsTypeAndPassesCheck(int bits)
    {
        var key = new PKey();

        key.GenerateKey(KeyType.Rsa, bits);

        key.Type().ShouldBe(KeyType.Rsa);
        key.Bits().ShouldBe(bits);
        key.Check().ShouldBeTrue();
        key.PrivateKey.ShouldBeOfType<RsaPrivateKey>().Exponent.ToArray().ShouldBe(new byte[] { 1, 0, 1 });
    }

    [Theory]
    [InlineData("dsa", KeyType.Dsa, 1024)]
    [InlineData("ec", KeyType.Ec, 256)]
    [InlineData("ec384", KeyType.Ec, 384)]
    [InlineData("ed25519", KeyType.Ed25519, 256)]
    [InlineData("ed448", KeyType.Ed448, 456)]
    public void GeneratedKey_OtherTypes_HaveOpenSslBitsAndNid(string name, KeyType type, int bits)
    {
        PKey key = TestKeys.Get(name);

        key.Type().ShouldBe(type);
        key.Bits().ShouldBe(bits);
        key.PrivateKey.ShouldNotBeNull();
    }

    [Fact]
    public void GenerateKey_Twice_ReplacesTheKey()
    {
        var key = new PKey();
        key.GenerateKey(KeyType.Rsa, 512);
        PublicKey first = key.PublicKey!;

        key.GenerateKey(KeyType.Rsa, 512);

        key.PublicKey.ShouldNotBe(first);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void GenerateKey_RsaNonPositiveBits_ThrowsInvalidNumberOfBits(int bits)
    {
        var e = Should.Throw<ArgumentOutOfRangeException>(() => new PKey().GenerateKey(KeyType.Rsa, bits));

        e.Message.ShouldStartWith("Invalid number of bits");
    }

    [Theory]
    [InlineData(KeyType.Dh)]
    [InlineData(KeyType.Ec)]
    [InlineData(KeyType.None)]
    [InlineData((KeyType)(-1))]
    public void GenerateKey_UnsupportedType_ThrowsNoSuchKeyType(KeyType type)
    {
        var e = Should.Throw<CryptoException>(() => new PKey().GenerateKey(type, 1024));

        e.Errors.ShouldHaveSingleItem().Reason.ShouldBe("No such key type");
    }

    [Fact]
    public void GenerateKey_RsaBelow512_ThrowsKeySizeTooSmall()
    {
        var e = Should.Throw<CryptoException>(() => new PKey().GenerateKey(KeyType.Rsa, 256));

        e.Errors.ShouldHaveSingleItem().ShouldBe(new OpenSslErrorEntry("rsa routines", "rsa_builtin_keygen", "key size too small"));
    }

    [Fact]
    public void GenerateKey_DsaUnsupportedSize_ThrowsCryptoException() =>
        Should.Throw<CryptoException>(() => new PKey().GenerateKey(KeyType.Dsa, 768)).Errors[0].Library.ShouldBe("dsa routines");

    [Fact]
    public void GenerateEcKey_UnknownCurve_ThrowsArgumentException() =>
        Should.Throw<ArgumentException>(() => new PKey().GenerateEcKey("nosuchcurve")).Message.ShouldStartWith("unknown curve name");

    [Theory]
    [InlineData("P-256", 256)]
    [InlineData("secp521r1", 521)]
    [InlineData("1.3.132.0.10", 256)]
    [InlineData("brainpoolP384r1", 384)]
    public void GenerateEcKey_NamesAndOids_GiveThatCurve(string curve, int bits)
    {
        var key = new PKey();

        key.GenerateEcKey(curve);

        key.Type().ShouldBe(KeyType.Ec);
        key.Bits().ShouldBe(bits);
    }

    [Fact]
    public void GenerateKey_EcWithoutCurve_ThrowsArgumentException() =>
        Should.Throw<ArgumentException>(() => new PKey().GenerateKey(KeyType.Ec));

    [Theory]
    [InlineData("dsa")]
    [InlineData("ec")]
    [InlineData("ed25519")]
    public void Check_NonRsa_ThrowsKeyTypeUnsupported(string name) =>
        Should.Throw<NotSupportedException>(() => TestKeys.Get(name).Check()).Message.ShouldBe("key type unsupported");

    [Fact]
    public void Check_Empty_ThrowsKeyTypeUnsupported() =>
        Should.Throw<NotSupportedException>(() => new PKey().Check()).Message.ShouldBe("key type unsupported");

    [Fact]
    public void Check_PublicOnly_ThrowsPublicKeyOnly()
    {
        PKey key = Crypto.LoadPublicKey(FileType.Pem, Crypto.DumpPublicKey(FileType.Pem, TestKeys.Get("rsa")));

        Should.Throw<NotSupportedException>(() => key.Check()).Message.ShouldBe("public key only");
    }

    [Fact]
    public void Check_WrongCrtExponent_ThrowsDmp1NotCongruent()
    {
        var good = (RsaPrivateKey)TestKeys.Get("rsa").PrivateKey!;
        byte[] dp = good.DP.ToArray();
        dp[^1] ^= 2;
        var bad = new RsaPrivateKey(good.PublicKey, good.D.Span, good.P.Span, good.Q.Span, dp, good.DQ.Span, good.QInv.Span);

        var e = Should.Throw<CryptoException>(() => new PKey(bad).Check());

        e.Errors.ShouldBe([new OpenSslErrorEntry("rsa routines", "RSA_check_key_ex", "dmp1 not congruent to d")]);
    }

    [Fact]
    public void Check_CompositePrime_ReportsPNotPrimeAmongOthers()
    {
        var good = (RsaPrivateKey)TestKeys.Get("rsa").PrivateKey!;
        BigInteger p = Big(good.P.Span) * 3;
        BigInteger n = p * Big(good.Q.Span);
        var bad = new RsaPrivateKey(
            new RsaPublicKey(Bytes(n), good.Exponent.Span), good.D.Span, Bytes(p), good.Q.Span, good.DP.Span, good.DQ.Span, good.QInv.Span);

        var e = Should.Throw<CryptoException>(() => new PKey(bad).Check());

        e.Errors.Select(x => x.Reason).ShouldContain("p not prime");
        e.Errors.Select(x => x.Reason).ShouldNotContain("q not prime");
        e.Errors.ShouldAllBe(x => x.Library == "rsa routines");
    }

    [Fact]
    public void Check_RsaPss_ThrowsKeyTypeUnsupported()
    {
        var rsa = (RsaPrivateKey)TestKeys.Get("rsa").PrivateKey!;
        var pss = new PKey(rsa.AsPss(null));

        pss.Type().ShouldBe(KeyType.RsaPss);
        Should.Throw<NotSupportedException>(() => pss.Check()).Message.ShouldBe("key type unsupported");
    }

    private static BigInteger Big(ReadOnlySpan<byte> value) => new(value, isUnsigned: true, isBigEndian: true);

    private static byte[] Bytes(BigInteger value) => value.ToByteArray(isUnsigned: true, isBigEndian: true);
}
