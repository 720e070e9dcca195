using ManagedTls.Crypto;

namespace ManagedTls.Tests.Crypto;

public class HashAlgorithmsTests
{
    public static TheoryData<HashAlgorithmId> AllAlgorithms()
    {
        var data = new TheoryData<HashAlgorithmId>();
        foreach (HashAlgorithmId id in Enum.GetValues<HashAlgorithmId>())
        {
            data.Add(id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllAlgorithms))]
    public void HashSize_EveryAlgorithm_MatchesTheProvidersDigest(HashAlgorithmId algorithm)
    {
        using IHash hash = CryptoProviders.Default.CreateHash(algorithm);

        HashAlgorithms.HashSize(algorithm).ShouldBe(hash.HashSize);
        HashAlgorithms.HashSize(algorithm).ShouldBeLessThanOrEqualTo(HashAlgorithms.MaxHashSize);
    }

    [Theory]
    [MemberData(nameof(AllAlgorithms))]
    public void HashData_EveryAlgorithm_EqualsIncrementalHash(HashAlgorithmId algorithm)
    {
        byte[] data = "ManagedTls"u8.ToArray();
        using IHash hash = CryptoProviders.Default.CreateHash(algorithm);
        hash.Append(data.AsSpan(0, 3));
        hash.Append(data.AsSpan(3));
        byte[] expected = new byte[hash.HashSize];
        hash.GetHashAndReset(expected);

        HashAlgorithms.HashData(algorithm, data).ShouldBe(expected);
    }

    [Fact]
    public void HashData_Sha256Abc_FipsKnownAnswer() =>
        Convert.ToHexStringLower(HashAlgorithms.HashData(HashAlgorithmId.Sha256, "abc"u8))
            .ShouldBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");

    [Fact]
    public void HashSize_UnknownValue_Throws() =>
        Should.Throw<ArgumentOutOfRangeException>(() => HashAlgorithms.HashSize((HashAlgorithmId)999));
}
