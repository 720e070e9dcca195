using ManagedTls.Crypto;

namespace ManagedTls.Tls.Suites;

/// <summary>
/// Everything the engine and the tools need to know about one cipher suite: its names (IANA and OpenSSL), the
/// protocol versions it is defined for, its key exchange, authentication and record protection, the sizes the key
/// schedule derives, and OpenSSL's one-line description. Instances come from <see cref="TlsCipherSuites"/> and are
/// immutable.
/// </summary>
public sealed class TlsCipherSuiteInfo
{
    internal TlsCipherSuiteInfo(
        TlsCipherSuite suite,
        string openSslName,
        TlsProtocolVersion minVersion,
        TlsKeyExchange keyExchange,
        TlsAuthentication authentication,
        TlsBulkCipher bulk,
        HashAlgorithmId hash,
        HashAlgorithmId? macHash,
        bool isImplemented)
    {
        Suite = suite;
        IanaName = suite.ToString();
        OpenSslName = openSslName;
        MinVersion = minVersion;
        MaxVersion = minVersion == TlsProtocolVersion.Tls13 ? TlsProtocolVersion.Tls13 : TlsProtocolVersion.Tls12;
        KeyExchange = keyExchange;
        Authentication = authentication;
        Bulk = bulk;
        Hash = hash;
        MacHash = macHash;
        IsImplemented = isImplemented;

        IsTls13 = minVersion == TlsProtocolVersion.Tls13;
        bool cbc = bulk is TlsBulkCipher.Aes128Cbc or TlsBulkCipher.Aes256Cbc;
        IsAead = !cbc;
        Aead = bulk switch
        {
            TlsBulkCipher.Aes128Gcm => AeadAlgorithmId.Aes128Gcm,
            TlsBulkCipher.Aes256Gcm => AeadAlgorithmId.Aes256Gcm,
            TlsBulkCipher.ChaCha20Poly1305 => AeadAlgorithmId.ChaCha20Poly1305,
            _ => null,
        };
        KeyLength = bulk is TlsBulkCipher.Aes256Gcm or TlsBulkCipher.Aes256Cbc or TlsBulkCipher.ChaCha20Poly1305 ? 32 : 16;
        StrengthBits = KeyLength * 8;

        // RFC 8446 §5.3: a 12-byte per-direction IV. RFC 5288 §3: 4-byte salt + 8-byte explicit nonce.
        // RFC 7905 §2: ChaCha20-Poly1305 in TLS 1.2 uses a 12-byte fixed IV and no explicit nonce.
        if (IsTls13 || bulk == TlsBulkCipher.ChaCha20Poly1305)
        {
            FixedIvLength = 12;
        }
        else if (cbc)
        {
            FixedIvLength = 16;
        }
        else
        {
            FixedIvLength = 4;
            RecordIvLength = 8;
        }

        MacKeyLength = macHash switch
        {
            HashAlgorithmId.Sha1 => 20,
            HashAlgorithmId.Sha256 => 32,
            HashAlgorithmId.Sha384 => 48,
            _ => 0,
        };
        IsOffByDefault = cbc || keyExchange == TlsKeyExchange.Rsa;
        Description = OpenSslDescription.Format(this);
    }

    /// <summary>The IANA code point.</summary>
    public TlsCipherSuite Suite { get; }

    /// <summary>The IANA name, e.g. "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256" (OpenSSL's "standard name").</summary>
    public string IanaName { get; }

    /// <summary>OpenSSL's name, e.g. "ECDHE-ECDSA-AES128-GCM-SHA256"; TLS 1.3 suites use the IANA name.</summary>
    public string OpenSslName { get; }

    /// <summary>The first protocol version the suite may be negotiated in (OpenSSL's version column: SSLv3 for the RFC 3268 AES suites, TLSv1 for the RFC 4492 ECDHE ones).</summary>
    public TlsProtocolVersion MinVersion { get; }

    /// <summary>The last protocol version the suite may be negotiated in: TLS 1.2 for every pre-1.3 suite (RFC 8446 §B.4), TLS 1.3 for the 1.3 suites.</summary>
    public TlsProtocolVersion MaxVersion { get; }

