using ManagedTls.Asn1;
using ManagedTls.Crypto;

namespace ManagedTls.Pkcs;

/// <summary>
/// The object identifiers of RFC 8018 and RFC 7292 that this layer decides on; those the shared <see cref="Oids"/>
/// table has are taken from it, the rest (legacy schemes and rarer PRFs) are here.
/// </summary>
internal static class PbeOids
{
    /// <summary>id-PBES2 (RFC 8018 §A.4).</summary>
    public const string Pbes2 = Oids.Pbes2;

    /// <summary>id-PBKDF2 (RFC 8018 §A.2).</summary>
    public const string Pbkdf2 = Oids.Pbkdf2;

    /// <summary>id-scrypt (RFC 7914 §7).</summary>
    public const string Scrypt = "1.3.6.1.4.1.11591.4.11";

    /// <summary>pbeWithMD5AndDES-CBC (RFC 8018 §A.3, PKCS#5 v1.5 PBES1).</summary>
    public const string PbeWithMd5AndDesCbc = "1.2.840.113549.1.5.3";

    /// <summary>pbeWithSHA1AndDES-CBC (PBES1).</summary>
    public const string PbeWithSha1AndDesCbc = "1.2.840.113549.1.5.10";

    /// <summary>id-hmacWithSHA1, the PBKDF2 default PRF (RFC 8018 §B.1.1).</summary>
    public const string HmacWithSha1 = Oids.HmacWithSha1;

    /// <summary>Maps a PBKDF2 PRF OID (RFC 8018 §B.1) to its digest.</summary>
    /// <param name="oid">The dotted OID.</param>
    /// <param name="hash">The digest.</param>
    /// <returns>True when the PRF is supported.</returns>
    public static bool TryGetPrf(string oid, out HashAlgorithmId hash)
    {
        switch (oid)
        {
            case HmacWithSha1: hash = HashAlgorithmId.Sha1; return true;
            case "1.2.840.113549.2.8": hash = HashAlgorithmId.Sha224; return true;
            case Oids.HmacWithSha256: hash = HashAlgorithmId.Sha256; return true;
            case Oids.HmacWithSha384: hash = HashAlgorithmId.Sha384; return true;
            case Oids.HmacWithSha512: hash = HashAlgorithmId.Sha512; return true;
            case "1.2.840.113549.2.12": hash = HashAlgorithmId.Sha512_224; return true;
            case "1.2.840.113549.2.13": hash = HashAlgorithmId.Sha512_256; return true;
            default: hash = default; return false;
        }
    }

    /// <summary>Maps a digest to its PBKDF2 PRF OID.</summary>
    /// <param name="hash">The digest.</param>
    /// <returns>The dotted OID, or null when there is no hmacWith OID for it.</returns>
    public static string? PrfOid(HashAlgorithmId hash) => hash switch
    {
        HashAlgorithmId.Sha1 => HmacWithSha1,
        HashAlgorithmId.Sha224 => "1.2.840.113549.2.8",
        HashAlgorithmId.Sha256 => Oids.HmacWithSha256,
        HashAlgorithmId.Sha384 => Oids.HmacWithSha384,
        HashAlgorithmId.Sha512 => Oids.HmacWithSha512,
        HashAlgorithmId.Sha512_224 => "1.2.840.113549.2.12",
        HashAlgorithmId.Sha512_256 => "1.2.840.113549.2.13",
        _ => null,
    };

    /// <summary>OpenSSL's long name of a PBKDF2 PRF ("hmacWithSHA256"), as <c>openssl pkcs12 -info</c> prints it.</summary>
    /// <param name="hash">The digest.</param>
    /// <returns>The name.</returns>
    public static string PrfName(HashAlgorithmId hash) => hash switch
    {
        HashAlgorithmId.Sha512_224 => "hmacWithSHA512-224",
        HashAlgorithmId.Sha512_256 => "hmacWithSHA512-256",
        _ => "hmacWith" + hash.ToString().ToUpperInvariant(),
    };
}
