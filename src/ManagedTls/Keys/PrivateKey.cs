using ManagedTls.Asn1;

namespace ManagedTls.Keys;

/// <summary>
/// A private key of any supported algorithm. Immutable. Read one with <see cref="KeyDecoder"/>, write one with
/// <see cref="KeyEncoder"/>.
/// </summary>
/// <remarks>Only ManagedTls defines subclasses: <see cref="RsaPrivateKey"/>, <see cref="DsaPrivateKey"/>, <see cref="EcPrivateKey"/>, <see cref="EcxPrivateKey"/>.</remarks>
public abstract class PrivateKey
{
    private protected PrivateKey()
    {
    }

    /// <summary>The key type.</summary>
    public abstract KeyAlgorithm Algorithm { get; }

    /// <summary>The key size as OpenSSL's <c>EVP_PKEY_get_bits</c> (and pyOpenSSL's <c>PKey.bits()</c>) reports it.</summary>
    public abstract int Bits { get; }

    /// <summary>
    /// The matching public key: stored when the encoding carried it, otherwise derived (RSA and DSA always work; EC
    /// without the optional SEC1 publicKey and Ed25519/Ed448/X25519/X448 from the seed need curve arithmetic from the
    /// crypto provider).
    /// </summary>
    /// <exception cref="NotSupportedException">Derivation needs curve arithmetic and no provider is registered.</exception>
    public abstract PublicKey PublicKey { get; }

    /// <summary>Reads PKCS#8 PrivateKeyInfo (RFC 5208) or OneAsymmetricKey (RFC 5958), e.g. from a PKCS#12 keyBag.</summary>
    /// <param name="reader">Positioned at the SEQUENCE.</param>
    /// <returns>The key.</returns>
    /// <exception cref="DecodeException">The DER is malformed.</exception>
    /// <exception cref="KeyFormatException">Wrong version, unsupported algorithm, or an invalid key.</exception>
    public static PrivateKey DecodePkcs8(ref DerReader reader) => Pkcs8PrivateKeyInfo.Decode(ref reader);

    /// <summary>Writes PKCS#8 PrivateKeyInfo v1 as OpenSSL does (no attributes, no public key).</summary>
    /// <param name="writer">The destination.</param>
    public void EncodePkcs8(DerWriter writer) => Pkcs8PrivateKeyInfo.Encode(writer, this);

    /// <summary>The PEM label of the traditional (algorithm-specific) encoding, or null when only PKCS#8 exists.</summary>
    internal abstract string? TraditionalPemLabel { get; }

    /// <summary>Writes the PKCS#8 privateKeyAlgorithm.</summary>
    internal abstract void WritePkcs8AlgorithmIdentifier(DerWriter writer);

    /// <summary>Writes the content of the PKCS#8 privateKey OCTET STRING.</summary>
    internal abstract void WritePkcs8PrivateKey(DerWriter writer);

    /// <summary>Writes the traditional encoding (PKCS#1, SEC1, OpenSSL DSA); only when <see cref="TraditionalPemLabel"/> is set.</summary>
    internal abstract void WriteTraditional(DerWriter writer);

    /// <inheritdoc/>
    public override string ToString() => $"{Algorithm} private key ({Bits} bit)";
}
