using ManagedTls.Keys;

namespace ManagedTls.OpenSsl;

/// <summary>
/// pyOpenSSL's <c>OpenSSL.crypto.PKey</c>: a mutable holder of a key pair or of a public key alone, over ManagedTls's
/// immutable <see cref="Keys.PrivateKey"/>/<see cref="Keys.PublicKey"/> (reachable through the properties of the same
/// names). A new <see cref="PKey"/> is empty until <see cref="GenerateKey(KeyType, int)"/> fills it;
/// <see cref="Crypto.LoadPrivateKey(FileType, byte[], Passphrase?)"/> and <see cref="Crypto.LoadPublicKey"/> return filled ones.
/// </summary>
/// <remarks>
/// <para>pyOpenSSL's <c>TypeError</c>/<c>ValueError</c> for bad arguments become <see cref="ArgumentException"/>s with
/// the same message; its <c>TypeError</c>s for operations the key cannot do (<see cref="Check"/> on a DSA key or a
/// public key) become <see cref="NotSupportedException"/>; <c>crypto.Error</c> is <see cref="CryptoException"/>.</para>
/// <para>As in pyOpenSSL there is no equality: compare <see cref="PublicKey"/>s (which are equatable) instead.
/// <c>to_cryptography_key</c>/<c>from_cryptography_key</c> have no C# analogue; the constructors taking a ManagedTls key
/// and the <see cref="PrivateKey"/>/<see cref="PublicKey"/> properties play that role.</para>
/// </remarks>
public sealed class PKey
{
    private PrivateKey? _privateKey;
    private PublicKey? _publicKey;

    /// <summary>Creates an empty key (pyOpenSSL's <c>PKey()</c>): <see cref="Type"/> is <see cref="KeyType.None"/> and <see cref="Bits"/> 0 until <see cref="GenerateKey(KeyType, int)"/>.</summary>
    public PKey()
    {
    }

    /// <summary>Wraps a private key (the key pair).</summary>
    /// <param name="privateKey">The key.</param>
    public PKey(PrivateKey privateKey)
    {
        ArgumentNullException.ThrowIfNull(privateKey);
        _privateKey = privateKey;
    }

