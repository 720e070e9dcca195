// Known answers for the KDFs in src/ManagedTls/Pkcs. Values not taken from an RFC were produced with these openssl
// commands (OpenSSL 3.0.19) and are also re-derived live by the [SkippableFact]s below:
//   openssl kdf -keylen 24 -kdfopt digest:SHA1 -kdfopt hexpass:0073006D006500670000 -kdfopt hexsalt:0A58CF64530D823F -kdfopt iter:1 -kdfopt id:1 PKCS12KDF
//   openssl kdf -keylen 8 -kdfopt digest:SHA1 -kdfopt hexpass:0073006D006500670000 -kdfopt hexsalt:0A58CF64530D823F -kdfopt iter:1 -kdfopt id:2 PKCS12KDF
//   openssl kdf -keylen 20 -kdfopt digest:SHA1 -kdfopt hexpass:007100750065006500670000 -kdfopt hexsalt:3D83C0E4546AC140 -kdfopt iter:1000 -kdfopt id:3 PKCS12KDF
//   openssl kdf -keylen 24 -kdfopt digest:SHA1 -kdfopt hexpass:007100750065006500670000 -kdfopt hexsalt:05DEC959ACFF72F7 -kdfopt iter:1000 -kdfopt id:1 PKCS12KDF
//   openssl kdf -keylen 32 -kdfopt digest:SHA256 -kdfopt hexpass:007100750065006500670000 -kdfopt hexsalt:05DEC959ACFF72F7 -kdfopt iter:2048 -kdfopt id:1 PKCS12KDF
//   openssl kdf -keylen 80 -kdfopt digest:SHA512 -kdfopt hexpass:0070006100730073000000 -kdfopt hexsalt:0102030405060708090A0B0C0D0E0F10 -kdfopt iter:3 -kdfopt id:2 PKCS12KDF
//   openssl kdf -keylen 24 -kdfopt digest:SHA1 -kdfopt hexpass:0000 -kdfopt hexsalt:0A58CF64530D823F -kdfopt iter:1 -kdfopt id:1 PKCS12KDF
//   openssl kdf -keylen 64 -kdfopt digest:SHA1 -kdfopt hexpass:D83DDE0000650000 -kdfopt hexsalt:01 -kdfopt iter:5 -kdfopt id:1 PKCS12KDF
//   openssl enc -aes-256-cbc -P -pass pass:x -S 0102030405060708 -md md5            (EVP_BytesToKey, key || iv)
//   openssl kdf -keylen 100 -kdfopt digest:SHA224|SHA256|SHA384|SHA512 -kdfopt pass:password -kdfopt salt:NaCl -kdfopt iter:1000 PBKDF2
//   openssl kdf -keylen 77 -kdfopt digest:SHA1|SHA256|SHA384 -kdfopt hexpass:<random BMP> -kdfopt hexsalt:<random> -kdfopt iter:17 -kdfopt id:3 PKCS12KDF
using System.Numerics;
using System.Text;
using ManagedTls.Crypto;
using ManagedTls.Pkcs;
using ManagedTls.Tests.TestSupport;

namespace ManagedTls.Tests.Pkcs;

public sealed class KdfTests
{
    private static readonly ICryptoProvider s_provider = CryptoProviders.Default;

    // RFC 6070 §2 (PBKDF2-HMAC-SHA1). The 16,777,216-iteration case is left out for time; 4096 covers iteration.
    public static TheoryData<string, string, int, string> Rfc6070 => new()
    {
        { "password", "salt", 1, "0c60c80f961f0e71f3a9b524af6012062fe037a6" },
        { "password", "salt", 2, "ea6c014dc72d6f8ccd1ed92ace1d41f0d8de8957" },
        { "password", "salt", 4096, "4b007901b765489abead49d926f721d065a429c1" },
        { "passwordPASSWORDpassword", "saltSALTsaltSALTsaltSALTsaltSALTsalt", 4096, "3d2eec4fe41c849b80c8d83662c0e44a8b291a964cf2f07038" },
        { "pass\0word", "sa\0lt", 4096, "56fa6aa75548099dcc37d7f03425e0c3" },
    };

