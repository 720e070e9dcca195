namespace ManagedTls.Crypto;

/// <summary>The AEADs ManagedTls uses for record protection (RFC 5116 names in comments).</summary>
public enum AeadAlgorithmId
{
    /// <summary>AES-128-GCM (AEAD_AES_128_GCM): 16-byte key, 12-byte nonce, 16-byte tag.</summary>
    Aes128Gcm,

    /// <summary>AES-192-GCM: 24-byte key (not used by TLS; PKCS#8/CMS only).</summary>
    Aes192Gcm,

    /// <summary>AES-256-GCM (AEAD_AES_256_GCM): 32-byte key.</summary>
    Aes256Gcm,

    /// <summary>ChaCha20-Poly1305 (RFC 8439): 32-byte key, 12-byte nonce, 16-byte tag.</summary>
    ChaCha20Poly1305,
}
