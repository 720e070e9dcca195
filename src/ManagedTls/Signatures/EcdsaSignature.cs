using System.Collections.Frozen;
using ManagedTls.Asn1;
using ManagedTls.Keys;

namespace ManagedTls.Signatures;

/// <summary>
/// An ECDSA (or DSA) signature (r, s): the strict DER codec for <c>ECDSA-Sig-Value</c> / <c>Dss-Sig-Value</c>
/// (<c>SEQUENCE { r INTEGER, s INTEGER }</c>, RFC 3279 §2.2.2/§2.2.3) and conversion to and from IEEE P1363
/// (<c>r || s</c>). Immutable.
/// </summary>
/// <remarks>
/// Decoding is strict DER and range-checked, so one signature has exactly one accepted encoding (no malleability):
/// no BER (indefinite or non-minimal lengths), no non-minimal or negative INTEGERs, no trailing bytes inside or after
/// the SEQUENCE, and 0 &lt; r, s &lt; n where n is the group order (SEC 1 §4.1.4 step 1; FIPS 186-4 §4.7 for DSA's q).
/// This supersedes the test-only strict reader in <c>tests/ManagedTls.Tests/Crypto/DerSignatureVectorTests.cs</c>.
/// </remarks>
public sealed class EcdsaSignature
{
    private static readonly FrozenDictionary<EcNamedCurve, byte[]> s_orders =
        EcNamedCurve.All.ToFrozenDictionary(curve => curve, curve => Magnitude.FromBigInteger(curve.Order));

    private readonly byte[] _r;
    private readonly byte[] _s;

    private EcdsaSignature(byte[] r, byte[] s)
    {
        _r = r;
        _s = s;
    }

    /// <summary>r as a minimal big-endian magnitude (no leading zero octets).</summary>
    public ReadOnlyMemory<byte> R => _r;

    /// <summary>s as a minimal big-endian magnitude.</summary>
    public ReadOnlyMemory<byte> S => _s;

    /// <summary>Decodes a DER ECDSA signature for a key on <paramref name="curve"/>.</summary>
    /// <param name="der">The signature; it must be exactly one DER SEQUENCE.</param>
    /// <param name="curve">The key's curve, whose order bounds r and s.</param>
    /// <returns>The signature.</returns>
    /// <exception cref="SignatureException"><see cref="SignatureError.MalformedSignature"/> or <see cref="SignatureError.SignatureOutOfRange"/>.</exception>
    public static EcdsaSignature DecodeDer(ReadOnlySpan<byte> der, EcNamedCurve curve)
    {
        ArgumentNullException.ThrowIfNull(curve);
        return DecodeDer(der, OrderOf(curve));
    }

    /// <summary>Decodes a DER DSA signature for a key with these domain parameters.</summary>
    /// <param name="der">The signature; it must be exactly one DER SEQUENCE.</param>
    /// <param name="domain">The domain, whose q bounds r and s.</param>
    /// <returns>The signature.</returns>
    /// <exception cref="SignatureException"><see cref="SignatureError.MalformedSignature"/> or <see cref="SignatureError.SignatureOutOfRange"/>.</exception>
    public static EcdsaSignature DecodeDer(ReadOnlySpan<byte> der, DsaDomainParameters domain)
    {
        ArgumentNullException.ThrowIfNull(domain);
        return DecodeDer(der, domain.Q.Span);
    }

    /// <summary>Decodes an IEEE P1363 signature (<c>r || s</c>, each as long as the order) for a key on <paramref name="curve"/>.</summary>
    /// <param name="p1363">The signature.</param>
    /// <param name="curve">The key's curve.</param>
    /// <returns>The signature.</returns>
    /// <exception cref="SignatureException"><see cref="SignatureError.MalformedSignature"/> (wrong length) or <see cref="SignatureError.SignatureOutOfRange"/>.</exception>
    public static EcdsaSignature DecodeP1363(ReadOnlySpan<byte> p1363, EcNamedCurve curve)
    {
        ArgumentNullException.ThrowIfNull(curve);
        return DecodeP1363(p1363, OrderOf(curve));
    }

