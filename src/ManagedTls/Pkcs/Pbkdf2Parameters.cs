using System.Globalization;
using ManagedTls.Asn1;
using ManagedTls.Crypto;

namespace ManagedTls.Pkcs;

/// <summary>
/// PBKDF2-params (RFC 8018 §A.2):
/// <code>
/// PBKDF2-params ::= SEQUENCE { salt CHOICE { specified OCTET STRING, otherSource AlgorithmIdentifier },
///     iterationCount INTEGER (1..MAX), keyLength INTEGER (1..MAX) OPTIONAL,
///     prf AlgorithmIdentifier DEFAULT algid-hmacWithSHA1 }
/// </code>
/// </summary>
internal sealed class Pbkdf2Parameters : Pbes2Kdf
{
    private readonly byte[] _salt;

    /// <summary>Creates the parameters.</summary>
    /// <param name="salt">The salt (kept, not copied).</param>
    /// <param name="iterationCount">The iteration count.</param>
    /// <param name="keyLength">The keyLength field, or null to omit it (as OpenSSL does for fixed-key ciphers).</param>
    /// <param name="prf">The PRF digest.</param>
    public Pbkdf2Parameters(byte[] salt, int iterationCount, int? keyLength, HashAlgorithmId prf)
    {
        _salt = salt;
        IterationCount = iterationCount;
        KeyLength = keyLength;
        Prf = prf;
    }

    /// <summary>The salt.</summary>
    public ReadOnlySpan<byte> Salt => _salt;

    /// <summary>The iteration count.</summary>
    public int IterationCount { get; }

    /// <inheritdoc/>
    public override int? KeyLength { get; }

    /// <summary>The PRF digest.</summary>
    public HashAlgorithmId Prf { get; }

    /// <summary>Decodes PBKDF2-params (the reader is inside the AlgorithmIdentifier, after the OID).</summary>
    /// <param name="reader">The AlgorithmIdentifier's reader.</param>
    /// <returns>The parameters.</returns>
    public static Pbkdf2Parameters DecodeParameters(ref DerReader reader)
    {
        DerReader parameters = reader.ReadSequence();
        ExpectSpecifiedSalt(ref parameters, "PBKDF2");
        byte[] salt = PbeScheme.ReadSalt(ref parameters, 0, PbeParameters.MaxSaltLength);
        int iterationCount = PbeScheme.ReadIterationCount(ref parameters);
        int? keyLength = ReadOptionalKeyLength(ref parameters);

        HashAlgorithmId prf = HashAlgorithmId.Sha1; // DEFAULT algid-hmacWithSHA1
        if (parameters.HasData)
        {
            DerReader prfAlgorithm = parameters.ReadSequence();
            string prfOid = prfAlgorithm.ReadObjectIdentifier();
            if (!PbeOids.TryGetPrf(prfOid, out prf))
            {
                throw new PbeException(PbeError.UnsupportedAlgorithm, $"Unsupported PBKDF2 PRF {prfOid}.");
            }

            if (prfAlgorithm.HasData)
            {
                if (!prfAlgorithm.NextTagIs(Asn1Tag.Null))
                {
                    throw new PbeException(PbeError.InvalidParameters, "The PBKDF2 PRF parameters must be NULL or absent.");
                }

                prfAlgorithm.ReadNull();
            }

            prfAlgorithm.ExpectEmpty();
        }

        parameters.ExpectEmpty();
        return new Pbkdf2Parameters(salt, iterationCount, keyLength, prf);
    }

    /// <inheritdoc/>
    public override void Encode(DerWriter writer)
    {
        // OpenSSL omits keyLength for fixed-key ciphers and the prf when it is the hmacWithSHA1 default (DER).
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier(PbeOids.Pbkdf2);
            using (writer.PushSequence())
            {
                writer.WriteOctetString(_salt);
                writer.WriteInteger(IterationCount);
                if (KeyLength is int keyLength)
                {
                    writer.WriteInteger(keyLength);
                }

                if (Prf != HashAlgorithmId.Sha1)
                {
                    using (writer.PushSequence())
                    {
                        writer.WriteObjectIdentifier(PbeOids.PrfOid(Prf)!);
                        writer.WriteNull();
                    }
                }
            }
        }
    }

    /// <inheritdoc/>
    public override void DeriveKey(ICryptoProvider provider, ReadOnlySpan<byte> password, Span<byte> key) =>
        Pbkdf2.DeriveKey(provider, Prf, password, _salt, IterationCount, key);

    /// <inheritdoc/>
    public override string Describe(string cipherName) =>
        string.Create(CultureInfo.InvariantCulture, $"PBKDF2, {cipherName}, Iteration {IterationCount}, PRF {PbeOids.PrfName(Prf)}");
}
