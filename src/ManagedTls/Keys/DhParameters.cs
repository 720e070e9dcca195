using System.Text;
using ManagedTls.Asn1;
using ManagedTls.Crypto;
using ManagedTls.Pem;

namespace ManagedTls.Keys;

/// <summary>
/// Finite-field Diffie-Hellman domain parameters: PKCS#3 DHParameter (<c>-----BEGIN DH PARAMETERS-----</c>, as
/// <c>openssl dhparam</c> and <c>openssl genpkey -genparam -algorithm DH</c> write them) and the RFC 7919 groups.
/// Immutable.
/// </summary>
/// <remarks>
/// PKCS#3 §9: <c>DHParameter ::= SEQUENCE { prime INTEGER, base INTEGER, privateValueLength INTEGER OPTIONAL }</c>.
/// X9.42 parameters (<c>X9.42 DH PARAMETERS</c>, with q) are not read.
/// </remarks>
public sealed class DhParameters
{
    private readonly byte[] _prime;
    private readonly byte[] _generator;

    /// <summary>Creates parameters from p and g.</summary>
    /// <param name="prime">p, big-endian unsigned (leading zeros ignored).</param>
    /// <param name="generator">g, big-endian unsigned.</param>
    /// <param name="privateValueLength">PKCS#3 privateValueLength in bits, or null.</param>
    /// <exception cref="KeyFormatException">
    /// <see cref="KeyFormatError.InvalidParameters"/>: p even or shorter than 512 bits, or g not in [2, p-2].
    /// </exception>
    public DhParameters(ReadOnlySpan<byte> prime, ReadOnlySpan<byte> generator, int? privateValueLength = null)
    {
        _prime = Trim(prime).ToArray();
        _generator = Trim(generator).ToArray();
        PrivateValueLength = privateValueLength;
        if (Magnitude.BitLength(_prime) < 512 || (_prime[^1] & 1) == 0)
        {
            throw new KeyFormatException(KeyFormatError.InvalidParameters, $"DH prime must be odd and at least 512 bits (got {Magnitude.BitLength(_prime)})");
        }

        // g in [2, p-2]: one byte of 0 or 1 is too small; g >= p-1 is caught by comparing magnitudes.
        bool tooSmall = _generator.Length == 0 || (_generator.Length == 1 && _generator[0] < 2);
        bool tooLarge = _generator.Length > _prime.Length || (_generator.Length == _prime.Length && CompareToPrimeMinusOne(_generator) >= 0);
        if (tooSmall || tooLarge || (privateValueLength is { } length && (length < 1 || length >= Magnitude.BitLength(_prime))))
        {
            throw new KeyFormatException(KeyFormatError.InvalidParameters, "DH generator must be in [2, p-2] and privateValueLength below the size of p (PKCS#3 §9)");
        }

        NamedGroup = FfdheGroups.Identify(_prime, _generator);
    }

    /// <summary>RFC 7919 ffdhe2048.</summary>
    public static DhParameters Ffdhe2048 { get; } = FromGroup(KeyAgreementAlgorithmId.Ffdhe2048);

    /// <summary>RFC 7919 ffdhe3072.</summary>
    public static DhParameters Ffdhe3072 { get; } = FromGroup(KeyAgreementAlgorithmId.Ffdhe3072);

    /// <summary>RFC 7919 ffdhe4096.</summary>
    public static DhParameters Ffdhe4096 { get; } = FromGroup(KeyAgreementAlgorithmId.Ffdhe4096);

    /// <summary>RFC 7919 ffdhe6144.</summary>
    public static DhParameters Ffdhe6144 { get; } = FromGroup(KeyAgreementAlgorithmId.Ffdhe6144);

    /// <summary>RFC 7919 ffdhe8192.</summary>
    public static DhParameters Ffdhe8192 { get; } = FromGroup(KeyAgreementAlgorithmId.Ffdhe8192);

    /// <summary>p, big-endian without leading zeros.</summary>
    public ReadOnlyMemory<byte> Prime => _prime;

    /// <summary>g, big-endian without leading zeros.</summary>
    public ReadOnlyMemory<byte> Generator => _generator;

    /// <summary>The size of p in bits.</summary>
    public int Bits => Magnitude.BitLength(_prime);

    /// <summary>PKCS#3 privateValueLength in bits, when the encoding carried it.</summary>
    public int? PrivateValueLength { get; }

