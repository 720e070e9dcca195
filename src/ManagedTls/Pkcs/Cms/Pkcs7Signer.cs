using ManagedTls.Asn1;
using ManagedTls.Crypto;
using ManagedTls.Keys;
using ManagedTls.Signatures;
using ManagedTls.X509;

namespace ManagedTls.Pkcs.Cms;

/// <summary>
/// Makes SignedData (RFC 5652 §5) over id-data content with one signer, as <c>openssl smime -sign</c> /
/// <c>openssl cms -sign</c> do: signed attributes content-type, signing-time and message-digest (DER, sorted as a
/// SET OF requires), the signature over their DER; RSA PKCS#1 v1.5 (named rsaEncryption, as OpenSSL writes),
/// RSA-PSS, ECDSA and Ed25519 (RFC 8419) signers.
/// </summary>
public static class Pkcs7Signer
{
    /// <summary>Signs <paramref name="content"/>.</summary>
    /// <param name="content">The content, already canonicalised if the caller wants S/MIME text form.</param>
    /// <param name="signerCertificate">The signer's certificate.</param>
    /// <param name="key">The signer's private key.</param>
    /// <param name="options">Options; null for the defaults (attached, SHA-256, attributes on).</param>
    /// <returns>The SignedData as a <see cref="Pkcs7"/>.</returns>
    /// <exception cref="Pkcs7Exception"><see cref="Pkcs7Error.KeyMismatch"/> (the key is not the certificate's, or the digest does not fit it) or <see cref="Pkcs7Error.Unsupported"/>.</exception>
    public static Pkcs7 Sign(ReadOnlySpan<byte> content, Certificate signerCertificate, PrivateKey key, Pkcs7SignOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(signerCertificate);
        ArgumentNullException.ThrowIfNull(key);
        options ??= new Pkcs7SignOptions();
        if (!signerCertificate.TryGetPublicKey(out PublicKey? certificateKey, out _) || !certificateKey.Equals(key.PublicKey))
        {
            throw new Pkcs7Exception(Pkcs7Error.KeyMismatch, "private key does not match certificate");
        }

        if (options.UseSubjectKeyIdentifier && signerCertificate.GetSubjectKeyIdentifier() is null)
        {
            throw new Pkcs7Exception(Pkcs7Error.Unsupported, "the signer certificate has no subject key identifier");
        }

        if (key.Algorithm == KeyAlgorithm.Ed448)
        {
            // RFC 8419 §3.1 pairs Ed448 with SHAKE256, which the crypto provider does not offer.
            throw new Pkcs7Exception(Pkcs7Error.Unsupported, "Ed448 signers need SHAKE256 (RFC 8419), which is not implemented");
        }

        HashAlgorithmId digest = options.Digest ?? (key.Algorithm == KeyAlgorithm.Ed25519 ? HashAlgorithmId.Sha512 : HashAlgorithmId.Sha256);
        (SignatureAlgorithm algorithm, byte[] algorithmEncoding) = ChooseAlgorithm(key, digest);
        byte[] contentDigest = HashAlgorithms.HashData(digest, content);

        var attributes = new List<CmsAttribute>();
        byte[]? signedSet = null;
        ReadOnlySpan<byte> toSign = content;
        if (options.SignedAttributes)
        {
            attributes.Add(new CmsAttribute(CmsOids.ContentTypeAttribute, [Encode(w => w.WriteObjectIdentifier(CmsOids.Data))]));
            if (options.IncludeSigningTime)
            {
                DateTimeOffset now = (options.TimeProvider ?? TimeProvider.System).GetUtcNow();
                attributes.Add(new CmsAttribute(CmsOids.SigningTimeAttribute, [Encode(w => WriteTime(w, now))]));
            }

            attributes.Add(new CmsAttribute(CmsOids.MessageDigestAttribute, [Encode(w => w.WriteOctetString(contentDigest))]));
            signedSet = Encode(w =>
            {
                using (w.PushSetOf())
                {
                    foreach (CmsAttribute attribute in attributes)
                    {
                        attribute.Encode(w);
                    }
                }
            });
            toSign = signedSet;
        }

        byte[] signature;
        try
        {
            signature = Signer.Sign(key, algorithm, toSign);
        }
        catch (SignatureException e)
        {
            throw new Pkcs7Exception(Pkcs7Error.KeyMismatch, "cannot sign: " + e.Message, e);
        }

        SignerInfo signer = SignerInfo.Create(signerCertificate, options.UseSubjectKeyIdentifier, digest, signedSet, algorithmEncoding, signature, ReorderAsEncoded(signedSet, attributes));
        var certificates = new List<Certificate>();
        if (options.IncludeSignerCertificate)
        {
            certificates.Add(signerCertificate);
        }

        certificates.AddRange(options.ExtraCertificates);
        SignedData signed = SignedData.Build(
            options.UseSubjectKeyIdentifier ? 3 : 1, [DigestAlgorithms.Oid(digest)], CmsOids.Data, options.Detached ? null : content.ToArray(), certificates, [], [signer]);
        return Pkcs7.FromSignedData(signed);
    }

