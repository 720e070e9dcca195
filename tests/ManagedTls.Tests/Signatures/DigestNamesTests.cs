using ManagedTls.Crypto;
using ManagedTls.Signatures;
using ManagedTls.Tests.Crypto;
using ManagedTls.Tests.TestSupport;

namespace ManagedTls.Tests.Signatures;

/// <summary>
/// Digest names. The accepted and rejected spellings were found by probing OpenSSL 3.0.19 with
/// <c>openssl dgst -NAME file</c>: accepted were SHA256, sha-256, SHA2-256, SHA512-256, sha-512/256, ssl3-sha1,
/// RSA-SHA256, sha256WithRSAEncryption and the digest OIDs; rejected were sha512_256, SHA512/256, sha3_256,
/// id-sha256, ecdsa-with-SHA256, DSA-SHA1 and signature OIDs. <see cref="Parse_EveryAlias_OpenSslAgrees"/> re-checks
/// the whole table against the binary.
/// </summary>
public class DigestNamesTests
{
    private static readonly byte[] s_message = "The quick brown fox jumps over the lazy dog"u8.ToArray();

    [Theory]
    [InlineData("md5", HashAlgorithmId.Md5)]
    [InlineData("SSL3-MD5", HashAlgorithmId.Md5)]
    [InlineData("sha1", HashAlgorithmId.Sha1)]
    [InlineData("SHA-1", HashAlgorithmId.Sha1)]
    [InlineData("ssl3-sha1", HashAlgorithmId.Sha1)]
    [InlineData("RSA-SHA1-2", HashAlgorithmId.Sha1)]
    [InlineData("sha224", HashAlgorithmId.Sha224)]
    [InlineData("SHA256", HashAlgorithmId.Sha256)]
    [InlineData("sha-256", HashAlgorithmId.Sha256)]
    [InlineData("SHA2-256", HashAlgorithmId.Sha256)]
    [InlineData("Sha256", HashAlgorithmId.Sha256)]
    [InlineData("RSA-SHA256", HashAlgorithmId.Sha256)]
    [InlineData("sha256WithRSAEncryption", HashAlgorithmId.Sha256)]
    [InlineData("2.16.840.1.101.3.4.2.1", HashAlgorithmId.Sha256)]
    [InlineData("sha384", HashAlgorithmId.Sha384)]
    [InlineData("SHA512", HashAlgorithmId.Sha512)]
    [InlineData("sha512-224", HashAlgorithmId.Sha512_224)]
    [InlineData("SHA-512/224", HashAlgorithmId.Sha512_224)]
    [InlineData("SHA512-256", HashAlgorithmId.Sha512_256)]
    [InlineData("sha2-512/256", HashAlgorithmId.Sha512_256)]
    [InlineData("sha3-224", HashAlgorithmId.Sha3_224)]
    [InlineData("SHA3-256", HashAlgorithmId.Sha3_256)]
    [InlineData("sHa3-384", HashAlgorithmId.Sha3_384)]
    [InlineData("id-rsassa-pkcs1-v1_5-with-sha3-512", HashAlgorithmId.Sha3_512)]
    public void Parse_OpenSslNames_MapToDigest(string name, HashAlgorithmId expected)
    {
        DigestNames.Parse(name).ShouldBe(expected);
        DigestNames.TryParse(name, out HashAlgorithmId parsed).ShouldBeTrue();
        parsed.ShouldBe(expected);
    }

    public static TheoryData<string> Rejected() =>
    [
        "sha512_256", "SHA512/256", "sha512/224", "sha3_256", "id-sha256", "ecdsa-with-SHA256", "DSA-SHA1", "dsaWithSHA1",
        "sha256WithRSA", "sha", "sha2", "sha-3-256", "sha3256", "SHA-2-256", "sha256x", " sha256", "sha 256", "",
        "1.2.840.113549.1.1.11", "RSA-SHA",
    ];

    [Theory]
    [MemberData(nameof(Rejected))]
    public void Parse_NamesOpenSslRejects_ThrowsArgumentException(string name)
    {
        Should.Throw<ArgumentException>(() => DigestNames.Parse(name)).Message.ShouldStartWith($"Unknown digest name: {name}");
        DigestNames.TryParse(name, out _).ShouldBeFalse();
    }

    [Theory]
    [InlineData("sm3")]
    [InlineData("RIPEMD160")]
    [InlineData("rmd160")]
    [InlineData("md4")]
    [InlineData("shake128")]
    [InlineData("BLAKE2b512")]
    [InlineData("MD5-SHA1")]
    public void Parse_KnownButUnimplemented_ThrowsNotSupported(string name) =>
        Should.Throw<NotSupportedException>(() => DigestNames.Parse(name)).Message.ShouldContain(name);

    [Fact]
    public void Parse_Null_ThrowsArgumentNull() => Should.Throw<ArgumentNullException>(() => DigestNames.Parse(null!));

    [Theory]
    [MemberData(nameof(HashTests.AllAlgorithms), MemberType = typeof(HashTests))]
    public void GetOpenSslName_EveryDigest_ParsesBack(HashAlgorithmId hash)
    {
        string name = DigestNames.GetOpenSslName(hash);
        name.ShouldBe(name.ToLowerInvariant());
        DigestNames.Parse(name).ShouldBe(hash);
        DigestNames.Parse(name.ToUpperInvariant()).ShouldBe(hash);
        DigestNames.GetAliases(hash).ShouldContain(a => string.Equals(a, name, StringComparison.OrdinalIgnoreCase));
    }

    [SkippableTheory]
    [MemberData(nameof(HashTests.AllAlgorithms), MemberType = typeof(HashTests))]
    public void Parse_EveryAlias_OpenSslAgrees(HashAlgorithmId hash)
    {
        OpenSslPeer.Require();
        string file = Path.Combine(Path.GetTempPath(), $"mtls-digest-{Guid.NewGuid():N}");
        File.WriteAllBytes(file, s_message);
        try
        {
            string expected = Convert.ToHexStringLower(HashTests.OneShot(hash, s_message));
            foreach (string alias in DigestNames.GetAliases(hash).SelectMany(a => new[] { a, a.ToLowerInvariant() }).Distinct())
            {
                ProcessResult result = OpenSslPeer.TryRun(null, "dgst", "-" + alias, "-r", file);
                result.ExitCode.ShouldBe(0, $"openssl rejected {alias}: {result.Stderr}");
                result.Stdout.Split(' ')[0].ShouldBe(expected, $"openssl's {alias} is another digest");
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    [SkippableFact]
    public void Parse_RejectedNames_OpenSslRejectsToo()
    {
        OpenSslPeer.Require();
        string file = Path.Combine(Path.GetTempPath(), $"mtls-digest-{Guid.NewGuid():N}");
        File.WriteAllBytes(file, s_message);
        try
        {
            foreach (string name in ((IEnumerable<object[]>)Rejected()).Select(row => (string)row[0]).Where(n => n.Length > 0 && !n.Contains(' ', StringComparison.Ordinal)))
            {
                OpenSslPeer.TryRun(null, "dgst", "-" + name, "-r", file).ExitCode.ShouldNotBe(0, $"openssl accepts {name}");
            }
        }
        finally
        {
            File.Delete(file);
        }
    }
}
