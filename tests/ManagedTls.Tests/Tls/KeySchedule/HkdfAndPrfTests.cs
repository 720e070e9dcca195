using ManagedTls.Crypto;
using ManagedTls.Tests.TestSupport;
using ManagedTls.Tls;
using ManagedTls.Tls.KeySchedule;

namespace ManagedTls.Tests.Tls.KeySchedule;

/// <summary>HKDF (RFC 5869 test cases) and the TLS 1.2 PRF (published vector), both also checked against `openssl kdf`.</summary>
public class HkdfAndPrfTests
{
    private static readonly ICryptoProvider s_provider = CryptoProviders.Default;

    private static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);

    private static HashAlgorithmId Hash(string name) => name switch
    {
        "SHA256" => HashAlgorithmId.Sha256,
        "SHA384" => HashAlgorithmId.Sha384,
        "SHA512" => HashAlgorithmId.Sha512,
        "SHA1" => HashAlgorithmId.Sha1,
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    // RFC 5869 Appendix A.1 (basic) and A.3 (zero-length salt and info), SHA-256
    [Theory]
    [InlineData("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b", "000102030405060708090a0b0c", "f0f1f2f3f4f5f6f7f8f9", 42,
        "077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5",
        "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865")]
    [InlineData("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b", "", "", 42,
        "19ef24a32c717b167f33a91d6f648bdf96596776afdb6377ac434c1c293ccb04",
        "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8")]
    public void Hkdf_matches_rfc5869(string ikm, string salt, string info, int length, string prk, string okm)
    {
        byte[] actualPrk = new byte[32];
        Hkdf.Extract(s_provider, HashAlgorithmId.Sha256, Convert.FromHexString(salt), Convert.FromHexString(ikm), actualPrk);
        Hex(actualPrk).ShouldBe(prk);
        byte[] actualOkm = new byte[length];
        Hkdf.Expand(s_provider, HashAlgorithmId.Sha256, actualPrk, Convert.FromHexString(info), actualOkm);
        Hex(actualOkm).ShouldBe(okm);
    }

    [Fact]
    public void Hkdf_expand_refuses_more_than_255_blocks()
    {
        Should.Throw<ArgumentException>(() => Hkdf.Expand(s_provider, HashAlgorithmId.Sha256, new byte[32], [], new byte[255 * 32 + 1]));
    }

    [Fact]
    public void Expand_label_refuses_labels_and_contexts_past_255_bytes()
    {
        Should.Throw<ArgumentException>(() => Hkdf.ExpandLabel(s_provider, HashAlgorithmId.Sha256, new byte[32], new string('a', 250), [], new byte[32]));
        Should.Throw<ArgumentException>(() => Hkdf.ExpandLabel(s_provider, HashAlgorithmId.Sha256, new byte[32], "x", new byte[256], new byte[32]));
        byte[] ok = new byte[32];
        Hkdf.ExpandLabel(s_provider, HashAlgorithmId.Sha256, new byte[32], new string('a', 249), new byte[255], ok);
        ok.ShouldNotBe(new byte[32]);
    }

    [SkippableTheory]
    [InlineData("SHA256", "6b6579", "73616c74", "696e666f", 100)]
    [InlineData("SHA384", "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff", "", "", 48)]
    [InlineData("SHA384", "a5", "0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f3031", "74657374", 1000)]
    [InlineData("SHA512", "0b0b", "00", "", 64)]
    public void Hkdf_matches_openssl_kdf(string digest, string key, string salt, string info, int length)
    {
        var args = new List<string> { "kdf", "-keylen", length.ToString(System.Globalization.CultureInfo.InvariantCulture), "-kdfopt", "digest:" + digest, "-kdfopt", "hexkey:" + key };
        if (salt.Length > 0)
        {
            args.AddRange(["-kdfopt", "hexsalt:" + salt]);
        }

        if (info.Length > 0)
        {
            args.AddRange(["-kdfopt", "hexinfo:" + info]);
        }

        args.Add("HKDF");
        string expected = OpenSslHex(OpenSslPeer.Run([.. args]).Stdout);

        HashAlgorithmId hash = Hash(digest);
        byte[] prk = new byte[HashAlgorithms.HashSize(hash)];
        Hkdf.Extract(s_provider, hash, Convert.FromHexString(salt), Convert.FromHexString(key), prk);
        byte[] okm = new byte[length];
        Hkdf.Expand(s_provider, hash, prk, Convert.FromHexString(info), okm);
        Hex(okm).ShouldBe(expected);
    }

    // The TLS 1.2 PRF test vector posted to the IETF TLS list (SHA-256, "test label", 100 bytes).
    [Fact]
    public void Prf_sha256_matches_the_published_vector()
    {
        byte[] output = new byte[100];
        Tls12Prf.Derive(s_provider, HashAlgorithmId.Sha256, Convert.FromHexString("9bbe436ba940f017b17652849a71db35"), "test label",
            Convert.FromHexString("a0ba9f936cda311827a6f796ffd5198c"), output);
        Hex(output).ShouldBe(
            "e3f229ba727be17b8d122620557cd453c2aab21d07c3d495329b52d4e61edb5a6b301791e90d35c9c9a46b4e14baf9af0fa022f7077def17abfd3797c0564bab" +
            "4fbc91666e9def9b97fce34f796789baa48082d122ee42c5a72e5a5110fff70187347b66");
    }

    [SkippableTheory]
    [InlineData("SHA256", "9bbe436ba940f017b17652849a71db35", "test label", "a0ba9f936cda311827a6f796ffd5198c", 100)]
    [InlineData("SHA384", "b80b733d6ceefcdc71566ea48e5567df", "test label", "cd665cf6a8447dd6ff8b27555edb7465", 148)]
    [InlineData("SHA256", "00", "master secret", "0000000000000000000000000000000000000000000000000000000000000000ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", 48)]
    [InlineData("SHA384", "0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f", "key expansion", "aa", 200)]
    [InlineData("SHA256", "abcdef", "client finished", "", 12)]
    public void Prf_matches_openssl_tls1_prf(string digest, string secret, string label, string seed, int length)
    {
        var args = new List<string> { "kdf", "-keylen", length.ToString(System.Globalization.CultureInfo.InvariantCulture), "-kdfopt", "digest:" + digest,
            "-kdfopt", "hexsecret:" + secret, "-kdfopt", "seed:" + label };
        if (seed.Length > 0)
        {
            args.AddRange(["-kdfopt", "hexseed:" + seed]);
        }

        args.Add("TLS1-PRF");
        string expected = OpenSslHex(OpenSslPeer.Run([.. args]).Stdout);

        byte[] output = new byte[length];
        Tls12Prf.Derive(s_provider, Hash(digest), Convert.FromHexString(secret), label, Convert.FromHexString(seed), output);
        Hex(output).ShouldBe(expected);
    }

    [Fact]
    public void Master_secret_key_block_finished_and_ems_are_the_prf_with_their_labels_and_seeds()
    {
        byte[] pre = Convert.FromHexString("0303" + new string('5', 92));
        byte[] cr = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        byte[] sr = Enumerable.Range(100, 32).Select(i => (byte)i).ToArray();
        HashAlgorithmId sha = HashAlgorithmId.Sha384;

        byte[] master = Tls12Prf.MasterSecret(s_provider, sha, pre, cr, sr);
        byte[] expected = new byte[48];
        Tls12Prf.Derive(s_provider, sha, pre, "master secret", [.. cr, .. sr], expected);
        master.ShouldBe(expected);

        byte[] keyBlock = new byte[72];
        Tls12Prf.KeyBlock(s_provider, sha, master, cr, sr, keyBlock);
        byte[] expectedBlock = new byte[72];
        Tls12Prf.Derive(s_provider, sha, master, "key expansion", [.. sr, .. cr], expectedBlock);
        keyBlock.ShouldBe(expectedBlock);

        byte[] sessionHash = HashAlgorithms.HashData(sha, cr);
        byte[] ems = Tls12Prf.ExtendedMasterSecret(s_provider, sha, pre, sessionHash);
        Tls12Prf.Derive(s_provider, sha, pre, "extended master secret", sessionHash, expected);
        ems.ShouldBe(expected);
        ems.ShouldNotBe(master);

        byte[] client = Tls12Prf.VerifyData(s_provider, sha, master, client: true, sessionHash);
        byte[] server = Tls12Prf.VerifyData(s_provider, sha, master, client: false, sessionHash);
        client.Length.ShouldBe(12);
        client.ShouldNotBe(server);
        byte[] expectedClient = new byte[12];
        Tls12Prf.Derive(s_provider, sha, master, "client finished", sessionHash, expectedClient);
        client.ShouldBe(expectedClient);
    }

    [Fact]
    public void Exporter_distinguishes_no_context_from_an_empty_one_and_refuses_prf_labels()
    {
        byte[] master = new byte[48];
        master[0] = 1;
        byte[] cr = new byte[32];
        byte[] sr = new byte[32];
        sr[31] = 9;
        byte[] none = new byte[20];
        byte[] empty = new byte[20];
        Tls12Prf.Export(s_provider, HashAlgorithmId.Sha256, master, cr, sr, "EXPERIMENTAL test", [], useContext: false, none);
        Tls12Prf.Export(s_provider, HashAlgorithmId.Sha256, master, cr, sr, "EXPERIMENTAL test", [], useContext: true, empty);
        none.ShouldNotBe(empty);

        byte[] expected = new byte[20];
        Tls12Prf.Derive(s_provider, HashAlgorithmId.Sha256, master, "EXPERIMENTAL test", [.. cr, .. sr, 0, 0], expected);
        empty.ShouldBe(expected);

        byte[] viaNull = new byte[20];
        Tls12Prf.Export(s_provider, HashAlgorithmId.Sha256, master, cr, sr, "EXPERIMENTAL test", (byte[]?)null, viaNull);
        viaNull.ShouldBe(none);
        Tls12Prf.Export(s_provider, HashAlgorithmId.Sha256, master, cr, sr, "EXPERIMENTAL test", Array.Empty<byte>(), viaNull);
        viaNull.ShouldBe(empty);

        var ex = Should.Throw<TlsException>(() => Tls12Prf.Export(s_provider, HashAlgorithmId.Sha256, master, cr, sr, "key expansion", [], false, none));
        ex.Message.ShouldContain("RFC 5705");
    }

    private static string OpenSslHex(string stdout) =>
        stdout.Trim().Replace(":", "", StringComparison.Ordinal).ToLowerInvariant();
}