    /// <summary>
    /// The signatureAlgorithm OpenSSL writes in a SignerInfo: rsaEncryption with NULL for PKCS#1 v1.5 (RFC 3370 §3.2
    /// allows either), ecdsa-with-SHAx for ECDSA, id-Ed25519 for Ed25519, RSASSA-PSS with parameters for PSS keys.
    /// </summary>
    private static (SignatureAlgorithm Algorithm, byte[] Encoding) ChooseAlgorithm(PrivateKey key, HashAlgorithmId digest)
    {
        try
        {
            switch (key.Algorithm)
            {
                case KeyAlgorithm.Rsa:
                    byte[] rsaEncryption = Encode(w =>
                    {
                        using (w.PushSequence())
                        {
                            w.WriteObjectIdentifier(Oids.RsaEncryption);
                            w.WriteNull();
                        }
                    });
                    return (SignatureAlgorithm.RsaPkcs1(digest), rsaEncryption);
                case KeyAlgorithm.Ed25519:
                    if (digest != HashAlgorithmId.Sha512)
                    {
                        throw new Pkcs7Exception(Pkcs7Error.KeyMismatch, "Ed25519 signers use SHA-512 as the message digest (RFC 8419 §3.1)");
                    }

                    return (SignatureAlgorithm.Ed25519, SignatureAlgorithm.Ed25519.Encoded.ToArray());
                default:
                    SignatureAlgorithm algorithm = SignatureAlgorithm.ForKey(key.PublicKey, digest);
                    return (algorithm, algorithm.Encoded.ToArray());
            }
        }
        catch (SignatureException e)
        {
            throw new Pkcs7Exception(Pkcs7Error.KeyMismatch, "the digest does not fit the key: " + e.Message, e);
        }
    }

    private static void WriteTime(DerWriter writer, DateTimeOffset time)
    {
        // RFC 5652 §11.3: UTCTime for 1950..2049, GeneralizedTime otherwise.
        DateTimeOffset utc = time.ToUniversalTime();
        if (utc.Year is >= 1950 and < 2050)
        {
            writer.WriteUtcTime(utc);
        }
        else
        {
            writer.WriteGeneralizedTime(utc, omitFractionalSeconds: true);
        }
    }

    private static List<CmsAttribute> ReorderAsEncoded(byte[]? signedSet, List<CmsAttribute> attributes)
    {
        if (signedSet is null)
        {
            return [];
        }

        var reader = new DerReader(signedSet);
        DerReader set = reader.ReadSequence(Asn1Tag.SetOf);
        var ordered = new List<CmsAttribute>();
        while (set.HasData)
        {
            ordered.Add(CmsAttribute.Decode(ref set, signedSet, 0));
        }

        return ordered;
    }

    private static byte[] Encode(Action<DerWriter> write)
    {
        using var writer = new DerWriter();
        write(writer);
        return writer.ToArray();
    }
}
