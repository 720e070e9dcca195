using ManagedTls.Crypto;

namespace ManagedTls.Keys;

/// <summary>
/// <see cref="IKeyMath"/> over what <see cref="ICryptoProvider"/> offers today: importing a key-agreement private
/// key yields its public key, which covers X25519, X448 and EC on P-256/P-384/P-521. Ed25519/Ed448 seeds and the
/// other curves (secp256k1, Brainpool) need a provider primitive that does not exist yet (null).
/// </summary>
internal sealed class ProviderKeyMath(ICryptoProvider provider) : IKeyMath
{
    public byte[]? DeriveEcPublicPoint(string curveOid, ReadOnlySpan<byte> scalar)
    {
        KeyAgreementAlgorithmId? algorithm = curveOid switch
        {
            "1.2.840.10045.3.1.7" => KeyAgreementAlgorithmId.EcdhP256,
            "1.3.132.0.34" => KeyAgreementAlgorithmId.EcdhP384,
            "1.3.132.0.35" => KeyAgreementAlgorithmId.EcdhP521,
            _ => (KeyAgreementAlgorithmId?)null,
        };
        return algorithm is null ? null : Derive(algorithm.Value, scalar);
    }

    public byte[]? DeriveEcxPublicKey(KeyAlgorithm algorithm, ReadOnlySpan<byte> privateKey) => algorithm switch
    {
        KeyAlgorithm.X25519 => Derive(KeyAgreementAlgorithmId.X25519, privateKey),
        KeyAlgorithm.X448 => Derive(KeyAgreementAlgorithmId.X448, privateKey),
        _ => null,
    };

    private byte[] Derive(KeyAgreementAlgorithmId algorithm, ReadOnlySpan<byte> privateKey)
    {
        using IKeyAgreement agreement = provider.ImportKeyAgreement(algorithm, privateKey);
        return agreement.PublicKey.ToArray();
    }
}
