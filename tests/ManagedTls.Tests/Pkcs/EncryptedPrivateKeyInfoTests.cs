// Offline tests of PKCS#8 EncryptedPrivateKeyInfo: round trips, OpenSSL-default shape, typed errors, limits,
// every-proper-prefix rejection. No openssl commands are used here (see EncryptedPrivateKeyInfoInteropTests).
using ManagedTls.Asn1;
using ManagedTls.Crypto;
using ManagedTls.Pkcs;

namespace ManagedTls.Tests.Pkcs;

public sealed class EncryptedPrivateKeyInfoTests
{
    private const string Password = "correct horse";

    public static TheoryData<string> AllSchemes => new()
    {
        "pbes2 aes-128-cbc Sha1", "pbes2 aes-192-cbc Sha224", "pbes2 aes-256-cbc Sha256", "pbes2 aes-256-cbc Sha384",
        "pbes2 aes-128-cbc Sha512", "pbes2 des-ede3-cbc Sha256", "pbes2 des-cbc Sha1", "pbes2 aes256 Sha512_256",
        "pbes1 PBE-MD5-DES", "pbes1 PBE-SHA1-DES", "pbes1 PBE-SHA1-3DES", "pbes1 PBE-SHA1-2DES", "pbes1 PBE-SHA1-RC2-128",
        "pbes1 pbe-sha1-rc2-40", "scrypt aes-256-cbc 1024 8 1", "scrypt des-ede3-cbc 16 1 2",
    };

    internal static PbeParameters Parse(string scheme, int iterations = 7)
    {
        string[] parts = scheme.Split(' ');
        return parts[0] switch
        {
            "pbes2" => PbeParameters.Pbes2(parts[1], Enum.Parse<HashAlgorithmId>(parts[2]), iterations),
            "scrypt" => PbeParameters.Pbes2Scrypt(parts[1], int.Parse(parts[2]), int.Parse(parts[3]), int.Parse(parts[4])),
            _ => PbeParameters.Pbes1(parts[1], iterations),
        };
    }

    [Theory]
    [MemberData(nameof(AllSchemes))]
    public void Encrypt_EveryScheme_RoundTrips(string scheme)
    {
        byte[] der = EncryptedPrivateKeyInfo.Encrypt(PbeTestData.EcPrivateKeyInfo, Password, Parse(scheme));
        EncryptedPrivateKeyInfo.Decrypt(der, Password).ShouldBe(PbeTestData.EcPrivateKeyInfo);
        EncryptedPrivateKeyInfo.Decrypt(der, "correct horse"u8).ShouldBe(PbeTestData.EcPrivateKeyInfo);
    }

    [Theory]
    [MemberData(nameof(AllSchemes))]
    public void Decrypt_WrongPassword_BadDecrypt(string scheme)
    {
        byte[] der = EncryptedPrivateKeyInfo.Encrypt(PbeTestData.EcPrivateKeyInfo, Password, Parse(scheme));
        for (int i = 0; i < 20; i++)
        {
            Should.Throw<PbeException>(() => EncryptedPrivateKeyInfo.Decrypt(der, $"wrong {i}")).Reason.ShouldBe(PbeError.BadDecrypt);
        }

        Should.Throw<PbeException>(() => EncryptedPrivateKeyInfo.Decrypt(der, string.Empty)).Reason.ShouldBe(PbeError.BadDecrypt);
    }

    [Theory]
    [MemberData(nameof(AllSchemes))]
    public void Decrypt_NoPassword_PasswordRequired(string scheme)
    {
        byte[] der = EncryptedPrivateKeyInfo.Encrypt(PbeTestData.EcPrivateKeyInfo, Password, Parse(scheme));
        Should.Throw<PbeException>(() => EncryptedPrivateKeyInfo.Decrypt(der)).Reason.ShouldBe(PbeError.PasswordRequired);
    }

