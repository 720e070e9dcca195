namespace ManagedTls.Crypto.BouncyCastle;

/// <summary>
/// <see cref="ICryptoProvider"/> over Portable.BouncyCastle 1.8.10 (managed code only). Every randomness-taking
/// call receives <see cref="BouncyCastleEntropy.Random"/>; the assembly's module initializer has already cut
/// BouncyCastle's own default generator off from .NET's platform crypto (<c>RandomNumberGenerator</c> and friends).
/// </summary>
/// <remarks>Signature primitives are in the partial files <c>.Rsa.cs</c>, <c>.Ecdsa.cs</c>, <c>.Dsa.cs</c> and <c>.EdDsa.cs</c>.</remarks>
internal sealed partial class BouncyCastleCryptoProvider : ICryptoProvider
{
    private BouncyCastleCryptoProvider()
    {
    }

    /// <summary>The single instance (the provider is stateless).</summary>
    public static BouncyCastleCryptoProvider Instance { get; } = new();

    public string Name => "BouncyCastle (Portable.BouncyCastle 1.8.10, managed)";

    public IHash CreateHash(HashAlgorithmId algorithm) => new BouncyCastleHash(algorithm);

    public IHmac CreateHmac(HashAlgorithmId algorithm, ReadOnlySpan<byte> key) => new BouncyCastleHmac(algorithm, key);

    public IAead CreateAead(AeadAlgorithmId algorithm, ReadOnlySpan<byte> key) => new BouncyCastleAead(algorithm, key);

    public ICbcCipher CreateCbc(BlockCipherAlgorithmId algorithm, ReadOnlySpan<byte> key) => new BouncyCastleCbcCipher(algorithm, key);

    public IKeyAgreement GenerateKeyAgreement(KeyAgreementAlgorithmId algorithm) =>
        BouncyCastleFiniteFieldDh.IsNamedGroup(algorithm) ? BouncyCastleFiniteFieldDh.GenerateNamed(algorithm) : BouncyCastleKeyAgreement.Generate(algorithm);

    public IKeyAgreement ImportKeyAgreement(KeyAgreementAlgorithmId algorithm, ReadOnlySpan<byte> privateKey) =>
        BouncyCastleFiniteFieldDh.IsNamedGroup(algorithm) ? BouncyCastleFiniteFieldDh.ImportNamed(algorithm, privateKey) : BouncyCastleKeyAgreement.Import(algorithm, privateKey);

    public IKeyAgreement GenerateFiniteFieldDh(ReadOnlySpan<byte> prime, ReadOnlySpan<byte> generator, int privateExponentBits) =>
        BouncyCastleFiniteFieldDh.Generate(prime, generator, privateExponentBits);

    private static void RequireDigestLength(HashAlgorithmId hash, ReadOnlySpan<byte> digest)
    {
        int expected = BouncyCastleDigests.Size(hash);
        if (digest.Length != expected)
        {
            throw new ArgumentException($"A {hash} digest is {expected} bytes, not {digest.Length}.", nameof(digest));
        }
    }

    private static void RequirePrivate(bool hasPrivateKey, string paramName)
    {
        if (!hasPrivateKey)
        {
            throw new ArgumentException("Signing needs a private key.", paramName);
        }
    }
}
