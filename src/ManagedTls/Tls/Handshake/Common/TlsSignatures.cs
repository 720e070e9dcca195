using ManagedTls.Crypto;
using ManagedTls.Keys;
using ManagedTls.Signatures;

namespace ManagedTls.Tls.Handshake;

/// <summary>
/// TLS signature schemes (RFC 8446 §4.2.3, RFC 5246 §7.4.1.4.1 as recast by RFC 8446 §4.2.3) mapped onto
/// <see cref="Signer"/> and <see cref="Verifier"/>: which schemes a key can use in which version, which one to choose
/// from the peer's list, and the signing and verification themselves.
/// </summary>
/// <remarks>
/// RSASSA-PSS uses MGF1 with the scheme's hash and a salt as long as the hash (RFC 8446 §4.2.3). ECDSA signatures are
/// DER-encoded ECDSA-Sig-Value as on the wire. In TLS 1.3 an ecdsa_secpXXXr1_shaYYY scheme binds the curve; in TLS 1.2
/// it names only the hash (RFC 8446 §4.2.3 last paragraphs), so a P-384 key may sign with ecdsa_secp256r1_sha256.
/// </remarks>
internal static class TlsSignatures
{
    /// <summary>
    /// The schemes we offer and accept by default, in OpenSSL 3.0's order (ssl/t1_lib.c tls12_sigalgs) without the
    /// SHA-1, SHA-224 and DSA entries that its default security level refuses.
    /// </summary>
    public static IReadOnlyList<TlsSignatureScheme> Default { get; } =
    [
        TlsSignatureScheme.EcdsaSecp256r1Sha256,
        TlsSignatureScheme.EcdsaSecp384r1Sha384,
        TlsSignatureScheme.EcdsaSecp521r1Sha512,
        TlsSignatureScheme.Ed25519,
        TlsSignatureScheme.Ed448,
        TlsSignatureScheme.RsaPssPssSha256,
        TlsSignatureScheme.RsaPssPssSha384,
        TlsSignatureScheme.RsaPssPssSha512,
        TlsSignatureScheme.RsaPssRsaeSha256,
        TlsSignatureScheme.RsaPssRsaeSha384,
        TlsSignatureScheme.RsaPssRsaeSha512,
        TlsSignatureScheme.RsaPkcs1Sha256,
        TlsSignatureScheme.RsaPkcs1Sha384,
        TlsSignatureScheme.RsaPkcs1Sha512,
    ];

    /// <summary>The hash a scheme signs with, or null for PureEdDSA and unknown schemes.</summary>
    /// <param name="scheme">The scheme.</param>
    /// <returns>The hash.</returns>
    public static HashAlgorithmId? HashOf(TlsSignatureScheme scheme) => scheme switch
    {
        TlsSignatureScheme.RsaPkcs1Sha1 or TlsSignatureScheme.EcdsaSha1 => HashAlgorithmId.Sha1,
        TlsSignatureScheme.RsaPkcs1Sha224 or TlsSignatureScheme.EcdsaSha224 => HashAlgorithmId.Sha224,
        TlsSignatureScheme.RsaPkcs1Sha256 or TlsSignatureScheme.EcdsaSecp256r1Sha256
            or TlsSignatureScheme.RsaPssRsaeSha256 or TlsSignatureScheme.RsaPssPssSha256 => HashAlgorithmId.Sha256,
        TlsSignatureScheme.RsaPkcs1Sha384 or TlsSignatureScheme.EcdsaSecp384r1Sha384
            or TlsSignatureScheme.RsaPssRsaeSha384 or TlsSignatureScheme.RsaPssPssSha384 => HashAlgorithmId.Sha384,
        TlsSignatureScheme.RsaPkcs1Sha512 or TlsSignatureScheme.EcdsaSecp521r1Sha512
            or TlsSignatureScheme.RsaPssRsaeSha512 or TlsSignatureScheme.RsaPssPssSha512 => HashAlgorithmId.Sha512,
        _ => null,
    };

