using ManagedTls.Asn1;
using ManagedTls.Crypto;
using ManagedTls.Random;

namespace ManagedTls.Pkcs;

/// <summary>
/// The PKCS#12 PBE schemes (RFC 7292 Appendix C): pbeWithSHAAnd3-KeyTripleDES-CBC, pbeWithSHAAnd2-KeyTripleDES-CBC,
/// pbeWithSHAAnd128BitRC2-CBC and pbeWithSHAAnd40BitRC2-CBC. The PKCS#12 KDF over SHA-1 derives the key (ID 1) and the
/// 8-byte IV (ID 2) from the BMPString password; <c>pkcs-12PbeParams ::= SEQUENCE { salt OCTET STRING, iterations INTEGER }</c>.
/// </summary>
/// <remarks>
/// The password octets are turned into a BMPString as OpenSSL's <c>PKCS12_key_gen_utf8</c> does (UTF-8 decoded, or
/// byte-by-byte when not valid UTF-8), with the two-byte zero terminator, so an empty password is <c>00 00</c>.
/// </remarks>
internal sealed class Pkcs12PbeScheme : PbeScheme
{
    private const int DefaultSaltLength = 8;
    private readonly byte[] _salt;

    private Pkcs12PbeScheme(Pkcs12PbeAlgorithm algorithm, byte[] salt, int iterationCount)
    {
        Algorithm = algorithm;
        _salt = salt;
        IterationCount = iterationCount;
    }

    /// <summary>Which of the PKCS#12 schemes.</summary>
    public Pkcs12PbeAlgorithm Algorithm { get; }

    /// <summary>The iteration count, already checked against <see cref="PbeParameters.MaxIterationCount"/>.</summary>
    public int IterationCount { get; }

    /// <summary>Decodes pkcs-12PbeParams (the reader is inside the AlgorithmIdentifier, after the OID).</summary>
    /// <param name="reader">The AlgorithmIdentifier's reader.</param>
    /// <param name="algorithm">The scheme the OID selected.</param>
    /// <returns>The scheme.</returns>
    public static Pkcs12PbeScheme DecodeParameters(ref DerReader reader, Pkcs12PbeAlgorithm algorithm)
    {
        DerReader parameters = reader.ReadSequence();
        byte[] salt = ReadSalt(ref parameters, 1, PbeParameters.MaxSaltLength);
        int iterationCount = ReadIterationCount(ref parameters);
        parameters.ExpectEmpty();
        return new Pkcs12PbeScheme(algorithm, salt, iterationCount);
    }

    /// <summary>Creates a scheme with a fresh random salt.</summary>
    /// <param name="parameters">PBES1 parameters naming a PKCS#12 scheme.</param>
    /// <returns>The scheme.</returns>
    public static Pkcs12PbeScheme Create(PbeParameters parameters)
    {
        byte[] salt = new byte[Math.Max(parameters.SaltLength, DefaultSaltLength)];
        SecureRandomSource.Fill(salt);
        return new Pkcs12PbeScheme(Pkcs12PbeAlgorithm.FromName(parameters.Algorithm)!, salt, parameters.IterationCount);
    }

