namespace ManagedTls.Signatures;

/// <summary>The signature schemes a <see cref="SignatureAlgorithm"/> can name.</summary>
public enum SignatureAlgorithmKind
{
    /// <summary>RSASSA-PKCS1-v1_5 (RFC 8017 §8.2), e.g. <c>sha256WithRSAEncryption</c>.</summary>
    RsaPkcs1,

    /// <summary>RSASSA-PSS (RFC 8017 §8.1) under <c>id-RSASSA-PSS</c> with RSASSA-PSS-params (RFC 4055 §3.1).</summary>
    RsaPss,

    /// <summary>ECDSA (RFC 5758 §3.2), e.g. <c>ecdsa-with-SHA256</c>.</summary>
    Ecdsa,

    /// <summary>DSA (RFC 3279 §2.2.2, RFC 5758 §3.1), e.g. <c>dsa_with_SHA256</c>.</summary>
    Dsa,

    /// <summary>PureEdDSA Ed25519 (RFC 8410 §3).</summary>
    Ed25519,

    /// <summary>PureEdDSA Ed448 (RFC 8410 §3).</summary>
    Ed448,
}
