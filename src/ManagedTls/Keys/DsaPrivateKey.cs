using System.Numerics;
using ManagedTls.Asn1;

namespace ManagedTls.Keys;

/// <summary>A DSA private key: domain parameters, x, and y (derived as gˣ mod p when the encoding lacks it).</summary>
public sealed class DsaPrivateKey : PrivateKey
{
    private readonly byte[] _x;

    /// <summary>Creates the key, deriving y = gˣ mod p.</summary>
    /// <param name="parameters">p, q, g.</param>
    /// <param name="x">The private value, big-endian unsigned, 0 &lt; x &lt; q.</param>
    /// <exception cref="KeyFormatException">x is out of range.</exception>
    public DsaPrivateKey(DsaDomainParameters parameters, ReadOnlySpan<byte> x)
        : this(parameters, x, default)
    {
    }

    /// <summary>Creates the key with a known y, which must equal gˣ mod p.</summary>
    /// <param name="parameters">p, q, g.</param>
    /// <param name="x">The private value, 0 &lt; x &lt; q.</param>
    /// <param name="y">The public value, or empty to derive it.</param>
    /// <exception cref="KeyFormatException">x is out of range, or y does not match x.</exception>
    public DsaPrivateKey(DsaDomainParameters parameters, ReadOnlySpan<byte> x, ReadOnlySpan<byte> y)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        _x = Magnitude.Minimal(x);
        BigInteger xValue = Magnitude.ToBigInteger(_x);
        if (xValue.IsZero || xValue >= Magnitude.ToBigInteger(parameters.Q.Span))
        {
            throw new KeyFormatException(KeyFormatError.InvalidKey, "DSA private value must satisfy 0 < x < q (FIPS 186-4 §4.5)");
        }

        // Plain modular exponentiation, not curve arithmetic: done here so PKCS#8 DSA keys (which omit y) have a public half.
        BigInteger derived = BigInteger.ModPow(Magnitude.ToBigInteger(parameters.G.Span), xValue, Magnitude.ToBigInteger(parameters.P.Span));
        if (!y.IsEmpty && Magnitude.ToBigInteger(y) != derived)
        {
            throw new KeyFormatException(KeyFormatError.Inconsistent, "DSA public value y does not equal g^x mod p");
        }

        PublicKey = new DsaPublicKey(parameters, Magnitude.FromBigInteger(derived));
    }

    /// <inheritdoc/>
    public override KeyAlgorithm Algorithm => KeyAlgorithm.Dsa;

    /// <summary>The bit length of p.</summary>
    public override int Bits => Parameters.Bits;

    /// <summary>The public half.</summary>
    public override DsaPublicKey PublicKey { get; }

    /// <summary>p, q, g.</summary>
    public DsaDomainParameters Parameters => PublicKey.Parameters;

    /// <summary>x, big-endian unsigned, minimal.</summary>
    public ReadOnlyMemory<byte> X => _x;

    /// <summary>y.</summary>
    public ReadOnlyMemory<byte> Y => PublicKey.Y;

    internal override string? TraditionalPemLabel => "DSA PRIVATE KEY";

    /// <summary>Reads OpenSSL's traditional DSAPrivateKey: SEQUENCE { version 0, p, q, g, y, x }.</summary>
    /// <param name="reader">Positioned at the SEQUENCE.</param>
    /// <returns>The key.</returns>
    /// <exception cref="DecodeException">Malformed DER.</exception>
    /// <exception cref="KeyFormatException">Wrong version or invalid values.</exception>
    public static DsaPrivateKey DecodeTraditional(ref DerReader reader)
    {
        DerReader sequence = reader.ReadSequence();
        int version = sequence.ReadInt32();
        if (version != 0)
        {
            throw new KeyFormatException(KeyFormatError.UnsupportedVersion, $"DSAPrivateKey version {version} is not 0");
        }

        ReadOnlySpan<byte> p = sequence.ReadUnsignedIntegerBytes();
        ReadOnlySpan<byte> q = sequence.ReadUnsignedIntegerBytes();
        ReadOnlySpan<byte> g = sequence.ReadUnsignedIntegerBytes();
        ReadOnlySpan<byte> y = sequence.ReadUnsignedIntegerBytes();
        ReadOnlySpan<byte> x = sequence.ReadUnsignedIntegerBytes();
        sequence.ExpectEmpty();
        return new DsaPrivateKey(new DsaDomainParameters(p, q, g), x, y);
    }

    /// <summary>Writes the traditional DSAPrivateKey.</summary>
    /// <param name="writer">The destination.</param>
    public void EncodeTraditional(DerWriter writer)
    {
        using (writer.PushSequence())
        {
            writer.WriteInteger(0);
            writer.WriteIntegerUnsigned(Parameters.P.Span);
            writer.WriteIntegerUnsigned(Parameters.Q.Span);
            writer.WriteIntegerUnsigned(Parameters.G.Span);
            writer.WriteIntegerUnsigned(Y.Span);
            writer.WriteIntegerUnsigned(_x);
        }
    }

    internal static DsaPrivateKey DecodePkcs8Key(AlgorithmIdentifier algorithm, ReadOnlySpan<byte> privateKey)
    {
        DsaDomainParameters parameters = DsaDomainParameters.FromAlgorithm(algorithm);
        var reader = new DerReader(privateKey);
        ReadOnlySpan<byte> x = reader.ReadUnsignedIntegerBytes();
        reader.ExpectEmpty();
        return new DsaPrivateKey(parameters, x);
    }

    internal override void WritePkcs8AlgorithmIdentifier(DerWriter writer) => Parameters.WriteAlgorithmIdentifier(writer);

    internal override void WritePkcs8PrivateKey(DerWriter writer) => writer.WriteIntegerUnsigned(_x);

    internal override void WriteTraditional(DerWriter writer) => EncodeTraditional(writer);
}
