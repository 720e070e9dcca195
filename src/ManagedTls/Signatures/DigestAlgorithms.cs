using ManagedTls.Crypto;

namespace ManagedTls.Signatures;

/// <summary>Digest OIDs (NIST CSOR, RFC 3279 §2.2, RFC 5754) and sizes, for AlgorithmIdentifiers and DigestInfo checks.</summary>
internal static class DigestAlgorithms
{
    public const string Md5Oid = "1.2.840.113549.2.5";
    public const string Sha1Oid = "1.3.14.3.2.26";
    public const string Sha224Oid = "2.16.840.1.101.3.4.2.4";
    public const string Sha256Oid = "2.16.840.1.101.3.4.2.1";
    public const string Sha384Oid = "2.16.840.1.101.3.4.2.2";
    public const string Sha512Oid = "2.16.840.1.101.3.4.2.3";
    public const string Sha512_224Oid = "2.16.840.1.101.3.4.2.5";
    public const string Sha512_256Oid = "2.16.840.1.101.3.4.2.6";
    public const string Sha3_224Oid = "2.16.840.1.101.3.4.2.7";
    public const string Sha3_256Oid = "2.16.840.1.101.3.4.2.8";
    public const string Sha3_384Oid = "2.16.840.1.101.3.4.2.9";
    public const string Sha3_512Oid = "2.16.840.1.101.3.4.2.10";

    /// <summary>The largest digest, for stack buffers.</summary>
    public const int MaxSize = HashAlgorithms.MaxHashSize;

    public static string Oid(HashAlgorithmId hash) => hash switch
    {
        HashAlgorithmId.Md5 => Md5Oid,
        HashAlgorithmId.Sha1 => Sha1Oid,
        HashAlgorithmId.Sha224 => Sha224Oid,
        HashAlgorithmId.Sha256 => Sha256Oid,
        HashAlgorithmId.Sha384 => Sha384Oid,
        HashAlgorithmId.Sha512 => Sha512Oid,
        HashAlgorithmId.Sha512_224 => Sha512_224Oid,
        HashAlgorithmId.Sha512_256 => Sha512_256Oid,
        HashAlgorithmId.Sha3_224 => Sha3_224Oid,
        HashAlgorithmId.Sha3_256 => Sha3_256Oid,
        HashAlgorithmId.Sha3_384 => Sha3_384Oid,
        HashAlgorithmId.Sha3_512 => Sha3_512Oid,
        _ => throw new ArgumentOutOfRangeException(nameof(hash), hash, "unknown digest"),
    };

    public static HashAlgorithmId? FromOid(string oid) => oid switch
    {
        Md5Oid => HashAlgorithmId.Md5,
        Sha1Oid => HashAlgorithmId.Sha1,
        Sha224Oid => HashAlgorithmId.Sha224,
        Sha256Oid => HashAlgorithmId.Sha256,
        Sha384Oid => HashAlgorithmId.Sha384,
        Sha512Oid => HashAlgorithmId.Sha512,
        Sha512_224Oid => HashAlgorithmId.Sha512_224,
        Sha512_256Oid => HashAlgorithmId.Sha512_256,
        Sha3_224Oid => HashAlgorithmId.Sha3_224,
        Sha3_256Oid => HashAlgorithmId.Sha3_256,
        Sha3_384Oid => HashAlgorithmId.Sha3_384,
        Sha3_512Oid => HashAlgorithmId.Sha3_512,
        _ => null,
    };

    public static int Size(HashAlgorithmId hash) => HashAlgorithms.HashSize(hash);

    /// <summary>Hashes <paramref name="data"/> through the provider into <paramref name="destination"/>.</summary>
    public static int Compute(ICryptoProvider provider, HashAlgorithmId hash, ReadOnlySpan<byte> data, Span<byte> destination) =>
        HashAlgorithms.HashData(hash, data, destination, provider);
}
