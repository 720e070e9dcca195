namespace ManagedTls.Keys;

/// <summary>Why a key encoding was rejected; carried by <see cref="KeyFormatException"/>.</summary>
public enum KeyFormatError
{
    /// <summary>The bytes are not well-formed DER (truncated, wrong tag, trailing data...); see the inner <see cref="Asn1.DecodeException"/>.</summary>
    MalformedDer,

    /// <summary>The PEM armour is malformed; see the inner <see cref="Pem.PemException"/>.</summary>
    MalformedPem,

    /// <summary>No key of the requested kind was found (no matching PEM block, or DER of another structure).</summary>
    NoKeyFound,

    /// <summary>The key is encrypted (ENCRYPTED PRIVATE KEY, or a PEM block with <c>Proc-Type: 4,ENCRYPTED</c>); a passphrase is needed.</summary>
    PassphraseRequired,

    /// <summary>A structure carries a version number this format does not define.</summary>
    UnsupportedVersion,

    /// <summary>The AlgorithmIdentifier names an algorithm ManagedTls does not support; the message names the OID.</summary>
    UnsupportedAlgorithm,

    /// <summary>The EC key names a curve ManagedTls does not support; the message names the OID.</summary>
    UnsupportedCurve,

    /// <summary>
    /// The EC key carries explicit curve parameters (SpecifiedECDomain, RFC 3279 §2.3.5) instead of a named curve.
    /// Rejected on purpose: arbitrary curves are a denial-of-service and invalid-curve vector (RFC 5480 §2.1.1 forbids them in PKIX).
    /// </summary>
    ExplicitCurveParameters,

    /// <summary>AlgorithmIdentifier parameters are missing, present where forbidden, or malformed.</summary>
    InvalidParameters,

    /// <summary>A key component is out of range (even RSA modulus, zero exponent, point not on the curve, scalar not below the order...).</summary>
    InvalidKey,

    /// <summary>A raw key (Ed25519, Ed448, X25519, X448, EC scalar or point) has the wrong length.</summary>
    InvalidKeyLength,

    /// <summary>Two parts of one encoding disagree (SEC1 curve vs the PKCS#8 AlgorithmIdentifier, public key vs private key).</summary>
    Inconsistent,
}
