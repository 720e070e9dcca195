namespace ManagedTls.Keys;

/// <summary>The asymmetric key types ManagedTls reads and writes (OpenSSL's EVP_PKEY types of the same names).</summary>
public enum KeyAlgorithm
{
    /// <summary>RSA under <c>rsaEncryption</c> (1.2.840.113549.1.1.1).</summary>
    Rsa,

    /// <summary>RSA restricted to RSASSA-PSS (<c>id-RSASSA-PSS</c>, 1.2.840.113549.1.1.10), RFC 4055.</summary>
    RsaPss,

    /// <summary>DSA (<c>id-dsa</c>, 1.2.840.10040.4.1).</summary>
    Dsa,

    /// <summary>Elliptic-curve key on a named prime curve (<c>id-ecPublicKey</c>, 1.2.840.10045.2.1).</summary>
    Ec,

    /// <summary>Ed25519 (1.3.101.112), RFC 8410.</summary>
    Ed25519,

    /// <summary>Ed448 (1.3.101.113), RFC 8410.</summary>
    Ed448,

    /// <summary>X25519 (1.3.101.110), RFC 8410.</summary>
    X25519,

    /// <summary>X448 (1.3.101.111), RFC 8410.</summary>
    X448,
}
