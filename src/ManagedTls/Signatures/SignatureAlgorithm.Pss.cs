using System.Numerics;
using ManagedTls.Asn1;
using ManagedTls.Crypto;
using ManagedTls.Keys;

namespace ManagedTls.Signatures;

/// <content>RSASSA-PSS-params (RFC 4055 §3.1).</content>
public sealed partial class SignatureAlgorithm
{
    private const string Mgf1Oid = "1.2.840.113549.1.1.8";

    /// <summary>RSASSA-PSS with MGF1, written as OpenSSL writes it (defaults omitted, digest parameters NULL).</summary>
    /// <param name="hash">The message digest.</param>
    /// <param name="mgfHash">The MGF1 digest; null for <paramref name="hash"/> (RFC 8446 and RFC 4055 §3.1 recommend the same).</param>
    /// <param name="saltLength">The salt length in bytes; -1 for the digest length.</param>
    /// <returns>The algorithm.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="saltLength"/> is below -1.</exception>
    public static SignatureAlgorithm RsaPss(HashAlgorithmId hash, HashAlgorithmId? mgfHash = null, int saltLength = -1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(saltLength, -1);
        HashAlgorithmId mgf = mgfHash ?? hash;
        int salt = saltLength < 0 ? DigestAlgorithms.Size(hash) : saltLength;
        RsaPssParameters parameters = RsaPssParameters.Create(DigestAlgorithms.Oid(hash), DigestAlgorithms.Oid(mgf), salt);
        using var writer = new DerWriter();
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier(RsassaPssOid);
            parameters.Encode(writer);
        }

        return new SignatureAlgorithm(RsassaPssOid, new SignatureScheme(SignatureAlgorithmKind.RsaPss, hash, mgf, salt), false, writer.ToArray());
    }

    /// <summary>
    /// Parses RSASSA-PSS-params. Absent fields take the RFC 4055 defaults (SHA-1, MGF1 with SHA-1, salt 20, trailer 1);
    /// explicitly encoded defaults are accepted as OpenSSL accepts them. Digest AlgorithmIdentifiers may carry NULL or
    /// no parameters (RFC 4055 §2.1: implementations MUST accept both).
    /// </summary>
    private static SignatureScheme DecodePssParameters(ReadOnlySpan<byte> parameters, DerReaderOptions options)
    {
        var reader = new DerReader(parameters, options);
        DerReader sequence = reader.ReadSequence();
        reader.ExpectEmpty();
        HashAlgorithmId hash = HashAlgorithmId.Sha1;
        HashAlgorithmId mgfHash = HashAlgorithmId.Sha1;
        int saltLength = 20;
        if (sequence.TryReadExplicit(0, out DerReader hashReader))
        {
            hash = ReadDigestAlgorithm(ref hashReader, "hashAlgorithm");
            hashReader.ExpectEmpty();
        }

        if (sequence.TryReadExplicit(1, out DerReader mgfReader))
        {
            DerReader mgf = mgfReader.ReadSequence();
            mgfReader.ExpectEmpty();
            string mgfOid = mgf.ReadObjectIdentifier();
            if (mgfOid != Mgf1Oid)
            {
                throw new SignatureException(SignatureError.UnsupportedMaskGeneration, $"RSASSA-PSS maskGenAlgorithm {Describe(mgfOid)} is not MGF1 (RFC 4055 §3.1)");
            }

            if (!mgf.HasData)
            {
                throw new SignatureException(SignatureError.UnsupportedMaskGeneration, "RSASSA-PSS MGF1 parameters must name its digest (RFC 4055 §2.2)");
            }

            mgfHash = ReadDigestAlgorithm(ref mgf, "MGF1 digest");
            mgf.ExpectEmpty();
        }

        if (sequence.TryReadExplicit(2, out DerReader saltReader))
        {
            BigInteger salt = saltReader.ReadInteger();
            saltReader.ExpectEmpty();
            if (salt.Sign < 0 || salt > RsaPublicKey.MaxModulusBits / 8)
            {
                throw new SignatureException(SignatureError.InvalidSaltLength, $"RSASSA-PSS saltLength {salt} is out of range");
            }

            saltLength = (int)salt;
        }

        if (sequence.TryReadExplicit(3, out DerReader trailerReader))
        {
            BigInteger trailer = trailerReader.ReadInteger();
            trailerReader.ExpectEmpty();
            if (!trailer.IsOne)
            {
                throw new SignatureException(SignatureError.InvalidTrailerField, $"RSASSA-PSS trailerField {trailer} is not 1 (trailerFieldBC, RFC 4055 §3.1)");
            }
        }

        sequence.ExpectEmpty();
        return new SignatureScheme(SignatureAlgorithmKind.RsaPss, hash, mgfHash, saltLength);
    }

    private static HashAlgorithmId ReadDigestAlgorithm(ref DerReader reader, string field)
    {
        DerReader sequence = reader.ReadSequence();
        string oid = sequence.ReadObjectIdentifier();
        if (sequence.HasData)
        {
            ReadOnlySpan<byte> parameters = sequence.ReadEncodedValue();
            if (!IsNull(parameters))
            {
                throw new SignatureException(SignatureError.InvalidParameters, $"RSASSA-PSS {field} {Describe(oid)} parameters must be NULL or absent (RFC 4055 §2.1)");
            }
        }

        sequence.ExpectEmpty();
        return DigestAlgorithms.FromOid(oid)
            ?? throw new SignatureException(SignatureError.UnsupportedDigest, $"RSASSA-PSS {field} {Describe(oid)} is not a supported digest");
    }
}
