using ManagedTls.Crypto;

namespace ManagedTls.Pkcs;

/// <summary>
/// How <see cref="EncryptedPrivateKeyInfo.Encrypt(ReadOnlySpan{byte}, ReadOnlySpan{char}, PbeParameters?)"/> protects a
/// key: a PBES2 cipher with a PBKDF2 PRF (as <c>openssl pkcs8 -topk8 -v2 CIPHER -v2prf PRF</c>), or a legacy PBES1 /
/// PKCS#12 scheme (as <c>openssl pkcs8 -topk8 -v1 ALG</c>). Immutable.
/// </summary>
/// <remarks>
/// <see cref="Default"/> matches what OpenSSL 3.0 writes for <c>openssl pkcs8 -topk8</c> and <c>openssl pkey -aes256</c>:
/// PBES2, AES-256-CBC, hmacWithSHA256, 2048 iterations, an 8-byte salt, no keyLength field.
/// </remarks>
public sealed class PbeParameters
{
    /// <summary>
    /// The largest iteration count accepted on decryption or encryption (10,000,000). A hostile file cannot make us
    /// run longer than this; larger counts fail with <see cref="PbeError.InvalidParameters"/>.
    /// </summary>
    public const int MaxIterationCount = 10_000_000;

    /// <summary>The largest salt accepted (1024 bytes); OpenSSL writes 8.</summary>
    public const int MaxSaltLength = 1024;

    /// <summary>OpenSSL's name for PBES1 pbeWithMD5AndDES-CBC (PKCS#5 v1.5, PBKDF1-MD5, single DES).</summary>
    public const string PbeMd5Des = "PBE-MD5-DES";

    /// <summary>OpenSSL's name for PBES1 pbeWithSHAAnd3-KeyTripleDES-CBC (PKCS#12 KDF over SHA-1, DES-EDE3).</summary>
    public const string PbeSha1TripleDes = "PBE-SHA1-3DES";

    private PbeParameters(string algorithm, bool isPbes2, HashAlgorithmId prf, int iterationCount, int saltLength, PbeCipher? cipher, (int N, int R, int P)? scrypt = null)
    {
        Algorithm = algorithm;
        IsPbes2 = isPbes2;
        Prf = prf;
        IterationCount = iterationCount;
        SaltLength = saltLength;
        Cipher = cipher;
        ScryptN = scrypt?.N;
        ScryptR = scrypt?.R ?? 0;
        ScryptP = scrypt?.P ?? 0;
    }

    /// <summary>OpenSSL 3.0's default: PBES2 with AES-256-CBC, hmacWithSHA256, 2048 iterations, 8-byte salt.</summary>
    public static PbeParameters Default { get; } = Pbes2();

    /// <summary>The OpenSSL name of the cipher ("aes-256-cbc") for PBES2, or of the scheme ("PBE-SHA1-3DES") for PBES1.</summary>
    public string Algorithm { get; }

    /// <summary>True for PBES2 (RFC 8018 §6.2), false for a PBES1 scheme.</summary>
    public bool IsPbes2 { get; }

    /// <summary>The PBKDF2 PRF digest (PBES2 only; for PBES1 the digest is fixed by the scheme).</summary>
    public HashAlgorithmId Prf { get; }

    /// <summary>The iteration count, 1..<see cref="MaxIterationCount"/>.</summary>
    public int IterationCount { get; }

    /// <summary>The number of random salt bytes.</summary>
    public int SaltLength { get; }

    /// <summary>The scrypt cost parameter N when the PBES2 key derivation is scrypt; null for PBKDF2 and PBES1.</summary>
    public int? ScryptN { get; }

    /// <summary>The scrypt block size r (0 unless <see cref="ScryptN"/> is set).</summary>
    public int ScryptR { get; }

    /// <summary>The scrypt parallelisation p (0 unless <see cref="ScryptN"/> is set).</summary>
    public int ScryptP { get; }

    /// <summary>The PBES2 cipher (null for PBES1).</summary>
    internal PbeCipher? Cipher { get; }

    /// <summary>Describes PBES2 encryption (RFC 8018 §6.2) with PBKDF2.</summary>
    /// <param name="cipher">An OpenSSL cipher name: "aes-128-cbc", "aes-192-cbc", "aes-256-cbc", "des-ede3-cbc", "des-cbc"
    /// (case-insensitive; the aliases "aes128", "aes192", "aes256", "des3", "des" also work).</param>
    /// <param name="prf">The PBKDF2 PRF: SHA-1, SHA-224, SHA-256, SHA-384, SHA-512, SHA-512/224 or SHA-512/256.</param>
    /// <param name="iterationCount">The iteration count, 1..<see cref="MaxIterationCount"/>.</param>
    /// <param name="saltLength">Random salt bytes, 1..<see cref="MaxSaltLength"/>.</param>
    /// <returns>The parameters.</returns>
    /// <exception cref="ArgumentException">The cipher or PRF is unknown.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count or length is out of range.</exception>
    public static PbeParameters Pbes2(string cipher = "aes-256-cbc", HashAlgorithmId prf = HashAlgorithmId.Sha256, int iterationCount = 2048, int saltLength = 8)
    {
        ArgumentNullException.ThrowIfNull(cipher);
        PbeCipher found = PbeCipher.FromName(cipher)
            ?? throw new ArgumentException($"'{cipher}' is not a supported PBES2 cipher (aes-128-cbc, aes-192-cbc, aes-256-cbc, des-ede3-cbc, des-cbc).", nameof(cipher));
        if (PbeOids.PrfOid(prf) is null)
        {
            throw new ArgumentException($"{prf} has no PBKDF2 PRF (hmacWith...) identifier.", nameof(prf));
        }

        CheckRanges(iterationCount, saltLength);
        return new PbeParameters(found.Name, isPbes2: true, prf, iterationCount, saltLength, found);
    }

