using ManagedTls.Crypto;
using ManagedTls.Keys;

namespace ManagedTls.Signatures;

/// <summary>
/// Verifies signatures with a <see cref="PublicKey"/>. A signature that does not verify — wrong value, wrong length,
/// non-DER or out-of-range ECDSA/DSA encoding — is <c>false</c>, never an exception; a request that makes no sense
/// for the key (ECDSA with an RSA key, an RSA-PSS key's restrictions violated) is a <see cref="SignatureException"/>.
/// </summary>
public static class Verifier
{
    /// <summary>Verifies a signature over <paramref name="data"/> with options as for <see cref="Signer"/>.</summary>
    /// <param name="key">The public key.</param>
    /// <param name="data">The message.</param>
    /// <param name="signature">The signature.</param>
    /// <param name="digest">The digest; null for SHA-256 (or an RSA-PSS key's own). Must be null for Ed25519/Ed448.</param>
    /// <param name="padding">RSA only: PKCS#1 v1.5 or PSS (a PSS salt length must match the signer's); null for the key's default.</param>
    /// <param name="format">ECDSA/DSA only: DER (default) or IEEE P1363.</param>
    /// <returns>True only for a valid signature.</returns>
    /// <exception cref="SignatureException">The options do not fit the key.</exception>
    public static bool Verify(PublicKey key, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature, HashAlgorithmId? digest = null, RsaSignaturePadding? padding = null, SignatureFormat format = SignatureFormat.Der)
    {
        ArgumentNullException.ThrowIfNull(key);
        SignatureScheme scheme = SchemeResolver.Resolve(key.Algorithm, PssRestriction(key), key.Bits, digest, padding);
        return VerifyCore(key, scheme, data, signature, prehashed: false, format);
    }

    /// <summary>Verifies a signature made with the algorithm a certificate, CRL, CSR or CMS structure names.</summary>
    /// <param name="key">The public key (for a certificate, the issuer's).</param>
    /// <param name="algorithm">The signatureAlgorithm.</param>
    /// <param name="data">The signed bytes (e.g. the raw TBSCertificate).</param>
    /// <param name="signature">The signature value.</param>
    /// <param name="format">ECDSA/DSA only: DER (default, as X.509 requires) or IEEE P1363.</param>
    /// <returns>True only for a valid signature.</returns>
    /// <exception cref="SignatureException"><see cref="SignatureError.KeyMismatch"/>, <see cref="SignatureError.KeyRestriction"/>, <see cref="SignatureError.InvalidSaltLength"/> or <see cref="SignatureError.UnsupportedKey"/>.</exception>
    public static bool Verify(PublicKey key, SignatureAlgorithm algorithm, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature, SignatureFormat format = SignatureFormat.Der)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(algorithm);
        SchemeResolver.Check(key.Algorithm, PssRestriction(key), algorithm.Scheme);
        return VerifyCore(key, algorithm.Scheme, data, signature, prehashed: false, format);
    }

    /// <summary>Verifies a signature over a digest computed by the caller. Not for Ed25519/Ed448.</summary>
    /// <param name="key">The public key.</param>
    /// <param name="algorithm">The signature algorithm; its <see cref="SignatureAlgorithm.Hash"/> produced <paramref name="hash"/>.</param>
    /// <param name="hash">The digest (a wrong length verifies false).</param>
    /// <param name="signature">The signature.</param>
    /// <param name="format">ECDSA/DSA only: DER (default) or IEEE P1363.</param>
    /// <returns>True only for a valid signature.</returns>
    /// <exception cref="SignatureException">The algorithm does not fit the key, or it is PureEdDSA.</exception>
    public static bool VerifyHash(PublicKey key, SignatureAlgorithm algorithm, ReadOnlySpan<byte> hash, ReadOnlySpan<byte> signature, SignatureFormat format = SignatureFormat.Der)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(algorithm);
        SchemeResolver.Check(key.Algorithm, PssRestriction(key), algorithm.Scheme);
        return VerifyCore(key, algorithm.Scheme, hash, signature, prehashed: true, format);
    }

    private static RsaPssParameters? PssRestriction(PublicKey key) => (key as RsaPublicKey)?.PssParameters;

    private static bool VerifyCore(PublicKey key, SignatureScheme scheme, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature, bool prehashed, SignatureFormat format)
    {
        ICryptoProvider provider = CryptoProviders.Default;
        if (scheme.IsEdDsa)
        {
            if (prehashed)
            {
                throw new SignatureException(SignatureError.InvalidRequest, "PureEdDSA verifies the message, not a digest (RFC 8032 §5.1.7)");
            }

            return provider.VerifyEdDsa(ProviderKeys.Get((EcxPublicKey)key), data, signature);
        }

        HashAlgorithmId hash = scheme.Hash!.Value;
        Span<byte> buffer = stackalloc byte[DigestAlgorithms.MaxSize];
        scoped ReadOnlySpan<byte> digest;
        if (prehashed)
        {
            if (data.Length != DigestAlgorithms.Size(hash))
            {
                return false;
            }

            digest = data;
        }
        else
        {
            digest = buffer[..DigestAlgorithms.Compute(provider, hash, data, buffer)];
        }

        switch (key)
        {
            case RsaPublicKey rsa:
                // RFC 8017 §9.1.2 step 3 (EMSA-PSS-VERIFY): emLen < hLen + sLen + 2 is "inconsistent". Decided here
                // because the provider's PSS verifier throws for it instead of answering false.
                if (scheme.Kind == SignatureAlgorithmKind.RsaPss && (rsa.Bits + 6) / 8 < digest.Length + scheme.SaltLength + 2)
                {
                    return false;
                }

                return provider.VerifyRsa(ProviderKeys.Get(rsa), hash, scheme.RsaPadding, digest, signature);

            case EcPublicKey ec:
            {
                EcParameters parameters = ProviderKeys.Get(ec);
                return ToFixed(signature, EcdsaSignature.OrderOf(ec.Curve), format) is byte[] fixedWidth
                    && provider.VerifyEcdsa(parameters, digest, fixedWidth);
            }

            default:
            {
                var dsa = (DsaPublicKey)key;
                return ToFixed(signature, dsa.Parameters.Q.Span, format) is byte[] fixedWidth
                    && provider.VerifyDsa(ProviderKeys.Get(dsa), digest, fixedWidth);
            }
        }
    }

    /// <summary>The fixed-width form the provider takes, or null when the encoding or range is wrong.</summary>
    private static byte[]? ToFixed(ReadOnlySpan<byte> signature, ReadOnlySpan<byte> order, SignatureFormat format)
    {
        if (format == SignatureFormat.IeeeP1363)
        {
            return EcdsaSignature.CheckP1363(signature, order) is null ? signature.ToArray() : null;
        }

        byte[] fixedWidth = new byte[2 * order.Length];
        return EcdsaSignature.TryDerToP1363(signature, order, fixedWidth) is null ? fixedWidth : null;
    }
}
