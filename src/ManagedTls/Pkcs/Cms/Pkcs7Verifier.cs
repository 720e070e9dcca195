using ManagedTls.Asn1;
using ManagedTls.Crypto;
using ManagedTls.Keys;
using ManagedTls.Signatures;
using ManagedTls.X509;
using ManagedTls.X509.Verification;

namespace ManagedTls.Pkcs.Cms;

/// <summary>
/// Verifies SignedData as OpenSSL's <c>PKCS7_verify</c>/<c>CMS_verify</c>: every signer's certificate is found
/// (message certificates and the extra ones), its chain verified for S/MIME signing unless disabled, then for each
/// signer the message-digest attribute is compared with the content's digest and the signature over the signed
/// attributes (or over the content when there are none) is checked.
/// </summary>
public static class Pkcs7Verifier
{
    /// <summary>Verifies <paramref name="message"/>.</summary>
    /// <param name="message">The SignedData.</param>
    /// <param name="detachedContent">The content for a detached signature (it overrides encapsulated content, as <c>smime -content</c>).</param>
    /// <param name="options">Options; a trust store is required unless chain verification is off.</param>
    /// <returns>The signer certificates, one per SignerInfo, in order.</returns>
    /// <exception cref="Pkcs7Exception">The reason says what failed; <see cref="Pkcs7Error.CertificateVerifyFailed"/> carries the chain verdict.</exception>
    public static IReadOnlyList<Certificate> Verify(Pkcs7 message, ReadOnlySpan<byte> detachedContent, Pkcs7VerifyOptions options) =>
        Verify(message, detachedContent, hasDetached: true, options);

    /// <summary>Verifies <paramref name="message"/> with its encapsulated content.</summary>
    /// <param name="message">The SignedData.</param>
    /// <param name="options">Options.</param>
    /// <returns>The signer certificates.</returns>
    /// <exception cref="Pkcs7Exception">See <see cref="Verify(Pkcs7, ReadOnlySpan{byte}, Pkcs7VerifyOptions)"/>; <see cref="Pkcs7Error.NoContent"/> when the signature is detached.</exception>
    public static IReadOnlyList<Certificate> Verify(Pkcs7 message, Pkcs7VerifyOptions options) => Verify(message, default, hasDetached: false, options);

    /// <summary>Finds the certificate of each signer, as <c>PKCS7_get0_signers</c>.</summary>
    /// <param name="message">The SignedData.</param>
    /// <param name="extra">Further certificates to search first.</param>
    /// <param name="noInternal">Do not search the message's own certificates.</param>
    /// <returns>One certificate per signer.</returns>
    /// <exception cref="Pkcs7Exception"><see cref="Pkcs7Error.NotSigned"/> or <see cref="Pkcs7Error.SignerCertificateNotFound"/>.</exception>
    public static IReadOnlyList<Certificate> GetSigners(Pkcs7 message, IEnumerable<Certificate>? extra = null, bool noInternal = false)
    {
        ArgumentNullException.ThrowIfNull(message);
        SignedData signed = message.SignedData ?? throw new Pkcs7Exception(Pkcs7Error.NotSigned, "wrong content type: not SignedData");
        if (signed.SignerInfos.Count == 0)
        {
            throw new Pkcs7Exception(Pkcs7Error.SignerCertificateNotFound, "no signers");
        }

        var pool = new List<Certificate>(extra ?? []);
        if (!noInternal)
        {
            pool.AddRange(signed.Certificates);
        }

        var result = new List<Certificate>();
        foreach (SignerInfo signer in signed.SignerInfos)
        {
            Certificate? found = null;
            foreach (Certificate candidate in pool)
            {
                if (signer.Matches(candidate))
                {
                    found = candidate;
                    break;
                }
            }

            result.Add(found ?? throw new Pkcs7Exception(Pkcs7Error.SignerCertificateNotFound, "signer certificate not found"));
        }

        return result;
    }

    private static List<Certificate> Verify(Pkcs7 message, ReadOnlySpan<byte> detachedContent, bool hasDetached, Pkcs7VerifyOptions options)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(options);
        SignedData signed = message.SignedData ?? throw new Pkcs7Exception(Pkcs7Error.NotSigned, "wrong content type: not SignedData");
        // OpenSSL's PKCS7_verify: separately given content overrides the encapsulated one (smime -content).
        ReadOnlySpan<byte> content = hasDetached ? detachedContent : signed.Content ?? throw new Pkcs7Exception(Pkcs7Error.NoContent, "no content");
        IReadOnlyList<Certificate> signers = GetSigners(message, options.ExtraCertificates, options.NoInternalCertificates);
        if (!options.NoChainVerification)
        {
            TrustStore store = options.TrustStore ?? throw new ArgumentException("a trust store is required unless chain verification is off", nameof(options));
            // As PKCS7_verify: only the message's own certificates are untrusted intermediates (-certfile finds signers).
            var untrusted = new List<Certificate>(signed.Certificates);
            foreach (Certificate signer in signers)
            {
                VerifyChain(signer, untrusted, store, options.ChainOptions);
            }
        }

        for (int i = 0; i < signers.Count; i++)
        {
            VerifySigner(signed.SignerInfos[i], signers[i], signed.ContentType, content);
        }

