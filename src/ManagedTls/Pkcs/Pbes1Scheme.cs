using ManagedTls.Asn1;
using ManagedTls.Crypto;
using ManagedTls.Random;

namespace ManagedTls.Pkcs;

/// <summary>
/// PBES1 (RFC 8018 §6.1, PKCS#5 v1.5): PBKDF1 with MD5 or SHA-1 derives 16 bytes, the first 8 the DES key and the
/// last 8 the IV; <c>PBEParameter ::= SEQUENCE { salt OCTET STRING (SIZE(8)), iterationCount INTEGER }</c> (§A.3).
/// Kept for reading old files (<c>openssl pkcs8 -v1 PBE-MD5-DES</c>); single DES is weak.
/// </summary>
internal sealed class Pbes1Scheme : PbeScheme
{
    private const int SaltLength = 8;
    private readonly byte[] _salt;

    private Pbes1Scheme(HashAlgorithmId hash, byte[] salt, int iterationCount)
    {
        Hash = hash;
        _salt = salt;
        IterationCount = iterationCount;
    }

    /// <summary>The PBKDF1 digest: MD5 (pbeWithMD5AndDES-CBC) or SHA-1 (pbeWithSHA1AndDES-CBC).</summary>
    public HashAlgorithmId Hash { get; }

    /// <summary>The iteration count, already checked against <see cref="PbeParameters.MaxIterationCount"/>.</summary>
    public int IterationCount { get; }

    /// <summary>Decodes PBEParameter (the reader is inside the AlgorithmIdentifier, after the OID).</summary>
    /// <param name="reader">The AlgorithmIdentifier's reader.</param>
    /// <param name="hash">The digest the OID selected.</param>
    /// <returns>The scheme.</returns>
    public static Pbes1Scheme DecodeParameters(ref DerReader reader, HashAlgorithmId hash)
    {
        DerReader parameters = reader.ReadSequence();
        byte[] salt = ReadSalt(ref parameters, SaltLength, SaltLength);
        int iterationCount = ReadIterationCount(ref parameters);
        parameters.ExpectEmpty();
        return new Pbes1Scheme(hash, salt, iterationCount);
    }

    /// <summary>Creates a scheme with a fresh random salt.</summary>
    /// <param name="parameters">PBES1 parameters naming PBE-MD5-DES.</param>
    /// <returns>The scheme.</returns>
    public static Pbes1Scheme Create(PbeParameters parameters)
    {
        byte[] salt = new byte[SaltLength];
        SecureRandomSource.Fill(salt);
        return new Pbes1Scheme(parameters.Prf, salt, parameters.IterationCount);
    }

    /// <inheritdoc/>
    public override string Describe() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{(Hash == HashAlgorithmId.Md5 ? "pbeWithMD5AndDES-CBC" : "pbeWithSHA1AndDES-CBC")}, Iteration {IterationCount}");

    /// <inheritdoc/>
    public override void Encode(DerWriter writer)
    {
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier(Hash == HashAlgorithmId.Md5 ? PbeOids.PbeWithMd5AndDesCbc : PbeOids.PbeWithSha1AndDesCbc);
            using (writer.PushSequence())
            {
                writer.WriteOctetString(_salt);
                writer.WriteInteger(IterationCount);
            }
        }
    }

    /// <inheritdoc/>
    public override void CheckCiphertextLength(int length) => CbcEncryption.CheckCiphertextLength(PbeCipher.DesCbc, length);

    /// <inheritdoc/>
    public override byte[] Decrypt(ICryptoProvider provider, ReadOnlySpan<byte> password, ReadOnlySpan<byte> ciphertext)
    {
        CheckCiphertextLength(ciphertext.Length);
        Span<byte> derived = stackalloc byte[16];
        try
        {
            Pbkdf1.DeriveKey(provider, Hash, password, _salt, IterationCount, derived);
            return CbcEncryption.Decrypt(provider, PbeCipher.DesCbc, derived[..8], derived[8..], ciphertext);
        }
        finally
        {
            SecretMemory.Zero(derived);
        }
    }

    /// <inheritdoc/>
    public override byte[] Encrypt(ICryptoProvider provider, ReadOnlySpan<byte> password, ReadOnlySpan<byte> plaintext)
    {
        Span<byte> derived = stackalloc byte[16];
        try
        {
            Pbkdf1.DeriveKey(provider, Hash, password, _salt, IterationCount, derived);
            return CbcEncryption.Encrypt(provider, PbeCipher.DesCbc, derived[..8], derived[8..], plaintext);
        }
        finally
        {
            SecretMemory.Zero(derived);
        }
    }
}
