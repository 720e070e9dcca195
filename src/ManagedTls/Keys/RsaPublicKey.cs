using ManagedTls.Asn1;

namespace ManagedTls.Keys;

/// <summary>An RSA public key (n, e), optionally restricted to RSASSA-PSS (<see cref="KeyAlgorithm.RsaPss"/>).</summary>
public sealed class RsaPublicKey : PublicKey
{
    /// <summary>The largest modulus accepted, as OpenSSL's OPENSSL_RSA_MAX_MODULUS_BITS.</summary>
    public const int MaxModulusBits = 16384;

    private readonly byte[] _modulus;
    private readonly byte[] _exponent;
    private readonly bool _isPss;

    /// <summary>Creates an <see cref="KeyAlgorithm.Rsa"/> public key.</summary>
    /// <param name="modulus">n, big-endian unsigned.</param>
    /// <param name="exponent">e, big-endian unsigned.</param>
    /// <exception cref="KeyFormatException">The modulus is even or zero, or the exponent is even, zero or one.</exception>
    public RsaPublicKey(ReadOnlySpan<byte> modulus, ReadOnlySpan<byte> exponent)
        : this(Magnitude.Minimal(modulus), Magnitude.Minimal(exponent), isPss: false, pssParameters: null)
    {
    }

    private RsaPublicKey(byte[] modulus, byte[] exponent, bool isPss, RsaPssParameters? pssParameters)
    {
        // RFC 8017 §3.1: n is a product of odd primes; e is odd (coprime to λ(n)) and at least 3.
        if (!Magnitude.IsOdd(modulus) || Magnitude.BitLength(modulus) < 2)
        {
            throw new KeyFormatException(KeyFormatError.InvalidKey, "RSA modulus is even or too small (RFC 8017 §3.1)");
        }

        if (Magnitude.BitLength(modulus) > MaxModulusBits)
        {
            throw new KeyFormatException(KeyFormatError.InvalidKey, $"RSA modulus larger than {MaxModulusBits} bits (OpenSSL's OPENSSL_RSA_MAX_MODULUS_BITS)");
        }

        if (!Magnitude.IsOdd(exponent) || Magnitude.BitLength(exponent) < 2)
        {
            throw new KeyFormatException(KeyFormatError.InvalidKey, "RSA public exponent must be odd and at least 3 (RFC 8017 §3.1)");
        }

        _modulus = modulus;
        _exponent = exponent;
        _isPss = isPss;
        PssParameters = pssParameters;
    }

    /// <inheritdoc/>
    public override KeyAlgorithm Algorithm => _isPss ? KeyAlgorithm.RsaPss : KeyAlgorithm.Rsa;

    /// <summary>The modulus bit length.</summary>
    public override int Bits => Magnitude.BitLength(_modulus);

    /// <summary>n, big-endian unsigned, minimal.</summary>
    public ReadOnlyMemory<byte> Modulus => _modulus;

    /// <summary>e, big-endian unsigned, minimal.</summary>
    public ReadOnlyMemory<byte> Exponent => _exponent;

    /// <summary>For an RSA-PSS key, the restrictions carried in its AlgorithmIdentifier; null when absent or not PSS.</summary>
    public RsaPssParameters? PssParameters { get; }

    /// <summary>Returns the same key as an <see cref="KeyAlgorithm.RsaPss"/> key with optional restrictions.</summary>
    /// <param name="parameters">The PSS restrictions, or null for an unrestricted RSA-PSS key.</param>
    /// <returns>The RSA-PSS key.</returns>
    public RsaPublicKey AsPss(RsaPssParameters? parameters) => new(_modulus, _exponent, isPss: true, parameters);

    /// <summary>Reads a PKCS#1 RSAPublicKey (RFC 8017 §A.1.1).</summary>
    /// <param name="reader">Positioned at the SEQUENCE.</param>
    /// <returns>The key.</returns>
    /// <exception cref="DecodeException">Malformed DER.</exception>
    /// <exception cref="KeyFormatException">Invalid modulus or exponent.</exception>
    public static RsaPublicKey DecodePkcs1(ref DerReader reader)
    {
        DerReader sequence = reader.ReadSequence();
        byte[] modulus = sequence.ReadUnsignedIntegerBytes().ToArray();
        byte[] exponent = sequence.ReadUnsignedIntegerBytes().ToArray();
        sequence.ExpectEmpty();
        return new RsaPublicKey(modulus, exponent, isPss: false, pssParameters: null);
    }

    /// <summary>Writes the PKCS#1 RSAPublicKey.</summary>
    /// <param name="writer">The destination.</param>
    public void EncodePkcs1(DerWriter writer)
    {
        using (writer.PushSequence())
        {
            writer.WriteIntegerUnsigned(_modulus);
            writer.WriteIntegerUnsigned(_exponent);
        }
    }

    internal static RsaPublicKey DecodeSpkiKey(AlgorithmIdentifier algorithm, ReadOnlySpan<byte> key)
    {
        var reader = new DerReader(key);
        RsaPublicKey pkcs1 = DecodePkcs1(ref reader);
        reader.ExpectEmpty();
        if (algorithm.Oid == KeyOids.RsaEncryption)
        {
            algorithm.ExpectNullOrAbsentParameters();
            return pkcs1;
        }

        return pkcs1.AsPss(DecodePssParameters(algorithm));
    }

    /// <summary>RFC 4055 §3.1: id-RSASSA-PSS parameters are absent (unrestricted) or RSASSA-PSS-params.</summary>
    internal static RsaPssParameters? DecodePssParameters(AlgorithmIdentifier algorithm)
    {
        if (!algorithm.HasParameters)
        {
            return null;
        }

        var reader = new DerReader(algorithm.Parameters);
        RsaPssParameters parameters = RsaPssParameters.Decode(ref reader);
        reader.ExpectEmpty();
        return parameters;
    }

    internal static void WriteAlgorithmIdentifier(DerWriter writer, bool isPss, RsaPssParameters? parameters)
    {
        if (!isPss)
        {
            // RFC 3279 §2.3.1: rsaEncryption with NULL parameters.
            AlgorithmIdentifier.Write(writer, KeyOids.RsaEncryption, nullParameters: true);
            return;
        }

        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier(KeyOids.RsassaPss);
            parameters?.Encode(writer);
        }
    }

    private protected override void WriteAlgorithmIdentifier(DerWriter writer) => WriteAlgorithmIdentifier(writer, _isPss, PssParameters);

    private protected override void WriteSubjectPublicKey(DerWriter writer)
    {
        using (writer.PushBitString())
        {
            EncodePkcs1(writer);
        }
    }
}
