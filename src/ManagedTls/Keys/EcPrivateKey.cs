using System.Numerics;
using ManagedTls.Asn1;

namespace ManagedTls.Keys;

/// <summary>An EC private key on a named curve: the scalar d and, when known, the public point.</summary>
public sealed class EcPrivateKey : PrivateKey
{
    private readonly byte[] _scalar;
    private EcPublicKey? _publicKey;

    /// <summary>Creates the key.</summary>
    /// <param name="curve">The named curve.</param>
    /// <param name="scalar">d, big-endian unsigned, at most <see cref="EcNamedCurve.OrderSize"/> significant bytes.</param>
    /// <param name="publicPoint">The encoded public point, or empty to derive it on demand (needs the crypto provider).</param>
    /// <exception cref="KeyFormatException">d is not in [1, n − 1], or the point is invalid.</exception>
    public EcPrivateKey(EcNamedCurve curve, ReadOnlySpan<byte> scalar, ReadOnlySpan<byte> publicPoint = default)
    {
        ArgumentNullException.ThrowIfNull(curve);
        Curve = curve;
        if (!Magnitude.TryPad(scalar, curve.OrderSize, out _scalar))
        {
            throw new KeyFormatException(KeyFormatError.InvalidKeyLength, $"EC private key longer than {curve.OrderSize} bytes for {curve.Name} (RFC 5915 §3)");
        }

        BigInteger d = Magnitude.ToBigInteger(_scalar);
        if (d.IsZero || d >= curve.Order)
        {
            throw new KeyFormatException(KeyFormatError.InvalidKey, $"EC private key is not in [1, n-1] for {curve.Name} (SEC1 §3.2.1)");
        }

        if (!publicPoint.IsEmpty)
        {
            _publicKey = new EcPublicKey(curve, publicPoint);
        }
    }

    /// <inheritdoc/>
    public override KeyAlgorithm Algorithm => KeyAlgorithm.Ec;

    /// <summary>The bit length of the curve order.</summary>
    public override int Bits => Curve.OrderBits;

    /// <summary>The named curve.</summary>
    public EcNamedCurve Curve { get; }

    /// <summary>d, big-endian, exactly <see cref="EcNamedCurve.OrderSize"/> bytes (as SEC1 and OpenSSL write it).</summary>
    public ReadOnlyMemory<byte> Scalar => _scalar;

    /// <summary>The public key; derived through the crypto provider when the encoding lacked it.</summary>
    /// <exception cref="NotSupportedException">The point was absent and no provider offers curve arithmetic.</exception>
    public override EcPublicKey PublicKey => TryGetPublicKey() ?? throw KeyMath.Unavailable($"EC ({Curve.Name})");

    internal override string? TraditionalPemLabel => "EC PRIVATE KEY";

    /// <summary>The public key when stored or derivable; null otherwise.</summary>
    /// <returns>The public key or null.</returns>
    public EcPublicKey? TryGetPublicKey()
    {
        if (_publicKey is null && KeyMath.TryDeriveEcPublicPoint(Curve, _scalar) is byte[] point)
        {
            _publicKey = new EcPublicKey(Curve, point);
        }

        return _publicKey;
    }

