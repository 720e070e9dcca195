namespace ManagedTls.Pkcs.Pkcs12;

/// <summary>The object identifiers of RFC 7292 and RFC 2315 this layer decides on.</summary>
internal static class Pkcs12Oids
{
    public const string Data = "1.2.840.113549.1.7.1";
    public const string SignedData = "1.2.840.113549.1.7.2";
    public const string EnvelopedData = "1.2.840.113549.1.7.3";
    public const string EncryptedData = "1.2.840.113549.1.7.6";

    public const string KeyBag = "1.2.840.113549.1.12.10.1.1";
    public const string ShroudedKeyBag = "1.2.840.113549.1.12.10.1.2";
    public const string CertBag = "1.2.840.113549.1.12.10.1.3";
    public const string CrlBag = "1.2.840.113549.1.12.10.1.4";
    public const string SecretBag = "1.2.840.113549.1.12.10.1.5";
    public const string SafeContentsBag = "1.2.840.113549.1.12.10.1.6";

    public const string X509Certificate = "1.2.840.113549.1.9.22.1";
    public const string X509Crl = "1.2.840.113549.1.9.23.1";
    public const string FriendlyName = "1.2.840.113549.1.9.20";
    public const string LocalKeyId = "1.2.840.113549.1.9.21";

    /// <summary>id-PBMAC1 (RFC 8018 §A.5, used by RFC 9579 for PKCS#12 MACs).</summary>
    public const string Pbmac1 = "1.2.840.113549.1.5.14";

    public static string BagOid(Pkcs12BagKind kind) => kind switch
    {
        Pkcs12BagKind.Key => KeyBag,
        Pkcs12BagKind.ShroudedKey => ShroudedKeyBag,
        Pkcs12BagKind.Certificate => CertBag,
        Pkcs12BagKind.Crl => CrlBag,
        Pkcs12BagKind.Secret => SecretBag,
        _ => SafeContentsBag,
    };

    public static Pkcs12BagKind KindOf(string oid) => oid switch
    {
        KeyBag => Pkcs12BagKind.Key,
        ShroudedKeyBag => Pkcs12BagKind.ShroudedKey,
        CertBag => Pkcs12BagKind.Certificate,
        CrlBag => Pkcs12BagKind.Crl,
        SecretBag => Pkcs12BagKind.Secret,
        SafeContentsBag => Pkcs12BagKind.SafeContents,
        _ => Pkcs12BagKind.Unknown,
    };
}
