using System.Buffers;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Parameters;

namespace ManagedTls.Crypto.BouncyCastle;

/// <summary>RC2-CBC over BouncyCastle's <c>RC2Engine</c>; padding is the caller's.</summary>
internal sealed class BouncyCastleRc2CbcCipher : IRc2CbcCipher
{
    private const int Rc2BlockSize = 8;
    private readonly CbcBlockCipher _cipher = new(new RC2Engine());
    private readonly byte[] _key;
    private readonly int _effectiveKeyBits;
    private bool _disposed;

    public BouncyCastleRc2CbcCipher(ReadOnlySpan<byte> key, int effectiveKeyBits)
    {
        if (key.Length is < 1 or > 128)
        {
            throw new ArgumentException($"RC2 needs 1..128 key bytes, not {key.Length}.", nameof(key));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(effectiveKeyBits, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(effectiveKeyBits, 1024);
        _key = key.ToArray();
        _effectiveKeyBits = effectiveKeyBits;
    }

    public int BlockSize => Rc2BlockSize;

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
        if (iv.Length != Rc2BlockSize)
        {
            throw new ArgumentException($"The IV must be {Rc2BlockSize} bytes.", nameof(iv));
        }

        if (input.Length % Rc2BlockSize != 0)
        {
            throw new ArgumentException($"The input must be a multiple of {Rc2BlockSize} bytes (padding is the caller's).", nameof(input));
        }

        if (output.Length < input.Length)
        {
            throw new ArgumentException("The output span is too short.", nameof(output));
        }

        _cipher.Init(encrypt, new ParametersWithIV(new RC2Parameters(_key, _effectiveKeyBits), iv.ToArray()));
        byte[] buffer = ArrayPool<byte>.Shared.Rent(Math.Max(input.Length, 1));
        try
        {
            input.CopyTo(buffer);
            for (int offset = 0; offset < input.Length; offset += Rc2BlockSize)
            {
                _cipher.ProcessBlock(buffer, offset, buffer, offset);
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
