using ManagedTls.Asn1;

namespace ManagedTls.Keys;

/// <summary>
/// A public key of the RFC 8410 family OpenSSL calls ECX: Ed25519, Ed448, X25519 or X448, held as the raw
/// 32/57/32/56-byte string.
/// </summary>
public sealed class EcxPublicKey : PublicKey
{
    private readonly byte[] _key;

    /// <summary>Creates the key.</summary>
    /// <param name="algorithm">Ed25519, Ed448, X25519 or X448.</param>
    /// <param name="key">The raw public key.</param>
    /// <exception cref="ArgumentException"><paramref name="algorithm"/> is not an ECX algorithm.</exception>
    /// <exception cref="KeyFormatException">The key has the wrong length.</exception>
    public EcxPublicKey(KeyAlgorithm algorithm, ReadOnlySpan<byte> key)
    {
        int expected = KeyLength(algorithm);
        if (key.Length != expected)
        {
            throw new KeyFormatException(KeyFormatError.InvalidKeyLength, $"{algorithm} public key must be {expected} bytes, not {key.Length} (RFC 8410 §3)");
        }

        Algorithm = algorithm;
        _key = key.ToArray();
    }

    /// <inheritdoc/>
    public override KeyAlgorithm Algorithm { get; }

    /// <summary>OpenSSL 3's EVP_PKEY_get_bits: Ed25519 256, Ed448 456, X25519 253, X448 448.</summary>
    public override int Bits => BitsOf(Algorithm);

    /// <summary>The raw public key.</summary>
    public ReadOnlyMemory<byte> Key => _key;

    /// <summary>The raw public key length for an ECX algorithm (RFC 7748 §5, RFC 8032 §5.1.5/§5.2.5).</summary>
    /// <param name="algorithm">Ed25519, Ed448, X25519 or X448.</param>
    /// <returns>32, 57, 32 or 56.</returns>
    /// <exception cref="ArgumentException">Not an ECX algorithm.</exception>
    public static int KeyLength(KeyAlgorithm algorithm) => algorithm switch
    {
        KeyAlgorithm.Ed25519 or KeyAlgorithm.X25519 => 32,
        KeyAlgorithm.Ed448 => 57,
        KeyAlgorithm.X448 => 56,
        _ => throw new ArgumentException($"{algorithm} is not Ed25519, Ed448, X25519 or X448", nameof(algorithm)),
    };

    internal static int BitsOf(KeyAlgorithm algorithm) => algorithm switch
    {
        KeyAlgorithm.Ed25519 => 256,
        KeyAlgorithm.Ed448 => 456,
        KeyAlgorithm.X25519 => 253,
        _ => 448,
    };

    internal static KeyAlgorithm FromOid(string oid) => oid switch
    {
        KeyOids.Ed25519 => KeyAlgorithm.Ed25519,
        KeyOids.Ed448 => KeyAlgorithm.Ed448,
        KeyOids.X25519 => KeyAlgorithm.X25519,
        _ => KeyAlgorithm.X448,
    };

    internal static string OidOf(KeyAlgorithm algorithm) => algorithm switch
    {
        KeyAlgorithm.Ed25519 => KeyOids.Ed25519,
        KeyAlgorithm.Ed448 => KeyOids.Ed448,
        KeyAlgorithm.X25519 => KeyOids.X25519,
        _ => KeyOids.X448,
    };

    internal static EcxPublicKey DecodeSpkiKey(AlgorithmIdentifier algorithm, ReadOnlySpan<byte> key)
    {
        algorithm.ExpectAbsentParameters();
        return new EcxPublicKey(FromOid(algorithm.Oid), key);
    }

    private protected override void WriteAlgorithmIdentifier(DerWriter writer) =>
        AlgorithmIdentifier.Write(writer, OidOf(Algorithm), nullParameters: false);

    private protected override void WriteSubjectPublicKey(DerWriter writer) => writer.WriteBitString(_key);
}
