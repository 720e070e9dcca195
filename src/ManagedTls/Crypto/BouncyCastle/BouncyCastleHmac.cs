using Org.BouncyCastle.Crypto.Macs;
using Org.BouncyCastle.Crypto.Parameters;

namespace ManagedTls.Crypto.BouncyCastle;

/// <summary><see cref="IHmac"/> over BouncyCastle's <see cref="HMac"/>; allocation-free per call after construction.</summary>
internal sealed class BouncyCastleHmac : IHmac
{
    private const int ScratchSize = 256;

    private readonly HMac _mac;
    private readonly byte[] _scratch = new byte[ScratchSize];
    private readonly byte[] _output;
    private bool _disposed;

    public BouncyCastleHmac(HashAlgorithmId algorithm, ReadOnlySpan<byte> key)
    {
        Algorithm = algorithm;
        _mac = new HMac(BouncyCastleDigests.Create(algorithm));
        byte[] keyBytes = key.ToArray();
        try
        {
            _mac.Init(new KeyParameter(keyBytes));
        }
        finally
        {
            SecretMemory.Zero(keyBytes);
        }

        _output = new byte[_mac.GetMacSize()];
    }

    public HashAlgorithmId Algorithm { get; }

    public int HashSize => _output.Length;

    public void Append(ReadOnlySpan<byte> data)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        BouncyCastleDigests.Update(_mac, data, _scratch);
    }

    public int GetHashAndReset(Span<byte> destination)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (destination.Length < _output.Length)
        {
            throw new ArgumentException($"The destination must hold {_output.Length} bytes.", nameof(destination));
        }

        _mac.DoFinal(_output, 0); // DoFinal resets to the keyed state
        _output.CopyTo(destination);
        return _output.Length;
    }

    public void Dispose()
    {
        _disposed = true;
        // HMac keeps the padded key in its ipad/opad states; re-keying with zeros overwrites them.
        _mac.Init(new KeyParameter(new byte[1]));
        SecretMemory.Zero(_scratch);
        SecretMemory.Zero(_output);
    }
}