    /// <summary>The RFC 7919 group these parameters are, or null for other parameters.</summary>
    public KeyAgreementAlgorithmId? NamedGroup { get; }

    /// <summary>Reads a PKCS#3 DHParameter.</summary>
    /// <param name="reader">Positioned at the SEQUENCE.</param>
    /// <returns>The parameters.</returns>
    /// <exception cref="DecodeException">Malformed DER.</exception>
    /// <exception cref="KeyFormatException">Out-of-range values.</exception>
    public static DhParameters Decode(ref DerReader reader)
    {
        DerReader sequence = reader.ReadSequence();
        ReadOnlySpan<byte> p = sequence.ReadUnsignedIntegerBytes();
        ReadOnlySpan<byte> g = sequence.ReadUnsignedIntegerBytes();
        int? length = sequence.HasData ? sequence.ReadInt32() : null;
        sequence.ExpectEmpty();
        return new DhParameters(p, g, length);
    }

    /// <summary>Reads the first <c>DH PARAMETERS</c> block of a PEM text or the DER of a DHParameter.</summary>
    /// <param name="data">PEM text or DER.</param>
    /// <returns>The parameters.</returns>
    /// <exception cref="KeyFormatException">
    /// <see cref="KeyFormatError.NoKeyFound"/> (no DH PARAMETERS block), <see cref="KeyFormatError.MalformedDer"/> or
    /// <see cref="KeyFormatError.InvalidParameters"/>.
    /// </exception>
    public static DhParameters Load(ReadOnlySpan<byte> data)
    {
        ReadOnlySpan<byte> der = data;
        if (data.IndexOf("-----BEGIN"u8) >= 0)
        {
            if (!PemReader.TryFind(data, out PemBlock? block, PemLabels.DhParameters))
            {
                throw new KeyFormatException(KeyFormatError.NoKeyFound, "no \"DH PARAMETERS\" PEM block (X9.42 parameters are not supported)");
            }

            der = block.Data.Span;
        }

        try
        {
            var reader = new DerReader(der);
            DhParameters parameters = Decode(ref reader);
            reader.ExpectEmpty();
            return parameters;
        }
        catch (DecodeException e)
        {
            throw new KeyFormatException(KeyFormatError.MalformedDer, $"malformed PKCS#3 DHParameter: {e.Message}", e);
        }
    }

    /// <summary>Reads PEM text (see <see cref="Load(ReadOnlySpan{byte})"/>).</summary>
    /// <param name="pem">The PEM text.</param>
    /// <returns>The parameters.</returns>
    /// <exception cref="KeyFormatException">As for <see cref="Load(ReadOnlySpan{byte})"/>.</exception>
    public static DhParameters Load(string pem)
    {
        ArgumentNullException.ThrowIfNull(pem);
        return Load(Encoding.ASCII.GetBytes(pem));
    }

    /// <summary>Writes the PKCS#3 DHParameter DER.</summary>
    /// <param name="writer">The destination.</param>
    public void Encode(DerWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        using (writer.PushSequence())
        {
            writer.WriteIntegerUnsigned(_prime);
            writer.WriteIntegerUnsigned(_generator);
            if (PrivateValueLength is { } length)
            {
                writer.WriteInteger(length);
            }
        }
    }

    /// <summary>The PEM text, as <c>openssl dhparam</c> writes it.</summary>
    /// <returns>The PEM text.</returns>
    public string ToPem()
    {
        using var writer = new DerWriter();
        Encode(writer);
        return Encoding.ASCII.GetString(PemWriter.Write(PemLabels.DhParameters, writer.ToArray()));
    }

    private static DhParameters FromGroup(KeyAgreementAlgorithmId group) =>
        new(FfdheGroups.Prime(group).Span, FfdheGroups.Generator.Span);

    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> value)
    {
        int i = 0;
        while (i < value.Length - 1 && value[i] == 0)
        {
            i++;
        }

        return value[i..];
    }

    private int CompareToPrimeMinusOne(ReadOnlySpan<byte> value)
    {
        // p is odd, so p-1 differs from p only in its last byte.
        for (int i = 0; i < _prime.Length; i++)
        {
            int pm1 = i == _prime.Length - 1 ? _prime[i] - 1 : _prime[i];
            if (value[i] != pm1)
            {
                return value[i] < pm1 ? -1 : 1;
            }
        }

        return 0;
    }
}
