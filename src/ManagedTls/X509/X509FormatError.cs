namespace ManagedTls.X509;

/// <summary>Why an <see cref="X509FormatException"/> was thrown.</summary>
public enum X509FormatError
{
    /// <summary>The DER is malformed or truncated (the <see cref="Exception.InnerException"/> is the <see cref="Asn1.DecodeException"/>).</summary>
    MalformedDer,

    /// <summary>A Name attribute value has a type OpenSSL does not accept, or a string that is not valid in its type (bad UTF-8, odd-length BMPString, surrogates).</summary>
    InvalidName,

    /// <summary>The version is not v1, v2 or v3 (RFC 5280 §4.1.2.1).</summary>
    UnsupportedVersion,

    /// <summary>issuerUniqueID, subjectUniqueID or extensions appear in a version that does not allow them (RFC 5280 §4.1.2.8, §4.1.2.9).</summary>
    FieldNotAllowedInVersion,

    /// <summary>The same extension OID appears twice (RFC 5280 §4.2).</summary>
    DuplicateExtension,

    /// <summary>The extensions field is present but empty (RFC 5280 §4.1: SIZE (1..MAX)).</summary>
    EmptyExtensions,

    /// <summary>The SubjectPublicKeyInfo is not a SEQUENCE of an AlgorithmIdentifier and a BIT STRING.</summary>
    InvalidPublicKeyInfo,

    /// <summary>An extension's value does not decode as its type (only reported when the typed view is asked for, as OpenSSL decodes extensions lazily).</summary>
    InvalidExtension,

    /// <summary>A PEM input holds no block with the expected label.</summary>
    NoPemBlock,
}
