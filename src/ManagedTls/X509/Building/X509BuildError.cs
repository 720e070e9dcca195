namespace ManagedTls.X509;

/// <summary>Why a <see cref="CertificateBuilder"/>, <see cref="CertificationRequestBuilder"/> or <see cref="CertificateRevocationListBuilder"/> refused to sign.</summary>
public enum X509BuildError
{
    /// <summary>The version is not one the structure defines (certificate 1–3, request 0, CRL 1–2).</summary>
    InvalidVersion,

    /// <summary>No subject public key was given (neither a <see cref="Keys.PublicKey"/> nor raw SubjectPublicKeyInfo).</summary>
    MissingPublicKey,

    /// <summary>The raw SubjectPublicKeyInfo is not one DER SEQUENCE.</summary>
    InvalidPublicKeyInfo,

    /// <summary>Extensions on a certificate below v3 or on a CRL entry list of a v1 CRL (RFC 5280 §4.1.2.9, §5.1.2.1).</summary>
    ExtensionsNotAllowed,

    /// <summary>Unique identifiers on a v1 certificate (RFC 5280 §4.1.2.8).</summary>
    UniqueIdNotAllowed,

    /// <summary>The same extension OID appears twice in one list (RFC 5280 §4.2, §5.2, §5.3).</summary>
    DuplicateExtension,

    /// <summary>An attribute the builder writes itself (extensionRequest, challengePassword) is also in the attribute list.</summary>
    DuplicateAttribute,
}
