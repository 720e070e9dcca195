using ManagedTls.Crypto;
using ManagedTls.Keys;

namespace ManagedTls.Signatures;

/// <summary>Turns a key plus caller options into a <see cref="SignatureScheme"/>, and checks a scheme against a key.</summary>
internal static class SchemeResolver
{
    /// <summary>The digest used when the caller names none: SHA-256, as <c>openssl dgst</c> and <c>req</c>/<c>x509</c> in OpenSSL 3.</summary>
    public const HashAlgorithmId DefaultDigest = HashAlgorithmId.Sha256;

    public static SignatureScheme Resolve(KeyAlgorithm key, RsaPssParameters? restriction, int keyBits, HashAlgorithmId? digest, RsaSignaturePadding? padding)
    {
        switch (key)
        {
            case KeyAlgorithm.Rsa or KeyAlgorithm.RsaPss:
                return ResolveRsa(key, restriction, keyBits, digest, padding);

            case KeyAlgorithm.Ec or KeyAlgorithm.Dsa:
                RejectPadding(key, padding);
                return new SignatureScheme(key == KeyAlgorithm.Ec ? SignatureAlgorithmKind.Ecdsa : SignatureAlgorithmKind.Dsa, digest ?? DefaultDigest);

            case KeyAlgorithm.Ed25519 or KeyAlgorithm.Ed448:
                RejectPadding(key, padding);
                if (digest is not null)
                {
                    throw new SignatureException(SignatureError.InvalidRequest, $"{key} is PureEdDSA and hashes the message itself; pass no digest (RFC 8032 §5.1.6)");
                }

                return new SignatureScheme(key == KeyAlgorithm.Ed25519 ? SignatureAlgorithmKind.Ed25519 : SignatureAlgorithmKind.Ed448, null);

            default:
                throw new SignatureException(SignatureError.KeyMismatch, $"a {key} key is for key agreement and cannot sign (RFC 8410 §3)");
        }
    }

    /// <summary>Checks that <paramref name="scheme"/> may be used with a key of this type and restriction.</summary>
    public static void Check(KeyAlgorithm key, RsaPssParameters? restriction, SignatureScheme scheme)
    {
        bool fits = scheme.Kind switch
        {
            SignatureAlgorithmKind.RsaPkcs1 => key == KeyAlgorithm.Rsa,
            SignatureAlgorithmKind.RsaPss => key is KeyAlgorithm.Rsa or KeyAlgorithm.RsaPss,
            SignatureAlgorithmKind.Ecdsa => key == KeyAlgorithm.Ec,
            SignatureAlgorithmKind.Dsa => key == KeyAlgorithm.Dsa,
            SignatureAlgorithmKind.Ed25519 => key == KeyAlgorithm.Ed25519,
            SignatureAlgorithmKind.Ed448 => key == KeyAlgorithm.Ed448,
            _ => false,
        };
        if (!fits)
        {
            throw new SignatureException(SignatureError.KeyMismatch, key == KeyAlgorithm.RsaPss && scheme.Kind == SignatureAlgorithmKind.RsaPkcs1
                ? "an RSA-PSS key is restricted to RSASSA-PSS (RFC 4055 §1.2)"
                : $"{scheme.Kind} does not fit a {key} key");
        }

        if (key == KeyAlgorithm.RsaPss && restriction is not null)
        {
            CheckRestriction(restriction, scheme);
        }
    }

    private static SignatureScheme ResolveRsa(KeyAlgorithm key, RsaPssParameters? restriction, int keyBits, HashAlgorithmId? digest, RsaSignaturePadding? padding)
    {
        bool pss = padding?.IsPss ?? key == KeyAlgorithm.RsaPss;
        restriction = key == KeyAlgorithm.RsaPss ? restriction : null;
        HashAlgorithmId hash = digest ?? (restriction is null ? DefaultDigest : RestrictedDigest(restriction.HashAlgorithm, "hash"));
        if (!pss)
        {
            var pkcs1 = new SignatureScheme(SignatureAlgorithmKind.RsaPkcs1, hash);
            Check(key, restriction, pkcs1);
            return pkcs1;
        }

        HashAlgorithmId mgf = padding?.MgfHash ?? (restriction is null ? hash : RestrictedDigest(restriction.MaskGenHashAlgorithm, "MGF1"));
        int salt = padding switch
        {
            null => restriction?.SaltLength ?? DigestAlgorithms.Size(hash),
            { SaltLength: < 0 } => DigestAlgorithms.Size(hash),
            { } explicitSalt => explicitSalt.SaltLength,
        };
        var scheme = new SignatureScheme(SignatureAlgorithmKind.RsaPss, hash, mgf, salt);
        Check(key, restriction, scheme);

        // RFC 8017 §9.1.1 step 3: emLen >= hLen + sLen + 2, with emLen = ceil((modBits - 1) / 8).
        int emLength = (keyBits + 6) / 8;
        if (emLength < DigestAlgorithms.Size(hash) + salt + 2)
        {
            throw new SignatureException(SignatureError.InvalidSaltLength, $"a {salt}-byte salt with {hash} does not fit a {keyBits}-bit RSA key (RFC 8017 §9.1.1)");
        }

        return scheme;
    }

    private static void CheckRestriction(RsaPssParameters restriction, SignatureScheme scheme)
    {
        // RFC 4055 §3.3: a key with RSASSA-PSS-params may only be used with that digest and MGF, and a salt at least as long.
        if (RestrictedDigest(restriction.HashAlgorithm, "hash") != scheme.Hash)
        {
            throw new SignatureException(SignatureError.KeyRestriction, $"the RSA-PSS key requires digest {restriction.HashAlgorithm}, not {scheme.Hash} (RFC 4055 §3.3)");
        }

        if (RestrictedDigest(restriction.MaskGenHashAlgorithm, "MGF1") != scheme.MgfHash)
        {
            throw new SignatureException(SignatureError.KeyRestriction, $"the RSA-PSS key requires MGF1 digest {restriction.MaskGenHashAlgorithm}, not {scheme.MgfHash} (RFC 4055 §3.3)");
        }

        if (scheme.SaltLength < restriction.SaltLength)
        {
            throw new SignatureException(SignatureError.InvalidSaltLength, $"the RSA-PSS key requires a salt of at least {restriction.SaltLength} bytes, not {scheme.SaltLength} (RFC 4055 §3.3)");
        }
    }

    private static HashAlgorithmId RestrictedDigest(string oid, string field) =>
        DigestAlgorithms.FromOid(oid)
        ?? throw new SignatureException(SignatureError.UnsupportedDigest, $"the RSA-PSS key's {field} digest {oid} is not supported");

    private static void RejectPadding(KeyAlgorithm key, RsaSignaturePadding? padding)
    {
        if (padding is not null)
        {
            throw new SignatureException(SignatureError.InvalidRequest, $"RSA padding does not apply to a {key} key");
        }
    }
}
