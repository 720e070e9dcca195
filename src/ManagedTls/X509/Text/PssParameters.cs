using ManagedTls.Asn1;

namespace ManagedTls.X509.Text;

/// <summary>
/// RSASSA-PSS-params (RFC 4055 §3.1) read as OpenSSL 3.0's <c>ossl_rsa_pss_decode</c> reads them for printing: the
/// parameters must be a SEQUENCE; each field is optional; a mask generation function other than MGF1, or MGF1 without
/// an AlgorithmIdentifier parameter, makes the whole set invalid. Integers are kept as their content octets so any
/// value prints (negative and oversized ones included).
/// </summary>
internal readonly struct PssParameters
{
    public string? HashOid { get; private init; }

    /// <summary>The MGF1 hash OID; null when maskGenAlgorithm is absent.</summary>
    public string? MaskHashOid { get; private init; }

    public byte[]? SaltLength { get; private init; }

    public byte[]? TrailerField { get; private init; }

    /// <summary>Decodes the encoded parameters (the whole TLV, empty when absent).</summary>
    public static bool TryDecode(ReadOnlySpan<byte> encoded, out PssParameters parameters)
    {
        parameters = default;
        if (encoded.IsEmpty || encoded[0] != 0x30)
        {
            return false;
        }

        try
        {
            var reader = new DerReader(encoded, DerMode.Ber);
            DerReader sequence = reader.ReadSequence();
            string? hash = null;
            string? maskHash = null;
            byte[]? salt = null;
            byte[]? trailer = null;
            if (sequence.TryReadExplicit(0, out DerReader hashWrapper))
            {
                hash = ReadAlgorithm(ref hashWrapper, out _);
                hashWrapper.ExpectEmpty();
            }

            if (sequence.TryReadExplicit(1, out DerReader maskWrapper))
            {
                string mask = ReadAlgorithm(ref maskWrapper, out byte[]? maskParameters);
                maskWrapper.ExpectEmpty();
                if (mask != Oids.Mgf1 || maskParameters is null || maskParameters[0] != 0x30)
                {
                    return false;
                }

                var maskReader = new DerReader(maskParameters, DerMode.Ber);
                maskHash = ReadAlgorithm(ref maskReader, out _);
                maskReader.ExpectEmpty();
            }

            if (sequence.TryReadExplicit(2, out DerReader saltWrapper))
            {
                salt = saltWrapper.ReadIntegerBytes().ToArray();
                saltWrapper.ExpectEmpty();
            }

            if (sequence.TryReadExplicit(3, out DerReader trailerWrapper))
            {
                trailer = trailerWrapper.ReadIntegerBytes().ToArray();
                trailerWrapper.ExpectEmpty();
            }

            sequence.ExpectEmpty();
            parameters = new PssParameters { HashOid = hash, MaskHashOid = maskHash, SaltLength = salt, TrailerField = trailer };
            return true;
        }
        catch (DecodeException)
        {
            return false;
        }
    }

    /// <summary>An AlgorithmIdentifier: the OID and the encoded parameter, if any.</summary>
    private static string ReadAlgorithm(ref DerReader reader, out byte[]? parameter)
    {
        DerReader algorithm = reader.ReadSequence();
        string oid = algorithm.ReadObjectIdentifier();
        parameter = algorithm.HasData ? algorithm.ReadEncodedValue().ToArray() : null;
        algorithm.ExpectEmpty();
        return oid;
    }
}
