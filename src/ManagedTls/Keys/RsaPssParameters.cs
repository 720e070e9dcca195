using ManagedTls.Asn1;

namespace ManagedTls.Keys;

/// <summary>
/// RSASSA-PSS-params (RFC 4055 §3.1) restricting an RSA-PSS key: the digest, the MGF1 digest, the minimum salt
/// length and the trailer field. The encoding read is kept and written back unchanged.
/// </summary>
public sealed class RsaPssParameters
{
    private const string Sha1 = KeyOids.Sha1;
    private readonly byte[] _encoded;

    private RsaPssParameters(string hashAlgorithm, string maskGenHashAlgorithm, int saltLength, int trailerField, byte[] encoded)
    {
        HashAlgorithm = hashAlgorithm;
        MaskGenHashAlgorithm = maskGenHashAlgorithm;
        SaltLength = saltLength;
        TrailerField = trailerField;
        _encoded = encoded;
    }

    /// <summary>The digest OID (default SHA-1, 1.3.14.3.2.26).</summary>
    public string HashAlgorithm { get; }

    /// <summary>The digest OID MGF1 uses (default SHA-1).</summary>
    public string MaskGenHashAlgorithm { get; }

    /// <summary>The salt length in bytes (default 20); for a key, the minimum allowed.</summary>
    public int SaltLength { get; }

    /// <summary>The trailer field (always 1, meaning 0xBC).</summary>
    public int TrailerField { get; }

    /// <summary>The DER encoding of the parameters SEQUENCE.</summary>
    public ReadOnlyMemory<byte> Encoded => _encoded;

    /// <summary>Builds parameters and their DER encoding (digest AlgorithmIdentifiers with NULL parameters, as OpenSSL writes them).</summary>
    /// <param name="hashAlgorithm">Digest OID.</param>
    /// <param name="maskGenHashAlgorithm">MGF1 digest OID.</param>
    /// <param name="saltLength">Salt length in bytes.</param>
    /// <returns>The parameters.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="saltLength"/> is negative.</exception>
    public static RsaPssParameters Create(string hashAlgorithm, string maskGenHashAlgorithm, int saltLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(saltLength);
        using var writer = new DerWriter();
        using (writer.PushSequence())
        {
            if (hashAlgorithm != Sha1)
            {
                using (writer.PushExplicit(0))
                {
                    AlgorithmIdentifier.Write(writer, hashAlgorithm, nullParameters: true);
                }
            }

            if (maskGenHashAlgorithm != Sha1)
            {
                using (writer.PushExplicit(1))
                using (writer.PushSequence())
                {
                    writer.WriteObjectIdentifier(KeyOids.Mgf1);
                    AlgorithmIdentifier.Write(writer, maskGenHashAlgorithm, nullParameters: true);
                }
            }

            if (saltLength != 20)
            {
                using (writer.PushExplicit(2))
                {
                    writer.WriteInteger(saltLength);
                }
            }
        }

        return new RsaPssParameters(hashAlgorithm, maskGenHashAlgorithm, saltLength, 1, writer.ToArray());
    }

    /// <summary>Reads RSASSA-PSS-params.</summary>
    /// <param name="reader">Positioned at the SEQUENCE.</param>
    /// <returns>The parameters, keeping the encoding read.</returns>
    /// <exception cref="DecodeException">Malformed DER.</exception>
    /// <exception cref="KeyFormatException">Unsupported mask generation function or out-of-range values.</exception>
    public static RsaPssParameters Decode(ref DerReader reader)
    {
        ReadOnlySpan<byte> encoded = reader.ReadEncodedValue();
        var outer = new DerReader(encoded);
        DerReader sequence = outer.ReadSequence();
        string hash = Sha1;
        string mgfHash = Sha1;
        int saltLength = 20;
        int trailer = 1;
        if (sequence.TryReadExplicit(0, out DerReader hashReader))
        {
            hash = AlgorithmIdentifier.Read(ref hashReader).Oid;
            hashReader.ExpectEmpty();
        }

        if (sequence.TryReadExplicit(1, out DerReader mgfReader))
        {
            AlgorithmIdentifier mgf = AlgorithmIdentifier.Read(ref mgfReader);
            mgfReader.ExpectEmpty();
            if (mgf.Oid != KeyOids.Mgf1)
            {
                throw new KeyFormatException(KeyFormatError.InvalidParameters, $"unsupported PSS mask generation function {KeyOids.Describe(mgf.Oid)}");
            }

            var mgfParameters = new DerReader(mgf.Parameters);
            mgfHash = AlgorithmIdentifier.Read(ref mgfParameters).Oid;
            mgfParameters.ExpectEmpty();
        }

        if (sequence.TryReadExplicit(2, out DerReader saltReader))
        {
            saltLength = saltReader.ReadInt32();
            saltReader.ExpectEmpty();
        }

        if (sequence.TryReadExplicit(3, out DerReader trailerReader))
        {
            trailer = trailerReader.ReadInt32();
            trailerReader.ExpectEmpty();
        }

        sequence.ExpectEmpty();
        if (saltLength < 0 || trailer != 1)
        {
            throw new KeyFormatException(KeyFormatError.InvalidParameters, "PSS parameters have a negative salt length or a trailer field other than 1 (RFC 4055 §3.1)");
        }

        return new RsaPssParameters(hash, mgfHash, saltLength, trailer, encoded.ToArray());
    }

    /// <summary>Writes the parameters exactly as read (or as <see cref="Create"/> encoded them).</summary>
    /// <param name="writer">The destination.</param>
    public void Encode(DerWriter writer) => writer.WriteEncodedValue(_encoded);
}
