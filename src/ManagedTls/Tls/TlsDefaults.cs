namespace ManagedTls.Tls;

/// <summary>Default preference lists (OpenSSL 3.0's order, without legacy algorithms).</summary>
internal static class TlsDefaults
{
    internal static readonly TlsCipherSuite[] Tls13CipherSuites =
    [
        TlsCipherSuite.TLS_AES_256_GCM_SHA384,
        TlsCipherSuite.TLS_CHACHA20_POLY1305_SHA256,
        TlsCipherSuite.TLS_AES_128_GCM_SHA256,
    ];

    internal static readonly TlsCipherSuite[] Tls12CipherSuites =
    [
        TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
        TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
        TlsCipherSuite.TLS_DHE_RSA_WITH_AES_256_GCM_SHA384,
        TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
        TlsCipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
        TlsCipherSuite.TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
        TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
        TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
        TlsCipherSuite.TLS_DHE_RSA_WITH_AES_128_GCM_SHA256,
    ];

    internal static readonly TlsNamedGroup[] Groups =
    [
        TlsNamedGroup.X25519,
        TlsNamedGroup.Secp256r1,
        TlsNamedGroup.X448,
        TlsNamedGroup.Secp384r1,
        TlsNamedGroup.Secp521r1,
        TlsNamedGroup.Ffdhe2048,
        TlsNamedGroup.Ffdhe3072,
        TlsNamedGroup.Ffdhe4096,
        TlsNamedGroup.Ffdhe6144,
        TlsNamedGroup.Ffdhe8192,
    ];

    internal static readonly TlsSignatureScheme[] SignatureSchemes =
    [
        TlsSignatureScheme.EcdsaSecp256r1Sha256,
        TlsSignatureScheme.EcdsaSecp384r1Sha384,
        TlsSignatureScheme.EcdsaSecp521r1Sha512,
        TlsSignatureScheme.Ed25519,
        TlsSignatureScheme.Ed448,
        TlsSignatureScheme.RsaPssPssSha256,
        TlsSignatureScheme.RsaPssPssSha384,
        TlsSignatureScheme.RsaPssPssSha512,
        TlsSignatureScheme.RsaPssRsaeSha256,
        TlsSignatureScheme.RsaPssRsaeSha384,
        TlsSignatureScheme.RsaPssRsaeSha512,
        TlsSignatureScheme.RsaPkcs1Sha256,
        TlsSignatureScheme.RsaPkcs1Sha384,
        TlsSignatureScheme.RsaPkcs1Sha512,
    ];
}
