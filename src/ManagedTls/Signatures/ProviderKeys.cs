using ManagedTls.Crypto;
using ManagedTls.Keys;

namespace ManagedTls.Signatures;

/// <summary>EC key conversion to the provider's bags, with "the provider lacks this curve" as a typed signature error.</summary>
internal static class ProviderKeys
{
    public static EcParameters ToCrypto(EcPrivateKey key)
    {
        RequireCurve(key.Curve);
        return KeyMaterial.ToCrypto(key);
    }

    public static EcParameters ToCrypto(EcPublicKey key)
    {
        RequireCurve(key.Curve);
        return KeyMaterial.ToCrypto(key);
    }

    private static void RequireCurve(EcNamedCurve curve)
    {
        if (!ReferenceEquals(curve, EcNamedCurve.P256) && !ReferenceEquals(curve, EcNamedCurve.P384) && !ReferenceEquals(curve, EcNamedCurve.P521))
        {
            throw new SignatureException(SignatureError.UnsupportedKey, $"the crypto provider has no ECDSA primitives for {curve.Name} (only P-256, P-384 and P-521)");
        }
    }
}
