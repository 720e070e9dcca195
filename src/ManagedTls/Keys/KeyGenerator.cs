using ManagedTls.Crypto;

namespace ManagedTls.Keys;

/// <summary>
/// Generates key-model keys through a crypto provider (by default <see cref="CryptoProviders.Default"/>, which draws
/// all randomness from <see cref="Random.SecureRandomSource"/>): what <c>openssl genpkey</c> and pyOpenSSL's
/// <c>PKey.generate_key</c> do.
/// </summary>
public static class KeyGenerator
{
    /// <summary>Generates a two-prime RSA key (<c>RSA_generate_key_ex</c>).</summary>
    /// <param name="bits">The modulus size; at least 512, as OpenSSL 3 requires.</param>
    /// <param name="publicExponent">The public exponent: odd and at least 3; 65537 (<c>RSA_F4</c>) unless you know why not.</param>
    /// <param name="provider">The provider; null for <see cref="CryptoProviders.Default"/>.</param>
    /// <returns>The key, with all CRT components.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The size is below 512 or above 16384 bits, or the exponent is even or below 3.</exception>
    public static RsaPrivateKey GenerateRsa(int bits, int publicExponent = 65537, ICryptoProvider? provider = null)
    {
        // OpenSSL 3: RSA_R_KEY_SIZE_TOO_SMALL below 512; the key model caps decoding at 16384 bits.
        ArgumentOutOfRangeException.ThrowIfLessThan(bits, 512);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bits, 16384);
        if (publicExponent < 3 || (publicExponent & 1) == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(publicExponent), publicExponent, "the public exponent must be odd and at least 3");
        }

        return KeyMaterial.FromCrypto((provider ?? CryptoProviders.Default).GenerateRsaKey(bits, publicExponent));
    }

    /// <summary>
    /// Generates DSA domain parameters and a key in them, as <c>DSA_generate_parameters_ex</c> + <c>DSA_generate_key</c>:
    /// q is 160 bits for a 1024-bit p and 256 bits for 2048 and 3072 (FIPS 186-4).
    /// </summary>
    /// <param name="bits">The size of p: 1024, 2048 or 3072 (the FIPS 186-4 sizes the provider generates). Slow: seconds for 2048.</param>
    /// <param name="provider">The provider; null for <see cref="CryptoProviders.Default"/>.</param>
    /// <returns>The key.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bits"/> is not 1024, 2048 or 3072.</exception>
    public static DsaPrivateKey GenerateDsa(int bits, ICryptoProvider? provider = null)
    {
        if (bits is not (1024 or 2048 or 3072))
        {
            throw new ArgumentOutOfRangeException(nameof(bits), bits, "DSA keys are generated with 1024, 2048 or 3072 bits (FIPS 186-4)");
        }

        ICryptoProvider p = provider ?? CryptoProviders.Default;
        DsaParameters domain = p.GenerateDsaDomain(bits, bits >= 2048 ? 256 : 160);
        return KeyMaterial.FromCrypto(p.GenerateDsaKey(domain));
    }

    /// <summary>Generates an EC key on a named curve (<c>openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:NAME</c>).</summary>
    /// <param name="curve">The curve, e.g. <see cref="EcNamedCurve.P256"/>.</param>
    /// <param name="provider">The provider; null for <see cref="CryptoProviders.Default"/>.</param>
    /// <returns>The key, with its public point.</returns>
    /// <exception cref="NotSupportedException">The provider has no primitives for the curve.</exception>
    public static EcPrivateKey GenerateEc(EcNamedCurve curve, ICryptoProvider? provider = null)
    {
        ArgumentNullException.ThrowIfNull(curve);
        EcCurve providerCurve = KeyMaterial.ToCryptoCurve(curve);
        return KeyMaterial.FromCrypto((provider ?? CryptoProviders.Default).GenerateEcKey(providerCurve));
    }

    /// <summary>Generates an Ed25519 or Ed448 key (RFC 8032).</summary>
    /// <param name="algorithm"><see cref="KeyAlgorithm.Ed25519"/> or <see cref="KeyAlgorithm.Ed448"/>.</param>
    /// <param name="provider">The provider; null for <see cref="CryptoProviders.Default"/>.</param>
    /// <returns>The key (seed and public key).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="algorithm"/> is not an EdDSA algorithm.</exception>
    public static EcxPrivateKey GenerateEdwards(KeyAlgorithm algorithm, ICryptoProvider? provider = null)
    {
        EdwardsCurve curve = algorithm switch
        {
            KeyAlgorithm.Ed25519 => EdwardsCurve.Ed25519,
            KeyAlgorithm.Ed448 => EdwardsCurve.Ed448,
            _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "only Ed25519 and Ed448 are EdDSA algorithms"),
        };
        return KeyMaterial.FromCrypto((provider ?? CryptoProviders.Default).GenerateEdDsaKey(curve));
    }

    /// <summary>Generates an X25519 or X448 key-agreement key (RFC 7748; <c>openssl genpkey -algorithm X25519</c>).</summary>
    /// <param name="algorithm"><see cref="KeyAlgorithm.X25519"/> or <see cref="KeyAlgorithm.X448"/>.</param>
    /// <returns>The key; its public half is derived through the provider.</returns>
    /// <remarks>
    /// An RFC 7748 private key is any string of 32 (56) random bytes: clamping happens when the scalar is used, and
    /// the stored bytes stay unclamped exactly as OpenSSL stores them.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="algorithm"/> is not X25519 or X448.</exception>
    public static EcxPrivateKey GenerateMontgomery(KeyAlgorithm algorithm)
    {
        int size = algorithm switch
        {
            KeyAlgorithm.X25519 => 32,
            KeyAlgorithm.X448 => 56,
            _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "only X25519 and X448 are RFC 7748 algorithms"),
        };
        byte[] privateKey = ManagedTls.Random.SecureRandomSource.GetBytes(size);
        try
        {
            var key = new EcxPrivateKey(algorithm, privateKey);
            _ = key.PublicKey; // derive now, so a provider failure surfaces here rather than at first use
            return key;
        }
        finally
        {
            Array.Clear(privateKey);
        }
    }
}
