using ManagedTls.Asn1;
using ManagedTls.Crypto;
using ManagedTls.Random;

namespace ManagedTls.Pkcs;

/// <summary>
/// PBES2 (RFC 8018 §6.2, ASN.1 in §A.2 and §A.4) with PBKDF2 and a CBC cipher:
/// <code>
/// PBES2-params ::= SEQUENCE { keyDerivationFunc AlgorithmIdentifier, encryptionScheme AlgorithmIdentifier }
/// PBKDF2-params ::= SEQUENCE { salt CHOICE { specified OCTET STRING, otherSource AlgorithmIdentifier },
///     iterationCount INTEGER (1..MAX), keyLength INTEGER (1..MAX) OPTIONAL,
///     prf AlgorithmIdentifier DEFAULT algid-hmacWithSHA1 }
/// </code>
/// </summary>
internal sealed class Pbes2Scheme : PbeScheme
{
    private readonly byte[] _salt;
    private readonly byte[] _iv;

    private Pbes2Scheme(byte[] salt, int iterationCount, int? keyLength, HashAlgorithmId prf, PbeCipher cipher, byte[] iv)
    {
        _salt = salt;
        IterationCount = iterationCount;
        KeyLength = keyLength;
        Prf = prf;
        Cipher = cipher;
        _iv = iv;
    }

    /// <inheritdoc/>
    public override int IterationCount { get; }

    /// <summary>The optional keyLength field as decoded (always equal to the cipher's key size when present).</summary>
    public int? KeyLength { get; }

    /// <summary>The PBKDF2 PRF digest.</summary>
    public HashAlgorithmId Prf { get; }

    /// <summary>The encryption scheme.</summary>
    public PbeCipher Cipher { get; }

    /// <summary>The salt.</summary>
    public ReadOnlySpan<byte> Salt => _salt;

    /// <summary>The CBC IV.</summary>
    public ReadOnlySpan<byte> Iv => _iv;

    /// <summary>Decodes PBES2-params (the reader is inside the outer AlgorithmIdentifier, after the OID).</summary>
    /// <param name="reader">The AlgorithmIdentifier's reader.</param>
    /// <returns>The scheme.</returns>
    public static Pbes2Scheme DecodeParameters(ref DerReader reader)
    {
        DerReader parameters = reader.ReadSequence();
        (byte[] salt, int iterationCount, int? keyLength, HashAlgorithmId prf) = DecodeKeyDerivationFunc(ref parameters);
        (PbeCipher cipher, byte[] iv) = DecodeEncryptionScheme(ref parameters);
        parameters.ExpectEmpty();

        if (keyLength is int declared && declared != cipher.KeySize)
        {
            throw new PbeException(PbeError.InvalidParameters, $"PBKDF2 keyLength {declared} does not match the {cipher.KeySize}-byte {cipher.Name} key.");
        }

        return new Pbes2Scheme(salt, iterationCount, keyLength, prf, cipher, iv);
    }

    /// <summary>Creates a scheme with a fresh random salt and IV.</summary>
    /// <param name="parameters">PBES2 parameters.</param>
    /// <returns>The scheme.</returns>
    public static Pbes2Scheme Create(PbeParameters parameters)
    {
        PbeCipher cipher = parameters.Cipher!;
        byte[] salt = new byte[parameters.SaltLength];
        byte[] iv = new byte[cipher.BlockSize];
        SecureRandomSource.Fill(salt);
        SecureRandomSource.Fill(iv);
        return new Pbes2Scheme(salt, parameters.IterationCount, keyLength: null, parameters.Prf, cipher, iv);
    }

    /// <summary>Creates a scheme from explicit values (known-answer tests).</summary>
    /// <param name="cipher">The cipher.</param>
    /// <param name="prf">The PRF digest.</param>
    /// <param name="salt">The salt.</param>
    /// <param name="iterationCount">The iteration count.</param>
    /// <param name="iv">The IV.</param>
    /// <returns>The scheme.</returns>
    public static Pbes2Scheme Create(PbeCipher cipher, HashAlgorithmId prf, ReadOnlySpan<byte> salt, int iterationCount, ReadOnlySpan<byte> iv) =>
        new(salt.ToArray(), iterationCount, keyLength: null, prf, cipher, iv.ToArray());

