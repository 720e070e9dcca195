using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Utilities;

namespace ManagedTls.Crypto.BouncyCastle;

/// <summary><see cref="IHash"/> over a BouncyCastle digest; allocation-free per call after construction.</summary>
internal sealed class BouncyCastleHash : IHash
{
    private const int ScratchSize = 256;

    private readonly IDigest _digest;
    private readonly byte[] _scratch = new byte[ScratchSize];
    private readonly byte[] _output;

    public BouncyCastleHash(HashAlgorithmId algorithm)
        : this(algorithm, BouncyCastleDigests.Create(algorithm))
    {
    }

    private BouncyCastleHash(HashAlgorithmId algorithm, IDigest digest)
    {
        Algorithm = algorithm;
        _digest = digest;
        _output = new byte[digest.GetDigestSize()];
    }

    public HashAlgorithmId Algorithm { get; }

    public int HashSize => _output.Length;

    public void Append(ReadOnlySpan<byte> data) => BouncyCastleDigests.Update(_digest, data, _scratch);

    public int GetHashAndReset(Span<byte> destination)
    {
        CheckDestination(destination);
        _digest.DoFinal(_output, 0); // DoFinal resets
        _output.CopyTo(destination);
        return _output.Length;
    }

    public int GetCurrentHash(Span<byte> destination)
    {
        CheckDestination(destination);
        var copy = (IDigest)((IMemoable)_digest).Copy();
        copy.DoFinal(_output, 0);
        _output.CopyTo(destination);
        return _output.Length;
    }

    public IHash Clone() => new BouncyCastleHash(Algorithm, (IDigest)((IMemoable)_digest).Copy());

    public void Dispose()
    {
        _digest.Reset();
        SecretMemory.Zero(_scratch);
        SecretMemory.Zero(_output);
    }

    private void CheckDestination(Span<byte> destination)
    {
        if (destination.Length < _output.Length)
        {
            throw new ArgumentException($"The destination must hold {_output.Length} bytes.", nameof(destination));
        }
    }
}