    [Theory]
    [MemberData(nameof(AllSchemes))]
    public void Encrypt_EmptyPassword_IsARealPassword(string scheme)
    {
        byte[] der = EncryptedPrivateKeyInfo.Encrypt(PbeTestData.EcPrivateKeyInfo, string.Empty, Parse(scheme));
        EncryptedPrivateKeyInfo.Decrypt(der, string.Empty).ShouldBe(PbeTestData.EcPrivateKeyInfo);
        EncryptedPrivateKeyInfo.Decrypt(der, ReadOnlySpan<byte>.Empty).ShouldBe(PbeTestData.EcPrivateKeyInfo);
        Should.Throw<PbeException>(() => EncryptedPrivateKeyInfo.Decrypt(der, " ")).Reason.ShouldBe(PbeError.BadDecrypt);
    }

    [Fact]
    public void Encrypt_NonAsciiPassword_IsUtf8Octets()
    {
        byte[] der = EncryptedPrivateKeyInfo.Encrypt(PbeTestData.EcPrivateKeyInfo, "pässwörd€", PbeParameters.Default);
        EncryptedPrivateKeyInfo.Decrypt(der, "pässwörd€"u8).ShouldBe(PbeTestData.EcPrivateKeyInfo);
        Should.Throw<PbeException>(() => EncryptedPrivateKeyInfo.Decrypt(der, System.Text.Encoding.Latin1.GetBytes("pässwörd"))).Reason.ShouldBe(PbeError.BadDecrypt);
    }

    [Fact]
    public void Encrypt_Default_MatchesOpenSsl3Defaults()
    {
        // openssl pkcs8 -topk8 (3.0): PBES2, PBKDF2 with an 8-byte salt, 2048 iterations, no keyLength,
        // hmacWithSHA256 with NULL parameters; aes-256-cbc with a 16-byte IV.
        byte[] der = EncryptedPrivateKeyInfo.Encrypt(PbeTestData.EcPrivateKeyInfo, Password);
        var reader = new DerReader(der);
        DerReader outer = reader.ReadSequence();
        DerReader algorithm = outer.ReadSequence();
        algorithm.ReadObjectIdentifier().ShouldBe(PbeTestData.Pbes2);
        DerReader parameters = algorithm.ReadSequence();
        DerReader kdf = parameters.ReadSequence();
        kdf.ReadObjectIdentifier().ShouldBe(PbeTestData.Pbkdf2);
        DerReader kdfParameters = kdf.ReadSequence();
        kdfParameters.ReadOctetString().Length.ShouldBe(8);
        kdfParameters.ReadInt32().ShouldBe(2048);
        DerReader prf = kdfParameters.ReadSequence();
        prf.ReadObjectIdentifier().ShouldBe(PbeTestData.HmacWithSha256);
        prf.ReadNull();
        kdfParameters.HasData.ShouldBeFalse();
        DerReader cipher = parameters.ReadSequence();
        cipher.ReadObjectIdentifier().ShouldBe(PbeTestData.Aes256Cbc);
        cipher.ReadOctetString().Length.ShouldBe(16);
        outer.ReadOctetString().Length.ShouldBe(PbeTestData.EcPrivateKeyInfo.Length + 16 - (PbeTestData.EcPrivateKeyInfo.Length % 16));
        outer.HasData.ShouldBeFalse();
    }

    [Theory]
    [InlineData("pbes2 aes-256-cbc Sha256", "PBES2, PBKDF2, AES-256-CBC, Iteration 7, PRF hmacWithSHA256")]
    [InlineData("pbes2 aes-128-cbc Sha1", "PBES2, PBKDF2, AES-128-CBC, Iteration 7, PRF hmacWithSHA1")]
    [InlineData("pbes2 des-ede3-cbc Sha512_256", "PBES2, PBKDF2, DES-EDE3-CBC, Iteration 7, PRF hmacWithSHA512-256")]
    [InlineData("pbes1 PBE-MD5-DES", "pbeWithMD5AndDES-CBC, Iteration 7")]
    [InlineData("pbes1 PBE-SHA1-DES", "pbeWithSHA1AndDES-CBC, Iteration 7")]
    [InlineData("pbes1 PBE-SHA1-3DES", "pbeWithSHA1And3-KeyTripleDES-CBC, Iteration 7")]
    [InlineData("pbes1 PBE-SHA1-RC2-40", "pbeWithSHA1And40BitRC2-CBC, Iteration 7")]
    [InlineData("scrypt aes-256-cbc 1024 8 1", "PBES2, scrypt, AES-256-CBC, Salt length: 8, Cost(N): 1024, Block size(r): 8, Parallelism(p): 1")]
    public void DescribeAlgorithm_EveryScheme_OpenSslInfoText(string scheme, string expected)
    {
        byte[] der = EncryptedPrivateKeyInfo.Encrypt(PbeTestData.EcPrivateKeyInfo, Password, Parse(scheme));
        EncryptedPrivateKeyInfo.DescribeAlgorithm(der).ShouldBe(expected);
        Should.Throw<PbeException>(() => EncryptedPrivateKeyInfo.DescribeAlgorithm(der.AsSpan(0, 20))).Reason.ShouldBe(PbeError.Malformed);
    }

