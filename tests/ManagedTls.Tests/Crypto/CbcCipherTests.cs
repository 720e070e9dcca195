using ManagedTls.Crypto;
using Bcl = System.Security.Cryptography;

namespace ManagedTls.Tests.Crypto;

public class CbcCipherTests
{
    private static readonly ICryptoProvider s_provider = CryptoProviders.Default;

    [Fact]
    public void Encrypt_Sp800_38aF21_MatchesKnownAnswer()
    {
        // NIST SP 800-38A F.2.1/F.2.2, CBC-AES128, first two blocks.
        byte[] key = Convert.FromHexString("2b7e151628aed2a6abf7158809cf4f3c");
        byte[] iv = Convert.FromHexString("000102030405060708090a0b0c0d0e0f");
        byte[] plaintext = Convert.FromHexString("6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e51");
        using ICbcCipher cipher = s_provider.CreateCbc(BlockCipherAlgorithmId.Aes128, key);
        byte[] ciphertext = new byte[plaintext.Length];
        cipher.Encrypt(iv, plaintext, ciphertext);
        Convert.ToHexStringLower(ciphertext).ShouldBe("7649abac8119b246cee98e9b12e9197d5086cb9b507219ee95db113a917678b2");

        byte[] decrypted = new byte[ciphertext.Length];
        cipher.Decrypt(iv, ciphertext, decrypted);
        decrypted.ShouldBe(plaintext);
    }

    [Theory]
    [InlineData(BlockCipherAlgorithmId.Aes192, 24, 16)]
    [InlineData(BlockCipherAlgorithmId.Aes256, 32, 16)]
    [InlineData(BlockCipherAlgorithmId.DesEde3, 24, 8)]
    [InlineData(BlockCipherAlgorithmId.Des, 8, 8)]
    public void Encrypt_RandomData_MatchesDotNetPeer(BlockCipherAlgorithmId algorithm, int keySize, int blockSize)
    {
        var random = new System.Random(42); // test data only
        byte[] key = new byte[keySize], iv = new byte[blockSize], data = new byte[blockSize * 5];
        random.NextBytes(key);
        random.NextBytes(iv);
        random.NextBytes(data);
        using Bcl.SymmetricAlgorithm peer = algorithm switch
        {
            BlockCipherAlgorithmId.DesEde3 => Bcl.TripleDES.Create(),
            BlockCipherAlgorithmId.Des => Bcl.DES.Create(),
            _ => Bcl.Aes.Create(),
        };
        peer.Key = key;

        using ICbcCipher cipher = s_provider.CreateCbc(algorithm, key);
        cipher.BlockSize.ShouldBe(blockSize);
        byte[] ours = new byte[data.Length];
        cipher.Encrypt(iv, data, ours);
        ours.ShouldBe(peer.EncryptCbc(data, iv, Bcl.PaddingMode.None));
        byte[] back = new byte[data.Length];
        cipher.Decrypt(iv, ours, back);
        back.ShouldBe(data);
    }

    [Fact]
    public void Encrypt_PartialBlock_Throws()
    {
        using ICbcCipher cipher = s_provider.CreateCbc(BlockCipherAlgorithmId.Aes128, new byte[16]);
        Should.Throw<ArgumentException>(() => cipher.Encrypt(new byte[16], new byte[15], new byte[16]));
    }
}
