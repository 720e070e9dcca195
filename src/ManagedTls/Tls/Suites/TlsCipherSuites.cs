using System.Collections.Frozen;
using ManagedTls.Crypto;

namespace ManagedTls.Tls.Suites;

/// <summary>
/// The registry of the cipher suites this library knows: every <see cref="TlsCipherSuite"/> member except
/// TLS_NULL_WITH_NULL_NULL and the signalling values (TLS_EMPTY_RENEGOTIATION_INFO_SCSV, TLS_FALLBACK_SCSV).
/// Known is not the same as implemented: CBC, static-RSA and CCM suites are listed (so cipher strings, names and
/// <c>mtls ciphers</c> match OpenSSL) with <see cref="TlsCipherSuiteInfo.IsImplemented"/> false.
/// </summary>
public static class TlsCipherSuites
{
    private static readonly TlsCipherSuiteInfo[] s_all = Build();

    private static readonly FrozenDictionary<TlsCipherSuite, TlsCipherSuiteInfo> s_bySuite =
        s_all.ToFrozenDictionary(static i => i.Suite);

    private static readonly FrozenDictionary<string, TlsCipherSuiteInfo> s_byName = BuildNameIndex();

    /// <summary>Every known suite, in ascending code-point order.</summary>
    public static IReadOnlyList<TlsCipherSuiteInfo> All { get; } = Array.AsReadOnly(s_all);

    /// <summary>OpenSSL 3.0's default TLS 1.3 list (SSL_CTX_set_ciphersuites default): AES-256-GCM, ChaCha20-Poly1305, AES-128-GCM.</summary>
    public static IReadOnlyList<TlsCipherSuite> DefaultTls13 { get; } = Array.AsReadOnly(new[]
    {
        TlsCipherSuite.TLS_AES_256_GCM_SHA384,
        TlsCipherSuite.TLS_CHACHA20_POLY1305_SHA256,
        TlsCipherSuite.TLS_AES_128_GCM_SHA256,
    });

    /// <summary>
    /// The default TLS 1.2 list: the AEAD suites with forward secrecy, in the order of OpenSSL 3.0's "DEFAULT"
    /// (that is, <c>OpenSslCipherString.Parse("DEFAULT")</c> without the CBC and static-RSA suites).
    /// </summary>
    public static IReadOnlyList<TlsCipherSuite> DefaultTls12 { get; } = Array.AsReadOnly(new[]
    {
        TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
        TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
        TlsCipherSuite.TLS_DHE_RSA_WITH_AES_256_GCM_SHA384,
        TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
        TlsCipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
        TlsCipherSuite.TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
        TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
        TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
        TlsCipherSuite.TLS_DHE_RSA_WITH_AES_128_GCM_SHA256,
    });

    /// <summary>Looks a suite up by code point.</summary>
    /// <param name="suite">The code point.</param>
    /// <returns>The suite's properties, or null for a suite this library does not know (including the SCSVs and TLS_NULL_WITH_NULL_NULL).</returns>
    public static TlsCipherSuiteInfo? Find(TlsCipherSuite suite) => s_bySuite.GetValueOrDefault(suite);

    /// <summary>Looks a suite up by code point, for suites the caller knows are in the registry.</summary>
    /// <param name="suite">The code point.</param>
    /// <returns>The suite's properties.</returns>
    /// <exception cref="ArgumentException">The suite is not in the registry.</exception>
    public static TlsCipherSuiteInfo Get(TlsCipherSuite suite) =>
        Find(suite) ?? throw new ArgumentException($"Cipher suite 0x{(ushort)suite:X4} is not in the registry.", nameof(suite));

