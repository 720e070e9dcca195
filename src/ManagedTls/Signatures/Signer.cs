using ManagedTls.Crypto;
using ManagedTls.Keys;

namespace ManagedTls.Signatures;

/// <summary>
/// Signs with a <see cref="PrivateKey"/>: RSASSA-PKCS1-v1_5, RSASSA-PSS, ECDSA, DSA, Ed25519 and Ed448. Messages are
/// hashed through the crypto provider's <see cref="IHash"/>; the provider does only the private-key operation.
/// </summary>
/// <remarks>
/// Defaults follow OpenSSL 3 (<c>openssl dgst -sign</c>): SHA-256; PKCS#1 v1.5 for an rsaEncryption key and PSS for an
/// RSA-PSS key; a PSS salt as long as the digest (or an RSA-PSS key's minimum salt); DER-encoded ECDSA/DSA signatures.
/// ECDSA and DSA nonces are deterministic (RFC 6979).
/// </remarks>
public static class Signer
{
    /// <summary>Signs <paramref name="data"/>.</summary>
    /// <param name="key">The private key.</param>
    /// <param name="data">The message.</param>
    /// <param name="digest">The digest; null for SHA-256 (or an RSA-PSS key's own). Must be null for Ed25519/Ed448.</param>
    /// <param name="padding">RSA only: <see cref="RsaSignaturePadding.Pkcs1"/> or a PSS padding; null for the key's default.</param>
    /// <param name="format">ECDSA/DSA only: DER (default) or IEEE P1363.</param>
    /// <returns>The signature.</returns>
    /// <exception cref="SignatureException">The options do not fit the key (see <see cref="SignatureException.Reason"/>).</exception>
    public static byte[] Sign(PrivateKey key, ReadOnlySpan<byte> data, HashAlgorithmId? digest = null, RsaSignaturePadding? padding = null, SignatureFormat format = SignatureFormat.Der)
    {
        ArgumentNullException.ThrowIfNull(key);
        SignatureScheme scheme = SchemeResolver.Resolve(key.Algorithm, PssRestriction(key), key.Bits, digest, padding);
        return SignCore(key, scheme, data, prehashed: false, format);
    }

    /// <summary>Signs <paramref name="data"/> with the algorithm a certificate or CMS structure names.</summary>
    /// <param name="key">The private key.</param>
    /// <param name="algorithm">The signature algorithm; see <see cref="SignatureAlgorithm.ForKey"/>.</param>
    /// <param name="data">The message (e.g. the TBSCertificate DER).</param>
    /// <param name="format">ECDSA/DSA only: DER (default, as X.509 requires) or IEEE P1363.</param>
    /// <returns>The signature.</returns>
    /// <exception cref="SignatureException">The algorithm does not fit the key.</exception>
    public static byte[] Sign(PrivateKey key, SignatureAlgorithm algorithm, ReadOnlySpan<byte> data, SignatureFormat format = SignatureFormat.Der)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(algorithm);
        SchemeResolver.Check(key.Algorithm, PssRestriction(key), algorithm.Scheme);
        return SignCore(key, algorithm.Scheme, data, prehashed: false, format);
    }

    /// <summary>Signs a digest computed by the caller (TLS 1.2 CertificateVerify, CMS signed attributes). Not for Ed25519/Ed448.</summary>
    /// <param name="key">The private key.</param>
    /// <param name="algorithm">The signature algorithm; its <see cref="SignatureAlgorithm.Hash"/> produced <paramref name="hash"/>.</param>
    /// <param name="hash">The digest.</param>
    /// <param name="format">ECDSA/DSA only: DER (default) or IEEE P1363.</param>
    /// <returns>The signature.</returns>
    /// <exception cref="SignatureException">The algorithm does not fit the key, or it is PureEdDSA.</exception>
    /// <exception cref="ArgumentException">The digest has the wrong length.</exception>
    public static byte[] SignHash(PrivateKey key, SignatureAlgorithm algorithm, ReadOnlySpan<byte> hash, SignatureFormat format = SignatureFormat.Der)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(algorithm);
        SchemeResolver.Check(key.Algorithm, PssRestriction(key), algorithm.Scheme);
        return SignCore(key, algorithm.Scheme, hash, prehashed: true, format);
    }

    private static RsaPssParameters? PssRestriction(PrivateKey key) => (key as RsaPrivateKey)?.PssParameters;

    private static byte[] SignCore(PrivateKey key, SignatureScheme scheme, ReadOnlySpan<byte> data, bool prehashed, SignatureFormat format)
    {
        ICryptoProvider provider = CryptoProviders.Default;
        if (scheme.IsEdDsa)
        {
            if (prehashed)
            {
                throw new SignatureException(SignatureError.InvalidRequest, "PureEdDSA signs the message, not a digest (RFC 8032 §5.1.6)");
            }

            return provider.SignEdDsa(ProviderKeys.Get((EcxPrivateKey)key), data);
        }

        HashAlgorithmId hash = scheme.Hash!.Value;
        Span<byte> buffer = stackalloc byte[DigestAlgorithms.MaxSize];
        ReadOnlySpan<byte> digest = prehashed ? RequireDigest(hash, data) : buffer[..DigestAlgorithms.Compute(provider, hash, data, buffer)];
        switch (key)
        {
            case RsaPrivateKey rsa:
                CheckRsaModulusFits(rsa.Bits, hash, scheme.RsaPadding);
                return provider.SignRsa(ProviderKeys.Get(rsa), hash, scheme.RsaPadding, digest);

            case EcPrivateKey ec:
                byte[] ecdsa = provider.SignEcdsa(ProviderKeys.Get(ec), hash, digest);
                return format == SignatureFormat.Der ? EcdsaSignature.FixedToDer(ecdsa) : ecdsa;

            default:
                byte[] dsa = provider.SignDsa(ProviderKeys.Get((DsaPrivateKey)key), hash, digest);
                return format == SignatureFormat.Der ? EcdsaSignature.FixedToDer(dsa) : dsa;
        }
    }

    /// <summary>
    /// Refuses, before the provider sees it, a PKCS#1 v1.5 signature the modulus cannot carry (RFC 8017 §9.2 step 3:
    /// emLen &lt; tLen + 11). PSS salts too long for the modulus are refused earlier, as InvalidSaltLength.
    /// </summary>
    private static void CheckRsaModulusFits(int modulusBits, HashAlgorithmId hash, RsaSignaturePadding padding)
    {
        int hashSize = DigestAlgorithms.Size(hash);
        if (!padding.IsPss && (modulusBits + 7) / 8 < DigestInfoLength(hash, hashSize) + 11)
        {
            throw new SignatureException(SignatureError.KeyTooSmall, $"digest too big for rsa key: a {modulusBits}-bit modulus cannot carry a {hash} DigestInfo (RFC 8017 §9.2)");
        }
    }

    // The DER DigestInfo (RFC 8017 §9.2 note 1): a 15-byte prefix for SHA-1, 18 for MD5, 19 for the SHA-2 and SHA-3 families.
    private static int DigestInfoLength(HashAlgorithmId hash, int hashSize) => hashSize + hash switch
    {
        HashAlgorithmId.Sha1 => 15,
        HashAlgorithmId.Md5 => 18,
        _ => 19,
    };

    private static ReadOnlySpan<byte> RequireDigest(HashAlgorithmId hash, ReadOnlySpan<byte> digest)
    {
        if (digest.Length != DigestAlgorithms.Size(hash))
        {
            throw new ArgumentException($"a {hash} digest is {DigestAlgorithms.Size(hash)} bytes, not {digest.Length}", nameof(digest));
        }

        return digest;
    }
}