    [Theory]
    [MemberData(nameof(Rfc6070))]
    public void Pbkdf2_Rfc6070HmacSha1_MatchesKnownAnswer(string password, string salt, int iterations, string expected)
    {
        byte[] dk = new byte[expected.Length / 2];
        Pbkdf2.DeriveKey(s_provider, HashAlgorithmId.Sha1, Encoding.ASCII.GetBytes(password), Encoding.ASCII.GetBytes(salt), iterations, dk);
        Convert.ToHexStringLower(dk).ShouldBe(expected);
    }

    [SkippableTheory]
    [InlineData(HashAlgorithmId.Sha224)]
    [InlineData(HashAlgorithmId.Sha256)]
    [InlineData(HashAlgorithmId.Sha384)]
    [InlineData(HashAlgorithmId.Sha512)]
    public void Pbkdf2_EveryPrf_MatchesOpenSsl(HashAlgorithmId prf)
    {
        string digest = prf.ToString().ToUpperInvariant();
        ProcessResult result = OpenSslPeer.Run("kdf", "-keylen", "100", "-kdfopt", $"digest:{digest}", "-kdfopt", "pass:password",
            "-kdfopt", "salt:NaCl", "-kdfopt", "iter:1000", "PBKDF2");
        byte[] expected = Convert.FromHexString(result.Stdout.Trim().Replace(":", string.Empty, StringComparison.Ordinal));
        byte[] dk = new byte[100];
        Pbkdf2.DeriveKey(s_provider, prf, "password"u8, "NaCl"u8, 1000, dk);
        dk.ShouldBe(expected);
    }

    // RFC 7914 §12 (the fourth vector, N = 2^20, needs 1 GiB and is left out).
    [Theory]
    [InlineData("", "", 16, 1, 1, "77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906")]
    [InlineData("password", "NaCl", 1024, 8, 16, "fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b3731622eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640")]
    [InlineData("pleaseletmein", "SodiumChloride", 16384, 8, 1, "7023bdcb3afd7348461c06cd81fd38ebfda8fbba904f8e3ea9b543f6545da1f2d5432955613f0fcf62d49705242a9af9e61e85dc0d651e40dfcf017b45575887")]
    public void Scrypt_Rfc7914_MatchesKnownAnswer(string password, string salt, int n, int r, int p, string expected)
    {
        byte[] dk = new byte[64];
        Scrypt.DeriveKey(s_provider, Encoding.ASCII.GetBytes(password), Encoding.ASCII.GetBytes(salt), n, r, p, dk);
        Convert.ToHexStringLower(dk).ShouldBe(expected);
    }

    [Fact]
    public void EvpBytesToKey_Md5CountOne_MatchesOpenSslEncKeyAndIv()
    {
        byte[] derived = new byte[48];
        EvpBytesToKey.DeriveKey(s_provider, HashAlgorithmId.Md5, "x"u8, Convert.FromHexString("0102030405060708"), 1, derived);
        Convert.ToHexString(derived).ShouldBe(
            "DF39DED3E3F345CEBB53BF088AAC6D3E3056C591D7268AA6DCBCB8CE622B9155" + "E5326982A201989A05B46BE8792CFE3E");
    }

    [Fact]
    public void Pbkdf1_FirstBlock_EqualsEvpBytesToKeyWithSameCount()
    {
        // With one digest of output both are H^c(P || S) (RFC 8018 §5.1); an independent cross-check.
        byte[] a = new byte[16];
        byte[] b = new byte[16];
        Pbkdf1.DeriveKey(s_provider, HashAlgorithmId.Md5, "secret"u8, "saltsalt"u8, 7, a);
        EvpBytesToKey.DeriveKey(s_provider, HashAlgorithmId.Md5, "secret"u8, "saltsalt"u8, 7, b);
        a.ShouldBe(b);
        Should.Throw<ArgumentException>(() => Pbkdf1.DeriveKey(s_provider, HashAlgorithmId.Md5, "p"u8, "s"u8, 1, new byte[17]));
    }

