using ManagedTls.Asn1;

namespace ManagedTls.Keys;

/// <summary>An EC public key: a named curve and a point on it, held uncompressed (0x04 || X || Y).</summary>
public sealed class EcPublicKey : PublicKey
{
    private readonly byte[] _point;

    private byte[]? _identity;

    /// <summary>
    /// Creates the key from an encoded point (SEC1 §2.3.3): uncompressed, or compressed (decompressed here). The
    /// form is remembered and used when the key is written, as OpenSSL does.
    /// </summary>
    /// <param name="curve">The named curve.</param>
    /// <param name="point">0x04 || X || Y, or 0x02/0x03 || X.</param>
    /// <exception cref="KeyFormatException">The encoding has the wrong length or form, or the point is not on the curve.</exception>
    public EcPublicKey(EcNamedCurve curve, ReadOnlySpan<byte> point)
    {
        ArgumentNullException.ThrowIfNull(curve);
        Curve = curve;
        _point = DecodePoint(curve, point);
        PointFormat = point[0] == 0x04 ? EcPointFormat.Uncompressed : EcPointFormat.Compressed;
    }

    private EcPublicKey(EcNamedCurve curve, byte[] uncompressed, EcPointFormat format)
    {
        Curve = curve;
        _point = uncompressed;
        PointFormat = format;
    }

    /// <inheritdoc/>
    public override KeyAlgorithm Algorithm => KeyAlgorithm.Ec;

    /// <summary>The bit length of the curve order (256 for P-256, 521 for P-521), as OpenSSL reports.</summary>
    public override int Bits => Curve.OrderBits;

    /// <summary>The named curve.</summary>
    public EcNamedCurve Curve { get; }

    /// <summary>The point, uncompressed: 0x04 || X || Y, each coordinate <see cref="EcNamedCurve.FieldSize"/> bytes.</summary>
    public ReadOnlyMemory<byte> Point => _point;

    /// <summary>The X coordinate.</summary>
    public ReadOnlyMemory<byte> X => _point.AsMemory(1, Curve.FieldSize);

    /// <summary>The Y coordinate.</summary>
    public ReadOnlyMemory<byte> Y => _point.AsMemory(1 + Curve.FieldSize, Curve.FieldSize);

    /// <summary>The form the point is written in (the form it was read in, by default uncompressed).</summary>
    public EcPointFormat PointFormat { get; }

    /// <summary>The point as written: <see cref="Point"/>, or 0x02/0x03 || X when <see cref="PointFormat"/> is compressed.</summary>
    public ReadOnlyMemory<byte> EncodedPoint => PointFormat == EcPointFormat.Uncompressed ? _point : Compress();

    /// <summary>Compressed and uncompressed encodings of one point are the same key.</summary>
    internal override byte[] IdentityEncoding =>
        PointFormat == EcPointFormat.Uncompressed ? CanonicalEncoding : _identity ??= WithPointFormat(EcPointFormat.Uncompressed).CanonicalEncoding;

    /// <summary>Returns the same key written in another point form (<c>openssl ec -conv_form</c>).</summary>
    /// <param name="format">The form.</param>
    /// <returns>The key.</returns>
    public EcPublicKey WithPointFormat(EcPointFormat format) => format == PointFormat ? this : new(Curve, _point, format);

    /// <summary>
    /// Reads ECParameters (RFC 5480 §2.1.1) and returns the named curve. Explicit parameters are rejected.
    /// </summary>
    /// <param name="reader">Positioned at the parameters.</param>
    /// <returns>The curve.</returns>
    /// <exception cref="DecodeException">Malformed DER.</exception>
    /// <exception cref="KeyFormatException">Explicit or implicit parameters, or an unsupported curve.</exception>
    public static EcNamedCurve DecodeCurve(ref DerReader reader)
    {
        Asn1Tag tag = reader.PeekTag();
        if (tag == Asn1Tag.Sequence)
        {
            reader.ReadEncodedValue();
            throw new KeyFormatException(
                KeyFormatError.ExplicitCurveParameters,
                "EC key uses explicit curve parameters (SpecifiedECDomain); only named curves are accepted (RFC 5480 §2.1.1)");
        }

        if (tag != Asn1Tag.ObjectIdentifier)
        {
            throw new KeyFormatException(KeyFormatError.InvalidParameters, "EC parameters must be a named curve OID (implicitCurve and other forms are not accepted, RFC 5480 §2.1.1)");
        }

        string oid = reader.ReadObjectIdentifier();
        return EcNamedCurve.TryGetByOid(oid, out EcNamedCurve? curve)
            ? curve
            : throw new KeyFormatException(KeyFormatError.UnsupportedCurve, $"unsupported EC curve {oid}");
    }

    internal static EcNamedCurve CurveFromAlgorithm(AlgorithmIdentifier algorithm)
    {
        if (!algorithm.HasParameters)
        {
            throw new KeyFormatException(KeyFormatError.InvalidParameters, "id-ecPublicKey without curve parameters (RFC 5480 §2.1.1)");
        }

        var reader = new DerReader(algorithm.Parameters);
        EcNamedCurve curve = DecodeCurve(ref reader);
        reader.ExpectEmpty();
        return curve;
    }

    internal static EcPublicKey DecodeSpkiKey(AlgorithmIdentifier algorithm, ReadOnlySpan<byte> key) =>
        new(CurveFromAlgorithm(algorithm), key);

    internal static void WriteAlgorithmIdentifier(DerWriter writer, EcNamedCurve curve)
    {
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier(KeyOids.EcPublicKey);
            writer.WriteObjectIdentifier(curve.Oid);
        }
    }

    private protected override void WriteAlgorithmIdentifier(DerWriter writer) => WriteAlgorithmIdentifier(writer, Curve);

    private protected override void WriteSubjectPublicKey(DerWriter writer) => writer.WriteBitString(EncodedPoint.Span);

    private byte[] Compress()
    {
        byte[] compressed = new byte[1 + Curve.FieldSize];
        compressed[0] = (byte)(0x02 | (_point[^1] & 1));
        _point.AsSpan(1, Curve.FieldSize).CopyTo(compressed.AsSpan(1));
        return compressed;
    }

    private static byte[] DecodePoint(EcNamedCurve curve, ReadOnlySpan<byte> point)
    {
        int size = curve.FieldSize;
        byte[] result = new byte[curve.UncompressedPointSize];
        result[0] = 0x04;
        if (point.Length == result.Length && point[0] == 0x04)
        {
            point.CopyTo(result);
        }
        else if (point.Length == 1 + size && point[0] is 0x02 or 0x03)
        {
            point[1..].CopyTo(result.AsSpan(1));
            if (!curve.TryDecompress(point[1..], point[0] == 0x03, result.AsSpan(1 + size)))
            {
                throw new KeyFormatException(KeyFormatError.InvalidKey, $"compressed EC point has no square root on {curve.Name}: not on the curve");
            }

            return result;
        }
        else
        {
            throw new KeyFormatException(KeyFormatError.InvalidKeyLength, $"EC point encoding of {point.Length} bytes is neither uncompressed ({result.Length}) nor compressed ({1 + size}) for {curve.Name} (SEC1 §2.3.4)");
        }

        // SEC1 §3.2.2.1 partial public-key validation: coordinates in range and y² = x³ + ax + b.
        if (!curve.IsOnCurve(result.AsSpan(1, size), result.AsSpan(1 + size)))
        {
            throw new KeyFormatException(KeyFormatError.InvalidKey, $"EC point is not on {curve.Name}");
        }

        return result;
    }
}
