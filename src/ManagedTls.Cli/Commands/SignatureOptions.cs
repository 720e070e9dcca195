using ManagedTls.Crypto;
using ManagedTls.Keys;
using ManagedTls.Signatures;

namespace ManagedTls.Cli;

/// <summary>
/// The signature parameters of <c>dgst -sigopt</c> and <c>pkeyutl -pkeyopt</c> (<c>rsa_padding_mode:pss</c>,
/// <c>rsa_pss_saltlen:digest|max|auto|N</c>, <c>rsa_mgf1_md:sha256</c>, <c>digest:sha256</c>) and the signing and
/// verification steps that apply them through <see cref="Signer"/>/<see cref="Verifier"/>.
/// </summary>
/// <remarks>
/// As OpenSSL 3.0: PSS signs with a digest-length salt unless told otherwise; verification with no salt length (or
/// <c>auto</c>) accepts any salt length, trying the digest length and the maximum first.
/// </remarks>
internal sealed class SignatureOptions
{
    private const int SaltDigest = -1;
    private const int SaltAuto = -2;
    private const int SaltMax = -3;

    private bool? _pss;
    private int? _saltLength;
    private HashAlgorithmId? _mgf1;

    /// <summary>The digest set with <c>digest:NAME</c>, if any.</summary>
    public HashAlgorithmId? Digest { get; private set; }

    /// <summary>Applies one <c>name:value</c> option.</summary>
    /// <param name="option">The option text.</param>
    /// <returns>False when the name or value is not understood (the caller prints openssl's message).</returns>
    public bool TrySet(string option)
    {
        int colon = option.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return false;
        }

        string value = option[(colon + 1)..];
        switch (option[..colon])
        {
            case "rsa_padding_mode":
                _pss = value switch { "pss" => true, "pkcs1" => false, _ => null };
                return _pss is not null;
            case "rsa_pss_saltlen":
                _saltLength = value switch
                {
                    "digest" => SaltDigest,
                    "auto" => SaltAuto,
                    "max" => SaltMax,
                    _ => int.TryParse(value, out int n) && n >= 0 ? n : null,
                };
                return _saltLength is not null;
            case "rsa_mgf1_md":
                _mgf1 = DigestNames.TryParse(value, out HashAlgorithmId mgf) ? mgf : null;
                return _mgf1 is not null;
            case "digest":
                Digest = DigestNames.TryParse(value, out HashAlgorithmId digest) ? digest : null;
                return Digest is not null;
            default:
                return false;
        }
    }

    /// <summary>Signs a message, or a digest computed by the caller when <paramref name="prehashed"/>.</summary>
    /// <param name="key">The private key.</param>
    /// <param name="hash">The digest algorithm (null: the key's default; EdDSA takes none).</param>
    /// <param name="input">The message or the digest.</param>
    /// <param name="prehashed">Whether <paramref name="input"/> is already a digest.</param>
    /// <returns>The signature (DER for ECDSA and DSA, as openssl writes).</returns>
    /// <exception cref="SignatureException">The key cannot sign with these parameters.</exception>
    public byte[] Sign(PrivateKey key, HashAlgorithmId? hash, ReadOnlySpan<byte> input, bool prehashed)
    {
        SignatureAlgorithm algorithm = Algorithm(key.PublicKey, hash, SignSalt(key.PublicKey, hash));
        return prehashed ? Signer.SignHash(key, algorithm, input) : Signer.Sign(key, algorithm, input);
    }

    /// <summary>Verifies a signature over a message or, when <paramref name="prehashed"/>, over a digest.</summary>
    /// <param name="key">The public key.</param>
    /// <param name="hash">The digest algorithm (null: the key's default).</param>
    /// <param name="input">The message or the digest.</param>
    /// <param name="signature">The signature.</param>
    /// <param name="prehashed">Whether <paramref name="input"/> is already a digest.</param>
    /// <returns>Whether the signature verifies.</returns>
    /// <exception cref="SignatureException">The key cannot verify with these parameters.</exception>
    public bool Verify(PublicKey key, HashAlgorithmId? hash, ReadOnlySpan<byte> input, ReadOnlySpan<byte> signature, bool prehashed)
    {
        bool first = true;
        foreach (int? salt in VerifySalts(key, hash))
        {
            SignatureAlgorithm algorithm;
            try
            {
                algorithm = Algorithm(key, hash, salt);
            }
            catch (SignatureException) when (!first)
            {
                continue; // a salt length the key's RSASSA-PSS-params rule out
            }

            first = false;
            bool ok = prehashed ? Verifier.VerifyHash(key, algorithm, input, signature) : Verifier.Verify(key, algorithm, input, signature);
            if (ok)
            {
                return true;
            }
        }

        return false;
    }

    private bool IsPss(PublicKey key) => _pss ?? key.Algorithm == KeyAlgorithm.RsaPss;

    private SignatureAlgorithm Algorithm(PublicKey key, HashAlgorithmId? hash, int? salt)
    {
        if (key is not RsaPublicKey)
        {
            return SignatureAlgorithm.ForKey(key, key.Algorithm is KeyAlgorithm.Ed25519 or KeyAlgorithm.Ed448 ? null : hash);
        }

        // An RSA-PSS key with nothing asked for follows its own RSASSA-PSS-params; otherwise PSS defaults to a digest-length salt.
        RsaSignaturePadding? padding = !IsPss(key) ? RsaSignaturePadding.Pkcs1
            : salt is null && _mgf1 is null && key.Algorithm == KeyAlgorithm.RsaPss ? null
            : RsaSignaturePadding.Pss(salt ?? SaltDigest, _mgf1);
        return SignatureAlgorithm.ForKey(key, hash, padding);
    }

    private int? SignSalt(PublicKey key, HashAlgorithmId? hash) => _saltLength switch
    {
        null or SaltAuto or SaltDigest => _saltLength is null && _mgf1 is null ? null : SaltDigest,
        SaltMax => MaxSalt(key, hash),
        int n => n,
    };

    private IEnumerable<int?> VerifySalts(PublicKey key, HashAlgorithmId? hash)
    {
        if (key is not RsaPublicKey || !IsPss(key) || _saltLength is not (null or SaltAuto))
        {
            yield return SignSalt(key, hash);
            yield break;
        }

        // Salt length unknown: the key's own default first, then every length the modulus allows.
        yield return null;
        int max = MaxSalt(key, hash);
        yield return max;
        for (int salt = 0; salt < max; salt++)
        {
            yield return salt;
        }
    }

    private static int MaxSalt(PublicKey key, HashAlgorithmId? hash)
    {
        int hashSize = DigestAlgorithms.Size(hash ?? HashAlgorithmId.Sha256);
        return Math.Max(0, ((key.Bits + 6) / 8) - hashSize - 2); // RFC 8017 §9.1.1: emLen - hLen - 2
    }
}
