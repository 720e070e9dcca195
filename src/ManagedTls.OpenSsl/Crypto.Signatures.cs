using ManagedTls.Crypto;
using ManagedTls.Keys;
using ManagedTls.Signatures;

namespace ManagedTls.OpenSsl;

/// <summary>Signing and verifying data: <c>sign</c> and <c>verify</c>.</summary>
public static partial class Crypto
{
    /// <summary>
    /// Signs <paramref name="data"/> with <paramref name="pkey"/> and a message digest (<c>sign</c>, OpenSSL's
    /// <c>EVP_SignInit</c>/<c>EVP_SignUpdate</c>/<c>EVP_SignFinal</c>): RSASSA-PKCS1-v1_5 for RSA (PSS for an RSA-PSS
    /// key, with a salt as long as the digest — OpenSSL 3.0 uses the longest salt that fits; verifiers accept both),
    /// DER-encoded ECDSA and DSA signatures. ECDSA/DSA nonces are deterministic (RFC 6979) where OpenSSL's are random;
    /// both verify the same way.
    /// </summary>
    /// <param name="pkey">A key pair.</param>
    /// <param name="data">The message.</param>
    /// <param name="digest">An OpenSSL digest name: <c>sha256</c>, <c>SHA512</c>, <c>sha1</c>, <c>md5</c>, <c>sha3-256</c>, ...</param>
    /// <returns>The signature.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">
    /// An unknown or unimplemented digest ("No such digest method"); a public-only key ("Key has only public part") or
    /// an empty one ("Key is uninitialized").
    /// </exception>
    /// <exception cref="CryptoException">
    /// Ed25519/Ed448 (and X25519/X448) keys: <c>("digital envelope routines", "EVP_SignFinal", "operation not supported
    /// for this keytype")</c>, as on OpenSSL 3, since <c>EVP_SignInit</c> always hashes first and PureEdDSA does not (sign
    /// with <see cref="Signer"/> instead); a digest that does not fit the key (e.g. SHA-512 with a 512-bit RSA key).
    /// </exception>
    public static byte[] Sign(PKey pkey, byte[] data, string digest)
    {
        ArgumentNullException.ThrowIfNull(pkey);
        ArgumentNullException.ThrowIfNull(data);
        HashAlgorithmId hash = ParseDigest(digest);
        PrivateKey key = RequirePrivate(pkey);
        if (!CanHashAndSign(key.Algorithm))
        {
            throw CryptoErrors.OperationNotSupported("EVP_SignFinal");
        }

        try
        {
            return Signer.Sign(key, data, hash);
        }
        catch (SignatureException e)
        {
            throw CryptoErrors.FromSignature(e, "EVP_SignFinal");
        }
    }

    /// <summary>
    /// Verifies a signature made by <see cref="Sign"/> (or <c>openssl dgst -sign</c>) with the public key of
    /// <paramref name="key"/>. pyOpenSSL's <c>verify(cert, signature, data, digest)</c> takes the signer's certificate;
    /// this overload takes the key itself (the certificate overload arrives with <c>X509</c>).
    /// </summary>
    /// <param name="key">The signer's key (a key pair or a public key).</param>
    /// <param name="signature">The signature.</param>
    /// <param name="data">The message.</param>
    /// <param name="digest">The digest name used when signing.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">An unknown digest ("No such digest method"); an empty key ("Key is uninitialized").</exception>
    /// <exception cref="CryptoException">
    /// The signature does not verify: <c>("rsa routines", "int_rsa_verify", "bad signature")</c> for RSA,
    /// <c>("digital envelope routines", "EVP_VerifyFinal", "bad signature")</c> otherwise (OpenSSL leaves its queue
    /// empty for a bad ECDSA/DSA signature; ManagedTls says why). Ed25519/Ed448 keys: "operation not supported for this keytype".
    /// </exception>
    public static void Verify(PKey key, byte[] signature, byte[] data, string digest)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(signature);
        ArgumentNullException.ThrowIfNull(data);
        HashAlgorithmId hash = ParseDigest(digest);
        Keys.PublicKey publicKey = RequirePublic(key);
        if (!CanHashAndSign(publicKey.Algorithm))
        {
            throw CryptoErrors.OperationNotSupported("EVP_VerifyFinal");
        }

        bool valid;
        try
        {
            valid = Verifier.Verify(publicKey, data, signature, hash)
                || (publicKey is RsaPublicKey { Algorithm: KeyAlgorithm.RsaPss } pss && VerifyPssMaxSalt(pss, data, signature, hash));
        }
        catch (SignatureException e)
        {
            throw CryptoErrors.FromSignature(e, "EVP_VerifyFinal");
        }

        if (!valid)
        {
            throw CryptoErrors.BadSignature(publicKey.Algorithm);
        }
    }

    /// <summary>
    /// OpenSSL 3.0 signs with an RSA-PSS key using the largest salt that fits (its "auto" on signing), and its verifier
    /// recovers any salt length; the Verifier checks the key's (or the digest's) length, so try the maximum as well.
    /// </summary>
    private static bool VerifyPssMaxSalt(RsaPublicKey key, byte[] data, byte[] signature, HashAlgorithmId hash)
    {
        int hashSize = HashAlgorithms.HashSize(hash);
        int maxSalt = ((key.Bits - 1 + 7) / 8) - hashSize - 2; // RFC 8017 §9.1.1: emLen − hLen − 2
        if (maxSalt < 0 || maxSalt == hashSize)
        {
            return false;
        }

        try
        {
            return Verifier.Verify(key, data, signature, hash, RsaSignaturePadding.Pss(maxSalt));
        }
        catch (SignatureException)
        {
            return false; // the key's restrictions forbid that salt: the signature is not valid for this key
        }
    }

    private static bool CanHashAndSign(KeyAlgorithm algorithm) =>
        algorithm is KeyAlgorithm.Rsa or KeyAlgorithm.RsaPss or KeyAlgorithm.Dsa or KeyAlgorithm.Ec;

    private static HashAlgorithmId ParseDigest(string digest)
    {
        ArgumentNullException.ThrowIfNull(digest);
        try
        {
            return DigestNames.Parse(digest);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            throw new ArgumentException("No such digest method", nameof(digest), e);
        }
    }
}