    /// <summary>Whether <paramref name="scheme"/> can sign with (or verify against) <paramref name="key"/> in <paramref name="version"/>.</summary>
    /// <param name="scheme">The scheme.</param>
    /// <param name="key">The (signer's) public key.</param>
    /// <param name="version">TLS 1.2 or 1.3.</param>
    /// <returns>
    /// False for a key of another type; in TLS 1.3 also for rsa_pkcs1_*, SHA-1/SHA-224 schemes (RFC 8446 §4.2.3) and an
    /// ECDSA curve other than the scheme's; for rsa_pss_pss_* a key whose RSASSA-PSS parameters name another hash;
    /// and for RSA-PSS a modulus too short for the hash and salt (RFC 8017 §9.1.1: emLen &gt;= 2·hLen + 2).
    /// </returns>
    public static bool IsUsable(TlsSignatureScheme scheme, PublicKey key, TlsProtocolVersion version)
    {
        ArgumentNullException.ThrowIfNull(key);
        bool tls13 = version >= TlsProtocolVersion.Tls13;
        switch (scheme)
        {
            case TlsSignatureScheme.RsaPkcs1Sha256 or TlsSignatureScheme.RsaPkcs1Sha384 or TlsSignatureScheme.RsaPkcs1Sha512
                or TlsSignatureScheme.RsaPkcs1Sha1 or TlsSignatureScheme.RsaPkcs1Sha224:
                return !tls13 && key.Algorithm == KeyAlgorithm.Rsa;
            case TlsSignatureScheme.RsaPssRsaeSha256 or TlsSignatureScheme.RsaPssRsaeSha384 or TlsSignatureScheme.RsaPssRsaeSha512:
                return key.Algorithm == KeyAlgorithm.Rsa && PssFits(key.Bits, HashOf(scheme)!.Value);
            case TlsSignatureScheme.RsaPssPssSha256 or TlsSignatureScheme.RsaPssPssSha384 or TlsSignatureScheme.RsaPssPssSha512:
                return key is RsaPublicKey { Algorithm: KeyAlgorithm.RsaPss } pss
                    && PssFits(key.Bits, HashOf(scheme)!.Value)
                    && PssRestrictionAllows(pss.PssParameters, HashOf(scheme)!.Value);
            case TlsSignatureScheme.EcdsaSecp256r1Sha256:
                return EcdsaFits(key, EcNamedCurve.P256, tls13);
            case TlsSignatureScheme.EcdsaSecp384r1Sha384:
                return EcdsaFits(key, EcNamedCurve.P384, tls13);
            case TlsSignatureScheme.EcdsaSecp521r1Sha512:
                return EcdsaFits(key, EcNamedCurve.P521, tls13);
            case TlsSignatureScheme.EcdsaSha1 or TlsSignatureScheme.EcdsaSha224:
                return !tls13 && key.Algorithm == KeyAlgorithm.Ec;
            case TlsSignatureScheme.Ed25519:
                return key.Algorithm == KeyAlgorithm.Ed25519;
            case TlsSignatureScheme.Ed448:
                return key.Algorithm == KeyAlgorithm.Ed448;
            default:
                return false;
        }
    }

    /// <summary>
    /// Chooses the scheme to sign with: the first entry of the peer's list that is also in ours and usable with the
    /// key — the peer's preference order, as OpenSSL does by default (ssl/t1_lib.c tls1_set_shared_sigalgs).
    /// </summary>
    /// <param name="peerOffered">The peer's signature_algorithms, in its order of preference.</param>
    /// <param name="ours">The schemes we allow.</param>
    /// <param name="key">Our signing key.</param>
    /// <param name="version">The negotiated version.</param>
    /// <returns>The scheme, or null when none fits (the caller sends handshake_failure, RFC 8446 §4.4.2.2).</returns>
    public static TlsSignatureScheme? Choose(IReadOnlyList<TlsSignatureScheme> peerOffered, IReadOnlyList<TlsSignatureScheme> ours, PrivateKey key, TlsProtocolVersion version)
        => Choose(peerOffered, ours, key, version, preferOurs: false);