    [Theory]
    [MemberData(nameof(AllSchemes))]
    public void Decrypt_BerIndefiniteAndConstructed_AcceptedLikeOpenSsl(string scheme)
    {
        byte[] ber = PbeTestData.ToBer(EncryptedPrivateKeyInfo.Encrypt(PbeTestData.EcPrivateKeyInfo, Password, Parse(scheme)));
        EncryptedPrivateKeyInfo.Decrypt(ber, Password).ShouldBe(PbeTestData.EcPrivateKeyInfo);
        for (int length = 0; length < ber.Length; length++)
        {
            Should.Throw<PbeException>(() => EncryptedPrivateKeyInfo.Decrypt(ber.AsSpan(0, length), Password)).Reason.ShouldBe(PbeError.Malformed, $"prefix {length}");
        }
    }

    [Fact]
    public void Encrypt_Twice_FreshSaltAndIv()
    {
        byte[] a = EncryptedPrivateKeyInfo.Encrypt(PbeTestData.EcPrivateKeyInfo, Password);
        byte[] b = EncryptedPrivateKeyInfo.Encrypt(PbeTestData.EcPrivateKeyInfo, Password);
        a.ShouldNotBe(b);
    }

    [Fact]
    public void Encrypt_Sha1Prf_OmitsDefaultPrf()
    {
        byte[] der = EncryptedPrivateKeyInfo.Encrypt(PbeTestData.EcPrivateKeyInfo, Password, PbeParameters.Pbes2("aes-128-cbc", HashAlgorithmId.Sha1, 10));
        Convert.ToHexString(der).ShouldNotContain("06082A864886F70D0207"); // hmacWithSHA1 is DEFAULT, so absent in DER
        EncryptedPrivateKeyInfo.Decrypt(der, Password).ShouldBe(PbeTestData.EcPrivateKeyInfo);
    }

    [Fact]
    public void Encrypt_NotASequence_Throws()
    {
        Should.Throw<ArgumentException>(() => EncryptedPrivateKeyInfo.Encrypt([0x04, 0x00], Password));
        Should.Throw<ArgumentException>(() => EncryptedPrivateKeyInfo.Encrypt([.. PbeTestData.EcPrivateKeyInfo, 0x00], Password));
    }

    [Theory]
    [InlineData("nonsense")]
    [InlineData("aes-128-gcm")]
    [InlineData("rc2-cbc")]
    public void Pbes2_UnknownCipherName_Throws(string cipher) =>
        Should.Throw<ArgumentException>(() => PbeParameters.Pbes2(cipher));