    /// <inheritdoc/>
    public override string Describe() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Algorithm.LongName}, Iteration {IterationCount}");

    /// <inheritdoc/>
    public override void Encode(DerWriter writer)
    {
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier(Algorithm.Oid);
            using (writer.PushSequence())
            {
                writer.WriteOctetString(_salt);
                writer.WriteInteger(IterationCount);
            }
        }
    }

    /// <inheritdoc/>
    public override void CheckCiphertextLength(int length) => CbcEncryption.CheckCiphertextLength(Algorithm.Name, Algorithm.BlockSize, length);

    /// <inheritdoc/>
    public override byte[] Decrypt(ICryptoProvider provider, ReadOnlySpan<byte> password, ReadOnlySpan<byte> ciphertext)
    {
        CheckCiphertextLength(ciphertext.Length);
        return Run(provider, password, ciphertext, encrypt: false);
    }

    /// <inheritdoc/>
    public override byte[] Encrypt(ICryptoProvider provider, ReadOnlySpan<byte> password, ReadOnlySpan<byte> plaintext) =>
        Run(provider, password, plaintext, encrypt: true);

    /// <summary>
    /// Decrypts with a password already encoded for the PKCS#12 KDF: a BMPString with its terminator, or the empty
    /// octet string for an absent password (OpenSSL's <c>NULL</c>), which <see cref="Decrypt"/> cannot express.
    /// </summary>
    /// <param name="provider">Supplies primitives.</param>
    /// <param name="encodedPassword">The KDF's password octets.</param>
    /// <param name="ciphertext">The encrypted data.</param>
    /// <returns>The plaintext.</returns>
    public byte[] DecryptEncoded(ICryptoProvider provider, ReadOnlySpan<byte> encodedPassword, ReadOnlySpan<byte> ciphertext)
    {
        CheckCiphertextLength(ciphertext.Length);
        return RunEncoded(provider, encodedPassword, ciphertext, encrypt: false);
    }

    /// <summary>Encrypts with a password already encoded for the PKCS#12 KDF (see <see cref="DecryptEncoded"/>).</summary>
    /// <param name="provider">Supplies primitives.</param>
    /// <param name="encodedPassword">The KDF's password octets.</param>
    /// <param name="plaintext">The data.</param>
    /// <returns>The ciphertext.</returns>
    public byte[] EncryptEncoded(ICryptoProvider provider, ReadOnlySpan<byte> encodedPassword, ReadOnlySpan<byte> plaintext) =>
        RunEncoded(provider, encodedPassword, plaintext, encrypt: true);

    private byte[] Run(ICryptoProvider provider, ReadOnlySpan<byte> password, ReadOnlySpan<byte> input, bool encrypt)
    {
        byte[] bmp = Pkcs12Kdf.EncodePassword(password);
        try
        {
            return RunEncoded(provider, bmp, input, encrypt);
        }
        finally
        {
            SecretMemory.Zero(bmp);
        }
    }

    private byte[] RunEncoded(ICryptoProvider provider, ReadOnlySpan<byte> bmp, ReadOnlySpan<byte> input, bool encrypt)
    {
        Span<byte> key = stackalloc byte[24];
        Span<byte> iv = stackalloc byte[Algorithm.BlockSize];
        try
        {
            Span<byte> derived = key[..Algorithm.KeySize];
            Pkcs12Kdf.DeriveKey(provider, HashAlgorithmId.Sha1, bmp, _salt, IterationCount, Pkcs12Kdf.KeyMaterial, derived);
            Pkcs12Kdf.DeriveKey(provider, HashAlgorithmId.Sha1, bmp, _salt, IterationCount, Pkcs12Kdf.IvMaterial, iv);
            if (Algorithm.Rc2EffectiveBits != 0)
            {
                using IRc2CbcCipher rc2 = LegacyCiphers.CreateRc2Cbc(derived, Algorithm.Rc2EffectiveBits);
                return encrypt
                    ? CbcEncryption.Encrypt(rc2.Encrypt, rc2.BlockSize, iv, input)
                    : CbcEncryption.Decrypt(rc2.Decrypt, rc2.BlockSize, iv, input);
            }

            if (Algorithm.KeySize == 16)
            {
                key[..8].CopyTo(key[16..]); // two-key triple DES is three-key with K3 = K1
            }

            return encrypt
                ? CbcEncryption.Encrypt(provider, PbeCipher.DesEde3Cbc, key, iv, input)
                : CbcEncryption.Decrypt(provider, PbeCipher.DesEde3Cbc, key, iv, input);
        }
        finally
        {
            SecretMemory.Zero(key);
        }
    }
}
