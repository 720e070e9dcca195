namespace ManagedTls.Pkcs.Pkcs12;

/// <summary>The SafeBag types of RFC 7292 §4.2.</summary>
public enum Pkcs12BagKind
{
    /// <summary>keyBag: an unencrypted PrivateKeyInfo.</summary>
    Key,

    /// <summary>pkcs8ShroudedKeyBag: an EncryptedPrivateKeyInfo.</summary>
    ShroudedKey,

    /// <summary>certBag: an X.509 certificate (or another certificate type, kept raw).</summary>
    Certificate,

    /// <summary>crlBag: an X.509 CRL (or another CRL type, kept raw).</summary>
    Crl,

    /// <summary>secretBag: a secret of some type, kept raw.</summary>
    Secret,

    /// <summary>safeContentsBag: nested SafeContents.</summary>
    SafeContents,

    /// <summary>A bag type RFC 7292 does not define, kept raw (OpenSSL warns and skips it).</summary>
    Unknown,
}