    // (hash, hex BMP password, hex salt, iterations, id, expected). The "smeg" rows are also published in
    // BouncyCastle's PKCS#12 tests; all were produced with the openssl kdf commands at the top of this file.
    public static TheoryData<HashAlgorithmId, string, string, int, byte, string> Pkcs12Vectors => new()
    {
        { HashAlgorithmId.Sha1, "0073006D006500670000", "0A58CF64530D823F", 1, 1, "8AAAE6297B6CB04642AB5B077851284EB7128F1A2A7FBCA3" },
        { HashAlgorithmId.Sha1, "0073006D006500670000", "0A58CF64530D823F", 1, 2, "79993DFE048D3B76" },
        { HashAlgorithmId.Sha1, "007100750065006500670000", "3D83C0E4546AC140", 1000, 3, "17B9E78EA534FC2B6A35512D03799D9EA3C461C0" },
        { HashAlgorithmId.Sha1, "007100750065006500670000", "05DEC959ACFF72F7", 1000, 1, "ED2034E36328830FF09DF1E1A07DD357185DAC0D4F9EB3D4" },
        { HashAlgorithmId.Sha256, "007100750065006500670000", "05DEC959ACFF72F7", 2048, 1, "9CC281DE650EF3687BB13F8F58FAB1BF2C93E3BAA29032FED16F4D2F6D77D3E5" },
        {
            HashAlgorithmId.Sha512, "0070006100730073000000", "0102030405060708090A0B0C0D0E0F10", 3, 2,
            "A959DFA9A6AE1B12010C486902CCF539D0F1376A57E05A3D8FA77B759CF7A7F72DD4BC035FC0ED1CCF325934ABF835397AC44FCA5747FBE195021A72FF4238B0ACED4108F26F1814978B94F3F287328F"
        },
        { HashAlgorithmId.Sha1, "0000", "0A58CF64530D823F", 1, 1, "46DCC1D4AEA61E4498F3EA3E6507A7E2572A837ACD212182" },
        {
            HashAlgorithmId.Sha1, "D83DDE0000650000", "01", 5, 1,
            "1E85BDABE46A449E1A6F6D3B3C1B4379972A1596CC511379016E7661824520C04706D46FA96FE2D4F160CACC3889CF2F8FE3C3AFFFBAA923A44CE99026D06D9E"
        },
    };

    [Theory]
    [MemberData(nameof(Pkcs12Vectors))]
    public void Pkcs12Kdf_KnownAnswer_MatchesOpenSslAndReference(HashAlgorithmId hash, string password, string salt, int iterations, byte id, string expected)
    {
        byte[] dk = new byte[expected.Length / 2];
        Pkcs12Kdf.DeriveKey(s_provider, hash, Convert.FromHexString(password), Convert.FromHexString(salt), iterations, id, dk);
        Convert.ToHexString(dk).ShouldBe(expected);
        Convert.ToHexString(ReferencePkcs12Kdf(hash, Convert.FromHexString(password), Convert.FromHexString(salt), iterations, id, dk.Length)).ShouldBe(expected);
    }

    [Theory]
    [InlineData("smeg", "0073006D006500670000")]
    [InlineData("", "0000")]
    [InlineData("\U0001F600e", "D83DDE0000650000")]
    public void Pkcs12Kdf_EncodePassword_IsBmpStringWithTerminator(string password, string expected)
    {
        Convert.ToHexString(Pkcs12Kdf.EncodePassword(password.AsSpan())).ShouldBe(expected);
        Convert.ToHexString(Pkcs12Kdf.EncodePassword(Encoding.UTF8.GetBytes(password))).ShouldBe(expected);
    }

    [Fact]
    public void Pkcs12Kdf_EncodePassword_NonUtf8BytesWidenedLikeOpenSsl()
    {
        Convert.ToHexString(Pkcs12Kdf.EncodePassword(new byte[] { 0xFF, 0x41 })).ShouldBe("00FF00410000");
    }

