namespace ManagedTls.Crypto;

/// <summary>Signature primitives over raw key material. RSA, ECDSA and DSA sign a digest the caller computed; EdDSA signs the message (PureEdDSA).</summary>
public partial interface ICryptoProvider
{
    /// <summary>Generates an RSA key with all CRT parameters.</summary>
    /// <param name="keySizeInBits">The modulus size, e.g. 2048.</param>
    /// <param name="publicExponent">The public exponent; 65537 unless you know why not.</param>
    /// <returns>The private key parameters.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The size is below 512 bits or the exponent is even or below 3.</exception>
    RsaParameters GenerateRsaKey(int keySizeInBits, int publicExponent = 65537);

    /// <summary>Signs <paramref name="digest"/> with RSASSA-PKCS1-v1_5 or RSASSA-PSS (RFC 8017 §8).</summary>
    /// <param name="key">A private key (<see cref="RsaParameters.HasPrivateKey"/>).</param>
    /// <param name="hash">The digest algorithm (names the DigestInfo for PKCS#1 v1.5; hashes M' and, by default, drives MGF1 for PSS).</param>
    /// <param name="padding">PKCS#1 v1.5 or PSS with its salt length and MGF1 hash.</param>
    /// <param name="digest">The hash of the message; its length must match <paramref name="hash"/>.</param>
    /// <returns>The signature, as long as the modulus.</returns>
    /// <exception cref="ArgumentException">No private key, or the digest length is wrong.</exception>
    byte[] SignRsa(RsaParameters key, HashAlgorithmId hash, RsaSignaturePadding padding, ReadOnlySpan<byte> digest);

    /// <summary>Verifies an RSA signature over <paramref name="digest"/>.</summary>
    /// <param name="key">The public key.</param>
    /// <param name="hash">The digest algorithm.</param>
    /// <param name="padding">PKCS#1 v1.5 or PSS with its salt length.</param>
    /// <param name="digest">The hash of the message.</param>
    /// <param name="signature">The signature.</param>
    /// <returns>True only for a valid signature; malformed input is false, never an exception.</returns>
    bool VerifyRsa(RsaParameters key, HashAlgorithmId hash, RsaSignaturePadding padding, ReadOnlySpan<byte> digest, ReadOnlySpan<byte> signature);

    /// <summary>Generates an EC key on a named curve.</summary>
    /// <param name="curve">The curve.</param>
    /// <returns>The private scalar and the public point.</returns>
    EcParameters GenerateEcKey(EcCurve curve);

    /// <summary>Computes the public point d·G for a private scalar (keys stored without their public half).</summary>
    /// <param name="curve">The curve.</param>
    /// <param name="scalar">d, big-endian; must be in [1, n-1].</param>
    /// <returns>The uncompressed SEC 1 point <c>04 || X || Y</c>.</returns>
    /// <exception cref="ArgumentException">The scalar is zero or not below the order.</exception>
    byte[] DeriveEcPublicPoint(EcCurve curve, ReadOnlySpan<byte> scalar);

    /// <summary>Signs <paramref name="digest"/> with ECDSA, deterministic nonces per RFC 6979 using <paramref name="hash"/>.</summary>
    /// <param name="key">A private key.</param>
    /// <param name="hash">The digest algorithm that produced <paramref name="digest"/> (drives RFC 6979).</param>
    /// <param name="digest">The hash of the message (truncated to the order's length as FIPS 186 says).</param>
    /// <returns>The fixed-width IEEE P1363 signature <c>r || s</c>, each the size of the curve order.</returns>
    /// <exception cref="ArgumentException">No private key.</exception>
    byte[] SignEcdsa(EcParameters key, HashAlgorithmId hash, ReadOnlySpan<byte> digest);

    /// <summary>Verifies an ECDSA signature in IEEE P1363 form (<c>r || s</c>).</summary>
    /// <param name="key">The public key (the point is validated).</param>
    /// <param name="digest">The hash of the message.</param>
    /// <param name="signature">Exactly twice the order size.</param>
    /// <returns>True only for a valid signature; malformed input is false.</returns>
    bool VerifyEcdsa(EcParameters key, ReadOnlySpan<byte> digest, ReadOnlySpan<byte> signature);

    /// <summary>Derives the RFC 8032 public key from an EdDSA private key (seed), as stored in PKCS#8 files.</summary>
    /// <param name="curve">Ed25519 or Ed448.</param>
    /// <param name="privateKey">The 32- or 57-byte seed.</param>
    /// <returns>The raw public key.</returns>
    /// <exception cref="ArgumentException">The seed has the wrong length.</exception>
    byte[] DeriveEdDsaPublicKey(EdwardsCurve curve, ReadOnlySpan<byte> privateKey);

    /// <summary>Generates DSA domain parameters per FIPS 186-3 (slow: seconds for 2048 bits).</summary>
    /// <param name="pBits">Size of p: 1024, 2048 or 3072.</param>
    /// <param name="qBits">Size of q: 160, 224 or 256.</param>
    /// <returns>Parameters with P, Q, G and no key.</returns>
    DsaParameters GenerateDsaDomain(int pBits, int qBits);

    /// <summary>Generates a DSA key in the given domain.</summary>
    /// <param name="domain">P, Q and G (any key fields are ignored).</param>
    /// <returns>The domain with Y and X filled in.</returns>
    DsaParameters GenerateDsaKey(DsaParameters domain);

    /// <summary>Signs <paramref name="digest"/> with DSA, deterministic nonces per RFC 6979 using <paramref name="hash"/>.</summary>
    /// <param name="key">A private key.</param>
    /// <param name="hash">The digest algorithm that produced <paramref name="digest"/>.</param>
    /// <param name="digest">The hash of the message.</param>
    /// <returns><c>r || s</c>, each the size of q.</returns>
    /// <exception cref="ArgumentException">No private key.</exception>
    byte[] SignDsa(DsaParameters key, HashAlgorithmId hash, ReadOnlySpan<byte> digest);

    /// <summary>Verifies a DSA signature in <c>r || s</c> form.</summary>
    /// <param name="key">The public key.</param>
    /// <param name="digest">The hash of the message.</param>
    /// <param name="signature">Exactly twice the size of q.</param>
    /// <returns>True only for a valid signature.</returns>
    bool VerifyDsa(DsaParameters key, ReadOnlySpan<byte> digest, ReadOnlySpan<byte> signature);

    /// <summary>Generates an Ed25519 or Ed448 key.</summary>
    /// <param name="curve">The curve.</param>
    /// <returns>The private seed and the public key.</returns>
    EdDsaParameters GenerateEdDsaKey(EdwardsCurve curve);

    /// <summary>Signs <paramref name="message"/> with PureEdDSA (RFC 8032), empty context.</summary>
    /// <param name="key">A private key.</param>
    /// <param name="message">The whole message.</param>
    /// <returns>64 bytes for Ed25519, 114 for Ed448.</returns>
    /// <exception cref="ArgumentException">No private key.</exception>
    byte[] SignEdDsa(EdDsaParameters key, ReadOnlySpan<byte> message);

    /// <summary>Verifies a PureEdDSA signature.</summary>
    /// <param name="key">The public key.</param>
    /// <param name="message">The whole message.</param>
    /// <param name="signature">The signature.</param>
    /// <returns>True only for a valid signature; malformed input is false.</returns>
    bool VerifyEdDsa(EdDsaParameters key, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature);
}
