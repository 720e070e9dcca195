using ManagedTls.Crypto;

namespace ManagedTls.Tests.Crypto;

public class AeadTests
{
    private static readonly ICryptoProvider s_provider = CryptoProviders.Default;

    [Theory]
    [InlineData(AeadAlgorithmId.Aes128Gcm)]
    [InlineData(AeadAlgorithmId.Aes192Gcm)]
    [InlineData(AeadAlgorithmId.Aes256Gcm)]
    [InlineData(AeadAlgorithmId.ChaCha20Poly1305)]
    public void Seal_ThenOpen_RoundTripsAndRejectsEveryTamperedByte(AeadAlgorithmId algorithm)
    {
        using IAead aead = s_provider.CreateAead(algorithm, new byte[AeadAlgorithms.KeySize(algorithm)]);
        byte[] nonce = new byte[12];
        byte[] aad = [1, 2, 3, 4, 5];
        byte[] message = "attack at dawn, bring 32 bytes.."u8.ToArray();
        byte[] ct = new byte[message.Length];
        byte[] tag = new byte[16];
        aead.Seal(nonce, message, aad, ct, tag);

        byte[] pt = new byte[ct.Length];
        aead.TryOpen(nonce, ct, tag, aad, pt).ShouldBeTrue();
        pt.ShouldBe(message);
        for (int i = 0; i < ct.Length + tag.Length + aad.Length; i++)
        {
            byte[] c = (byte[])ct.Clone(), t = (byte[])tag.Clone(), a = (byte[])aad.Clone();
            Span<byte> target = i < c.Length ? c.AsSpan(i) : i < c.Length + t.Length ? t.AsSpan(i - c.Length) : a.AsSpan(i - c.Length - t.Length);
            target[0] ^= 0x80;
            aead.TryOpen(nonce, c, t, a, pt).ShouldBeFalse($"byte {i}");
            pt.ShouldAllBe(b => b == 0);
        }
    }

    [Fact]
    public void Seal_InPlace_Works()
    {
        using IAead aead = s_provider.CreateAead(AeadAlgorithmId.ChaCha20Poly1305, new byte[32]);
        byte[] buffer = "in place"u8.ToArray();
        byte[] tag = new byte[16];
        aead.Seal(new byte[12], buffer, [], buffer, tag);
        aead.TryOpen(new byte[12], buffer, tag, [], buffer).ShouldBeTrue();
        buffer.ShouldBe("in place"u8.ToArray());
    }

    [Theory]
    [InlineData(AeadAlgorithmId.Aes128Gcm, 32)]
    [InlineData(AeadAlgorithmId.Aes256Gcm, 16)]
    [InlineData(AeadAlgorithmId.ChaCha20Poly1305, 16)]
    public void CreateAead_WrongKeyLength_Throws(AeadAlgorithmId algorithm, int keyLength) =>
        Should.Throw<ArgumentException>(() => s_provider.CreateAead(algorithm, new byte[keyLength]));

    [Fact]
    public void Seal_WrongNonceLength_Throws()
    {
        using IAead aead = s_provider.CreateAead(AeadAlgorithmId.Aes128Gcm, new byte[16]);
        Should.Throw<ArgumentException>(() => aead.Seal(new byte[8], [], [], [], new byte[16]));
    }

    [Fact]
    public void Seal_SameNonceTwice_IsRefusedByGcm()
    {
        using IAead aead = s_provider.CreateAead(AeadAlgorithmId.Aes128Gcm, new byte[16]);
        aead.Seal(new byte[12], [1], [], new byte[1], new byte[16]);
        Should.Throw<ArgumentException>(() => aead.Seal(new byte[12], [1], [], new byte[1], new byte[16]));
    }
}

public class DisposalTests
{
    private static readonly ICryptoProvider s_provider = CryptoProviders.Default;

    [Fact]
    public void Seal_AfterDispose_Throws()
    {
        IAead aead = s_provider.CreateAead(AeadAlgorithmId.Aes128Gcm, new byte[16]);
        aead.Dispose();
        aead.Dispose(); // idempotent
        Should.Throw<ObjectDisposedException>(() => aead.Seal(new byte[12], [], [], [], new byte[16]));
        Should.Throw<ObjectDisposedException>(() => aead.TryOpen(new byte[12], [], new byte[16], [], []));
    }

    [Fact]
    public void Append_HmacAfterDispose_Throws()
    {
        IHmac hmac = s_provider.CreateHmac(HashAlgorithmId.Sha256, [1, 2, 3]);
        hmac.Dispose();
        Should.Throw<ObjectDisposedException>(() => hmac.Append([1]));
    }

    [Fact]
    public void TryDeriveSharedSecret_AfterDispose_Throws()
    {
        IKeyAgreement key = s_provider.GenerateKeyAgreement(KeyAgreementAlgorithmId.X25519);
        byte[] peer = key.PublicKey.ToArray();
        key.Dispose();
        Should.Throw<ObjectDisposedException>(() => key.TryDeriveSharedSecret(peer, new byte[32]));
    }
}
