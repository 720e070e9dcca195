using ManagedTls.Asn1;
using ManagedTls.Crypto;

namespace ManagedTls.Pkcs;

/// <summary>
/// Decrypts and encrypts PKCS#8 <c>EncryptedPrivateKeyInfo</c> (RFC 5958 §3; the PEM label "ENCRYPTED PRIVATE KEY"),
/// turning it into the DER of a <c>PrivateKeyInfo</c>/<c>OneAsymmetricKey</c> and back. The key model parses that DER.
/// </summary>
/// <remarks>
/// <para>Schemes: PBES2 (RFC 8018 §6.2) with PBKDF2 (hmacWithSHA1/224/256/384/512, SHA-512/224, SHA-512/256) or scrypt
/// (RFC 7914 §7, at most 32 MiB as OpenSSL's default) and AES-128/192/256-CBC, DES-EDE3-CBC or DES-CBC; PBES1 pbeWithMD5AndDES-CBC and pbeWithSHA1AndDES-CBC (PKCS#5 v1.5);
/// the PKCS#12 schemes pbeWithSHAAnd3-KeyTripleDES-CBC, pbeWithSHAAnd2-KeyTripleDES-CBC, pbeWithSHAAnd128BitRC2-CBC and
/// pbeWithSHAAnd40BitRC2-CBC (RFC 7292 Appendix C). The KDFs and all ASN.1 are ManagedTls's own code; only the block
/// ciphers come from the provider. RC4 schemes and PBES2 with RC2, GCM or another KDF are reported as unsupported.</para>
/// <para>Passwords: a character password is encoded as UTF-8 and those octets are what PBKDF2/PBKDF1 see, exactly as
/// OpenSSL uses the bytes it is given; the byte overloads pass octets through unchanged. The PKCS#12 scheme turns
/// the octets into a zero-terminated BMPString (UTF-16BE) as RFC 7292 §B.1 and OpenSSL do. An empty password is a
/// real (empty) password; use the overload without a password when none is available.</para>
/// <para>Errors: every failure is a <see cref="PbeException"/> whose <see cref="PbeException.Reason"/> separates
/// malformed input, unsupported algorithms, bad parameters (including an iteration count above
/// <see cref="PbeParameters.MaxIterationCount"/>), a missing password, and <see cref="PbeError.BadDecrypt"/>. The
/// last one means the padding was wrong or the plaintext is not a PrivateKeyInfo SEQUENCE: CBC has no integrity
/// check, so a wrong password and a corrupted ciphertext cannot be told apart with certainty, and both are reported
/// as BadDecrypt (OpenSSL's "bad decrypt").</para>
/// </remarks>
public static class EncryptedPrivateKeyInfo
{
    /// <summary>Decrypts with a text password (encoded as UTF-8, as OpenSSL does).</summary>
    /// <param name="der">The DER of the EncryptedPrivateKeyInfo (BER is accepted too, as OpenSSL accepts it).</param>
    /// <param name="password">The password; empty is an empty password.</param>
    /// <returns>The DER of the PrivateKeyInfo; the caller should zero it when done.</returns>
    /// <exception cref="PbeException">The input is malformed, the algorithm unsupported, its parameters unacceptable,
    /// or decryption failed (<see cref="PbeError.BadDecrypt"/>: wrong password or corrupted data).</exception>
    public static byte[] Decrypt(ReadOnlySpan<byte> der, ReadOnlySpan<char> password) =>
        Decrypt(CryptoProviders.Default, der, password);

    /// <summary>Decrypts with a password given as octets, passed to the KDF unchanged (OpenSSL's behaviour).</summary>
    /// <param name="der">The DER of the EncryptedPrivateKeyInfo (BER is accepted too, as OpenSSL accepts it).</param>
    /// <param name="password">The password octets; empty is an empty password.</param>
    /// <returns>The DER of the PrivateKeyInfo; the caller should zero it when done.</returns>
    /// <exception cref="PbeException">As for <see cref="Decrypt(ReadOnlySpan{byte}, ReadOnlySpan{char})"/>.</exception>
    public static byte[] Decrypt(ReadOnlySpan<byte> der, ReadOnlySpan<byte> password) =>
        Decrypt(CryptoProviders.Default, der, password);

    /// <summary>
    /// The call for a caller that has no password: it decodes and checks the structure (so malformed or unsupported
    /// input is reported as such) and then fails with <see cref="PbeError.PasswordRequired"/>.
    /// </summary>
    /// <param name="der">The DER of the EncryptedPrivateKeyInfo (BER is accepted too, as OpenSSL accepts it).</param>
    /// <returns>Never returns normally.</returns>
    /// <exception cref="PbeException"><see cref="PbeError.PasswordRequired"/>, or the structural error found first.</exception>
    public static byte[] Decrypt(ReadOnlySpan<byte> der)
    {
        EncryptedPrivateKeyInfoAsn info = DecodeChecked(der);
        info.Scheme.CheckCiphertextLength(info.EncryptedData.Length);
        throw new PbeException(PbeError.PasswordRequired, "The private key is encrypted and no password was supplied.");
    }