    /// <summary>Decodes a fixed-width DSA signature (<c>r || s</c>, each as long as q) for a key with these domain parameters.</summary>
    /// <param name="p1363">The signature.</param>
    /// <param name="domain">The domain, whose q bounds r and s.</param>
    /// <returns>The signature.</returns>
    /// <exception cref="SignatureException"><see cref="SignatureError.MalformedSignature"/> (wrong length) or <see cref="SignatureError.SignatureOutOfRange"/>.</exception>
    public static EcdsaSignature DecodeP1363(ReadOnlySpan<byte> p1363, DsaDomainParameters domain)
    {
        ArgumentNullException.ThrowIfNull(domain);
        return DecodeP1363(p1363, domain.Q.Span);
    }

    /// <summary>Converts a DER signature to IEEE P1363 for <paramref name="curve"/>, with the checks of <see cref="DecodeDer(ReadOnlySpan{byte}, EcNamedCurve)"/>.</summary>
    /// <param name="der">The DER signature.</param>
    /// <param name="curve">The key's curve.</param>
    /// <returns><c>r || s</c>, each <see cref="EcNamedCurve.OrderSize"/> bytes.</returns>
    /// <exception cref="SignatureException">The DER is malformed or out of range.</exception>
    public static byte[] DerToP1363(ReadOnlySpan<byte> der, EcNamedCurve curve) => DecodeDer(der, curve).ToP1363(curve.OrderSize);

    /// <summary>Converts an IEEE P1363 signature to DER, with the checks of <see cref="DecodeP1363(ReadOnlySpan{byte}, EcNamedCurve)"/>.</summary>
    /// <param name="p1363">The fixed-width signature.</param>
    /// <param name="curve">The key's curve.</param>
    /// <returns>The DER signature.</returns>
    /// <exception cref="SignatureException">Wrong length or out of range.</exception>
    public static byte[] P1363ToDer(ReadOnlySpan<byte> p1363, EcNamedCurve curve) => DecodeP1363(p1363, curve).EncodeDer();

    /// <summary>Writes the DER <c>SEQUENCE { r INTEGER, s INTEGER }</c>.</summary>
    /// <param name="writer">The destination.</param>
    public void Encode(DerWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        WriteDer(writer, _r, _s);
    }

    /// <summary>Returns the DER encoding.</summary>
    /// <returns>The DER <c>SEQUENCE { r INTEGER, s INTEGER }</c>.</returns>
    public byte[] EncodeDer()
    {
        using var writer = new DerWriter();
        WriteDer(writer, _r, _s);
        return writer.ToArray();
    }

    /// <summary>Returns IEEE P1363 <c>r || s</c>.</summary>
    /// <param name="componentSize">The width of r and of s: the order's length in bytes (<see cref="EcNamedCurve.OrderSize"/>, or q's for DSA).</param>
    /// <returns>2 × <paramref name="componentSize"/> bytes.</returns>
    /// <exception cref="ArgumentOutOfRangeException">r or s does not fit <paramref name="componentSize"/>.</exception>
    public byte[] ToP1363(int componentSize)
    {
        if (_r.Length > componentSize || _s.Length > componentSize)
        {
            throw new ArgumentOutOfRangeException(nameof(componentSize), componentSize, "r or s is longer than the component size");
        }

        byte[] result = new byte[2 * componentSize];
        _r.CopyTo(result.AsSpan(componentSize - _r.Length));
        _s.CopyTo(result.AsSpan((2 * componentSize) - _s.Length));
        return result;
    }

    /// <summary>The order of <paramref name="curve"/> as a minimal big-endian magnitude.</summary>
    internal static ReadOnlySpan<byte> OrderOf(EcNamedCurve curve) => s_orders[curve];