    /// <summary>The key exchange; <see cref="TlsKeyExchange.Any"/> for TLS 1.3.</summary>
    public TlsKeyExchange KeyExchange { get; }

    /// <summary>The server authentication; <see cref="TlsAuthentication.Any"/> for TLS 1.3.</summary>
    public TlsAuthentication Authentication { get; }

    /// <summary>The record protection.</summary>
    public TlsBulkCipher Bulk { get; }

    /// <summary>The AEAD used to protect records; null for CBC suites and for the (unimplemented) CCM suites.</summary>
    public AeadAlgorithmId? Aead { get; }

    /// <summary>The hash of the TLS 1.2 PRF, or of HKDF and the transcript in TLS 1.3 (SHA-256 unless the suite name ends in SHA384).</summary>
    public HashAlgorithmId Hash { get; }

    /// <summary>The HMAC hash of a CBC suite's record MAC; null for AEAD suites.</summary>
    public HashAlgorithmId? MacHash { get; }

    /// <summary>The record encryption key length in bytes (16 or 32).</summary>
    public int KeyLength { get; }

    /// <summary>
    /// The IV length the key schedule derives per direction: 12 for TLS 1.3 (RFC 8446 §5.3) and for TLS 1.2
    /// ChaCha20-Poly1305 (RFC 7905 §2), 4 for TLS 1.2 AES-GCM (the salt of RFC 5288 §3), 16 for CBC (the block size).
    /// </summary>
    public int FixedIvLength { get; }

    /// <summary>The explicit nonce carried in each TLS 1.2 AES-GCM record (8, RFC 5288 §3); 0 otherwise.</summary>
    public int RecordIvLength { get; }

    /// <summary>The HMAC key length of a CBC suite (20, 32 or 48); 0 for AEAD suites.</summary>
    public int MacKeyLength { get; }

    /// <summary>The symmetric strength in bits, as OpenSSL's strength_bits (used by @STRENGTH and security levels).</summary>
    public int StrengthBits { get; }

    /// <summary>True when the engine can negotiate the suite; listed-only suites (CBC, static RSA, CCM) are parsed and printed but never offered or accepted.</summary>
    public bool IsImplemented { get; }

    /// <summary>True for AEAD record protection (GCM, ChaCha20-Poly1305, CCM); false for CBC with HMAC.</summary>
    public bool IsAead { get; }

    /// <summary>True for the TLS 1.3 suites (RFC 8446 §B.4), which name only the AEAD and the hash.</summary>
    public bool IsTls13 { get; }

    /// <summary>True for suites that are not offered unless explicitly enabled: CBC (MAC-then-encrypt, Lucky 13) and static RSA (no forward secrecy, Bleichenbacher).</summary>
    public bool IsOffByDefault { get; }

    /// <summary>The line <c>openssl ciphers -v</c> prints for the suite (OpenSSL 3.0's SSL_CIPHER_description), without the newline.</summary>
    public string Description { get; }

    /// <summary>
    /// Whether OpenSSL's default security callback lets the suite be used at a security level (SSL_CTX_set_security_level,
    /// "@SECLEVEL=n"): level 1 needs 80 bits, 2 needs 112, 3 needs 128 and forward secrecy (TLS 1.3 or an ephemeral key
    /// exchange), 4 needs 192 bits and no SHA-1 MAC, 5 needs 256 bits.
    /// </summary>
    /// <param name="level">The security level, 0 to 5.</param>
    /// <returns>True when the suite passes.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is outside 0..5.</exception>
    public bool IsAllowedAtSecurityLevel(int level)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(level);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(level, 5);
        int minimumBits = level switch
        {
            0 => 0,
            1 => 80,
            2 => 112,
            3 => 128,
            4 => 192,
            _ => 256,
        };
        if (StrengthBits < minimumBits)
        {
            return false;
        }

        if (minimumBits > 160 && MacHash == HashAlgorithmId.Sha1)
        {
            return false;
        }

        return level < 3 || IsTls13 || KeyExchange != TlsKeyExchange.Rsa;
    }

    /// <inheritdoc/>
    public override string ToString() => OpenSslName;
}
