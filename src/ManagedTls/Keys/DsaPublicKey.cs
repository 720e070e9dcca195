using System.Numerics;
using ManagedTls.Asn1;

namespace ManagedTls.Keys;

/// <summary>A DSA public key: domain parameters and y = gˣ mod p.</summary>
public sealed class DsaPublicKey : PublicKey
{
    private readonly byte[] _y;

    /// <summary>Creates the key.</summary>
    /// <param name="parameters">p, q, g.</param>
    /// <param name="y">The public value, big-endian unsigned.</param>
    /// <exception cref="KeyFormatException">y is not in (1, p).</exception>
    public DsaPublicKey(DsaDomainParameters parameters, ReadOnlySpan<byte> y)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Parameters = parameters;
        _y = Magnitude.Minimal(y);
        BigInteger value = Magnitude.ToBigInteger(_y);
        if (value <= BigInteger.One || value >= Magnitude.ToBigInteger(parameters.P.Span))
        {
            throw new KeyFormatException(KeyFormatError.InvalidKey, "DSA public value must satisfy 1 < y < p");
        }
    }

    /// <inheritdoc/>
    public override KeyAlgorithm Algorithm => KeyAlgorithm.Dsa;

    /// <summary>The bit length of p.</summary>
    public override int Bits => Parameters.Bits;

    /// <summary>p, q, g.</summary>
    public DsaDomainParameters Parameters { get; }

    /// <summary>y, big-endian unsigned, minimal.</summary>
    public ReadOnlyMemory<byte> Y => _y;

    internal static DsaPublicKey DecodeSpkiKey(AlgorithmIdentifier algorithm, ReadOnlySpan<byte> key)
    {
        DsaDomainParameters parameters = DsaDomainParameters.FromAlgorithm(algorithm);
        var reader = new DerReader(key);
        ReadOnlySpan<byte> y = reader.ReadUnsignedIntegerBytes();
        reader.ExpectEmpty();
        return new DsaPublicKey(parameters, y);
    }

    private protected override void WriteAlgorithmIdentifier(DerWriter writer) => Parameters.WriteAlgorithmIdentifier(writer);

    private protected override void WriteSubjectPublicKey(DerWriter writer)
    {
        using (writer.PushBitString())
        {
            writer.WriteIntegerUnsigned(_y);
        }
    }
}
