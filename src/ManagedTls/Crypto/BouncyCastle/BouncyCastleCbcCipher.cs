using System.Buffers;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Parameters;

namespace ManagedTls.Crypto.BouncyCastle;

/// <summary><see cref="ICbcCipher"/> over BouncyCastle's AES, DES-EDE3 and DES engines; no padding.</summary>
internal sealed class BouncyCastleCbcCipher : ICbcCipher
{
    private readonly CbcBlockCipher _cipher;
    private readonly byte[] _key;
    private bool _disposed;

    public BouncyCastleCbcCipher(BlockCipherAlgorithmId algorithm, ReadOnlySpan<byte> key)
    {
        (IBlockCipher engine, int keySize) = algorithm switch
        {
            BlockCipherAlgorithmId.Aes128 => ((IBlockCipher)new AesEngine(), 16),
            BlockCipherAlgorithmId.Aes192 => (new AesEngine(), 24),
            BlockCipherAlgorithmId.Aes256 => (new AesEngine(), 32),
            BlockCipherAlgorithmId.DesEde3 => (new DesEdeEngine(), 24),
            BlockCipherAlgorithmId.Des => (new DesEngine(), 8),
            _ => throw new NotSupportedException($"Block cipher {algorithm} is not supported."),
        };
        if (key.Length != keySize)
        {
            throw new ArgumentException($"{algorithm} needs a {keySize}-byte key, not {key.Length}.", nameof(key));
        }

        Algorithm = algorithm;
        _cipher = new CbcBlockCipher(engine);
        _key = key.ToArray();
    }

    public BlockCipherAlgorithmId Algorithm { get; }

    public int BlockSize => _cipher.GetBlockSize();

    public void Encrypt(ReadOnlySpan<byte> iv, ReadOnlySpan<byte> input, Span<byte> output) => Process(true, iv, input, output);

    public void Decrypt(ReadOnlySpan<byte> iv, ReadOnlySpan<byte> input, Span<byte> output) => Process(false, iv, input, output);

    public void Dispose()
    {
        _disposed = true;
        SecretMemory.Zero(_key);
    }

    private void Process(bool encrypt, ReadOnlySpan<byte> iv, ReadOnlySpan<byte> input, Span<byte> output)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        int blockSize = BlockSize;
        if (iv.Length != blockSize)
        {
            throw new ArgumentException($"The IV must be {blockSize} bytes.", nameof(iv));
        }

        if (input.Length % blockSize != 0)
        {
            throw new ArgumentException($"The input must be a multiple of {blockSize} bytes (padding is the caller's).", nameof(input));
        }

        if (output.Length < input.Length)
        {
            throw new ArgumentException("The output span is too short.", nameof(output));
        }

        _cipher.Init(encrypt, new ParametersWithIV(new KeyParameter(_key), iv.ToArray()));
        byte[] buffer = ArrayPool<byte>.Shared.Rent(Math.Max(input.Length, 1));
        try
        {
            input.CopyTo(buffer);
            for (int offset = 0; offset < input.Length; offset += blockSize)
            {
                _cipher.ProcessBlock(buffer, offset, buffer, offset); // CBC processes in place block by block
            }

            buffer.AsSpan(0, input.Length).CopyTo(output);
        }
        finally
        {
            SecretMemory.Zero(buffer.AsSpan(0, input.Length));
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
