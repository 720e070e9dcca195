using System.Text;
using ManagedTls.Crypto;
using ManagedTls.Keys;
using ManagedTls.Signatures;

namespace ManagedTls.Cli;

/// <summary><c>mtls dgst</c>: the names openssl prints for digests and key types, and <c>-list</c>.</summary>
internal sealed partial class DgstCommand
{
    // `openssl dgst -list` (OpenSSL 3.0.19); only the names ManagedTls implements are printed.
    private static readonly string[] s_listed =
    [
        "blake2b512", "blake2s256", "md4", "md5", "md5-sha1", "ripemd", "ripemd160", "rmd160", "sha1", "sha224", "sha256",
        "sha3-224", "sha3-256", "sha3-384", "sha3-512", "sha384", "sha512", "sha512-224", "sha512-256", "shake128",
        "shake256", "sm3", "ssl3-md5", "ssl3-sha1", "whirlpool",
    ];

    private static void PrintList(TextWriter output)
    {
        var text = new StringBuilder("Supported digests:\n");
        int count = 0;
        foreach (string name in s_listed)
        {
            if (DigestNames.TryParse(name, out _))
            {
                text.Append('-').Append(name.PadRight(26));
                if (++count % 3 == 0)
                {
                    text.Append('\n');
                }
            }
        }

        if (count % 3 != 0)
        {
            text.Append('\n');
        }

        output.Write(text.ToString());
    }

    private static string KeyTypeName(KeyAlgorithm algorithm) => algorithm switch
    {
        KeyAlgorithm.Rsa => "RSA",
        KeyAlgorithm.RsaPss => "RSA-PSS",
        KeyAlgorithm.Ec => "EC",
        KeyAlgorithm.Dsa => "DSA",
        _ => algorithm.ToString().ToUpperInvariant(),
    };

    /// <summary>The provider (fetched) name OpenSSL 3.0 prints: <c>SHA2-256</c>, <c>SHA2-512/256</c>, <c>SHA3-256</c>.</summary>
    internal static string ProviderName(HashAlgorithmId hash) => hash switch
    {
        HashAlgorithmId.Md5 => "MD5",
        HashAlgorithmId.Sha1 => "SHA1",
        HashAlgorithmId.Sha224 => "SHA2-224",
        HashAlgorithmId.Sha256 => "SHA2-256",
        HashAlgorithmId.Sha384 => "SHA2-384",
        HashAlgorithmId.Sha512 => "SHA2-512",
        HashAlgorithmId.Sha512_224 => "SHA2-512/224",
        HashAlgorithmId.Sha512_256 => "SHA2-512/256",
        HashAlgorithmId.Sha3_224 => "SHA3-224",
        HashAlgorithmId.Sha3_256 => "SHA3-256",
        HashAlgorithmId.Sha3_384 => "SHA3-384",
        _ => "SHA3-512",
    };

    /// <summary>The legacy short name (<c>OBJ_nid2sn</c>) openssl prints for a digest it did not fetch: <c>SHA256</c>.</summary>
    internal static string LegacyName(HashAlgorithmId hash) => hash switch
    {
        HashAlgorithmId.Sha224 => "SHA224",
        HashAlgorithmId.Sha256 => "SHA256",
        HashAlgorithmId.Sha384 => "SHA384",
        HashAlgorithmId.Sha512 => "SHA512",
        HashAlgorithmId.Sha512_224 => "SHA512-224",
        HashAlgorithmId.Sha512_256 => "SHA512-256",
        _ => ProviderName(hash),
    };

    /// <summary>What to do with each input, settled once before the first file.</summary>
    private sealed class Job
    {
        public HashAlgorithmId Hash { get; init; }
        public required string MdName { get; set; }
        public bool Binary { get; init; }
        public PrivateKey? PrivateKey { get; set; }
        public PublicKey? PublicKey { get; set; }
        public byte[]? Signature { get; set; }
        public SignatureOptions SignatureOptions { get; } = new();
    }
}
