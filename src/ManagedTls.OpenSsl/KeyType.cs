namespace ManagedTls.OpenSsl;

/// <summary>
/// pyOpenSSL's <c>TYPE_*</c> constants: key types as OpenSSL NIDs (<c>EVP_PKEY_id</c>), the values
/// <see cref="PKey.Type"/> returns. pyOpenSSL 16.1 names <c>TYPE_RSA</c> and <c>TYPE_DSA</c> (later versions add
/// <c>TYPE_DH</c> and <c>TYPE_EC</c>); the other members are the NIDs today's users compare against.
/// </summary>
public enum KeyType
{
    /// <summary><c>EVP_PKEY_NONE</c> (NID_undef): what an empty <see cref="PKey"/> (never generated or loaded) reports.</summary>
    None = 0,

    /// <summary><c>TYPE_RSA</c>: <c>EVP_PKEY_RSA</c>, NID 6 (rsaEncryption).</summary>
    Rsa = 6,

    /// <summary><c>TYPE_DH</c>: <c>EVP_PKEY_DH</c>, NID 28. ManagedTls has no DH keys; listed because pyOpenSSL defines the constant.</summary>
    Dh = 28,

    /// <summary><c>TYPE_DSA</c>: <c>EVP_PKEY_DSA</c>, NID 116.</summary>
    Dsa = 116,

    /// <summary><c>TYPE_EC</c>: <c>EVP_PKEY_EC</c>, NID 408 (id-ecPublicKey).</summary>
    Ec = 408,

    /// <summary><c>EVP_PKEY_RSA_PSS</c>, NID 912 (id-RSASSA-PSS): RSA restricted to PSS signatures.</summary>
    RsaPss = 912,

    /// <summary><c>EVP_PKEY_X25519</c>, NID 1034.</summary>
    X25519 = 1034,

    /// <summary><c>EVP_PKEY_X448</c>, NID 1035.</summary>
    X448 = 1035,

    /// <summary><c>EVP_PKEY_ED25519</c>, NID 1087.</summary>
    Ed25519 = 1087,

    /// <summary><c>EVP_PKEY_ED448</c>, NID 1088.</summary>
    Ed448 = 1088,
}
