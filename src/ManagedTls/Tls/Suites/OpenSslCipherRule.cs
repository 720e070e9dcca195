namespace ManagedTls.Tls.Suites;

/// <summary>
/// One selection of OpenSSL's cipher-string engine (ssl_cipher_apply_rule's arguments): bit masks over key exchange,
/// authentication, encryption and MAC, an exact protocol version, strength classes, or one exact suite. A zero mask
/// does not constrain. The bit values are private to this file and the alias table; only their intersections matter.
/// </summary>
internal readonly record struct OpenSslCipherRule(
    TlsCipherSuite? Suite,
    uint KeyExchange,
    uint Authentication,
    uint Encryption,
    uint Mac,
    int MinVersion,
    uint Strength)
{
    // Key exchange (SSL_k*).
    public const uint KRsa = 0x1, KDhe = 0x2, KEcdhe = 0x4, KPsk = 0x8, KRsaPsk = 0x10, KEcdhePsk = 0x20, KDhePsk = 0x40, KSrp = 0x80, KGost = 0x100, KGost18 = 0x200, KAny = 0x400;
    public const uint KAllPsk = KPsk | KRsaPsk | KEcdhePsk | KDhePsk;

    // Authentication (SSL_a*).
    public const uint ARsa = 0x1, ADss = 0x2, ANull = 0x4, AEcdsa = 0x8, APsk = 0x10, AGost01 = 0x20, ASrp = 0x40, AGost12 = 0x80, AAny = 0x100;

    // Encryption (SSL_*), one bit per algorithm.
    public const uint EDes = 0x1, E3Des = 0x2, ERc4 = 0x4, ERc2 = 0x8, EIdea = 0x10, ENull = 0x20, EAes128 = 0x40, EAes256 = 0x80,
        ECamellia128 = 0x100, ECamellia256 = 0x200, EGost89 = 0x400, ESeed = 0x800, EAes128Gcm = 0x1000, EAes256Gcm = 0x2000,
        EAes128Ccm = 0x4000, EAes256Ccm = 0x8000, EAes128Ccm8 = 0x10000, EAes256Ccm8 = 0x20000, EGost8912 = 0x40000,
        EChaCha20 = 0x80000, EAria128Gcm = 0x100000, EAria256Gcm = 0x200000, EMagma = 0x400000, EKuznyechik = 0x800000;

    public const uint EAesGcm = EAes128Gcm | EAes256Gcm;
    public const uint EAesCcm = EAes128Ccm | EAes256Ccm | EAes128Ccm8 | EAes256Ccm8;
    public const uint EAes = EAes128 | EAes256 | EAesGcm | EAesCcm;
    public const uint ECamellia = ECamellia128 | ECamellia256;
    public const uint EAria = EAria128Gcm | EAria256Gcm;
    public const uint ECbc = EDes | E3Des | ERc2 | EIdea | EAes128 | EAes256 | ECamellia | ESeed;

    // MAC (SSL_*).
    public const uint MMd5 = 0x1, MSha1 = 0x2, MGost94 = 0x4, MGost89Mac = 0x8, MSha256 = 0x10, MSha384 = 0x20, MAead = 0x40,
        MGost12256 = 0x80, MGost89Mac12 = 0x100, MGost12512 = 0x200, MMagmaOmac = 0x400, MKuznyechikOmac = 0x800;

    // Strength classes (SSL_STRONG_MASK) and the default flag (SSL_DEFAULT_MASK).
    public const uint SNone = 0x1, SLow = 0x2, SMedium = 0x4, SHigh = 0x8, SFips = 0x10, SStrongMask = 0x1F, SNotDefault = 0x20;

    // Protocol versions as on the wire (min_tls).
    public const int VSsl3 = 0x0300, VTls1 = 0x0301, VTls12 = 0x0303;

    /// <summary>The rule that selects everything.</summary>
    public static OpenSslCipherRule Everything => default;

    /// <summary>An alias: masks only.</summary>
    public static OpenSslCipherRule Alias(uint kx = 0, uint au = 0, uint enc = 0, uint mac = 0, int version = 0, uint strength = 0) =>
        new(null, kx, au, enc, mac, version, strength);

    /// <summary>The masks of one known suite (its row of OpenSSL's ssl3_ciphers table).</summary>
    public static OpenSslCipherRule ForSuite(TlsCipherSuiteInfo info)
    {
        uint kx = info.KeyExchange switch
        {
            TlsKeyExchange.Rsa => KRsa,
            TlsKeyExchange.Dhe => KDhe,
            TlsKeyExchange.Ecdhe => KEcdhe,
            _ => KAny,
        };
        uint au = info.Authentication switch
        {
            TlsAuthentication.Rsa => ARsa,
            TlsAuthentication.Ecdsa => AEcdsa,
            _ => AAny,
        };
        uint enc = info.Bulk switch
        {
            TlsBulkCipher.Aes128Cbc => EAes128,
            TlsBulkCipher.Aes256Cbc => EAes256,
            TlsBulkCipher.Aes128Gcm => EAes128Gcm,
            TlsBulkCipher.Aes256Gcm => EAes256Gcm,
            TlsBulkCipher.ChaCha20Poly1305 => EChaCha20,
            TlsBulkCipher.Aes128Ccm => EAes128Ccm,
            _ => EAes128Ccm8,
        };
        uint mac = info.MacHash switch
        {
            Crypto.HashAlgorithmId.Sha1 => MSha1,
            Crypto.HashAlgorithmId.Sha256 => MSha256,
            Crypto.HashAlgorithmId.Sha384 => MSha384,
            _ => MAead,
        };
        int version = info.MinVersion switch
        {
            TlsProtocolVersion.Ssl3 => VSsl3,
            TlsProtocolVersion.Tls10 => VTls1,
            TlsProtocolVersion.Tls12 => VTls12,
            _ => 0x0304,
        };

        // Every AES suite is SSL_HIGH | SSL_FIPS in OpenSSL 3.0; ChaCha20-Poly1305 is SSL_HIGH only.
        uint strength = info.Bulk == TlsBulkCipher.ChaCha20Poly1305 ? SHigh : SHigh | SFips;
        return new(info.Suite, kx, au, enc, mac, version, strength);
    }

    /// <summary>ssl_cipher_apply_rule's selection test: does this rule select a suite whose own masks are <paramref name="suite"/>?</summary>
    public bool Selects(in OpenSslCipherRule suite)
    {
        if (Suite is { } id && id != suite.Suite)
        {
            return false;
        }

        if ((KeyExchange != 0 && (KeyExchange & suite.KeyExchange) == 0)
            || (Authentication != 0 && (Authentication & suite.Authentication) == 0)
            || (Encryption != 0 && (Encryption & suite.Encryption) == 0)
            || (Mac != 0 && (Mac & suite.Mac) == 0))
        {
            return false;
        }

        if (MinVersion != 0 && MinVersion != suite.MinVersion)
        {
            return false;
        }

        if ((Strength & SStrongMask) != 0 && (Strength & SStrongMask & suite.Strength) == 0)
        {
            return false;
        }

        return (Strength & SNotDefault) == 0 || (suite.Strength & SNotDefault) != 0;
    }
}
