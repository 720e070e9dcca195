namespace ManagedTls.Tls;

/// <summary>TLS SignatureScheme registry (IANA; RFC 8446 §4.2.3; TLS 1.2 hash/signature pairs share the code points).</summary>
public enum TlsSignatureScheme : ushort
{
    /// <summary>rsa_pkcs1_sha1 (legacy; certificates and TLS 1.2 only).</summary>
    RsaPkcs1Sha1 = 0x0201,

    /// <summary>dsa_sha1 (TLS 1.2 hash/signature pair; never offered).</summary>
    DsaSha1 = 0x0202,

    /// <summary>ecdsa_sha1 (legacy; certificates and TLS 1.2 only).</summary>
    EcdsaSha1 = 0x0203,

    /// <summary>rsa_pkcs1_sha224 (TLS 1.2 hash/signature pair).</summary>
    RsaPkcs1Sha224 = 0x0301,

    /// <summary>ecdsa_sha224 (TLS 1.2 hash/signature pair).</summary>
    EcdsaSha224 = 0x0303,

    /// <summary>rsa_pkcs1_sha256 (TLS 1.3: certificates only).</summary>
    RsaPkcs1Sha256 = 0x0401,

    /// <summary>ecdsa_secp256r1_sha256.</summary>
    EcdsaSecp256r1Sha256 = 0x0403,

    /// <summary>rsa_pkcs1_sha384 (TLS 1.3: certificates only).</summary>
    RsaPkcs1Sha384 = 0x0501,

    /// <summary>ecdsa_secp384r1_sha384.</summary>
    EcdsaSecp384r1Sha384 = 0x0503,

    /// <summary>rsa_pkcs1_sha512 (TLS 1.3: certificates only).</summary>
    RsaPkcs1Sha512 = 0x0601,

    /// <summary>ecdsa_secp521r1_sha512.</summary>
    EcdsaSecp521r1Sha512 = 0x0603,

    /// <summary>rsa_pss_rsae_sha256.</summary>
    RsaPssRsaeSha256 = 0x0804,

    /// <summary>rsa_pss_rsae_sha384.</summary>
    RsaPssRsaeSha384 = 0x0805,

    /// <summary>rsa_pss_rsae_sha512.</summary>
    RsaPssRsaeSha512 = 0x0806,

    /// <summary>ed25519.</summary>
    Ed25519 = 0x0807,

    /// <summary>ed448.</summary>
    Ed448 = 0x0808,

    /// <summary>rsa_pss_pss_sha256.</summary>
    RsaPssPssSha256 = 0x0809,

    /// <summary>rsa_pss_pss_sha384.</summary>
    RsaPssPssSha384 = 0x080a,

    /// <summary>rsa_pss_pss_sha512.</summary>
    RsaPssPssSha512 = 0x080b,
}
