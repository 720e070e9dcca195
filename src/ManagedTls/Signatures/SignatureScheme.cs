using ManagedTls.Crypto;

namespace ManagedTls.Signatures;

/// <summary>
/// A fully resolved signing operation: scheme, digest, and for PSS the MGF1 digest and the salt length in bytes.
/// Unlike <see cref="SignatureAlgorithm"/> it needs no OID, so <c>openssl dgst</c>-style requests such as ECDSA with
/// SHA-512/256 (which has no AlgorithmIdentifier) still work.
/// </summary>
internal readonly record struct SignatureScheme(SignatureAlgorithmKind Kind, HashAlgorithmId? Hash, HashAlgorithmId? MgfHash = null, int SaltLength = 0)
{
    public bool IsEdDsa => Kind is SignatureAlgorithmKind.Ed25519 or SignatureAlgorithmKind.Ed448;

    public RsaSignaturePadding RsaPadding => Kind == SignatureAlgorithmKind.RsaPss
        ? RsaSignaturePadding.Pss(SaltLength, MgfHash == Hash ? null : MgfHash)
        : RsaSignaturePadding.Pkcs1;
}
