using ManagedTls.Crypto;

namespace ManagedTls.Keys;

/// <summary>
/// <see cref="IKeyMath"/> over <see cref="ICryptoProvider"/>: d·G on every named curve the provider knows, X25519/X448
/// public keys through key-agreement import, and Ed25519/Ed448 public keys from their seeds.
/// </summary>
internal sealed class ProviderKeyMath(ICryptoProvider provider) : IKeyMath
{
    public byte[]? DeriveEcPublicPoint(string curveOid, ReadOnlySpan<byte> scalar)
    {
        if (!EcNamedCurve.TryGetByOid(curveOid, out EcNamedCurve? curve))
        {
            return null;
        }

        EcCurve cryptoCurve;
        try
        {
            cryptoCurve = KeyMaterial.ToCryptoCurve(curve);
        }
        catch (NotSupportedException)
        {
            return null;
        }

        return provider.DeriveEcPublicPoint(cryptoCurve, scalar);
    }

    public byte[]? DeriveEcxPublicKey(KeyAlgorithm algorithm, ReadOnlySpan<byte> privateKey) => algorithm switch
    {
        KeyAlgorithm.X25519 => Derive(KeyAgreementAlgorithmId.X25519, privateKey),
        KeyAlgorithm.X448 => Derive(KeyAgreementAlgorithmId.X448, privateKey),
        KeyAlgorithm.Ed25519 => provider.DeriveEdDsaPublicKey(EdwardsCurve.Ed25519, privateKey),
        KeyAlgorithm.Ed448 => provider.DeriveEdDsaPublicKey(EdwardsCurve.Ed448, privateKey),
        _ => null,
    };

    private byte[] Derive(KeyAgreementAlgorithmId algorithm, ReadOnlySpan<byte> privateKey)
    {
        using IKeyAgreement agreement = provider.ImportKeyAgreement(algorithm, privateKey);
        return agreement.PublicKey.ToArray();
    }
}