    [Fact]
    public void PbeParameters_OutOfRange_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => PbeParameters.Pbes2(iterationCount: 0));
        Should.Throw<ArgumentOutOfRangeException>(() => PbeParameters.Pbes2(iterationCount: PbeParameters.MaxIterationCount + 1));
        Should.Throw<ArgumentOutOfRangeException>(() => PbeParameters.Pbes2(saltLength: 0));
        Should.Throw<ArgumentException>(() => PbeParameters.Pbes2(prf: HashAlgorithmId.Md5));
        Should.Throw<ArgumentException>(() => PbeParameters.Pbes1("PBE-SHA1-RC4-128"));
        Should.Throw<ArgumentException>(() => PbeParameters.Pbes2Scrypt(n: 1000));
        Should.Throw<ArgumentException>(() => PbeParameters.Pbes2Scrypt(n: 1 << 20));
        Should.Throw<ArgumentException>(() => PbeParameters.Pbes2Scrypt(p: 17));
    }

    [Theory]
    [MemberData(nameof(AllSchemes))]
    public void Decrypt_EveryProperPrefix_FailsCleanly(string scheme)
    {
        byte[] der = EncryptedPrivateKeyInfo.Encrypt(PbeTestData.EcPrivateKeyInfo, Password, Parse(scheme, 1));
        for (int length = 0; length < der.Length; length++)
        {
            byte[] prefix = der[..length];
            Should.Throw<PbeException>(() => EncryptedPrivateKeyInfo.Decrypt(prefix, Password)).Reason.ShouldBe(PbeError.Malformed, $"prefix {length}");
            Should.Throw<PbeException>(() => EncryptedPrivateKeyInfo.Decrypt(prefix)).Reason.ShouldBe(PbeError.Malformed, $"prefix {length}");
        }

        Should.Throw<PbeException>(() => EncryptedPrivateKeyInfo.Decrypt([.. der, 0], Password)).Reason.ShouldBe(PbeError.Malformed);
    }

    [Theory]
    [MemberData(nameof(AllSchemes))]
    public void Decrypt_EverySingleByteMutation_OnlyTypedErrors(string scheme)
    {
        // One iteration, so a mutated count stays small; every outcome is a result or a PbeException, never a crash.
        byte[] der = EncryptedPrivateKeyInfo.Encrypt(PbeTestData.EcPrivateKeyInfo, Password, Parse(scheme, 1));
        var outcomes = new Dictionary<string, int>();
        foreach (byte mask in new byte[] { 0x01, 0x80, 0xFF })
        {
            for (int i = 0; i < der.Length; i++)
            {
                byte[] mutated = (byte[])der.Clone();
                mutated[i] ^= mask;
                string outcome;
                try
                {
                    EncryptedPrivateKeyInfo.Decrypt(mutated, Password);
                    outcome = "decrypted";
                }
                catch (PbeException e)
                {
                    outcome = e.Reason.ToString();
                }

                outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
            }
        }

        outcomes.Keys.ShouldNotContain(PbeError.PasswordRequired.ToString());
        outcomes.GetValueOrDefault(nameof(PbeError.BadDecrypt)).ShouldBeGreaterThan(0);
        outcomes.GetValueOrDefault(nameof(PbeError.Malformed)).ShouldBeGreaterThan(0);
    }

    [Theory]
    [MemberData(nameof(AllSchemes))]
    public void Decrypt_CorruptedCiphertext_BadDecrypt(string scheme)
    {
        byte[] der = EncryptedPrivateKeyInfo.Encrypt(PbeTestData.EcPrivateKeyInfo, Password, Parse(scheme));
        (byte[] algorithm, byte[] ciphertext) = PbeTestData.Split(der);
        int block = scheme.Contains("aes", StringComparison.Ordinal) ? 16 : 8;

        // Flipping the top bit of the second-to-last block's last byte makes the pad byte >= 0x80: never valid.
        byte[] padFlip = (byte[])ciphertext.Clone();
        padFlip[^(block + 1)] ^= 0x80;
        Should.Throw<PbeException>(() => EncryptedPrivateKeyInfo.Decrypt(PbeTestData.Join(algorithm, padFlip), Password)).Reason.ShouldBe(PbeError.BadDecrypt);

        // Flipping the first byte garbles the first plaintext block: padding survives, the DER check does not.
        byte[] headFlip = (byte[])ciphertext.Clone();
        headFlip[0] ^= 0x01;
        Should.Throw<PbeException>(() => EncryptedPrivateKeyInfo.Decrypt(PbeTestData.Join(algorithm, headFlip), Password)).Reason.ShouldBe(PbeError.BadDecrypt);

        // Dropping a whole trailing block leaves whole blocks with garbage padding.
        Should.Throw<PbeException>(() => EncryptedPrivateKeyInfo.Decrypt(PbeTestData.Join(algorithm, ciphertext.AsSpan(0, ciphertext.Length - block)), Password)).Reason.ShouldBe(PbeError.BadDecrypt);

        // A ciphertext that is not whole blocks, or empty, is malformed whatever the password.
        Should.Throw<PbeException>(() => EncryptedPrivateKeyInfo.Decrypt(PbeTestData.Join(algorithm, ciphertext.AsSpan(0, ciphertext.Length - 1)), Password)).Reason.ShouldBe(PbeError.Malformed);
        Should.Throw<PbeException>(() => EncryptedPrivateKeyInfo.Decrypt(PbeTestData.Join(algorithm, []), Password)).Reason.ShouldBe(PbeError.Malformed);
        Should.Throw<PbeException>(() => EncryptedPrivateKeyInfo.Decrypt(PbeTestData.Join(algorithm, ciphertext.AsSpan(1)))).Reason.ShouldBe(PbeError.Malformed);
    }

    public static TheoryData<string, byte[], PbeError> HostileStructures => new()
    {
        { "iterations above the cap", PbeTestData.Pbes2Der(iterations: PbeParameters.MaxIterationCount + 1L), PbeError.InvalidParameters },
        { "iterations 2^40", PbeTestData.Pbes2Der(iterations: 1L << 40), PbeError.InvalidParameters },
        { "iterations zero", PbeTestData.Pbes2Der(iterations: 0), PbeError.InvalidParameters },
        { "iterations negative", PbeTestData.Pbes2Der(iterations: -1), PbeError.InvalidParameters },
        { "AES IV of 8 bytes", PbeTestData.Pbes2Der(iv: new byte[8]), PbeError.InvalidParameters },
        { "AES IV of 17 bytes", PbeTestData.Pbes2Der(iv: new byte[17]), PbeError.InvalidParameters },
        { "3DES IV of 16 bytes", PbeTestData.Pbes2Der(cipherOid: "1.2.840.113549.3.7", iv: new byte[16]), PbeError.InvalidParameters },
        { "keyLength 16 for AES-256", PbeTestData.Pbes2Der(keyLength: 16), PbeError.InvalidParameters },
        { "keyLength negative", PbeTestData.Pbes2Der(keyLength: -32), PbeError.InvalidParameters },
        { "salt of 1025 bytes", PbeTestData.Pbes2Der(salt: new byte[1025]), PbeError.InvalidParameters },
        { "PRF with non-NULL parameters", PbeTestData.Pbes2Der(prfNullParameters: false), PbeError.InvalidParameters },
        { "PBES1 MD5-DES salt of 7 bytes", PbeTestData.PbeParameterDer("1.2.840.113549.1.5.3", new byte[7], 2048), PbeError.InvalidParameters },
        { "PBES1 MD5-DES 20M iterations", PbeTestData.PbeParameterDer("1.2.840.113549.1.5.3", new byte[8], 20_000_000), PbeError.InvalidParameters },
        { "PKCS#12 3DES empty salt", PbeTestData.PbeParameterDer("1.2.840.113549.1.12.1.3", [], 2048), PbeError.InvalidParameters },
        { "PBMAC1 as a PBES2 KDF", PbeTestData.Pbes2Der(kdfOid: "1.2.840.113549.1.5.14"), PbeError.UnsupportedAlgorithm },
        { "scrypt N not a power of two", PbeTestData.ScryptDer(n: 1000), PbeError.InvalidParameters },
        { "scrypt N = 1", PbeTestData.ScryptDer(n: 1), PbeError.InvalidParameters },
        { "scrypt N = 2^20, r = 8 (1 GiB)", PbeTestData.ScryptDer(n: 1 << 20), PbeError.InvalidParameters },
        { "scrypt N = 2^62", PbeTestData.ScryptDer(n: 1L << 62), PbeError.InvalidParameters },
        { "scrypt r = 2^40", PbeTestData.ScryptDer(r: 1L << 40), PbeError.InvalidParameters },
        { "scrypt r = 0", PbeTestData.ScryptDer(r: 0), PbeError.InvalidParameters },
        { "scrypt p = 17", PbeTestData.ScryptDer(p: 17), PbeError.InvalidParameters },
        { "scrypt p negative", PbeTestData.ScryptDer(p: -1), PbeError.InvalidParameters },
        { "scrypt keyLength 16 for AES-256", PbeTestData.ScryptDer(keyLength: 16), PbeError.InvalidParameters },
        { "hmacWithMD5 PRF", PbeTestData.Pbes2Der(prfOid: "1.2.840.113549.2.6"), PbeError.UnsupportedAlgorithm },
        { "AES-128-GCM scheme", PbeTestData.Pbes2Der(cipherOid: "2.16.840.1.101.3.4.1.6"), PbeError.UnsupportedAlgorithm },
        { "RC2-CBC scheme", PbeTestData.Pbes2Der(cipherOid: "1.2.840.113549.3.2"), PbeError.UnsupportedAlgorithm },
        { "PKCS#12 RC2-40 1025-byte salt", PbeTestData.PbeParameterDer("1.2.840.113549.1.12.1.6", new byte[1025], 2048), PbeError.InvalidParameters },
        { "PKCS#12 2DES ciphertext of 12 bytes", PbeTestData.PbeParameterDer("1.2.840.113549.1.12.1.4", new byte[8], 1, new byte[12]), PbeError.Malformed },
        { "pbeWithSHA1And128BitRC4", PbeTestData.PbeParameterDer("1.2.840.113549.1.12.1.1", new byte[8], 2048), PbeError.UnsupportedAlgorithm },
        { "rsaEncryption is not a PBE", PbeTestData.PbeParameterDer("1.2.840.113549.1.1.1", new byte[8], 2048), PbeError.UnsupportedAlgorithm },
        { "ciphertext of 31 bytes", PbeTestData.Pbes2Der(ciphertext: new byte[31]), PbeError.Malformed },
        { "empty input", [], PbeError.Malformed },
        { "not a SEQUENCE", [0x04, 0x02, 0x00, 0x00], PbeError.Malformed },
    };

    [Theory]
    [MemberData(nameof(HostileStructures))]
    public void Decrypt_HostileStructure_TypedErrorWithoutDerivingKeys(string name, byte[] der, PbeError expected)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Should.Throw<PbeException>(() => EncryptedPrivateKeyInfo.Decrypt(der, Password)).Reason.ShouldBe(expected, name);
        Should.Throw<PbeException>(() => EncryptedPrivateKeyInfo.Decrypt(der)).Reason.ShouldBe(expected, name);
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5), name);
    }

    [Fact]
    public void Decrypt_KeyLengthMatchingCipher_Accepted()
    {
        // keyLength is optional; when present and equal to the cipher's key size it is fine (RFC 8018 §A.2).
        byte[] der = EncryptedPrivateKeyInfo.Encrypt(PbeTestData.EcPrivateKeyInfo, Password, PbeParameters.Pbes2(iterationCount: 3));
        var reader = new DerReader(der);
        DerReader outer = reader.ReadSequence();
        DerReader algorithm = outer.ReadSequence();
        algorithm.ReadObjectIdentifier();
        DerReader parameters = algorithm.ReadSequence();
        DerReader kdf = parameters.ReadSequence();
        kdf.ReadObjectIdentifier();
        DerReader kdfParameters = kdf.ReadSequence();
        byte[] salt = kdfParameters.ReadOctetStringBytes();
        DerReader cipher = parameters.ReadSequence();
        cipher.ReadObjectIdentifier();
        byte[] iv = cipher.ReadOctetStringBytes();
        byte[] ciphertext = outer.ReadOctetStringBytes();

        byte[] withKeyLength = PbeTestData.Pbes2Der(salt: salt, iterations: 3, keyLength: 32, iv: iv, ciphertext: ciphertext);
        EncryptedPrivateKeyInfo.Decrypt(withKeyLength, Password).ShouldBe(PbeTestData.EcPrivateKeyInfo);
    }
}
