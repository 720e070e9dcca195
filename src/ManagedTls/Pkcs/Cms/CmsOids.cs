namespace ManagedTls.Pkcs.Cms;

/// <summary>Object identifiers of PKCS#7 (RFC 2315), CMS (RFC 5652) and the PKCS#9 attributes S/MIME signers use.</summary>
public static class CmsOids
{
    /// <summary><c>1.2.840.113549.1.7.1</c>: pkcs7-data.</summary>
    public const string Data = "1.2.840.113549.1.7.1";

    /// <summary><c>1.2.840.113549.1.7.2</c>: pkcs7-signedData.</summary>
    public const string SignedData = "1.2.840.113549.1.7.2";

    /// <summary><c>1.2.840.113549.1.7.3</c>: pkcs7-envelopedData.</summary>
    public const string EnvelopedData = "1.2.840.113549.1.7.3";

    /// <summary><c>1.2.840.113549.1.7.4</c>: pkcs7-signedAndEnvelopedData.</summary>
    public const string SignedAndEnvelopedData = "1.2.840.113549.1.7.4";

    /// <summary><c>1.2.840.113549.1.7.5</c>: pkcs7-digestData.</summary>
    public const string DigestedData = "1.2.840.113549.1.7.5";

    /// <summary><c>1.2.840.113549.1.7.6</c>: pkcs7-encryptedData.</summary>
    public const string EncryptedData = "1.2.840.113549.1.7.6";

    /// <summary><c>1.2.840.113549.1.9.3</c>: contentType attribute.</summary>
    public const string ContentTypeAttribute = "1.2.840.113549.1.9.3";

    /// <summary><c>1.2.840.113549.1.9.4</c>: messageDigest attribute.</summary>
    public const string MessageDigestAttribute = "1.2.840.113549.1.9.4";

    /// <summary><c>1.2.840.113549.1.9.5</c>: signingTime attribute.</summary>
    public const string SigningTimeAttribute = "1.2.840.113549.1.9.5";

    /// <summary><c>1.2.840.113549.1.9.15</c>: S/MIME capabilities attribute.</summary>
    public const string SmimeCapabilitiesAttribute = "1.2.840.113549.1.9.15";
}
