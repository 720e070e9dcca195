namespace ManagedTls.Keys;

/// <summary>Where the key model finds its <see cref="IKeyMath"/>; defaults to the crypto provider's primitives.</summary>
internal static class KeyMath
{
    /// <summary>The implementation in use, or null for none (tests set this to exercise both paths).</summary>
    public static IKeyMath? Provider { get; set; } = new ProviderKeyMath(Crypto.CryptoProviders.Default);

    public static byte[]? TryDeriveEcPublicPoint(EcNamedCurve curve, ReadOnlySpan<byte> scalar) =>
        Provider?.DeriveEcPublicPoint(curve.Oid, scalar);

    public static byte[]? TryDeriveEcxPublicKey(KeyAlgorithm algorithm, ReadOnlySpan<byte> privateKey) =>
        Provider?.DeriveEcxPublicKey(algorithm, privateKey);

    public static NotSupportedException Unavailable(string what) =>
        new($"the encoding omits the {what} public key and deriving it needs curve arithmetic the crypto provider does not offer (Keys.IKeyMath)");
}
