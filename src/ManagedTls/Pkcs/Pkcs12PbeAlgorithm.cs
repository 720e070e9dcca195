using ManagedTls.Asn1;

namespace ManagedTls.Pkcs;

/// <summary>
/// One PKCS#12 PBE scheme (RFC 7292 Appendix C): its OID, OpenSSL name and key size. All derive key (ID 1) and
/// IV (ID 2) with the PKCS#12 KDF over SHA-1, and all are 8-byte-block CBC ciphers.
/// </summary>
/// <param name="Oid">The pkcs-12PbeIds OID.</param>
/// <param name="Name">OpenSSL's short name, as <c>openssl pkcs8 -v1</c> takes it.</param>
/// <param name="LongName">OpenSSL's long name, as <c>openssl pkcs12 -info</c> prints it.</param>
/// <param name="KeySize">The derived key length in bytes.</param>
/// <param name="Rc2EffectiveBits">For RC2, the effective key bits; 0 for triple DES.</param>
internal sealed record Pkcs12PbeAlgorithm(string Oid, string Name, string LongName, int KeySize, int Rc2EffectiveBits)
{
    /// <summary>pbeWithSHAAnd3-KeyTripleDES-CBC: the PKCS#12 default for keys, OpenSSL's PBE-SHA1-3DES.</summary>
    public static Pkcs12PbeAlgorithm TripleDes3Key { get; } = new(Oids.PbeWithSha1And3KeyTripleDesCbc, "PBE-SHA1-3DES", "pbeWithSHA1And3-KeyTripleDES-CBC", 24, 0);

    /// <summary>pbeWithSHAAnd2-KeyTripleDES-CBC: a 16-byte key used as K1 K2 K1.</summary>
    public static Pkcs12PbeAlgorithm TripleDes2Key { get; } = new("1.2.840.113549.1.12.1.4", "PBE-SHA1-2DES", "pbeWithSHA1And2-KeyTripleDES-CBC", 16, 0);

    /// <summary>pbeWithSHAAnd128BitRC2-CBC.</summary>
    public static Pkcs12PbeAlgorithm Rc2With128Bits { get; } = new("1.2.840.113549.1.12.1.5", "PBE-SHA1-RC2-128", "pbeWithSHA1And128BitRC2-CBC", 16, 128);

    /// <summary>pbeWithSHAAnd40BitRC2-CBC: OpenSSL 1.x's default for PKCS#12 certificate bags.</summary>
    public static Pkcs12PbeAlgorithm Rc2With40Bits { get; } = new(Oids.PbeWithSha1And40BitRc2Cbc, "PBE-SHA1-RC2-40", "pbeWithSHA1And40BitRC2-CBC", 5, 40);

    private static readonly Pkcs12PbeAlgorithm[] s_all = [TripleDes3Key, TripleDes2Key, Rc2With128Bits, Rc2With40Bits];

    /// <summary>The block and IV size of every PKCS#12 PBE cipher.</summary>
    public int BlockSize => 8;

    /// <summary>Finds a scheme by OID.</summary>
    /// <param name="oid">The dotted OID.</param>
    /// <returns>The scheme or null.</returns>
    public static Pkcs12PbeAlgorithm? FromOid(string oid) => Array.Find(s_all, a => a.Oid == oid);

    /// <summary>Finds a scheme by OpenSSL name, case-insensitive.</summary>
    /// <param name="name">The name, e.g. "PBE-SHA1-3DES".</param>
    /// <returns>The scheme or null.</returns>
    public static Pkcs12PbeAlgorithm? FromName(string name) => Array.Find(s_all, a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase));
}