        return [.. signers];
    }

    private static void VerifyChain(Certificate signer, List<Certificate> untrusted, TrustStore store, VerificationOptions? chainOptions)
    {
        VerificationOptions options = chainOptions ?? new VerificationOptions { Purpose = VerificationPurpose.EmailProtection };
        VerificationResult result = ChainVerifier.Verify(signer, untrusted, store, options);
        if (!result.IsValid)
        {
            throw new Pkcs7Exception(result);
        }

        // OpenSSL's smimesign purpose (v3_purp.c check_purpose_smime_sign): keyUsage, when present, must allow
        // digitalSignature or nonRepudiation.
        if (options.Purpose == VerificationPurpose.EmailProtection && signer.GetKeyUsage() is { } usage
            && (usage.Flags & (KeyUsageFlags.DigitalSignature | KeyUsageFlags.NonRepudiation)) == 0)
        {
            throw new Pkcs7Exception(new VerificationResult(X509VerifyError.InvalidPurpose, 0, signer, result.Chain, "keyUsage allows neither digitalSignature nor nonRepudiation"));
        }
    }

    private static void VerifySigner(SignerInfo signer, Certificate certificate, string contentType, ReadOnlySpan<byte> content)
    {
        HashAlgorithmId digest = signer.DigestAlgorithm ?? throw new Pkcs7Exception(Pkcs7Error.Unsupported, $"unknown digest algorithm {signer.DigestAlgorithmOid}");
        if (!certificate.TryGetPublicKey(out PublicKey? key, out Exception? keyError))
        {
            throw new Pkcs7Exception(Pkcs7Error.Unsupported, "the signer's public key cannot be used", keyError!);
        }

        SignatureAlgorithm algorithm = ResolveAlgorithm(signer, digest, key);
        byte[] contentDigest = HashAlgorithms.HashData(digest, content);
        byte[]? signedAttributes = signer.GetSignedAttributesForSignature();
        if (signedAttributes is not null)
        {
            // RFC 5652 §5.3: with signed attributes, content-type and message-digest are required; content-type must
            // equal the eContentType (§11.1).
            string? type = signer.GetContentTypeAttribute();
            byte[] messageDigest = signer.GetMessageDigest()
                ?? throw new Pkcs7Exception(Pkcs7Error.InvalidSignedAttributes, "no message-digest attribute");
            if (type is null || type != contentType)
            {
                throw new Pkcs7Exception(Pkcs7Error.InvalidSignedAttributes, "content-type attribute missing or not the encapsulated type");
            }

            if (!ConstantTime.FixedTimeEquals(messageDigest, contentDigest))
            {
                throw new Pkcs7Exception(Pkcs7Error.DigestMismatch, "digest failure");
            }
        }

        ReadOnlySpan<byte> signedBytes = signedAttributes ?? content;
        bool ok;
        try
        {
            ok = Verifier.Verify(key, algorithm, signedBytes, signer.Signature.Span);
        }
        catch (SignatureException e)
        {
            throw new Pkcs7Exception(Pkcs7Error.SignatureFailure, "signature failure: " + e.Message, e);
        }

        if (!ok)
        {
            throw new Pkcs7Exception(Pkcs7Error.SignatureFailure, "signature failure");
        }
    }

    /// <summary>
    /// The SignerInfo's signatureAlgorithm: a key OID (rsaEncryption, id-ecPublicKey, as OpenSSL and others write)
    /// combines with the digestAlgorithm; a signature OID (sha256WithRSAEncryption, ecdsa-with-SHA256, RSASSA-PSS,
    /// id-Ed25519) is taken as it is, and its hash must be the digest algorithm's.
    /// </summary>
    private static SignatureAlgorithm ResolveAlgorithm(SignerInfo signer, HashAlgorithmId digest, PublicKey key)
    {
        string oid;
        try
        {
            var reader = new DerReader(signer.SignatureAlgorithmEncoded.Span, DerMode.Ber);
            DerReader sequence = reader.ReadSequence();
            oid = sequence.ReadObjectIdentifier();
        }
        catch (DecodeException e)
        {
            throw new Pkcs7Exception(Pkcs7Error.Malformed, "malformed signatureAlgorithm", e);
        }

        try
        {
            switch (oid)
            {
                case Oids.RsaEncryption when key.Algorithm == KeyAlgorithm.Rsa:
                    return SignatureAlgorithm.RsaPkcs1(digest);
                case Oids.EcPublicKey when key.Algorithm == KeyAlgorithm.Ec:
                    return SignatureAlgorithm.Ecdsa(digest);
                default:
                    SignatureAlgorithm algorithm = SignatureAlgorithm.Decode(signer.SignatureAlgorithmEncoded.Span);
                    if (algorithm.Hash is { } hash && algorithm.Kind != SignatureAlgorithmKind.RsaPss && hash != digest)
                    {
                        throw new Pkcs7Exception(Pkcs7Error.SignatureFailure, "signatureAlgorithm's hash differs from the digestAlgorithm");
                    }

                    return algorithm;
            }
        }
        catch (Exception e) when (e is SignatureException or DecodeException)
        {
            throw new Pkcs7Exception(Pkcs7Error.Unsupported, $"unsupported signature algorithm {oid}", e);
        }
    }
}
