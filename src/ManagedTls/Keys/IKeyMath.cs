namespace ManagedTls.Keys;

/// <summary>
/// The curve arithmetic the key model needs but does not implement: deriving a public key from a private one when
/// the encoding omits it (SEC1 without publicKey, PKCS#8 Ed25519/Ed448/X25519/X448 which carry only the seed).
/// </summary>
/// <remarks>
/// A seam, not an implementation: the crypto provider (Crypto/BouncyCastle) supplies it via <see cref="KeyMath.Provider"/>.
/// Arguments are raw bytes so the provider needs no Keys types beyond the curve's OID.
/// </remarks>
internal interface IKeyMath
{
    /// <summary>Computes d·G on the curve and returns the uncompressed point 0x04 || X || Y.</summary>
    /// <param name="curveOid">The named curve's OID.</param>
    /// <param name="scalar">d, big-endian, <c>OrderSize</c> bytes.</param>
    /// <returns>The public point, or null when the provider cannot do this curve.</returns>
    byte[]? DeriveEcPublicPoint(string curveOid, ReadOnlySpan<byte> scalar);

    /// <summary>Derives the RFC 7748 / RFC 8032 public key from a raw private key.</summary>
    /// <param name="algorithm">Ed25519, Ed448, X25519 or X448.</param>
    /// <param name="privateKey">The raw private key (seed for EdDSA).</param>
    /// <returns>The raw public key, or null when the provider cannot do this algorithm.</returns>
    byte[]? DeriveEcxPublicKey(KeyAlgorithm algorithm, ReadOnlySpan<byte> privateKey);
}
