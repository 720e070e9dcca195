using System.Runtime.CompilerServices;
using Org.BouncyCastle.Crypto.Parameters;

namespace ManagedTls.Crypto.BouncyCastle;

/// <summary>
/// BouncyCastle key objects built once per provider key bag (<see cref="RsaParameters"/>, <see cref="EcParameters"/>,
/// <see cref="EdDsaParameters"/>), so repeated signs and verifies with one key skip the big-integer parsing, point
/// decoding and Ed25519 public-key recomputation that dominated their cost (docs/performance.md).
/// </summary>
/// <remarks>
/// Bags are immutable (init-only members over key material the caller must not mutate afterwards), so the bag
/// instance is a sound cache key. Entries live exactly as long as their bag (a <see cref="ConditionalWeakTable{TKey, TValue}"/>),
/// and the Signatures layer hands the provider one bag per model key.
/// </remarks>
internal static class BouncyCastleKeyCache
{
    private static readonly ConditionalWeakTable<RsaParameters, RsaKeyParameters> s_rsaPrivate = new();
    private static readonly ConditionalWeakTable<RsaParameters, RsaKeyParameters> s_rsaPublic = new();
    private static readonly ConditionalWeakTable<EcParameters, ECPrivateKeyParameters> s_ecPrivate = new();
    private static readonly ConditionalWeakTable<EcParameters, EcPublicEntry> s_ecPublic = new();
    private static readonly ConditionalWeakTable<EdDsaParameters, EdPrivateEntry> s_edPrivate = new();

    public static RsaKeyParameters RsaPrivate(RsaParameters key, Func<RsaParameters, RsaKeyParameters> create) =>
        s_rsaPrivate.GetValue(key, k => create(k));

    public static RsaKeyParameters RsaPublic(RsaParameters key, Func<RsaParameters, RsaKeyParameters> create) =>
        s_rsaPublic.GetValue(key, k => create(k));

    public static ECPrivateKeyParameters EcPrivate(EcParameters key, Func<EcParameters, ECPrivateKeyParameters> create) =>
        s_ecPrivate.GetValue(key, k => create(k));

    /// <summary>The decoded, validated public point, or null when the bag's point is invalid (cached as such).</summary>
    public static ECPublicKeyParameters? EcPublic(EcParameters key, Func<EcParameters, ECPublicKeyParameters?> create) =>
        s_ecPublic.GetValue(key, k => new EcPublicEntry(create(k))).Parameters;

    public static EdPrivateEntry EdPrivate(EdDsaParameters key, Func<EdDsaParameters, EdPrivateEntry> create) =>
        s_edPrivate.GetValue(key, k => create(k));

    internal sealed record EcPublicEntry(ECPublicKeyParameters? Parameters);

    /// <summary>An EdDSA private-key object; BouncyCastle caches its derived public key inside it.</summary>
    internal sealed record EdPrivateEntry(Ed25519PrivateKeyParameters? Ed25519, Ed448PrivateKeyParameters? Ed448);
}
