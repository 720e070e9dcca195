using System.Text;
using ManagedTls.Crypto;

namespace ManagedTls.Tests.Crypto;

public class HashTests
{
    private static readonly ICryptoProvider s_provider = CryptoProviders.Default;

    // FIPS 180-4 / FIPS 202 example values ("abc" and the empty string), checked against `openssl dgst`.
    [Theory]
    [InlineData(HashAlgorithmId.Md5, "abc", "900150983cd24fb0d6963f7d28e17f72")]
    [InlineData(HashAlgorithmId.Md5, "", "d41d8cd98f00b204e9800998ecf8427e")]
    [InlineData(HashAlgorithmId.Sha1, "abc", "a9993e364706816aba3e25717850c26c9cd0d89d")]
    [InlineData(HashAlgorithmId.Sha1, "", "da39a3ee5e6b4b0d3255bfef95601890afd80709")]
    [InlineData(HashAlgorithmId.Sha224, "abc", "23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7")]
    [InlineData(HashAlgorithmId.Sha224, "", "d14a028c2a3a2bc9476102bb288234c415a2b01f828ea62ac5b3e42f")]
    [InlineData(HashAlgorithmId.Sha256, "abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    [InlineData(HashAlgorithmId.Sha256, "", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    [InlineData(HashAlgorithmId.Sha256, "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")]
    [InlineData(HashAlgorithmId.Sha384, "abc", "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7")]
    [InlineData(HashAlgorithmId.Sha384, "", "38b060a751ac96384cd9327eb1b1e36a21fdb71114be07434c0cc7bf63f6e1da274edebfe76f65fbd51ad2f14898b95b")]
    [InlineData(HashAlgorithmId.Sha512, "abc", "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f")]
    [InlineData(HashAlgorithmId.Sha512, "", "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e")]
    [InlineData(HashAlgorithmId.Sha512_224, "abc", "4634270f707b6a54daae7530460842e20e37ed265ceee9a43e8924aa")]
    [InlineData(HashAlgorithmId.Sha512_224, "", "6ed0dd02806fa89e25de060c19d3ac86cabb87d6a0ddd05c333b84f4")]
    [InlineData(HashAlgorithmId.Sha512_256, "abc", "53048e2681941ef99b2e29b76b4c7dabe4c2d0c634fc6d46e0e2f13107e7af23")]
    [InlineData(HashAlgorithmId.Sha512_256, "", "c672b8d1ef56ed28ab87c3622c5114069bdd3ad7b8f9737498d0c01ecef0967a")]
    [InlineData(HashAlgorithmId.Sha3_224, "abc", "e642824c3f8cf24ad09234ee7d3c766fc9a3a5168d0c94ad73b46fdf")]
    [InlineData(HashAlgorithmId.Sha3_224, "", "6b4e03423667dbb73b6e15454f0eb1abd4597f9a1b078e3f5b5a6bc7")]
    [InlineData(HashAlgorithmId.Sha3_256, "abc", "3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532")]
    [InlineData(HashAlgorithmId.Sha3_256, "", "a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a")]
    [InlineData(HashAlgorithmId.Sha3_384, "abc", "ec01498288516fc926459f58e2c6ad8df9b473cb0fc08c2596da7cf0e49be4b298d88cea927ac7f539f1edf228376d25")]
    [InlineData(HashAlgorithmId.Sha3_384, "", "0c63a75b845e4f7d01107d852e4c2485c51a50aaaa94fc61995e71bbee983a2ac3713831264adb47fb6bd1e058d5f004")]
    [InlineData(HashAlgorithmId.Sha3_512, "abc", "b751850b1a57168a5693cd924b6b096e08f621827444f70d884f5d0240d2712e10e116e9192af3c91a7ec57647e3934057340b4cf408d5a56592f8274eec53f0")]
    [InlineData(HashAlgorithmId.Sha3_512, "", "a69f73cca23a9ac5c8b567dc185a756e97c982164fe25859e0d1dcc1475c80a615b2123af1f5f94c11e3e9402c3ac558f500199d95b6d3e301758586281dcd26")]
    public void GetHashAndReset_KnownAnswer_Matches(HashAlgorithmId algorithm, string input, string expectedHex)
    {
        using IHash hash = s_provider.CreateHash(algorithm);
        hash.Append(Encoding.ASCII.GetBytes(input));
        byte[] digest = new byte[hash.HashSize];

        hash.GetHashAndReset(digest).ShouldBe(expectedHex.Length / 2);
        Convert.ToHexStringLower(digest).ShouldBe(expectedHex);
        hash.Algorithm.ShouldBe(algorithm);
    }

    [Fact]
    public void GetHashAndReset_MillionA_MatchesFips180()
    {
        // FIPS 180-2 Appendix B.3, fed in uneven chunks to cross the internal scratch buffer.
        using IHash hash = s_provider.CreateHash(HashAlgorithmId.Sha256);
        byte[] chunk = Enumerable.Repeat((byte)'a', 1000).ToArray();
        for (int i = 0; i < 1000; i++)
        {
            hash.Append(chunk);
        }

        byte[] digest = new byte[32];
        hash.GetHashAndReset(digest);
        Convert.ToHexStringLower(digest).ShouldBe("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    }

    [Theory]
    [MemberData(nameof(AllAlgorithms))]
    public void GetCurrentHash_MidStream_DoesNotDisturbState(HashAlgorithmId algorithm)
    {
        using IHash running = s_provider.CreateHash(algorithm);
        using IHash whole = s_provider.CreateHash(algorithm);
        byte[] a = "ClientHello"u8.ToArray();
        byte[] b = "ServerHello"u8.ToArray();
        running.Append(a);
        byte[] mid = new byte[running.HashSize];
        running.GetCurrentHash(mid);
        running.Append(b);
        byte[] end = new byte[running.HashSize];
        running.GetHashAndReset(end);

        whole.Append(a);
        byte[] expectedMid = new byte[whole.HashSize];
        whole.GetHashAndReset(expectedMid);
        whole.Append([.. a, .. b]);
        byte[] expectedEnd = new byte[whole.HashSize];
        whole.GetHashAndReset(expectedEnd);

        mid.ShouldBe(expectedMid);
        end.ShouldBe(expectedEnd);
    }

    [Theory]
    [MemberData(nameof(AllAlgorithms))]
    public void Clone_ThenDiverge_CopiesAreIndependent(HashAlgorithmId algorithm)
    {
        using IHash original = s_provider.CreateHash(algorithm);
        original.Append("shared prefix"u8);
        using IHash copy = original.Clone();
        original.Append("left"u8);
        copy.Append("right"u8);

        byte[] left = new byte[original.HashSize];
        byte[] right = new byte[copy.HashSize];
        original.GetHashAndReset(left);
        copy.GetHashAndReset(right);

        left.ShouldNotBe(right);
        right.ShouldBe(OneShot(algorithm, "shared prefixright"u8));
    }

    [Theory]
    [InlineData(HashAlgorithmId.Md5)]
    [InlineData(HashAlgorithmId.Sha1)]
    [InlineData(HashAlgorithmId.Sha256)]
    [InlineData(HashAlgorithmId.Sha384)]
    [InlineData(HashAlgorithmId.Sha512)]
    public void Append_RandomInputs_MatchesDotNetPeer(HashAlgorithmId algorithm)
    {
        var random = new System.Random(1234); // test data only
        for (int length = 0; length < 600; length += 37)
        {
            byte[] data = new byte[length];
            random.NextBytes(data);
            byte[] expected = algorithm switch
            {
                HashAlgorithmId.Md5 => System.Security.Cryptography.MD5.HashData(data),
                HashAlgorithmId.Sha1 => System.Security.Cryptography.SHA1.HashData(data),
                HashAlgorithmId.Sha256 => System.Security.Cryptography.SHA256.HashData(data),
                HashAlgorithmId.Sha384 => System.Security.Cryptography.SHA384.HashData(data),
                _ => System.Security.Cryptography.SHA512.HashData(data),
            };
            OneShot(algorithm, data).ShouldBe(expected, $"length {length}");
        }
    }

    [Fact]
    public void GetHashAndReset_ShortDestination_Throws()
    {
        using IHash hash = s_provider.CreateHash(HashAlgorithmId.Sha256);
        Should.Throw<ArgumentException>(() => hash.GetHashAndReset(new byte[31]));
    }

    public static TheoryData<HashAlgorithmId> AllAlgorithms() => new(Enum.GetValues<HashAlgorithmId>());

    internal static byte[] OneShot(HashAlgorithmId algorithm, ReadOnlySpan<byte> data)
    {
        using IHash hash = s_provider.CreateHash(algorithm);
        hash.Append(data);
        byte[] digest = new byte[hash.HashSize];
        hash.GetHashAndReset(digest);
        return digest;
    }
}
