namespace ManagedTls.Crypto;

/// <summary>Block ciphers offered in CBC mode for legacy key and container encryption.</summary>
public enum BlockCipherAlgorithmId
{
    /// <summary>AES with a 16-byte key (OpenSSL "aes-128-cbc").</summary>
    Aes128,

    /// <summary>AES with a 24-byte key ("aes-192-cbc").</summary>
    Aes192,

    /// <summary>AES with a 32-byte key ("aes-256-cbc").</summary>
    Aes256,

    /// <summary>Three-key triple DES, 24-byte key ("des-ede3-cbc"): PEM and PKCS#12 defaults of old.</summary>
    DesEde3,

    /// <summary>Single DES, 8-byte key ("des-cbc"): reading old files only.</summary>
    Des,
}
