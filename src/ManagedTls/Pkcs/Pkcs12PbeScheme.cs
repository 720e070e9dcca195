using ManagedTls.Asn1;
using ManagedTls.Crypto;
using ManagedTls.Random;

namespace ManagedTls.Pkcs;

/// <summary>
/// The PKCS#12 PBE scheme pbeWithSHAAnd3-KeyTripleDES-CBC (RFC 7292 Appendix C): the PKCS#12 KDF over SHA-1
/// derives a 24-byte DES-EDE3 key (ID 1) and an 8-byte IV (ID 2) from the BMPString password;
/// <c>pkcs-12PbeParams ::= SEQUENCE { salt OCTET STRING, iterations INTEGER }</c>.
/// </summary>
/// <remarks>
/// The password octets are turned into a BMPString as OpenSSL's <c>PKCS12_key_gen_utf8</c> does (UTF-8 decoded, or
/// byte-by-byte when not valid UTF-8), with the two-byte zero terminator, so an empty password is <c>00 00</c>.
/// </remarks>
internal sealed class Pkcs12PbeScheme : PbeScheme
{
    private const int DefaultSaltLength = 8;
    private readonly byte[] _salt;

    private Pkcs12PbeScheme(byte[] salt, int iterationCount)
    {
        _salt = salt;
        IterationCount = iterationCount;
    }

    /// <inheritdoc/>
    public override int IterationCount { get; }

    /// <summary>Decodes pkcs-12PbeParams (the reader is inside the AlgorithmIdentifier, after the OID).</summary>
    /// <param name="reader">The AlgorithmIdentifier's reader.</param>
    /// <returns>The scheme.</returns>
    public static Pkcs12PbeScheme DecodeParameters(ref DerReader reader)
    {
        DerReader parameters = reader.ReadSequence();
        byte[] salt = ReadSalt(ref parameters, 1, PbeParameters.MaxSaltLength);
        int iterationCount = ReadIterationCount(ref parameters);
        parameters.ExpectEmpty();
        return new Pkcs12PbeScheme(salt, iterationCount);
    }

    /// <summary>Creates a scheme with a fresh random salt.</summary>
    /// <param name="parameters">PBES1 parameters naming PBE-SHA1-3DES.</param>
    /// <returns>The scheme.</returns>
    public static Pkcs12PbeScheme Create(PbeParameters parameters)
    {
        byte[] salt = new byte[Math.Max(parameters.SaltLength, DefaultSaltLength)];
        SecureRandomSource.Fill(salt);
        return new Pkcs12PbeScheme(salt, parameters.IterationCount);
    }

    /// <inheritdoc/>
    public override void Encode(DerWriter writer)
    {
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier(PbeOids.PbeWithShaAnd3KeyTripleDesCbc);
            using (writer.PushSequence())
            {
                writer.WriteOctetString(_salt);
                writer.WriteInteger(IterationCount);
            }
        }
    }

    /// <inheritdoc/>
    public override void CheckCiphertextLength(int length) => CbcEncryption.CheckCiphertextLength(PbeCipher.DesEde3Cbc, length);

    /// <inheritdoc/>
    public override byte[] Decrypt(ICryptoProvider provider, ReadOnlySpan<byte> password, ReadOnlySpan<byte> ciphertext)
    {
        CheckCiphertextLength(ciphertext.Length);
        Span<byte> key = stackalloc byte[24];
        Span<byte> iv = stackalloc byte[8];
        try
        {
            DeriveKeyAndIv(provider, password, key, iv);
            return CbcEncryption.Decrypt(provider, PbeCipher.DesEde3Cbc, key, iv, ciphertext);
        }
        finally
        {
            SecretMemory.Zero(key);
        }
    }

    /// <inheritdoc/>
    public override byte[] Encrypt(ICryptoProvider provider, ReadOnlySpan<byte> password, ReadOnlySpan<byte> plaintext)
    {
        Span<byte> key = stackalloc byte[24];
        Span<byte> iv = stackalloc byte[8];
        try
        {
            DeriveKeyAndIv(provider, password, key, iv);
            return CbcEncryption.Encrypt(provider, PbeCipher.DesEde3Cbc, key, iv, plaintext);
        }
        finally
        {
            SecretMemory.Zero(key);
        }
    }

    private void DeriveKeyAndIv(ICryptoProvider provider, ReadOnlySpan<byte> password, Span<byte> key, Span<byte> iv)
    {
        byte[] bmp = Pkcs12Kdf.EncodePassword(password);
        try
        {
            Pkcs12Kdf.DeriveKey(provider, HashAlgorithmId.Sha1, bmp, _salt, IterationCount, Pkcs12Kdf.KeyMaterial, key);
            Pkcs12Kdf.DeriveKey(provider, HashAlgorithmId.Sha1, bmp, _salt, IterationCount, Pkcs12Kdf.IvMaterial, iv);
        }
        finally
        {
            SecretMemory.Zero(bmp);
        }
    }
}
