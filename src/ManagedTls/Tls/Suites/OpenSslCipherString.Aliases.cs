using System.Collections.Frozen;
using static ManagedTls.Tls.Suites.OpenSslCipherRule;

namespace ManagedTls.Tls.Suites;

public static partial class OpenSslCipherString
{
    /// <summary>OpenSSL 3.0's cipher_aliases table (ssl/ssl_ciph.c): every alias, including those that select none of the suites this library knows (they still take part in '+' combinations).</summary>
    private static readonly FrozenDictionary<string, OpenSslCipherRule> s_aliases = new Dictionary<string, OpenSslCipherRule>(StringComparer.Ordinal)
    {
        // "ALL" leaves out eNULL; COMPLEMENTOFDEFAULT covers only suites inside ALL.
        ["ALL"] = Alias(enc: ~ENull),
        ["COMPLEMENTOFALL"] = Alias(enc: ENull),
        ["COMPLEMENTOFDEFAULT"] = Alias(strength: SNotDefault),

        // Key exchange.
        ["kRSA"] = Alias(kx: KRsa),
        ["kEDH"] = Alias(kx: KDhe),
        ["kDHE"] = Alias(kx: KDhe),
        ["DH"] = Alias(kx: KDhe),
        ["kEECDH"] = Alias(kx: KEcdhe),
        ["kECDHE"] = Alias(kx: KEcdhe),
        ["ECDH"] = Alias(kx: KEcdhe),
        ["kPSK"] = Alias(kx: KPsk),
        ["kRSAPSK"] = Alias(kx: KRsaPsk),
        ["kECDHEPSK"] = Alias(kx: KEcdhePsk),
        ["kDHEPSK"] = Alias(kx: KDhePsk),
        ["kSRP"] = Alias(kx: KSrp),
        ["kGOST"] = Alias(kx: KGost),
        ["kGOST18"] = Alias(kx: KGost18),

        // Server authentication.
        ["aRSA"] = Alias(au: ARsa),
        ["aDSS"] = Alias(au: ADss),
        ["DSS"] = Alias(au: ADss),
        ["aNULL"] = Alias(au: ANull),
        ["aECDSA"] = Alias(au: AEcdsa),
        ["ECDSA"] = Alias(au: AEcdsa),
        ["aPSK"] = Alias(au: APsk),
        ["aGOST01"] = Alias(au: AGost01),
        ["aGOST12"] = Alias(au: AGost12),
        ["aGOST"] = Alias(au: AGost01 | AGost12),
        ["aSRP"] = Alias(au: ASrp),

        // Key exchange with authentication.
        ["EDH"] = Alias(kx: KDhe, au: ~ANull),
        ["DHE"] = Alias(kx: KDhe, au: ~ANull),
        ["EECDH"] = Alias(kx: KEcdhe, au: ~ANull),
        ["ECDHE"] = Alias(kx: KEcdhe, au: ~ANull),
        ["NULL"] = Alias(enc: ENull),
        ["RSA"] = Alias(kx: KRsa, au: ARsa),
        ["ADH"] = Alias(kx: KDhe, au: ANull),
        ["AECDH"] = Alias(kx: KEcdhe, au: ANull),
        ["PSK"] = Alias(kx: KAllPsk),
        ["SRP"] = Alias(kx: KSrp),

        // Symmetric encryption.
        ["3DES"] = Alias(enc: E3Des),
        ["RC4"] = Alias(enc: ERc4),
        ["RC2"] = Alias(enc: ERc2),
        ["IDEA"] = Alias(enc: EIdea),
        ["SEED"] = Alias(enc: ESeed),
        ["eNULL"] = Alias(enc: ENull),
        ["GOST"] = Alias(enc: EGost89 | EGost8912),
        ["AES128"] = Alias(enc: EAes128 | EAes128Gcm | EAes128Ccm | EAes128Ccm8),
        ["AES256"] = Alias(enc: EAes256 | EAes256Gcm | EAes256Ccm | EAes256Ccm8),
        ["AES"] = Alias(enc: EAes),
        ["AESGCM"] = Alias(enc: EAesGcm),
        ["AESCCM"] = Alias(enc: EAesCcm),
        ["AESCCM8"] = Alias(enc: EAes128Ccm8 | EAes256Ccm8),
        ["CAMELLIA128"] = Alias(enc: ECamellia128),
        ["CAMELLIA256"] = Alias(enc: ECamellia256),
        ["CAMELLIA"] = Alias(enc: ECamellia),
        ["CHACHA20"] = Alias(enc: EChaCha20),
        ["GOST2012-KUZNYECHIK"] = Alias(enc: EKuznyechik),
        ["GOST2012-MAGMA"] = Alias(enc: EMagma),
        ["ARIA"] = Alias(enc: EAria),
        ["ARIAGCM"] = Alias(enc: EAria),
        ["ARIA128"] = Alias(enc: EAria128Gcm),
        ["ARIA256"] = Alias(enc: EAria256Gcm),
        ["CBC"] = Alias(enc: ECbc),

        // MAC.
        ["MD5"] = Alias(mac: MMd5),
        ["SHA1"] = Alias(mac: MSha1),
        ["SHA"] = Alias(mac: MSha1),
        ["GOST94"] = Alias(mac: MGost94),
        ["GOST89MAC"] = Alias(mac: MGost89Mac | MGost89Mac12),
        ["SHA256"] = Alias(mac: MSha256),
        ["SHA384"] = Alias(mac: MSha384),
        ["GOST12"] = Alias(mac: MGost12256),

        // Protocol versions: the version a suite was introduced in, matched exactly (TLSv1.2 is not "usable in TLS 1.2").
        ["SSLv3"] = Alias(version: VSsl3),
        ["TLSv1"] = Alias(version: VTls1),
        ["TLSv1.0"] = Alias(version: VTls1),
        ["TLSv1.2"] = Alias(version: VTls12),

        // DTLS versions constrain only DTLS suites' versions, so they select nothing in TLS.
        ["DTLSv1"] = Alias(version: DtlsOnly),
        ["DTLSv1.0"] = Alias(version: DtlsOnly),
        ["DTLSv1.2"] = Alias(version: DtlsOnly),

        // Strength classes.
        ["LOW"] = Alias(strength: SLow),
        ["MEDIUM"] = Alias(strength: SMedium),
        ["HIGH"] = Alias(strength: SHigh),
        ["FIPS"] = Alias(enc: ~ENull, strength: SFips),

        // Backward-compatible "EDH-" names of two 3DES suites.
        ["EDH-DSS-DES-CBC3-SHA"] = Alias(kx: KDhe, au: ADss, enc: E3Des, mac: MSha1, strength: SMedium),
        ["EDH-RSA-DES-CBC3-SHA"] = Alias(kx: KDhe, au: ARsa, enc: E3Des, mac: MSha1, strength: SMedium),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>A version no TLS suite has: what the DTLS aliases select among TLS suites.</summary>
    private const int DtlsOnly = 0xFEFD;
}
