using ManagedTls.Crypto;
using ManagedTls.Keys;

namespace ManagedTls.Signatures;

/// <summary>EC key conversion to the provider's bags, with "the provider lacks this curve" as a typed signature error.</summary>
internal static class ProviderKeys
{
    public static EcParameters ToCrypto(EcPrivateKey key)
    {
        try
        {
            return KeyMaterial.ToCrypto(key);
        }
        catch (NotSupportedException e)
        {
            throw Unsupported(key.Curve, e);
        }
    }

    public static EcParameters ToCrypto(EcPublicKey key)
    {
        try
        {
            return KeyMaterial.ToCrypto(key);
        }
        catch (NotSupportedException e)
        {
            throw Unsupported(key.Curve, e);
        }
    }

    private static SignatureException Unsupported(EcNamedCurve curve, NotSupportedException inner) =>
        new(SignatureError.UnsupportedKey, $"the crypto provider has no ECDSA primitives for {curve.Name}", inner);
}