    /// <summary>Strict DER to fixed width without exceptions: the verify path, where a bad encoding is just "false".</summary>
    /// <param name="der">The DER signature.</param>
    /// <param name="order">The group order (minimal magnitude).</param>
    /// <param name="destination">Exactly 2 × the order's byte length.</param>
    /// <returns>Null on success, else why the encoding was rejected.</returns>
    internal static SignatureError? TryDerToP1363(ReadOnlySpan<byte> der, ReadOnlySpan<byte> order, Span<byte> destination)
    {
        ReadOnlySpan<byte> r, s;
        try
        {
            var outer = new DerReader(der);
            DerReader sequence = outer.ReadSequence();
            outer.ExpectEmpty();
            r = sequence.ReadIntegerBytes();
            s = sequence.ReadIntegerBytes();
            sequence.ExpectEmpty();
        }
        catch (DecodeException)
        {
            return SignatureError.MalformedSignature;
        }

        // ReadIntegerBytes returns minimal two's complement: a leading 0x00 only before a high bit.
        if ((r[0] & 0x80) != 0 || (s[0] & 0x80) != 0)
        {
            return SignatureError.SignatureOutOfRange;
        }

        r = Trim(r);
        s = Trim(s);
        if (!InRange(r, order) || !InRange(s, order))
        {
            return SignatureError.SignatureOutOfRange;
        }

        int size = order.Length;
        destination.Clear();
        r.CopyTo(destination.Slice(size - r.Length, r.Length));
        s.CopyTo(destination.Slice((2 * size) - s.Length, s.Length));
        return null;
    }

    /// <summary>Checks a fixed-width signature: length 2 × the order's and 0 &lt; r, s &lt; n.</summary>
    internal static SignatureError? CheckP1363(ReadOnlySpan<byte> p1363, ReadOnlySpan<byte> order)
    {
        if (p1363.Length != 2 * order.Length)
        {
            return SignatureError.MalformedSignature;
        }

        int size = order.Length;
        return InRange(Trim(p1363[..size]), order) && InRange(Trim(p1363[size..]), order) ? null : SignatureError.SignatureOutOfRange;
    }

    /// <summary>Writes fixed-width <c>r || s</c> as DER.</summary>
    internal static byte[] FixedToDer(ReadOnlySpan<byte> p1363)
    {
        int size = p1363.Length / 2;
        using var writer = new DerWriter();
        WriteDer(writer, p1363[..size], p1363[size..]);
        return writer.ToArray();
    }

    private static EcdsaSignature DecodeP1363(ReadOnlySpan<byte> p1363, ReadOnlySpan<byte> order)
    {
        SignatureError? error = CheckP1363(p1363, order);
        if (error is not null)
        {
            throw Error(error.Value);
        }

        int size = p1363.Length / 2;
        return new EcdsaSignature(Magnitude.Minimal(p1363[..size]), Magnitude.Minimal(p1363[size..]));
    }

    private static EcdsaSignature DecodeDer(ReadOnlySpan<byte> der, ReadOnlySpan<byte> order)
    {
        byte[] fixedWidth = new byte[2 * order.Length];
        SignatureError? error = TryDerToP1363(der, order, fixedWidth);
        if (error is not null)
        {
            throw Error(error.Value);
        }

        return new EcdsaSignature(Magnitude.Minimal(fixedWidth.AsSpan(0, order.Length)), Magnitude.Minimal(fixedWidth.AsSpan(order.Length)));
    }

    private static void WriteDer(DerWriter writer, ReadOnlySpan<byte> r, ReadOnlySpan<byte> s)
    {
        using (writer.PushSequence())
        {
            writer.WriteIntegerUnsigned(r);
            writer.WriteIntegerUnsigned(s);
        }
    }

    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> value)
    {
        int first = value.IndexOfAnyExcept((byte)0);
        return first < 0 ? default : value[first..];
    }

    /// <summary>0 &lt; value &lt; order, both minimal magnitudes (empty is zero).</summary>
    private static bool InRange(ReadOnlySpan<byte> value, ReadOnlySpan<byte> order) =>
        !value.IsEmpty && (value.Length < order.Length || (value.Length == order.Length && value.SequenceCompareTo(order) < 0));

    private static SignatureException Error(SignatureError error) => error == SignatureError.MalformedSignature
        ? new SignatureException(error, "the signature is not a strict DER SEQUENCE { r INTEGER, s INTEGER } of the right size (RFC 3279 §2.2.2)")
        : new SignatureException(error, "r and s must satisfy 0 < r, s < n (SEC 1 §4.1.4, FIPS 186-4 §4.7)");
}
