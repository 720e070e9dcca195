using System.Runtime.CompilerServices;
using ManagedTls.Crypto;
using ManagedTls.Keys;

namespace ManagedTls.Signatures;

/// <summary>
/// The provider's key bags for key-model keys, one per key instance (kept in a weak table, so a provider that caches
/// its own key objects by bag identity can skip re-importing them), with "the provider lacks this curve" as a typed
/// signature error. The bags reference the key's own memory; nothing secret is copied.
/// </summary>
internal static class ProviderKeys
{
    private static readonly ConditionalWeakTable<object, object> s_bags = [];

    public static RsaParameters Get(RsaPrivateKey key) => (RsaParameters)s_bags.GetValue(key, k => KeyMaterial.ToCrypto((RsaPrivateKey)k));

    public static RsaParameters Get(RsaPublicKey key) => (RsaParameters)s_bags.GetValue(key, k => KeyMaterial.ToCrypto((RsaPublicKey)k));

    public static DsaParameters Get(DsaPrivateKey key) => (DsaParameters)s_bags.GetValue(key, k => KeyMaterial.ToCrypto((DsaPrivateKey)k));

    public static DsaParameters Get(DsaPublicKey key) => (DsaParameters)s_bags.GetValue(key, k => KeyMaterial.ToCrypto((DsaPublicKey)k));

    public static EdDsaParameters Get(EcxPublicKey key) => (EdDsaParameters)s_bags.GetValue(key, k => KeyMaterial.ToCrypto((EcxPublicKey)k));

    /// <summary>
    /// A PureEdDSA signing key. Signing needs only the seed (RFC 8032 §5.1.6 derives the public key from it), so a
    /// key whose public half cannot be derived still signs.
    /// </summary>
    public static EdDsaParameters Get(EcxPrivateKey key) => (EdDsaParameters)s_bags.GetValue(key, k =>
    {
        var ecx = (EcxPrivateKey)k;
        return new EdDsaParameters
        {
            Curve = ecx.Algorithm == KeyAlgorithm.Ed25519 ? EdwardsCurve.Ed25519 : EdwardsCurve.Ed448,
            PrivateKey = ecx.Key,
            PublicKey = ecx.TryGetPublicKey()?.Key ?? ReadOnlyMemory<byte>.Empty,
        };
    });

    public static EcParameters Get(EcPrivateKey key)
    {
        try
        {
            return (EcParameters)s_bags.GetValue(key, k => KeyMaterial.ToCrypto((EcPrivateKey)k));
        }
        catch (NotSupportedException e)
        {
            throw Unsupported(key.Curve, e);
        }
    }

    public static EcParameters Get(EcPublicKey key)
    {
        try
        {
            return (EcParameters)s_bags.GetValue(key, k => KeyMaterial.ToCrypto((EcPublicKey)k));
        }
        catch (NotSupportedException e)
        {
            throw Unsupported(key.Curve, e);
        }
    }

    private static SignatureException Unsupported(EcNamedCurve curve, NotSupportedException inner) =>
        new(SignatureError.UnsupportedKey, $"the crypto provider has no ECDSA primitives for {curve.Name}", inner);
}
