using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using ManagedTls.Crypto;

namespace ManagedTls.Signatures;

/// <summary>
/// Digest names as OpenSSL 3.0 accepts them (<c>openssl dgst -NAME</c>, <c>EVP_get_digestbyname</c>, <c>-md NAME</c>),
/// mapped to <see cref="HashAlgorithmId"/>.
/// </summary>
/// <remarks>
/// <para>The accepted set is exactly what OpenSSL 3.0.19 accepted when probed with <c>openssl dgst -NAME</c>
/// (<c>tests/ManagedTls.Tests/Signatures/DigestNamesTests.cs</c> re-checks every entry against the binary): the
/// provider names and their aliases (<c>SHA256</c>, <c>SHA-256</c>, <c>SHA2-256</c>, <c>SHA-512/256</c>,
/// <c>SHA2-512/256</c>, <c>SSL3-SHA1</c>), the legacy object names that map to a digest (<c>RSA-SHA256</c>,
/// <c>sha256WithRSAEncryption</c>, <c>RSA-SHA1-2</c>, <c>id-rsassa-pkcs1-v1_5-with-sha3-256</c>) and the digest's
/// dotted OID. Matching is case-insensitive, as in OpenSSL. Spellings OpenSSL rejects are rejected here too:
/// <c>sha512_256</c>, <c>SHA512/256</c>, <c>sha3_256</c>, <c>id-sha256</c>, <c>ecdsa-with-SHA256</c>, <c>DSA-SHA1</c>
/// (accepted by 1.1, not by 3.0), and the OID of a signature algorithm.</para>
/// <para>Digests OpenSSL knows but ManagedTls does not implement (MD4, RIPEMD-160, SM3, BLAKE2, SHAKE, MD5-SHA1,
/// whirlpool) raise <see cref="NotSupportedException"/> rather than "unknown".</para>
/// </remarks>
public static class DigestNames
{
    private static readonly FrozenDictionary<string, HashAlgorithmId> s_names = BuildNames();

    private static readonly FrozenSet<string> s_knownUnsupported = new[]
    {
        "MD4", "RSA-MD4", "md4WithRSAEncryption", "RIPEMD160", "RIPEMD", "RIPEMD-160", "RMD160", "ripemd160WithRSA",
        "RSA-RIPEMD160", "MD5-SHA1", "SM3", "RSA-SM3", "sm3WithRSAEncryption", "BLAKE2b512", "BLAKE2B-512",
        "BLAKE2s256", "BLAKE2S-256", "SHAKE128", "SHAKE-128", "SHAKE256", "SHAKE-256", "whirlpool",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Parses an OpenSSL digest name.</summary>
    /// <param name="name">For example <c>sha256</c>, <c>SHA2-256</c>, <c>sha512-256</c>, <c>RSA-SHA1</c> or <c>2.16.840.1.101.3.4.2.1</c>.</param>
    /// <returns>The digest.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException">OpenSSL does not know the name ("Unknown digest name: x").</exception>
    /// <exception cref="NotSupportedException">OpenSSL knows the digest but ManagedTls does not implement it.</exception>
    public static HashAlgorithmId Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (s_names.TryGetValue(name, out HashAlgorithmId hash))
        {
            return hash;
        }

        if (s_knownUnsupported.Contains(name))
        {
            throw new NotSupportedException($"Unsupported digest: {name} (OpenSSL has it; ManagedTls does not implement it)");
        }

        throw new ArgumentException($"Unknown digest name: {name}", nameof(name));
    }

    /// <summary>Parses an OpenSSL digest name without throwing.</summary>
    /// <param name="name">The name.</param>
    /// <param name="hash">The digest when the name is known and supported.</param>
    /// <returns>Whether <paramref name="name"/> names a supported digest.</returns>
    public static bool TryParse([NotNullWhen(true)] string? name, out HashAlgorithmId hash)
    {
        hash = default;
        return name is not null && s_names.TryGetValue(name, out hash);
    }

