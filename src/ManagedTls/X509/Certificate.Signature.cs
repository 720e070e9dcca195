using ManagedTls.Asn1;
using ManagedTls.Keys;
using ManagedTls.Signatures;

namespace ManagedTls.X509;

/// <content>Signature checks (RFC 5280 §4.1.1.3), the part of OpenSSL's <c>X509_verify</c> that needs no chain.</content>
public sealed partial class Certificate
{
    /// <summary>
    /// Decodes the outer signatureAlgorithm into a <see cref="Signatures.SignatureAlgorithm"/>, or reports why it
    /// cannot be (unsupported OID, parameters the RFCs forbid).
    /// </summary>
    /// <param name="algorithm">The algorithm when supported.</param>
    /// <param name="error">Why not, otherwise null.</param>
    /// <returns>Whether the algorithm is one ManagedTls can verify.</returns>
    public bool TryGetSignatureAlgorithm([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Signatures.SignatureAlgorithm? algorithm, out Exception? error)
    {
        try
        {
            algorithm = Signatures.SignatureAlgorithm.Decode(SignatureAlgorithm.RawData.Span);
            error = null;
            return true;
        }
        catch (Exception e) when (e is SignatureException or DecodeException)
        {
            algorithm = null;
            error = e;
            return false;
        }
    }

    /// <summary>
    /// Checks the signature over the TBSCertificate with the issuer's public key, as OpenSSL's <c>X509_verify</c>:
    /// false when the inner and outer algorithms differ (RFC 5280 §4.1.1.2), when the signature BIT STRING has unused
    /// bits, or when the signature does not verify.
    /// </summary>
    /// <param name="issuerKey">The issuer's public key (the certificate's own for a self-signed one).</param>
    /// <returns>Whether the signature is valid.</returns>
    /// <exception cref="SignatureException">The algorithm is unsupported, or does not fit <paramref name="issuerKey"/>.</exception>
    /// <exception cref="DecodeException">The signature algorithm's parameters are malformed.</exception>
    public bool VerifySignature(PublicKey issuerKey)
    {
        ArgumentNullException.ThrowIfNull(issuerKey);
        if (!SignatureAlgorithmsMatch || SignatureUnusedBits != 0)
        {
            return false;
        }

        Signatures.SignatureAlgorithm algorithm = Signatures.SignatureAlgorithm.Decode(SignatureAlgorithm.RawData.Span);
        return Verifier.Verify(issuerKey, algorithm, RawTbsCertificate.Span, Signature.Span);
    }

    /// <summary>
    /// Whether the certificate is self-signed in OpenSSL's sense: issuer equals subject (canonical comparison) and its
    /// own key verifies its signature. False when the key or algorithm is not supported.
    /// </summary>
    /// <returns>Whether the certificate is self-signed.</returns>
    public bool IsSelfSigned()
    {
        if (!Issuer.Equals(Subject) || !TryGetPublicKey(out PublicKey? key, out _))
        {
            return false;
        }

        try
        {
            return VerifySignature(key);
        }
        catch (Exception e) when (e is SignatureException or DecodeException)
        {
            return false;
        }
    }
}
