using ManagedTls.Asn1;

namespace ManagedTls.Keys;

/// <summary>
/// A private key of the ECX family (Ed25519, Ed448, X25519, X448): the raw private key (the seed, for EdDSA) and,
/// when an RFC 5958 v2 encoding carried it, the public key.
/// </summary>
/// <remarks>These keys have no traditional encoding; OpenSSL writes them (and so do we) as PKCS#8 only.</remarks>
public sealed class EcxPrivateKey : PrivateKey
{
    private readonly byte[] _key;
    private EcxPublicKey? _publicKey;

    /// <summary>Creates the key.</summary>
    /// <param name="algorithm">Ed25519, Ed448, X25519 or X448.</param>
    /// <param name="privateKey">The raw private key: 32, 57, 32 or 56 bytes.</param>
    /// <param name="publicKey">The raw public key, or empty to derive it on demand (needs the crypto provider).</param>
    /// <exception cref="ArgumentException"><paramref name="algorithm"/> is not an ECX algorithm.</exception>
    /// <exception cref="KeyFormatException">A key has the wrong length.</exception>
    public EcxPrivateKey(KeyAlgorithm algorithm, ReadOnlySpan<byte> privateKey, ReadOnlySpan<byte> publicKey = default)
    {
        int expected = EcxPublicKey.KeyLength(algorithm);
        if (privateKey.Length != expected)
        {
            throw new KeyFormatException(KeyFormatError.InvalidKeyLength, $"{algorithm} private key must be {expected} bytes, not {privateKey.Length} (RFC 8410 §7)");
        }

        Algorithm = algorithm;
        _key = privateKey.ToArray();
        if (!publicKey.IsEmpty)
        {
            _publicKey = new EcxPublicKey(algorithm, publicKey);
        }
    }

    /// <inheritdoc/>
    public override KeyAlgorithm Algorithm { get; }

    /// <summary>OpenSSL 3's EVP_PKEY_get_bits: Ed25519 256, Ed448 456, X25519 253, X448 448.</summary>
    public override int Bits => EcxPublicKey.BitsOf(Algorithm);

    /// <summary>The raw private key (for Ed25519/Ed448 the RFC 8032 seed).</summary>
    public ReadOnlyMemory<byte> Key => _key;

    /// <summary>The public key; derived through the crypto provider when the encoding lacked it.</summary>
    /// <exception cref="NotSupportedException">The public key was absent and no provider offers curve arithmetic.</exception>
    public override EcxPublicKey PublicKey => TryGetPublicKey() ?? throw KeyMath.Unavailable(Algorithm.ToString());

    /// <summary>The public key when stored or derivable; null otherwise.</summary>
    /// <returns>The public key or null.</returns>
    public EcxPublicKey? TryGetPublicKey()
    {
        if (_publicKey is null && KeyMath.TryDeriveEcxPublicKey(Algorithm, _key) is byte[] key)
        {
            _publicKey = new EcxPublicKey(Algorithm, key);
        }

        return _publicKey;
    }

    internal override string? TraditionalPemLabel => null;

    internal static EcxPrivateKey DecodePkcs8Key(AlgorithmIdentifier algorithm, ReadOnlySpan<byte> privateKey, ReadOnlySpan<byte> publicKey)
    {
        algorithm.ExpectAbsentParameters();

        // RFC 8410 §7: CurvePrivateKey ::= OCTET STRING, itself inside the PKCS#8 privateKey OCTET STRING.
        var reader = new DerReader(privateKey);
        ReadOnlySpan<byte> key = reader.ReadOctetString();
        reader.ExpectEmpty();
        return new EcxPrivateKey(EcxPublicKey.FromOid(algorithm.Oid), key, publicKey);
    }

    internal override void WritePkcs8AlgorithmIdentifier(DerWriter writer) =>
        AlgorithmIdentifier.Write(writer, EcxPublicKey.OidOf(Algorithm), nullParameters: false);

    internal override void WritePkcs8PrivateKey(DerWriter writer) => writer.WriteOctetString(_key);

    internal override void WriteTraditional(DerWriter writer) =>
        throw new NotSupportedException($"{Algorithm} keys have no traditional encoding; use PKCS#8");
}
