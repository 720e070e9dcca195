using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Nist;
using Org.BouncyCastle.Asn1.Oiw;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Digests;

namespace ManagedTls.Crypto.BouncyCastle;

/// <summary>Maps <see cref="HashAlgorithmId"/> to BouncyCastle digests and the DigestInfo OIDs PKCS#1 v1.5 needs.</summary>
internal static class BouncyCastleDigests
{
    public static IDigest Create(HashAlgorithmId algorithm) => algorithm switch
    {
        HashAlgorithmId.Md5 => new MD5Digest(),
        HashAlgorithmId.Sha1 => new Sha1Digest(),
        HashAlgorithmId.Sha224 => new Sha224Digest(),
        HashAlgorithmId.Sha256 => new Sha256Digest(),
        HashAlgorithmId.Sha384 => new Sha384Digest(),
        HashAlgorithmId.Sha512 => new Sha512Digest(),
        HashAlgorithmId.Sha512_224 => new Sha512tDigest(224),
        HashAlgorithmId.Sha512_256 => new Sha512tDigest(256),
        HashAlgorithmId.Sha3_224 => new Sha3Digest(224),
        HashAlgorithmId.Sha3_256 => new Sha3Digest(256),
        HashAlgorithmId.Sha3_384 => new Sha3Digest(384),
        HashAlgorithmId.Sha3_512 => new Sha3Digest(512),
        _ => throw new NotSupportedException($"Hash algorithm {algorithm} is not supported."),
    };

    public static int Size(HashAlgorithmId algorithm) => algorithm switch
    {
        HashAlgorithmId.Md5 => 16,
        HashAlgorithmId.Sha1 => 20,
        HashAlgorithmId.Sha224 or HashAlgorithmId.Sha512_224 or HashAlgorithmId.Sha3_224 => 28,
        HashAlgorithmId.Sha256 or HashAlgorithmId.Sha512_256 or HashAlgorithmId.Sha3_256 => 32,
        HashAlgorithmId.Sha384 or HashAlgorithmId.Sha3_384 => 48,
        HashAlgorithmId.Sha512 or HashAlgorithmId.Sha3_512 => 64,
        _ => throw new NotSupportedException($"Hash algorithm {algorithm} is not supported."),
    };

    public static DerObjectIdentifier Oid(HashAlgorithmId algorithm) => algorithm switch
    {
        HashAlgorithmId.Md5 => PkcsObjectIdentifiers.MD5,
        HashAlgorithmId.Sha1 => OiwObjectIdentifiers.IdSha1,
        HashAlgorithmId.Sha224 => NistObjectIdentifiers.IdSha224,
        HashAlgorithmId.Sha256 => NistObjectIdentifiers.IdSha256,
        HashAlgorithmId.Sha384 => NistObjectIdentifiers.IdSha384,
        HashAlgorithmId.Sha512 => NistObjectIdentifiers.IdSha512,
        HashAlgorithmId.Sha512_224 => NistObjectIdentifiers.IdSha512_224,
        HashAlgorithmId.Sha512_256 => NistObjectIdentifiers.IdSha512_256,
        HashAlgorithmId.Sha3_224 => NistObjectIdentifiers.IdSha3_224,
        HashAlgorithmId.Sha3_256 => NistObjectIdentifiers.IdSha3_256,
        HashAlgorithmId.Sha3_384 => NistObjectIdentifiers.IdSha3_384,
        HashAlgorithmId.Sha3_512 => NistObjectIdentifiers.IdSha3_512,
        _ => throw new NotSupportedException($"Hash algorithm {algorithm} is not supported."),
    };

    /// <summary>Feeds a span to a digest through a caller-owned scratch array (BouncyCastle 1.8 takes arrays only).</summary>
    public static void Update(IDigest digest, ReadOnlySpan<byte> data, byte[] scratch)
    {
        while (!data.IsEmpty)
        {
            int n = Math.Min(data.Length, scratch.Length);
            data[..n].CopyTo(scratch);
            digest.BlockUpdate(scratch, 0, n);
            data = data[n..];
        }
    }

    /// <summary>Feeds a span to a MAC through a caller-owned scratch array.</summary>
    public static void Update(IMac mac, ReadOnlySpan<byte> data, byte[] scratch)
    {
        while (!data.IsEmpty)
        {
            int n = Math.Min(data.Length, scratch.Length);
            data[..n].CopyTo(scratch);
            mac.BlockUpdate(scratch, 0, n);
            data = data[n..];
        }
    }
}
