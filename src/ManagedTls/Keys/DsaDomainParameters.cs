using ManagedTls.Asn1;

namespace ManagedTls.Keys;

/// <summary>DSA domain parameters Dss-Parms (RFC 3279 §2.3.2): the primes p and q and the generator g.</summary>
/// <remarks>Named to stay clear of <c>ManagedTls.Crypto.DsaParameters</c>, the provider's raw key-material bag.</remarks>
public sealed class DsaDomainParameters : IEquatable<DsaDomainParameters>
{
    /// <summary>The largest p accepted, as OpenSSL's OPENSSL_DSA_MAX_MODULUS_BITS (bounds the cost of gˣ mod p).</summary>
    public const int MaxModulusBits = 10000;

    private readonly byte[] _p;
    private readonly byte[] _q;
    private readonly byte[] _g;

    /// <summary>Creates domain parameters (big-endian unsigned).</summary>
    /// <param name="p">The prime modulus.</param>
    /// <param name="q">The prime divisor of p − 1.</param>
    /// <param name="g">The generator.</param>
    /// <exception cref="KeyFormatException">p or q is even, or g is not in (1, p).</exception>
    public DsaDomainParameters(ReadOnlySpan<byte> p, ReadOnlySpan<byte> q, ReadOnlySpan<byte> g)
    {
        _p = Magnitude.Minimal(p);
        _q = Magnitude.Minimal(q);
        _g = Magnitude.Minimal(g);
        if (!Magnitude.IsOdd(_p) || !Magnitude.IsOdd(_q) || Magnitude.BitLength(_q) < 2 || Magnitude.BitLength(_q) >= Magnitude.BitLength(_p))
        {
            throw new KeyFormatException(KeyFormatError.InvalidKey, "DSA p and q must be odd primes with q smaller than p (FIPS 186-4 §4.1)");
        }

        if (Magnitude.BitLength(_p) > MaxModulusBits)
        {
            throw new KeyFormatException(KeyFormatError.InvalidKey, $"DSA modulus larger than {MaxModulusBits} bits (OpenSSL's OPENSSL_DSA_MAX_MODULUS_BITS)");
        }

        if (Magnitude.BitLength(_g) < 2 || Magnitude.ToBigInteger(_g) >= Magnitude.ToBigInteger(_p))
        {
            throw new KeyFormatException(KeyFormatError.InvalidKey, "DSA generator must satisfy 1 < g < p (FIPS 186-4 §4.1)");
        }
    }

    /// <summary>p.</summary>
    public ReadOnlyMemory<byte> P => _p;

    /// <summary>q.</summary>
    public ReadOnlyMemory<byte> Q => _q;

    /// <summary>g.</summary>
    public ReadOnlyMemory<byte> G => _g;

    /// <summary>The bit length of p (the key size OpenSSL reports).</summary>
    public int Bits => Magnitude.BitLength(_p);

    /// <summary>Reads Dss-Parms ::= SEQUENCE { p, q, g }.</summary>
    /// <param name="reader">Positioned at the SEQUENCE.</param>
    /// <returns>The parameters.</returns>
    /// <exception cref="DecodeException">Malformed DER.</exception>
    /// <exception cref="KeyFormatException">Out-of-range values.</exception>
    public static DsaDomainParameters Decode(ref DerReader reader)
    {
        DerReader sequence = reader.ReadSequence();
        ReadOnlySpan<byte> p = sequence.ReadUnsignedIntegerBytes();
        ReadOnlySpan<byte> q = sequence.ReadUnsignedIntegerBytes();
        ReadOnlySpan<byte> g = sequence.ReadUnsignedIntegerBytes();
        sequence.ExpectEmpty();
        return new DsaDomainParameters(p, q, g);
    }

    /// <summary>Writes Dss-Parms.</summary>
    /// <param name="writer">The destination.</param>
    public void Encode(DerWriter writer)
    {
        using (writer.PushSequence())
        {
            writer.WriteIntegerUnsigned(_p);
            writer.WriteIntegerUnsigned(_q);
            writer.WriteIntegerUnsigned(_g);
        }
    }

    /// <inheritdoc/>
    public bool Equals(DsaDomainParameters? other) =>
        other is not null && _p.AsSpan().SequenceEqual(other._p) && _q.AsSpan().SequenceEqual(other._q) && _g.AsSpan().SequenceEqual(other._g);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is DsaDomainParameters other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.AddBytes(_p);
        return hash.ToHashCode();
    }

    internal static DsaDomainParameters FromAlgorithm(AlgorithmIdentifier algorithm)
    {
        if (!algorithm.HasParameters || algorithm.ParametersAreNull)
        {
            // RFC 3279 §2.3.2 lets a certificate inherit parameters from its issuer; a standalone key cannot.
            throw new KeyFormatException(KeyFormatError.InvalidParameters, "DSA key without domain parameters (inherited parameters are not supported)");
        }

        var reader = new DerReader(algorithm.Parameters);
        DsaDomainParameters parameters = Decode(ref reader);
        reader.ExpectEmpty();
        return parameters;
    }

    internal void WriteAlgorithmIdentifier(DerWriter writer)
    {
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier(KeyOids.Dsa);
            Encode(writer);
        }
    }
}