    /// <summary>Wraps a public key; the result is public-only, as <see cref="Crypto.LoadPublicKey"/>'s.</summary>
    /// <param name="publicKey">The key.</param>
    public PKey(PublicKey publicKey)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        _publicKey = publicKey;
    }

    /// <summary>The private key, or null for a public-only or empty <see cref="PKey"/>.</summary>
    public PrivateKey? PrivateKey => _privateKey;

    /// <summary>The public key (the public half of the pair), or null for an empty <see cref="PKey"/>.</summary>
    public PublicKey? PublicKey => _publicKey ?? _privateKey?.PublicKey;

    /// <summary>pyOpenSSL's <c>_only_public</c>: the key was loaded or built as a public key.</summary>
    internal bool OnlyPublic => _privateKey is null && _publicKey is not null;

    /// <summary>pyOpenSSL's <c>_initialized</c>: the object holds a key.</summary>
    internal bool Initialized => _privateKey is not null || _publicKey is not null;

    /// <summary>
    /// Generates a key pair of <paramref name="type"/> into this object (<c>generate_key</c>), replacing what it held:
    /// RSA with exponent 65537 (<c>RSA_F4</c>), or DSA with fresh domain parameters.
    /// </summary>
    /// <param name="type"><see cref="KeyType.Rsa"/> or <see cref="KeyType.Dsa"/>.</param>
    /// <param name="bits">RSA: the modulus size, 512..16384. DSA: the size of p, 1024, 2048 or 3072 (q is 160 bits below 2048, else 256).</param>
    /// <exception cref="ArgumentOutOfRangeException">RSA with <paramref name="bits"/> ≤ 0 ("Invalid number of bits").</exception>
    /// <exception cref="CryptoException">
    /// Another type ("No such key type": pyOpenSSL 16.1 generates RSA and DSA only — use <see cref="GenerateEcKey"/> or
    /// <see cref="GenerateKey(KeyType)"/>); an RSA size OpenSSL 3 rejects ("key size too small", "modulus too large");
    /// a DSA size ManagedTls does not generate (pyOpenSSL's OpenSSL accepted 512..1024 in steps of 64 as well).
    /// </exception>
    public void GenerateKey(KeyType type, int bits)
    {
        switch (type)
        {
            case KeyType.Rsa:
                if (bits <= 0)
                {
                    throw new ArgumentOutOfRangeException(nameof(bits), bits, "Invalid number of bits");
                }

                if (bits < 512)
                {
                    throw new CryptoException("rsa routines", "rsa_builtin_keygen", "key size too small");
                }

                if (bits > 16384)
                {
                    throw new CryptoException("rsa routines", "rsa_builtin_keygen", "modulus too large");
                }

                Set(KeyGenerator.GenerateRsa(bits));
                break;
            case KeyType.Dsa:
                if (bits is not (1024 or 2048 or 3072))
                {
                    throw new CryptoException("dsa routines", "dsa_builtin_paramgen", $"bad ffc parameters: ManagedTls generates DSA with 1024, 2048 or 3072 bits, not {bits}");
                }

                Set(KeyGenerator.GenerateDsa(bits));
                break;
            default:
                throw NoSuchKeyType();
        }
    }

    /// <summary>
    /// Generates a key of a fixed-size type into this object: <see cref="KeyType.Ed25519"/> or <see cref="KeyType.Ed448"/>.
    /// A ManagedTls addition (modern pyOpenSSL users get these keys from <c>cryptography</c>).
    /// </summary>
    /// <param name="type">Ed25519 or Ed448.</param>
    /// <exception cref="ArgumentException"><paramref name="type"/> needs a size or curve (RSA, DSA, EC).</exception>
    /// <exception cref="CryptoException">Any other type ("No such key type").</exception>
    public void GenerateKey(KeyType type)
    {
        switch (type)
        {
            case KeyType.Ed25519:
                Set(KeyGenerator.GenerateEdwards(KeyAlgorithm.Ed25519));
                break;
            case KeyType.Ed448:
                Set(KeyGenerator.GenerateEdwards(KeyAlgorithm.Ed448));
                break;
            case KeyType.Rsa or KeyType.Dsa:
                throw new ArgumentException($"{type} keys need a size: call GenerateKey(type, bits)", nameof(type));
            case KeyType.Ec:
                throw new ArgumentException("EC keys need a curve: call GenerateEcKey(curveName)", nameof(type));
            default:
                throw NoSuchKeyType();
        }
    }

    /// <summary>
    /// Generates an EC key on a named curve into this object (a ManagedTls addition: pyOpenSSL 16.1's
    /// <c>generate_key</c> has no EC; this matches <c>openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:NAME</c>).
    /// </summary>
    /// <param name="curveName">An OpenSSL short name (<c>prime256v1</c>, <c>secp384r1</c>, <c>secp521r1</c>, <c>secp256k1</c>,
    /// <c>brainpoolP256r1</c>, ...), a NIST name (<c>P-256</c>) or the curve OID.</param>
    /// <exception cref="ArgumentException">The curve is unknown or unsupported ("unknown curve name").</exception>
    public void GenerateEcKey(string curveName)
    {
        ArgumentNullException.ThrowIfNull(curveName);
        if (!EcNamedCurve.TryGetByName(curveName, out EcNamedCurve? curve) && !EcNamedCurve.TryGetByOid(curveName, out curve))
        {
            throw new ArgumentException($"unknown curve name: {curveName}", nameof(curveName));
        }

        Set(KeyGenerator.GenerateEc(curve));
    }

    /// <summary>Returns the key size in bits (<c>bits()</c>, <c>EVP_PKEY_bits</c>): the modulus for RSA, p for DSA, the order for EC, 256/456/253/448 for Ed25519/Ed448/X25519/X448 (OpenSSL's values); 0 when empty.</summary>
    /// <returns>The number of bits.</returns>
    public int Bits() => _privateKey?.Bits ?? _publicKey?.Bits ?? 0;

    /// <summary>Returns the key type (<c>type()</c>, <c>EVP_PKEY_id</c>) as the OpenSSL NID.</summary>
    /// <returns>The type; <see cref="KeyType.None"/> when empty.</returns>
    public KeyType Type() => (_privateKey?.Algorithm ?? _publicKey?.Algorithm) switch
    {
        null => KeyType.None,
        KeyAlgorithm.Rsa => KeyType.Rsa,
        KeyAlgorithm.RsaPss => KeyType.RsaPss,
        KeyAlgorithm.Dsa => KeyType.Dsa,
        KeyAlgorithm.Ec => KeyType.Ec,
        KeyAlgorithm.Ed25519 => KeyType.Ed25519,
        KeyAlgorithm.Ed448 => KeyType.Ed448,
        KeyAlgorithm.X25519 => KeyType.X25519,
        KeyAlgorithm.X448 => KeyType.X448,
        KeyAlgorithm other => throw new NotSupportedException($"no OpenSSL NID known for {other}"),
    };

    /// <summary>
    /// Checks the consistency of an RSA private key (<c>check()</c>, OpenSSL's <c>RSA_check_key</c>): p and q prime,
    /// n = p·q, d·e ≡ 1 mod lcm(p − 1, q − 1), and the CRT values.
    /// </summary>
    /// <returns>True (as pyOpenSSL; an inconsistent key raises instead).</returns>
    /// <exception cref="NotSupportedException">The key is public-only ("public key only") or not an rsaEncryption key — DSA, EC, RSA-PSS, ... ("key type unsupported"), as pyOpenSSL 16.1's <c>TypeError</c>s.</exception>
    /// <exception cref="CryptoException">The key is inconsistent: one <c>("rsa routines", "RSA_check_key_ex", reason)</c> entry per problem, e.g. "p not prime", "d e not congruent to 1".</exception>
    public bool Check()
    {
        if (OnlyPublic)
        {
            throw new NotSupportedException("public key only");
        }

        if (_privateKey is not RsaPrivateKey { Algorithm: KeyAlgorithm.Rsa } rsa)
        {
            throw new NotSupportedException("key type unsupported");
        }

        IReadOnlyList<RsaKeyProblem> problems = RsaKeyConsistency.Check(rsa);
        if (problems.Count > 0)
        {
            throw new CryptoException(problems.Select(p => new OpenSslErrorEntry("rsa routines", "RSA_check_key_ex", RsaKeyConsistency.OpenSslReason(p))));
        }

        return true;
    }

    /// <inheritdoc/>
    public override string ToString() => !Initialized
        ? "PKey (empty)"
        : $"PKey ({Type()}, {Bits()} bit{(OnlyPublic ? ", public only" : string.Empty)})";

    private static CryptoException NoSuchKeyType() => new(string.Empty, "generate_key", "No such key type");

    private void Set(PrivateKey key)
    {
        _privateKey = key;
        _publicKey = null;
    }
}