    /// <summary>The name OpenSSL's <c>dgst</c> command and <c>-md</c> options use for the digest (lower case: <c>sha256</c>, <c>sha512-256</c>, <c>sha3-256</c>).</summary>
    /// <param name="hash">The digest.</param>
    /// <returns>The name.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Not a defined <see cref="HashAlgorithmId"/>.</exception>
    public static string GetOpenSslName(HashAlgorithmId hash) => hash switch
    {
        HashAlgorithmId.Md5 => "md5",
        HashAlgorithmId.Sha1 => "sha1",
        HashAlgorithmId.Sha224 => "sha224",
        HashAlgorithmId.Sha256 => "sha256",
        HashAlgorithmId.Sha384 => "sha384",
        HashAlgorithmId.Sha512 => "sha512",
        HashAlgorithmId.Sha512_224 => "sha512-224",
        HashAlgorithmId.Sha512_256 => "sha512-256",
        HashAlgorithmId.Sha3_224 => "sha3-224",
        HashAlgorithmId.Sha3_256 => "sha3-256",
        HashAlgorithmId.Sha3_384 => "sha3-384",
        HashAlgorithmId.Sha3_512 => "sha3-512",
        _ => throw new ArgumentOutOfRangeException(nameof(hash), hash, "unknown digest"),
    };

    /// <summary>Every spelling accepted for <paramref name="hash"/> (names, then the dotted OID), for tests and help text.</summary>
    /// <param name="hash">The digest.</param>
    /// <returns>The names, in table order.</returns>
    public static IReadOnlyList<string> GetAliases(HashAlgorithmId hash) =>
        Table().Where(entry => entry.Hash == hash).SelectMany(entry => entry.Names).Append(DigestAlgorithms.Oid(hash)).ToArray();

    private static FrozenDictionary<string, HashAlgorithmId> BuildNames()
    {
        var names = new Dictionary<string, HashAlgorithmId>(StringComparer.OrdinalIgnoreCase);
        foreach ((HashAlgorithmId hash, string[] aliases) in Table())
        {
            foreach (string alias in aliases)
            {
                names.Add(alias, hash);
            }

            names.Add(DigestAlgorithms.Oid(hash), hash);
        }

        return names.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    // From `openssl list -digest-algorithms` (OpenSSL 3.0): provider names, then the legacy OBJ names mapping to each.
    private static IEnumerable<(HashAlgorithmId Hash, string[] Names)> Table() =>
    [
        (HashAlgorithmId.Md5, ["MD5", "SSL3-MD5", "RSA-MD5", "md5WithRSAEncryption"]),
        (HashAlgorithmId.Sha1, ["SHA1", "SHA-1", "SSL3-SHA1", "RSA-SHA1", "RSA-SHA1-2", "sha1WithRSAEncryption"]),
        (HashAlgorithmId.Sha224, ["SHA224", "SHA-224", "SHA2-224", "RSA-SHA224", "sha224WithRSAEncryption"]),
        (HashAlgorithmId.Sha256, ["SHA256", "SHA-256", "SHA2-256", "RSA-SHA256", "sha256WithRSAEncryption"]),
        (HashAlgorithmId.Sha384, ["SHA384", "SHA-384", "SHA2-384", "RSA-SHA384", "sha384WithRSAEncryption"]),
        (HashAlgorithmId.Sha512, ["SHA512", "SHA-512", "SHA2-512", "RSA-SHA512", "sha512WithRSAEncryption"]),
        (HashAlgorithmId.Sha512_224, ["SHA512-224", "SHA-512/224", "SHA2-512/224", "RSA-SHA512/224", "sha512-224WithRSAEncryption"]),
        (HashAlgorithmId.Sha512_256, ["SHA512-256", "SHA-512/256", "SHA2-512/256", "RSA-SHA512/256", "sha512-256WithRSAEncryption"]),
        (HashAlgorithmId.Sha3_224, ["SHA3-224", "RSA-SHA3-224", "id-rsassa-pkcs1-v1_5-with-sha3-224"]),
        (HashAlgorithmId.Sha3_256, ["SHA3-256", "RSA-SHA3-256", "id-rsassa-pkcs1-v1_5-with-sha3-256"]),
        (HashAlgorithmId.Sha3_384, ["SHA3-384", "RSA-SHA3-384", "id-rsassa-pkcs1-v1_5-with-sha3-384"]),
        (HashAlgorithmId.Sha3_512, ["SHA3-512", "RSA-SHA3-512", "id-rsassa-pkcs1-v1_5-with-sha3-512"]),
    ];
}
