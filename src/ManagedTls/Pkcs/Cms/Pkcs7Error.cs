namespace ManagedTls.Pkcs.Cms;

/// <summary>Why reading, building, signing or verifying a PKCS#7 / CMS structure failed; carried by <see cref="Pkcs7Exception"/>.</summary>
public enum Pkcs7Error
{
    /// <summary>The input is not well-formed BER/DER of the expected structure (truncated, garbled, trailing bytes).</summary>
    Malformed,

    /// <summary>PEM text without a <c>PKCS7</c>, <c>PKCS #7 SIGNED DATA</c> or <c>CMS</c> block.</summary>
    NoPemBlock,

    /// <summary>A count or size limit was exceeded (certificates, CRLs, signers, attributes, input length).</summary>
    LimitExceeded,

    /// <summary>The content type, version or algorithm is not one ManagedTls implements.</summary>
    Unsupported,

    /// <summary>The operation needs SignedData and the structure is another content type.</summary>
    NotSigned,

    /// <summary>Detached SignedData was verified without the content (OpenSSL: "no content").</summary>
    NoContent,

    /// <summary>No SignerInfo, or no certificate in the bundle or the extra certificates matches a signer.</summary>
    SignerCertificateNotFound,

    /// <summary>The message-digest attribute does not match the content's digest (OpenSSL: "digest failure").</summary>
    DigestMismatch,

    /// <summary>The signature over the signed attributes (or the content) does not verify (OpenSSL: "signature failure").</summary>
    SignatureFailure,

    /// <summary>Signed attributes lack content-type or message-digest, or content-type differs from the encapsulated type.</summary>
    InvalidSignedAttributes,

    /// <summary>The signer's certificate does not chain to a trusted root, or fails the S/MIME signing purpose.</summary>
    CertificateVerifyFailed,

    /// <summary>The private key does not belong to the signer certificate, or does not fit the chosen digest.</summary>
    KeyMismatch,

    /// <summary>The S/MIME (MIME) wrapping is malformed: no boundary, missing parts, unknown Content-Type.</summary>
    InvalidMime,
}