    /// <summary>
    /// Chooses the scheme to sign with from the intersection of the two lists, in the peer's order or (like OpenSSL
    /// with SSL_OP_CIPHER_SERVER_PREFERENCE) in ours.
    /// </summary>
    /// <param name="peerOffered">The peer's signature_algorithms.</param>
    /// <param name="ours">The schemes we allow.</param>
    /// <param name="key">Our signing key.</param>
    /// <param name="version">The negotiated version.</param>
    /// <param name="preferOurs">True to walk our list first.</param>
    /// <returns>The scheme, or null when none fits.</returns>
    public static TlsSignatureScheme? Choose(IReadOnlyList<TlsSignatureScheme> peerOffered, IReadOnlyList<TlsSignatureScheme> ours, PrivateKey key, TlsProtocolVersion version, bool preferOurs)
    {
        ArgumentNullException.ThrowIfNull(peerOffered);
        ArgumentNullException.ThrowIfNull(ours);
        ArgumentNullException.ThrowIfNull(key);
        IReadOnlyList<TlsSignatureScheme> first = preferOurs ? ours : peerOffered;
        IReadOnlyList<TlsSignatureScheme> second = preferOurs ? peerOffered : ours;
        PublicKey publicKey = key.PublicKey;
        for (int i = 0; i < first.Count; i++)
        {
            TlsSignatureScheme candidate = first[i];
            if (Contains(second, candidate) && IsUsable(candidate, publicKey, version))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Signs <paramref name="data"/> (the whole message; the scheme's hash is applied here).</summary>
    /// <param name="scheme">The scheme.</param>
    /// <param name="key">The private key.</param>
    /// <param name="data">The signed content.</param>
    /// <returns>The signature as sent on the wire (DER for ECDSA).</returns>
    /// <exception cref="TlsException">The scheme does not fit the key (internal_error: the caller should have chosen with <see cref="IsUsable"/>).</exception>
    public static byte[] Sign(TlsSignatureScheme scheme, PrivateKey key, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!IsUsable(scheme, key.PublicKey, TlsProtocolVersion.Tls12))
        {
            throw new TlsException(TlsError.Internal, TlsAlertDescription.InternalError, $"signature scheme {scheme} does not fit a {key.Algorithm} key");
        }

        try
        {
            HashAlgorithmId? hash = HashOf(scheme);
            return Signer.Sign(key, data, hash, PaddingOf(scheme, hash), SignatureFormat.Der);
        }
        catch (SignatureException e)
        {
            throw new TlsException(TlsError.Internal, TlsAlertDescription.InternalError, $"signing with {scheme} failed: {e.Message}", e);
        }
    }

    /// <summary>Verifies a signature made with <paramref name="scheme"/>.</summary>
    /// <param name="scheme">The scheme the peer named.</param>
    /// <param name="key">The peer's public key.</param>
    /// <param name="data">The signed content.</param>
    /// <param name="signature">The signature from the wire.</param>
    /// <returns>
    /// True only for a valid signature. A scheme that does not fit the key type verifies false; the version-specific
    /// rules (TLS 1.3 curve binding, no PKCS#1) are the caller's, with <see cref="IsUsable"/>.
    /// </returns>
    public static bool Verify(TlsSignatureScheme scheme, PublicKey key, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!IsUsable(scheme, key, TlsProtocolVersion.Tls12))
        {
            return false;
        }

        try
        {
            HashAlgorithmId? hash = HashOf(scheme);
            return Verifier.Verify(key, data, signature, hash, PaddingOf(scheme, hash), SignatureFormat.Der);
        }
        catch (Exception e) when (e is SignatureException or ManagedTls.Asn1.DecodeException or KeyFormatException or ArgumentException or FormatException)
        {
            // A key restriction the scheme violates, or a signature or key that does not decode: it cannot verify.
            return false;
        }
    }

    private static RsaSignaturePadding? PaddingOf(TlsSignatureScheme scheme, HashAlgorithmId? hash) => scheme switch
    {
        TlsSignatureScheme.RsaPssRsaeSha256 or TlsSignatureScheme.RsaPssRsaeSha384 or TlsSignatureScheme.RsaPssRsaeSha512
            or TlsSignatureScheme.RsaPssPssSha256 or TlsSignatureScheme.RsaPssPssSha384 or TlsSignatureScheme.RsaPssPssSha512
            => RsaSignaturePadding.Pss(HashSize(hash!.Value), hash),
        TlsSignatureScheme.RsaPkcs1Sha1 or TlsSignatureScheme.RsaPkcs1Sha224 or TlsSignatureScheme.RsaPkcs1Sha256
            or TlsSignatureScheme.RsaPkcs1Sha384 or TlsSignatureScheme.RsaPkcs1Sha512 => RsaSignaturePadding.Pkcs1,
        _ => null,
    };

    private static int HashSize(HashAlgorithmId hash) => hash switch
    {
        HashAlgorithmId.Sha1 => 20,
        HashAlgorithmId.Sha224 => 28,
        HashAlgorithmId.Sha256 => 32,
        HashAlgorithmId.Sha384 => 48,
        _ => 64,
    };

    // RFC 8017 §9.1.1 step 3 with sLen = hLen: the encoded message needs 2·hLen + 2 bytes of emBits = modBits - 1.
    private static bool PssFits(int modulusBits, HashAlgorithmId hash) => (modulusBits - 1 + 7) / 8 >= (2 * HashSize(hash)) + 2;

    private static bool PssRestrictionAllows(RsaPssParameters? restriction, HashAlgorithmId hash)
    {
        if (restriction is null)
        {
            return true;
        }

        string oid = hash switch
        {
            HashAlgorithmId.Sha256 => DigestAlgorithms.Sha256Oid,
            HashAlgorithmId.Sha384 => DigestAlgorithms.Sha384Oid,
            _ => DigestAlgorithms.Sha512Oid,
        };

        // RFC 8446 §4.2.3: rsa_pss_pss_* keys carry parameters; the digest and MGF1 digest must be the scheme's and
        // the minimum salt no longer than the hash.
        return restriction.HashAlgorithm == oid && restriction.MaskGenHashAlgorithm == oid && restriction.SaltLength <= HashSize(hash);
    }

    private static bool EcdsaFits(PublicKey key, EcNamedCurve curve, bool tls13) =>
        key is EcPublicKey ec && (!tls13 || ReferenceEquals(ec.Curve, curve));

    private static bool Contains(IReadOnlyList<TlsSignatureScheme> list, TlsSignatureScheme scheme)
    {
        for (int i = 0; i < list.Count; i++)
        {
            if (list[i] == scheme)
            {
                return true;
            }
        }

        return false;
    }
}