    /// <summary>Looks a suite up by its OpenSSL name ("ECDHE-RSA-AES128-GCM-SHA256") or IANA name ("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"); case-sensitive, as OpenSSL.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The suite's properties, or null when no known suite has that name.</returns>
    public static TlsCipherSuiteInfo? FindByName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return s_byName.GetValueOrDefault(name);
    }

    private static FrozenDictionary<string, TlsCipherSuiteInfo> BuildNameIndex()
    {
        var names = new Dictionary<string, TlsCipherSuiteInfo>(StringComparer.Ordinal);
        foreach (TlsCipherSuiteInfo info in s_all)
        {
            names[info.IanaName] = info;
            names[info.OpenSslName] = info;
        }

        return names.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static TlsCipherSuiteInfo[] Build()
    {
        const TlsProtocolVersion Ssl3 = TlsProtocolVersion.Ssl3;
        const TlsProtocolVersion Tls10 = TlsProtocolVersion.Tls10;
        const TlsProtocolVersion Tls12 = TlsProtocolVersion.Tls12;
        const TlsKeyExchange Ecdhe = TlsKeyExchange.Ecdhe, Dhe = TlsKeyExchange.Dhe, KxRsa = TlsKeyExchange.Rsa;
        const TlsAuthentication Ecdsa = TlsAuthentication.Ecdsa, AuRsa = TlsAuthentication.Rsa;
        const TlsBulkCipher Gcm128 = TlsBulkCipher.Aes128Gcm, Gcm256 = TlsBulkCipher.Aes256Gcm, ChaCha = TlsBulkCipher.ChaCha20Poly1305;
        const TlsBulkCipher Cbc128 = TlsBulkCipher.Aes128Cbc, Cbc256 = TlsBulkCipher.Aes256Cbc;
        const HashAlgorithmId Sha1 = HashAlgorithmId.Sha1, Sha256 = HashAlgorithmId.Sha256, Sha384 = HashAlgorithmId.Sha384;

        // CBC and static RSA are listed for cipher strings and names; the engine does not implement them (decision 0024).
        static TlsCipherSuiteInfo Cbc(TlsCipherSuite s, string name, TlsProtocolVersion min, TlsKeyExchange kx, TlsAuthentication au, TlsBulkCipher bulk, HashAlgorithmId mac) =>
            new(s, name, min, kx, au, bulk, mac == HashAlgorithmId.Sha384 ? HashAlgorithmId.Sha384 : HashAlgorithmId.Sha256, mac, isImplemented: false);

        static TlsCipherSuiteInfo Aead(TlsCipherSuite s, string name, TlsKeyExchange kx, TlsAuthentication au, TlsBulkCipher bulk, HashAlgorithmId prf) =>
            new(s, name, TlsProtocolVersion.Tls12, kx, au, bulk, prf, macHash: null, isImplemented: kx != TlsKeyExchange.Rsa);

        static TlsCipherSuiteInfo Tls13Suite(TlsCipherSuite s, TlsBulkCipher bulk, HashAlgorithmId hash, bool implemented) =>
            new(s, s.ToString(), TlsProtocolVersion.Tls13, TlsKeyExchange.Any, TlsAuthentication.Any, bulk, hash, macHash: null, implemented);

        return
        [
            Cbc(TlsCipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA, "AES128-SHA", Ssl3, KxRsa, AuRsa, Cbc128, Sha1),
            Cbc(TlsCipherSuite.TLS_DHE_RSA_WITH_AES_128_CBC_SHA, "DHE-RSA-AES128-SHA", Ssl3, Dhe, AuRsa, Cbc128, Sha1),
            Cbc(TlsCipherSuite.TLS_RSA_WITH_AES_256_CBC_SHA, "AES256-SHA", Ssl3, KxRsa, AuRsa, Cbc256, Sha1),
            Cbc(TlsCipherSuite.TLS_DHE_RSA_WITH_AES_256_CBC_SHA, "DHE-RSA-AES256-SHA", Ssl3, Dhe, AuRsa, Cbc256, Sha1),
            Cbc(TlsCipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA256, "AES128-SHA256", Tls12, KxRsa, AuRsa, Cbc128, Sha256),
            Cbc(TlsCipherSuite.TLS_RSA_WITH_AES_256_CBC_SHA256, "AES256-SHA256", Tls12, KxRsa, AuRsa, Cbc256, Sha256),
            Cbc(TlsCipherSuite.TLS_DHE_RSA_WITH_AES_128_CBC_SHA256, "DHE-RSA-AES128-SHA256", Tls12, Dhe, AuRsa, Cbc128, Sha256),
            Cbc(TlsCipherSuite.TLS_DHE_RSA_WITH_AES_256_CBC_SHA256, "DHE-RSA-AES256-SHA256", Tls12, Dhe, AuRsa, Cbc256, Sha256),
            Aead(TlsCipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256, "AES128-GCM-SHA256", KxRsa, AuRsa, Gcm128, Sha256),
            Aead(TlsCipherSuite.TLS_RSA_WITH_AES_256_GCM_SHA384, "AES256-GCM-SHA384", KxRsa, AuRsa, Gcm256, Sha384),
            Aead(TlsCipherSuite.TLS_DHE_RSA_WITH_AES_128_GCM_SHA256, "DHE-RSA-AES128-GCM-SHA256", Dhe, AuRsa, Gcm128, Sha256),
            Aead(TlsCipherSuite.TLS_DHE_RSA_WITH_AES_256_GCM_SHA384, "DHE-RSA-AES256-GCM-SHA384", Dhe, AuRsa, Gcm256, Sha384),
            Tls13Suite(TlsCipherSuite.TLS_AES_128_GCM_SHA256, Gcm128, Sha256, implemented: true),
            Tls13Suite(TlsCipherSuite.TLS_AES_256_GCM_SHA384, Gcm256, Sha384, implemented: true),
            Tls13Suite(TlsCipherSuite.TLS_CHACHA20_POLY1305_SHA256, ChaCha, Sha256, implemented: true),
            Tls13Suite(TlsCipherSuite.TLS_AES_128_CCM_SHA256, TlsBulkCipher.Aes128Ccm, Sha256, implemented: false),
            Tls13Suite(TlsCipherSuite.TLS_AES_128_CCM_8_SHA256, TlsBulkCipher.Aes128Ccm8, Sha256, implemented: false),
            Cbc(TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA, "ECDHE-ECDSA-AES128-SHA", Tls10, Ecdhe, Ecdsa, Cbc128, Sha1),
            Cbc(TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA, "ECDHE-ECDSA-AES256-SHA", Tls10, Ecdhe, Ecdsa, Cbc256, Sha1),
            Cbc(TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA, "ECDHE-RSA-AES128-SHA", Tls10, Ecdhe, AuRsa, Cbc128, Sha1),
            Cbc(TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA, "ECDHE-RSA-AES256-SHA", Tls10, Ecdhe, AuRsa, Cbc256, Sha1),
            Cbc(TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256, "ECDHE-ECDSA-AES128-SHA256", Tls12, Ecdhe, Ecdsa, Cbc128, Sha256),
            Cbc(TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384, "ECDHE-ECDSA-AES256-SHA384", Tls12, Ecdhe, Ecdsa, Cbc256, Sha384),
            Cbc(TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256, "ECDHE-RSA-AES128-SHA256", Tls12, Ecdhe, AuRsa, Cbc128, Sha256),
            Cbc(TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384, "ECDHE-RSA-AES256-SHA384", Tls12, Ecdhe, AuRsa, Cbc256, Sha384),
            Aead(TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, "ECDHE-ECDSA-AES128-GCM-SHA256", Ecdhe, Ecdsa, Gcm128, Sha256),
            Aead(TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384, "ECDHE-ECDSA-AES256-GCM-SHA384", Ecdhe, Ecdsa, Gcm256, Sha384),
            Aead(TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, "ECDHE-RSA-AES128-GCM-SHA256", Ecdhe, AuRsa, Gcm128, Sha256),
            Aead(TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384, "ECDHE-RSA-AES256-GCM-SHA384", Ecdhe, AuRsa, Gcm256, Sha384),
            Aead(TlsCipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256, "ECDHE-RSA-CHACHA20-POLY1305", Ecdhe, AuRsa, ChaCha, Sha256),
            Aead(TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256, "ECDHE-ECDSA-CHACHA20-POLY1305", Ecdhe, Ecdsa, ChaCha, Sha256),
            Aead(TlsCipherSuite.TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256, "DHE-RSA-CHACHA20-POLY1305", Dhe, AuRsa, ChaCha, Sha256),
        ];
    }
}