    /// <summary>
    /// Reads a SEC1 ECPrivateKey (RFC 5915 §3). Without <paramref name="outerCurve"/> the [0] parameters are required;
    /// with it (inside PKCS#8) they are optional and, when present, must agree.
    /// </summary>
    /// <param name="reader">Positioned at the SEQUENCE.</param>
    /// <param name="outerCurve">The curve named by an enclosing PKCS#8 AlgorithmIdentifier, or null.</param>
    /// <returns>The key.</returns>
    /// <exception cref="DecodeException">Malformed DER.</exception>
    /// <exception cref="KeyFormatException">Wrong version, missing or explicit parameters, or an invalid key.</exception>
    public static EcPrivateKey DecodeSec1(ref DerReader reader, EcNamedCurve? outerCurve = null)
    {
        DerReader sequence = reader.ReadSequence();
        int version = sequence.ReadInt32();
        if (version != 1)
        {
            throw new KeyFormatException(KeyFormatError.UnsupportedVersion, $"ECPrivateKey version {version} is not ecPrivkeyVer1 (1) (RFC 5915 §3)");
        }

        ReadOnlySpan<byte> scalar = sequence.ReadOctetString();
        EcNamedCurve? curve = outerCurve;
        if (sequence.TryReadExplicit(0, out DerReader parameters))
        {
            EcNamedCurve inner = EcPublicKey.DecodeCurve(ref parameters);
            parameters.ExpectEmpty();
            if (outerCurve is not null && !ReferenceEquals(inner, outerCurve))
            {
                throw new KeyFormatException(KeyFormatError.Inconsistent, $"ECPrivateKey names {inner.Name} but its PKCS#8 AlgorithmIdentifier names {outerCurve.Name}");
            }

            curve = inner;
        }

        ReadOnlySpan<byte> point = default;
        if (sequence.TryReadExplicit(1, out DerReader publicKey))
        {
            point = publicKey.ReadBitString(out int unusedBits);
            publicKey.ExpectEmpty();
            if (unusedBits != 0 || point.IsEmpty)
            {
                throw new KeyFormatException(KeyFormatError.InvalidKey, "ECPrivateKey publicKey BIT STRING is empty or has unused bits");
            }
        }

        sequence.ExpectEmpty();
        if (curve is null)
        {
            throw new KeyFormatException(KeyFormatError.InvalidParameters, "ECPrivateKey without curve parameters (RFC 5915 §3 requires them outside PKCS#8)");
        }

        return new EcPrivateKey(curve, scalar, point);
    }

    /// <summary>Writes SEC1 ECPrivateKey as OpenSSL does: version 1, d, [0] named curve (unless omitted), [1] public point.</summary>
    /// <param name="writer">The destination.</param>
    /// <param name="includeParameters">Whether to write [0] (OpenSSL omits it inside PKCS#8).</param>
    /// <remarks>[1] is written when the point is known or derivable; without a provider and without a stored point it is omitted.</remarks>
    public void EncodeSec1(DerWriter writer, bool includeParameters = true)
    {
        EcPublicKey? publicKey = TryGetPublicKey();
        using (writer.PushSequence())
        {
            writer.WriteInteger(1);
            writer.WriteOctetString(_scalar);
            if (includeParameters)
            {
                using (writer.PushExplicit(0))
                {
                    writer.WriteObjectIdentifier(Curve.Oid);
                }
            }

            if (publicKey is not null)
            {
                using (writer.PushExplicit(1))
                {
                    writer.WriteBitString(publicKey.EncodedPoint.Span);
                }
            }
        }
    }

    internal static EcPrivateKey DecodePkcs8Key(AlgorithmIdentifier algorithm, ReadOnlySpan<byte> privateKey, ReadOnlySpan<byte> outerPublicKey)
    {
        EcNamedCurve curve = EcPublicKey.CurveFromAlgorithm(algorithm);
        var reader = new DerReader(privateKey);
        EcPrivateKey key = DecodeSec1(ref reader, curve);
        reader.ExpectEmpty();
        if (outerPublicKey.IsEmpty)
        {
            return key;
        }

        // RFC 5958 v2 publicKey: use it when SEC1 lacked one; otherwise the two must agree.
        var outer = new EcPublicKey(curve, outerPublicKey);
        if (key._publicKey is null)
        {
            return new EcPrivateKey(curve, key._scalar, outer.EncodedPoint.Span);
        }

        return key._publicKey.Equals(outer)
            ? key
            : throw new KeyFormatException(KeyFormatError.Inconsistent, "OneAsymmetricKey publicKey differs from the ECPrivateKey publicKey");
    }

    internal override void WritePkcs8AlgorithmIdentifier(DerWriter writer) => EcPublicKey.WriteAlgorithmIdentifier(writer, Curve);

    internal override void WritePkcs8PrivateKey(DerWriter writer) => EncodeSec1(writer, includeParameters: false);

    internal override void WriteTraditional(DerWriter writer) => EncodeSec1(writer);
}