    [Fact]
    public void Pkcs12Kdf_EmptyVersusAbsentPassword_DeriveDifferentKeys()
    {
        byte[] salt = Convert.FromHexString("0A58CF64530D823F");
        byte[] empty = new byte[24];
        byte[] absent = new byte[24];
        Pkcs12Kdf.DeriveKey(s_provider, HashAlgorithmId.Sha1, Pkcs12Kdf.EncodePassword(string.Empty.AsSpan()), salt, 1, 1, empty);
        Pkcs12Kdf.DeriveKey(s_provider, HashAlgorithmId.Sha1, [], salt, 1, 1, absent);
        Convert.ToHexString(empty).ShouldBe("46DCC1D4AEA61E4498F3EA3E6507A7E2572A837ACD212182");
        absent.ShouldNotBe(empty);
        absent.ShouldBe(ReferencePkcs12Kdf(HashAlgorithmId.Sha1, [], salt, 1, 1, 24));
    }

    [SkippableFact]
    public void Pkcs12Kdf_RandomInputs_MatchOpenSslKdf()
    {
        OpenSslPeer.Require();
        var entropy = ManagedTls.Random.OsEntropy.GetBytes(64);
        foreach (HashAlgorithmId hash in new[] { HashAlgorithmId.Sha1, HashAlgorithmId.Sha256, HashAlgorithmId.Sha384 })
        {
            byte[] password = Pkcs12Kdf.EncodePassword(Convert.ToHexString(entropy.AsSpan(0, 5)).AsSpan());
            byte[] salt = entropy.AsSpan(10, 1 + (entropy[9] % 40)).ToArray();
            ProcessResult result = OpenSslPeer.Run("kdf", "-keylen", "77", "-kdfopt", $"digest:{hash.ToString().ToUpperInvariant()}",
                "-kdfopt", $"hexpass:{Convert.ToHexString(password)}", "-kdfopt", $"hexsalt:{Convert.ToHexString(salt)}", "-kdfopt", "iter:17", "-kdfopt", "id:3", "PKCS12KDF");
            byte[] dk = new byte[77];
            Pkcs12Kdf.DeriveKey(s_provider, hash, password, salt, 17, 3, dk);
            Convert.ToHexString(dk).ShouldBe(result.Stdout.Trim().Replace(":", string.Empty, StringComparison.Ordinal));
        }
    }

    /// <summary>RFC 7292 §B.2 transcribed literally with BigInteger arithmetic: an independent oracle.</summary>
    private static byte[] ReferencePkcs12Kdf(HashAlgorithmId hash, byte[] password, byte[] salt, int r, byte id, int n)
    {
        int v = hash is HashAlgorithmId.Sha384 or HashAlgorithmId.Sha512 ? 128 : 64;
        byte[] d = Enumerable.Repeat(id, v).ToArray();
        byte[] s = salt.Length == 0 ? [] : Enumerable.Range(0, v * ((salt.Length + v - 1) / v)).Select(k => salt[k % salt.Length]).ToArray();
        byte[] p = password.Length == 0 ? [] : Enumerable.Range(0, v * ((password.Length + v - 1) / v)).Select(k => password[k % password.Length]).ToArray();
        byte[] i = [.. s, .. p];
        var output = new List<byte>();
        while (output.Count < n)
        {
            using IHash h = s_provider.CreateHash(hash);
            byte[] a = new byte[h.HashSize];
            h.Append([.. d, .. i]);
            h.GetHashAndReset(a);
            for (int round = 1; round < r; round++)
            {
                h.Append(a);
                h.GetHashAndReset(a);
            }

            output.AddRange(a);
            byte[] b = Enumerable.Range(0, v).Select(k => a[k % a.Length]).ToArray();
            BigInteger bPlusOne = new BigInteger(b, isUnsigned: true, isBigEndian: true) + 1;
            BigInteger modulus = BigInteger.One << (8 * v);
            for (int j = 0; j < i.Length; j += v)
            {
                BigInteger block = (new BigInteger(i.AsSpan(j, v), isUnsigned: true, isBigEndian: true) + bPlusOne) % modulus;
                byte[] bytes = block.ToByteArray(isUnsigned: true, isBigEndian: true);
                Array.Clear(i, j, v);
                bytes.CopyTo(i, j + v - bytes.Length);
            }
        }

        return output.Take(n).ToArray();
    }
}