    /// <summary>
    /// Decodes the structure without decrypting and describes its algorithm as <c>openssl pkcs12 -info</c> does, e.g.
    /// "PBES2, PBKDF2, AES-256-CBC, Iteration 2048, PRF hmacWithSHA256" or "pbeWithSHA1And3-KeyTripleDES-CBC, Iteration 2048".
    /// </summary>
    /// <param name="der">The DER of the EncryptedPrivateKeyInfo (BER is accepted too, as OpenSSL accepts it).</param>
    /// <returns>The description.</returns>
    /// <exception cref="PbeException">The input is malformed, or the algorithm unsupported or its parameters unacceptable.</exception>
    public static string DescribeAlgorithm(ReadOnlySpan<byte> der) => DecodeChecked(der).Scheme.Describe();

    /// <summary>Encrypts a PrivateKeyInfo with a text password (encoded as UTF-8).</summary>
    /// <param name="privateKeyInfoDer">The DER of the PrivateKeyInfo/OneAsymmetricKey (one SEQUENCE).</param>
    /// <param name="password">The password.</param>
    /// <param name="parameters">The scheme; null for <see cref="PbeParameters.Default"/> (OpenSSL 3's default).</param>
    /// <returns>The DER of the EncryptedPrivateKeyInfo, with fresh random salt and IV.</returns>
    /// <exception cref="ArgumentException"><paramref name="privateKeyInfoDer"/> is not one DER SEQUENCE.</exception>
    public static byte[] Encrypt(ReadOnlySpan<byte> privateKeyInfoDer, ReadOnlySpan<char> password, PbeParameters? parameters = null) =>
        Encrypt(CryptoProviders.Default, privateKeyInfoDer, password, parameters);

    /// <summary>Encrypts a PrivateKeyInfo with a password given as octets.</summary>
    /// <param name="privateKeyInfoDer">The DER of the PrivateKeyInfo/OneAsymmetricKey (one SEQUENCE).</param>
    /// <param name="password">The password octets.</param>
    /// <param name="parameters">The scheme; null for <see cref="PbeParameters.Default"/>.</param>
    /// <returns>The DER of the EncryptedPrivateKeyInfo.</returns>
    /// <exception cref="ArgumentException"><paramref name="privateKeyInfoDer"/> is not one DER SEQUENCE.</exception>
    public static byte[] Encrypt(ReadOnlySpan<byte> privateKeyInfoDer, ReadOnlySpan<byte> password, PbeParameters? parameters = null) =>
        Encrypt(CryptoProviders.Default, privateKeyInfoDer, password, parameters);

    internal static byte[] Decrypt(ICryptoProvider provider, ReadOnlySpan<byte> der, ReadOnlySpan<char> password)
    {
        byte[] octets = PasswordOctets.FromChars(password);
        try
        {
            return Decrypt(provider, der, octets);
        }
        finally
        {
            SecretMemory.Zero(octets);
        }
    }

    internal static byte[] Decrypt(ICryptoProvider provider, ReadOnlySpan<byte> der, ReadOnlySpan<byte> password)
    {
        EncryptedPrivateKeyInfoAsn info = DecodeChecked(der);
        byte[] plaintext = info.Scheme.Decrypt(provider, password, info.EncryptedData);
        if (!KeyDerShape.LooksLikePrivateKeyInfo(plaintext))
        {
            SecretMemory.Zero(plaintext);
            throw new PbeException(
                PbeError.BadDecrypt,
                "Bad decrypt: the padding was valid but the plaintext is not a PrivateKeyInfo, so the password is wrong or the ciphertext is corrupted.");
        }

        return plaintext;
    }

    internal static byte[] Encrypt(ICryptoProvider provider, ReadOnlySpan<byte> privateKeyInfoDer, ReadOnlySpan<char> password, PbeParameters? parameters)
    {
        byte[] octets = PasswordOctets.FromChars(password);
        try
        {
            return Encrypt(provider, privateKeyInfoDer, octets, parameters);
        }
        finally
        {
            SecretMemory.Zero(octets);
        }
    }

    internal static byte[] Encrypt(ICryptoProvider provider, ReadOnlySpan<byte> privateKeyInfoDer, ReadOnlySpan<byte> password, PbeParameters? parameters)
    {
        if (!KeyDerShape.IsSingleSequence(privateKeyInfoDer))
        {
            throw new ArgumentException("The private key must be the DER of one PrivateKeyInfo SEQUENCE.", nameof(privateKeyInfoDer));
        }

        PbeScheme scheme = PbeScheme.ForEncryption(parameters ?? PbeParameters.Default);
        byte[] ciphertext = scheme.Encrypt(provider, password, privateKeyInfoDer);
        using var writer = new DerWriter();
        new EncryptedPrivateKeyInfoAsn(scheme, ciphertext).Encode(writer);
        return writer.ToArray();
    }

    /// <summary>Decodes the structure, translating codec errors into <see cref="PbeError.Malformed"/> once, here.</summary>
    /// <remarks>
    /// BER is accepted (indefinite lengths, constructed OCTET STRINGs), as OpenSSL's <c>d2i_X509_SIG</c> accepts it and
    /// PKCS#12 producers emit it (decision 0002); non-minimal INTEGERs stay rejected in BER too.
    /// </remarks>
    internal static EncryptedPrivateKeyInfoAsn DecodeChecked(ReadOnlySpan<byte> der)
    {
        try
        {
            var reader = new DerReader(der, DerMode.Ber);
            EncryptedPrivateKeyInfoAsn info = EncryptedPrivateKeyInfoAsn.Decode(ref reader);
            reader.ExpectEmpty();
            return info;
        }
        catch (DecodeException e)
        {
            throw new PbeException(PbeError.Malformed, $"Malformed EncryptedPrivateKeyInfo: {e.Message}", e);
        }
    }
}
