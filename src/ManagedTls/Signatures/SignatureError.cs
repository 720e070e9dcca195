namespace ManagedTls.Signatures;

/// <summary>Why a signature algorithm, signature encoding or sign/verify request was rejected; carried by <see cref="SignatureException"/>.</summary>
public enum SignatureError
{
    /// <summary>The AlgorithmIdentifier names a signature algorithm ManagedTls does not support; the message names the OID.</summary>
    UnsupportedAlgorithm,

    /// <summary>A digest (in the OID, in RSASSA-PSS-params, or requested) is not supported, or not allowed with this algorithm.</summary>
    UnsupportedDigest,

    /// <summary>AlgorithmIdentifier parameters are present where the RFC says absent, absent where required, or not the required NULL.</summary>
    InvalidParameters,

    /// <summary>RSASSA-PSS-params names a mask generation function other than MGF1 (RFC 4055 §3.1), or MGF1 without a digest.</summary>
    UnsupportedMaskGeneration,

    /// <summary>RSASSA-PSS-params has a trailerField other than 1 (RFC 4055 §3.1: trailerFieldBC).</summary>
    InvalidTrailerField,

    /// <summary>The PSS salt length is negative, larger than the key allows, or below a PSS-restricted key's minimum.</summary>
    InvalidSaltLength,

    /// <summary>The algorithm does not fit the key (ECDSA with an RSA key, PKCS#1 v1.5 with an RSA-PSS key, signing with X25519...).</summary>
    KeyMismatch,

    /// <summary>The request contradicts an RSA-PSS key's parameters (a different digest or MGF1 digest, RFC 4055 §3.3).</summary>
    KeyRestriction,

    /// <summary>A digest or padding was given where the algorithm takes none (PureEdDSA signs the message; ECDSA has no padding).</summary>
    InvalidRequest,

    /// <summary>An ECDSA/DSA signature is not strict DER <c>SEQUENCE { r INTEGER, s INTEGER }</c>, or an IEEE P1363 signature has the wrong length.</summary>
    MalformedSignature,

    /// <summary>An ECDSA/DSA signature's r or s is zero, negative, or not below the group order (SEC 1 §4.1.4 step 1, FIPS 186-4 §4.7).</summary>
    SignatureOutOfRange,

    /// <summary>The key is well-formed but the crypto provider has no primitives for it (e.g. secp256k1 or Brainpool curves).</summary>
    UnsupportedKey,

    /// <summary>
    /// The RSA modulus is too short for the PKCS#1 v1.5 DigestInfo (RFC 8017 §9.2 step 3, emLen &lt; tLen + 11); OpenSSL's
    /// "digest too big for rsa key". A PSS salt too long for the modulus is <see cref="InvalidSaltLength"/>.
    /// </summary>
    KeyTooSmall,
}
