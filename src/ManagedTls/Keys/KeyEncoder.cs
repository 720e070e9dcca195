using ManagedTls.Asn1;
using ManagedTls.Pem;

namespace ManagedTls.Keys;

/// <summary>
/// Writes keys in the encodings OpenSSL writes, byte for byte: PKCS#8 PrivateKeyInfo, the traditional forms
/// (PKCS#1, SEC1, OpenSSL DSA), SubjectPublicKeyInfo and PKCS#1 RSAPublicKey, as DER or PEM.
/// </summary>
public static class KeyEncoder
{
    /// <summary>Writes PKCS#8 PrivateKeyInfo v1 (what <c>openssl pkcs8 -topk8 -nocrypt -outform DER</c> writes).</summary>
    /// <param name="key">The key.</param>
    /// <returns>The DER: the plaintext the PBE layer encrypts into EncryptedPrivateKeyInfo.</returns>
    public static byte[] EncodePkcs8(PrivateKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        using var writer = new DerWriter();
        Pkcs8PrivateKeyInfo.Encode(writer, key);
        return writer.ToArray();
    }

    /// <summary>Writes PKCS#8 as PEM <c>PRIVATE KEY</c> (what <c>openssl pkey</c> writes).</summary>
    /// <param name="key">The key.</param>
    /// <returns>The PEM text as ASCII bytes.</returns>
    public static byte[] EncodePkcs8Pem(PrivateKey key) => PemWriter.Write(PemLabels.PrivateKey, EncodePkcs8(key));

    /// <summary>
    /// Writes the traditional encoding: PKCS#1 RSAPrivateKey, SEC1 ECPrivateKey (with [0] curve and [1] point, as
    /// <c>openssl ec</c>) or OpenSSL's DSAPrivateKey. Keys with no traditional form (Ed25519, Ed448, X25519, X448,
    /// RSA-PSS) are written as PKCS#8, as OpenSSL's <c>i2d_PrivateKey</c> does.
    /// </summary>
    /// <param name="key">The key.</param>
    /// <returns>The DER.</returns>
    public static byte[] EncodeTraditional(PrivateKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.TraditionalPemLabel is null)
        {
            return EncodePkcs8(key);
        }

        using var writer = new DerWriter();
        key.WriteTraditional(writer);
        return writer.ToArray();
    }

    /// <summary>Writes the traditional encoding as PEM (<c>RSA PRIVATE KEY</c>, <c>EC PRIVATE KEY</c>, <c>DSA PRIVATE KEY</c>, else <c>PRIVATE KEY</c>).</summary>
    /// <param name="key">The key.</param>
    /// <returns>The PEM text as ASCII bytes.</returns>
    public static byte[] EncodeTraditionalPem(PrivateKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return PemWriter.Write(TraditionalPemLabel(key), EncodeTraditional(key));
    }

    /// <summary>The PEM label <see cref="EncodeTraditionalPem"/> uses for <paramref name="key"/> (the PBE layer needs it for DEK-Info PEM).</summary>
    /// <param name="key">The key.</param>
    /// <returns>The label.</returns>
    public static string TraditionalPemLabel(PrivateKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.TraditionalPemLabel ?? PemLabels.PrivateKey;
    }

    /// <summary>Writes the canonical SubjectPublicKeyInfo (what <c>openssl pkey -pubout -outform DER</c> writes).</summary>
    /// <param name="key">The key.</param>
    /// <returns>The DER (freshly encoded, not the raw bytes a decoded key keeps).</returns>
    public static byte[] EncodeSubjectPublicKeyInfo(PublicKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.CanonicalEncoding.ToArray();
    }

    /// <summary>Writes SubjectPublicKeyInfo as PEM <c>PUBLIC KEY</c>.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The PEM text as ASCII bytes.</returns>
    public static byte[] EncodeSubjectPublicKeyInfoPem(PublicKey key) => PemWriter.Write(PemLabels.PublicKey, EncodeSubjectPublicKeyInfo(key));

    /// <summary>Writes PKCS#1 RSAPublicKey (what <c>openssl rsa -RSAPublicKey_out -outform DER</c> writes).</summary>
    /// <param name="key">The key.</param>
    /// <returns>The DER.</returns>
    public static byte[] EncodePkcs1Public(RsaPublicKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        using var writer = new DerWriter();
        key.EncodePkcs1(writer);
        return writer.ToArray();
    }

    /// <summary>Writes PKCS#1 RSAPublicKey as PEM <c>RSA PUBLIC KEY</c>.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The PEM text as ASCII bytes.</returns>
    public static byte[] EncodePkcs1PublicPem(RsaPublicKey key) => PemWriter.Write(PemLabels.RsaPublicKey, EncodePkcs1Public(key));

    /// <summary>Writes ECParameters as the named curve OID (what <c>openssl ecparam -outform DER</c> writes).</summary>
    /// <param name="curve">The curve.</param>
    /// <returns>The DER.</returns>
    public static byte[] EncodeEcParameters(EcNamedCurve curve)
    {
        ArgumentNullException.ThrowIfNull(curve);
        using var writer = new DerWriter();
        writer.WriteObjectIdentifier(curve.Oid);
        return writer.ToArray();
    }
}
