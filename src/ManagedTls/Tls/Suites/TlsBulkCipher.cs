namespace ManagedTls.Tls.Suites;

/// <summary>The record protection a cipher suite names (OpenSSL's "Enc=" column).</summary>
public enum TlsBulkCipher
{
    /// <summary>AES-128-GCM (RFC 5288, RFC 8446; "Enc=AESGCM(128)").</summary>
    Aes128Gcm,

    /// <summary>AES-256-GCM ("Enc=AESGCM(256)").</summary>
    Aes256Gcm,

    /// <summary>ChaCha20-Poly1305 (RFC 7905, RFC 8446; "Enc=CHACHA20/POLY1305(256)").</summary>
    ChaCha20Poly1305,

    /// <summary>AES-128-CBC with HMAC (MAC-then-encrypt; "Enc=AES(128)").</summary>
    Aes128Cbc,

    /// <summary>AES-256-CBC with HMAC (MAC-then-encrypt; "Enc=AES(256)").</summary>
    Aes256Cbc,

    /// <summary>AES-128-CCM with a 16-byte tag ("Enc=AESCCM(128)"); listed, not implemented.</summary>
    Aes128Ccm,

    /// <summary>AES-128-CCM with an 8-byte tag ("Enc=AESCCM8(128)"); listed, not implemented.</summary>
    Aes128Ccm8,
}
