using ManagedTls.Asn1;
using ManagedTls.Crypto;
using ManagedTls.Random;

namespace ManagedTls.Pkcs;

/// <summary>
/// PBES2 (RFC 8018 §6.2, ASN.1 in §A.4) with a PBKDF2 or scrypt key derivation and a CBC cipher:
/// <code>
/// PBES2-params ::= SEQUENCE { keyDerivationFunc AlgorithmIdentifier, encryptionScheme AlgorithmIdentifier }
/// </code>
/// The encryption scheme's parameters are the IV (RFC 8018 §B.2).
/// </summary>
internal sealed class Pbes2Scheme : PbeScheme
{
    private readonly byte[] _iv;

    private Pbes2Scheme(Pbes2Kdf kdf, PbeCipher cipher, byte[] iv)
    {
        Kdf = kdf;
        Cipher = cipher;
        _iv = iv;
    }

    /// <summary>The key derivation function and its parameters.</summary>
    public Pbes2Kdf Kdf { get; }

    /// <summary>The encryption scheme.</summary>
    public PbeCipher Cipher { get; }

    /// <summary>The CBC IV.</summary>
    public ReadOnlySpan<byte> Iv => _iv;

    /// <summary>Decodes PBES2-params (the reader is inside the outer AlgorithmIdentifier, after the OID).</summary>
    /// <param name="reader">The AlgorithmIdentifier's reader.</param>
    /// <returns>The scheme.</returns>
    public static Pbes2Scheme DecodeParameters(ref DerReader reader)
    {
        DerReader parameters = reader.ReadSequence();
        Pbes2Kdf kdf = Pbes2Kdf.Decode(ref parameters);
        (PbeCipher cipher, byte[] iv) = DecodeEncryptionScheme(ref parameters);
        parameters.ExpectEmpty();

        if (kdf.KeyLength is int declared && declared != cipher.KeySize)
        {
            throw new PbeException(PbeError.InvalidParameters, $"The keyLength {declared} does not match the {cipher.KeySize}-byte {cipher.Name} key.");
        }

        return new Pbes2Scheme(kdf, cipher, iv);
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
        Pbes2Kdf kdf = parameters.ScryptN is int n
            ? new ScryptParameters(salt, n, parameters.ScryptR, parameters.ScryptP, keyLength: null)
            : new Pbkdf2Parameters(salt, parameters.IterationCount, keyLength: null, parameters.Prf);
        return new Pbes2Scheme(kdf, cipher, iv);
    }

    /// <summary>Creates a PBKDF2 scheme from explicit values (known-answer tests).</summary>
    /// <param name="cipher">The cipher.</param>
    /// <param name="prf">The PRF digest.</param>
    /// <param name="salt">The salt.</param>
    /// <param name="iterationCount">The iteration count.</param>
    /// <param name="iv">The IV.</param>
    /// <returns>The scheme.</returns>
    public static Pbes2Scheme Create(PbeCipher cipher, HashAlgorithmId prf, ReadOnlySpan<byte> salt, int iterationCount, ReadOnlySpan<byte> iv) =>
        new(new Pbkdf2Parameters(salt.ToArray(), iterationCount, keyLength: null, prf), cipher, iv.ToArray());

    /// <inheritdoc/>
    public override string Describe() => $"PBES2, {Kdf.Describe(Cipher.PemName)}";

    /// <inheritdoc/>
    public override void Encode(DerWriter writer)
    {
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier(PbeOids.Pbes2);
            using (writer.PushSequence())
            {
                Kdf.Encode(writer);
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
            Kdf.DeriveKey(provider, password, key);
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
            Kdf.DeriveKey(provider, password, key);
            return CbcEncryption.Encrypt(provider, Cipher, key, _iv, plaintext);
        }
        finally
        {
            SecretMemory.Zero(key);
        }
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
}