    /// <summary>
    /// Describes PBES2 encryption with the scrypt key derivation (RFC 7914 §7), as <c>openssl pkcs8 -topk8 -scrypt
    /// [-scrypt_N N -scrypt_r r -scrypt_p p] [-v2 CIPHER]</c> writes it (defaults N = 16384, r = 8, p = 1: 16 MiB).
    /// </summary>
    /// <param name="cipher">An OpenSSL cipher name, as for <see cref="Pbes2"/>.</param>
    /// <param name="n">The cost N: a power of two greater than 1.</param>
    /// <param name="r">The block size r.</param>
    /// <param name="p">The parallelisation p, 1..16.</param>
    /// <param name="saltLength">Random salt bytes, 1..<see cref="MaxSaltLength"/>.</param>
    /// <returns>The parameters.</returns>
    /// <exception cref="ArgumentException">The cipher is unknown, or N, r, p are invalid or need more than 32 MiB
    /// (the ceiling decryption also enforces).</exception>
    public static PbeParameters Pbes2Scrypt(string cipher = "aes-256-cbc", int n = 16384, int r = 8, int p = 1, int saltLength = 8)
    {
        PbeParameters pbes2 = Pbes2(cipher, HashAlgorithmId.Sha256, 1, saltLength);
        if (ScryptParameters.CheckLimits(n, r, p) is string reason)
        {
            throw new ArgumentException(reason, nameof(n));
        }

        return new PbeParameters(pbes2.Algorithm, isPbes2: true, HashAlgorithmId.Sha256, 1, saltLength, pbes2.Cipher, (n, r, p));
    }

    /// <summary>Describes a legacy PBES1 or PKCS#12 PBE scheme, for interoperability with old software.</summary>
    /// <param name="algorithm">As <c>openssl pkcs8 -v1</c> names them, case-insensitive: <see cref="PbeSha1TripleDes"/>
    /// ("PBE-SHA1-3DES"), "PBE-SHA1-2DES", "PBE-SHA1-RC2-128", "PBE-SHA1-RC2-40" (PKCS#12 KDF), or
    /// <see cref="PbeMd5Des"/> ("PBE-MD5-DES") and "PBE-SHA1-DES" (PKCS#5 v1.5 PBKDF1).</param>
    /// <param name="iterationCount">The iteration count, 1..<see cref="MaxIterationCount"/>.</param>
    /// <returns>The parameters (8-byte salt, the only size PKCS#5 v1.5 allows and OpenSSL's PKCS#12 default).</returns>
    /// <exception cref="ArgumentException">The scheme is unknown.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The count is out of range.</exception>
    public static PbeParameters Pbes1(string algorithm, int iterationCount = 2048)
    {
        ArgumentNullException.ThrowIfNull(algorithm);
        (string name, HashAlgorithmId hash) = algorithm.ToUpperInvariant() switch
        {
            PbeMd5Des => (PbeMd5Des, HashAlgorithmId.Md5),
            "PBE-SHA1-DES" => ("PBE-SHA1-DES", HashAlgorithmId.Sha1),
            string other when Pkcs12PbeAlgorithm.FromName(other) is { } pkcs12 => (pkcs12.Name, HashAlgorithmId.Sha1),
            _ => throw new ArgumentException(
                $"'{algorithm}' is not a supported PBES1 scheme (PBE-SHA1-3DES, PBE-SHA1-2DES, PBE-SHA1-RC2-128, PBE-SHA1-RC2-40, PBE-MD5-DES, PBE-SHA1-DES).",
                nameof(algorithm)),
        };
        CheckRanges(iterationCount, 8);
        return new PbeParameters(name, isPbes2: false, hash, iterationCount, 8, cipher: null);
    }

    /// <inheritdoc/>
    public override string ToString() =>
        ScryptN is int n ? $"PBES2 {Algorithm} scrypt N={n} r={ScryptR} p={ScryptP}"
        : IsPbes2 ? $"PBES2 {Algorithm} PBKDF2-HMAC-{Prf} x{IterationCount}"
        : $"PBES1 {Algorithm} x{IterationCount}";

    private static void CheckRanges(int iterationCount, int saltLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(iterationCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(iterationCount, MaxIterationCount);
        ArgumentOutOfRangeException.ThrowIfLessThan(saltLength, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(saltLength, MaxSaltLength);
    }
}
