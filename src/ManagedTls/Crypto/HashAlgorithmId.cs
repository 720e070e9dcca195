namespace ManagedTls.Crypto;

/// <summary>The message digests ManagedTls computes, named as OpenSSL names them in comments.</summary>
public enum HashAlgorithmId
{
    /// <summary>MD5 (legacy: PEM key encryption, old signatures, PKCS#12 PBES1).</summary>
    Md5,

    /// <summary>SHA-1.</summary>
    Sha1,

    /// <summary>SHA-224.</summary>
    Sha224,

    /// <summary>SHA-256.</summary>
    Sha256,

    /// <summary>SHA-384.</summary>
    Sha384,

    /// <summary>SHA-512.</summary>
    Sha512,

    /// <summary>SHA-512/224 (OpenSSL "sha512-224").</summary>
    Sha512_224,

    /// <summary>SHA-512/256 (OpenSSL "sha512-256").</summary>
    Sha512_256,

    /// <summary>SHA3-224.</summary>
    Sha3_224,

    /// <summary>SHA3-256.</summary>
    Sha3_256,

    /// <summary>SHA3-384.</summary>
    Sha3_384,

    /// <summary>SHA3-512.</summary>
    Sha3_512,
}