    /// <inheritdoc/>
    public override string Describe() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"PBES2, PBKDF2, {Cipher.PemName}, Iteration {IterationCount}, PRF {PbeOids.PrfName(Prf)}");

    /// <inheritdoc/>
    public override void Encode(DerWriter writer)
    {
        // OpenSSL omits keyLength for fixed-key ciphers and the prf when it is the hmacWithSHA1 default (DER).
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier(PbeOids.Pbes2);
            using (writer.PushSequence())
            {
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

                using (writer.PushSequence())
                {
                    writer.WriteObjectIdentifier(Cipher.Oid);
                    writer.WriteOctetString(_iv);
                }
            }
        }
    }

    /// <inheritdoc/>
    public override void CheckCiphertextLength(int length) => CbcEncryption.CheckCiphertextLength(Cipher, length);

    /// <inheritdoc/>
    public override byte[] Decrypt(ICryptoProvider provider, ReadOnlySpan<byte> password, ReadOnlySpan<byte> ciphertext)
    {
        CheckCiphertextLength(ciphertext.Length);
        Span<byte> key = stackalloc byte[Cipher.KeySize];
        try
        {
            Pbkdf2.DeriveKey(provider, Prf, password, _salt, IterationCount, key);
            return CbcEncryption.Decrypt(provider, Cipher, key, _iv, ciphertext);
        }
        finally
        {
            SecretMemory.Zero(key);
        }
    }

    /// <inheritdoc/>
    public override byte[] Encrypt(ICryptoProvider provider, ReadOnlySpan<byte> password, ReadOnlySpan<byte> plaintext)
    {
        Span<byte> key = stackalloc byte[Cipher.KeySize];
        try
        {
            Pbkdf2.DeriveKey(provider, Prf, password, _salt, IterationCount, key);
            return CbcEncryption.Encrypt(provider, Cipher, key, _iv, plaintext);
        }
        finally
        {
            SecretMemory.Zero(key);
        }
    }

    /// <summary>keyDerivationFunc: AlgorithmIdentifier { id-PBKDF2, PBKDF2-params } (RFC 8018 §A.2).</summary>
    private static (byte[] Salt, int IterationCount, int? KeyLength, HashAlgorithmId Prf) DecodeKeyDerivationFunc(ref DerReader parameters)
    {
        DerReader kdf = parameters.ReadSequence();
        string kdfOid = kdf.ReadObjectIdentifier();
        if (kdfOid != PbeOids.Pbkdf2)
        {
            throw new PbeException(PbeError.UnsupportedAlgorithm, $"Unsupported PBES2 key derivation function {kdfOid} (only PBKDF2).");
        }

        DerReader kdfParameters = kdf.ReadSequence();
        kdf.ExpectEmpty();
        if (!kdfParameters.PeekTag().HasSameClassAndValue(Asn1Tag.OctetString)) // primitive, or constructed in BER
        {
            throw new PbeException(PbeError.UnsupportedAlgorithm, "PBKDF2 salt from an otherSource algorithm is not supported (RFC 8018 §A.2).");
        }

        byte[] salt = ReadSalt(ref kdfParameters, 0, PbeParameters.MaxSaltLength);
        int iterationCount = ReadIterationCount(ref kdfParameters);
        int? keyLength = kdfParameters.NextTagIs(Asn1Tag.Integer) ? kdfParameters.ReadInt32() : null;

        HashAlgorithmId prf = HashAlgorithmId.Sha1; // DEFAULT algid-hmacWithSHA1
        if (kdfParameters.HasData)
        {
            DerReader prfAlgorithm = kdfParameters.ReadSequence();
            string prfOid = prfAlgorithm.ReadObjectIdentifier();
            if (!PbeOids.TryGetPrf(prfOid, out prf))
            {
                throw new PbeException(PbeError.UnsupportedAlgorithm, $"Unsupported PBKDF2 PRF {prfOid}.");
            }

            ReadOptionalNull(ref prfAlgorithm, "PBKDF2 PRF");
        }

        kdfParameters.ExpectEmpty();
        return (salt, iterationCount, keyLength, prf);
    }

    /// <summary>encryptionScheme: AlgorithmIdentifier { cipher OID, IV OCTET STRING } (RFC 8018 §B.2).</summary>
    private static (PbeCipher Cipher, byte[] Iv) DecodeEncryptionScheme(ref DerReader parameters)
    {
        DerReader encryption = parameters.ReadSequence();
        string cipherOid = encryption.ReadObjectIdentifier();
        PbeCipher cipher = PbeCipher.FromOid(cipherOid)
            ?? throw new PbeException(PbeError.UnsupportedAlgorithm, $"Unsupported PBES2 encryption scheme {cipherOid}.");
        byte[] iv = encryption.ReadOctetStringBytes();
        encryption.ExpectEmpty();
        if (iv.Length != cipher.BlockSize)
        {
            throw new PbeException(PbeError.InvalidParameters, $"The {cipher.Name} IV must be {cipher.BlockSize} bytes, not {iv.Length}.");
        }

        return (cipher, iv);
    }

    private static void ReadOptionalNull(ref DerReader reader, string what)
    {
        if (reader.HasData)
        {
            if (!reader.NextTagIs(Asn1Tag.Null))
            {
                throw new PbeException(PbeError.InvalidParameters, $"The {what} parameters must be NULL or absent.");
            }

            reader.ReadNull();
        }

        reader.ExpectEmpty();
    }
}
