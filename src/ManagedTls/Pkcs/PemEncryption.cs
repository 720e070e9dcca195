using System.Collections.Immutable;
using ManagedTls.Crypto;
using ManagedTls.Pem;
using ManagedTls.Random;

namespace ManagedTls.Pkcs;

/// <summary>
/// OpenSSL's "traditional" PEM key encryption (<c>Proc-Type: 4,ENCRYPTED</c>, <c>DEK-Info: AES-128-CBC,&lt;hex IV&gt;</c>,
/// RFC 1421 headers as OpenSSL uses them): decrypts and encrypts the DER body of such a block.
/// </summary>
/// <remarks>
/// <para>The key is OpenSSL's <c>EVP_BytesToKey</c> with MD5, one iteration and the first 8 bytes of the IV as salt;
/// the IV is the one in the header; the body is CBC with PKCS#7 padding. Ciphers: AES-128/192/256-CBC, DES-EDE3-CBC,
/// DES-CBC (names as in the header, case-insensitive). This is a weak KDF; prefer PKCS#8
/// (<see cref="EncryptedPrivateKeyInfo"/>) for anything new.</para>
/// <para>Passwords are octets: a character password is encoded as UTF-8, as OpenSSL uses the bytes it is given.</para>
/// <para>Errors are <see cref="PbeException"/>s: a malformed header or a body that is not whole blocks is
/// <see cref="PbeError.Malformed"/>; an unknown cipher <see cref="PbeError.UnsupportedAlgorithm"/>; a wrong-length IV
/// <see cref="PbeError.InvalidParameters"/>; bad padding, or a decrypted body that is not one DER SEQUENCE, is
/// <see cref="PbeError.BadDecrypt"/> (wrong password or corruption; the two cannot be told apart).</para>
/// </remarks>
public static class PemEncryption
{
    private const int SaltLength = 8;

    /// <summary>Decrypts the body of an encrypted traditional PEM block with a text password.</summary>
    /// <param name="dekInfo">The <c>DEK-Info</c> header value, e.g. <c>AES-256-CBC,0123...</c>.</param>
    /// <param name="body">The base64-decoded block contents (the ciphertext).</param>
    /// <param name="password">The password, encoded as UTF-8; empty is an empty password.</param>
    /// <returns>The DER of the key (PKCS#1 RSAPrivateKey, SEC1 ECPrivateKey, DSA, ...); the caller zeroes it when done.</returns>
    /// <exception cref="PbeException">See the type remarks.</exception>
    public static byte[] Decrypt(string dekInfo, ReadOnlySpan<byte> body, ReadOnlySpan<char> password) =>
        Decrypt(CryptoProviders.Default, dekInfo, body, password);

    /// <summary>Decrypts the body of an encrypted traditional PEM block with a password given as octets.</summary>
    /// <param name="dekInfo">The <c>DEK-Info</c> header value.</param>
    /// <param name="body">The ciphertext.</param>
    /// <param name="password">The password octets, used unchanged.</param>
    /// <returns>The DER of the key.</returns>
    /// <exception cref="PbeException">See the type remarks.</exception>
    public static byte[] Decrypt(string dekInfo, ReadOnlySpan<byte> body, ReadOnlySpan<byte> password) =>
        Decrypt(CryptoProviders.Default, dekInfo, body, password);

    /// <summary>
    /// The call for a caller that has no password: checks the header and body length (so malformed or unsupported
    /// input is reported as such) and then fails with <see cref="PbeError.PasswordRequired"/>.
    /// </summary>
    /// <param name="dekInfo">The <c>DEK-Info</c> header value.</param>
    /// <param name="body">The ciphertext.</param>
    /// <returns>Never returns normally.</returns>
    /// <exception cref="PbeException"><see cref="PbeError.PasswordRequired"/>, or the structural error found first.</exception>
    public static byte[] Decrypt(string dekInfo, ReadOnlySpan<byte> body)
    {
        (PbeCipher cipher, _) = ParseDekInfo(dekInfo);
        CbcEncryption.CheckCiphertextLength(cipher, body.Length);
        throw new PbeException(PbeError.PasswordRequired, "The PEM key is encrypted and no password was supplied.");
    }

    /// <summary>Decrypts with a <c>DEK-Info</c> already parsed by the PEM layer and a text password.</summary>
    /// <param name="dekInfo">The parsed header.</param>
    /// <param name="body">The ciphertext.</param>
    /// <param name="password">The password, encoded as UTF-8.</param>
    /// <returns>The DER of the key.</returns>
    /// <exception cref="PbeException">See the type remarks.</exception>
    public static byte[] Decrypt(PemDekInfo dekInfo, ReadOnlySpan<byte> body, ReadOnlySpan<char> password)
    {
        ArgumentNullException.ThrowIfNull(dekInfo);
        return Decrypt(CryptoProviders.Default, dekInfo.ToString(), body, password);
    }

    /// <summary>Decrypts an encrypted traditional PEM block read by <see cref="PemReader"/>.</summary>
    /// <param name="block">A block with <c>Proc-Type: 4,ENCRYPTED</c> and a <c>DEK-Info</c> header.</param>
    /// <param name="password">The password, encoded as UTF-8.</param>
    /// <returns>The DER of the key.</returns>
    /// <exception cref="PbeException">The headers are missing or malformed, or as for the other overloads.</exception>
    public static byte[] Decrypt(PemBlock block, ReadOnlySpan<char> password)
    {
        ArgumentNullException.ThrowIfNull(block);
        return Decrypt(CryptoProviders.Default, GetDekInfo(block), block.Data.Span, password);
    }

    /// <summary>Decrypts an encrypted traditional PEM block with a password given as octets.</summary>
    /// <param name="block">A block with <c>Proc-Type: 4,ENCRYPTED</c> and a <c>DEK-Info</c> header.</param>
    /// <param name="password">The password octets.</param>
    /// <returns>The DER of the key.</returns>
    /// <exception cref="PbeException">The headers are missing or malformed, or as for the other overloads.</exception>
    public static byte[] Decrypt(PemBlock block, ReadOnlySpan<byte> password)
    {
        ArgumentNullException.ThrowIfNull(block);
        return Decrypt(CryptoProviders.Default, GetDekInfo(block), block.Data.Span, password);
    }

    /// <summary>
    /// The call for a caller that has no password: checks the block's headers and body length, then fails with
    /// <see cref="PbeError.PasswordRequired"/>.
    /// </summary>
    /// <param name="block">A block with <c>Proc-Type: 4,ENCRYPTED</c> and a <c>DEK-Info</c> header.</param>
    /// <returns>Never returns normally.</returns>
    /// <exception cref="PbeException"><see cref="PbeError.PasswordRequired"/>, or the structural error found first.</exception>
    public static byte[] Decrypt(PemBlock block)
    {
        ArgumentNullException.ThrowIfNull(block);
        return Decrypt(GetDekInfo(block), block.Data.Span);
    }

    /// <summary>Encrypts a DER key body as <c>openssl rsa -aes256 -traditional</c> does, with a fresh random IV.</summary>
    /// <param name="der">The DER of the key (e.g. PKCS#1 RSAPrivateKey).</param>
    /// <param name="cipherName">"AES-128-CBC", "AES-192-CBC", "AES-256-CBC", "DES-EDE3-CBC" or "DES-CBC"
    /// (case-insensitive; OpenSSL aliases such as "aes256" and "des3" also work).</param>
    /// <param name="password">The password, encoded as UTF-8.</param>
    /// <returns>The ciphertext body and the <c>DEK-Info</c> header value (upper-case cipher name and hex IV).</returns>
    /// <exception cref="ArgumentException">The cipher is not supported.</exception>
    public static (byte[] Body, string DekInfo) Encrypt(ReadOnlySpan<byte> der, string cipherName, ReadOnlySpan<char> password)
    {
        byte[] octets = PasswordOctets.FromChars(password);
        try
        {
            return Encrypt(CryptoProviders.Default, der, cipherName, octets);
        }
        finally
        {
            SecretMemory.Zero(octets);
        }
    }

    /// <summary>Encrypts a DER key body with a password given as octets.</summary>
    /// <param name="der">The DER of the key.</param>
    /// <param name="cipherName">The cipher, as for the character overload.</param>
    /// <param name="password">The password octets.</param>
    /// <returns>The ciphertext body and the <c>DEK-Info</c> header value.</returns>
    /// <exception cref="ArgumentException">The cipher is not supported.</exception>
    public static (byte[] Body, string DekInfo) Encrypt(ReadOnlySpan<byte> der, string cipherName, ReadOnlySpan<byte> password) =>
        Encrypt(CryptoProviders.Default, der, cipherName, password);

    /// <summary>Encrypts a DER key into a PEM block with the <c>Proc-Type</c> and <c>DEK-Info</c> headers.</summary>
    /// <param name="label">The PEM label, e.g. "RSA PRIVATE KEY", "EC PRIVATE KEY".</param>
    /// <param name="der">The DER of the key.</param>
    /// <param name="cipherName">The cipher, as for <see cref="Encrypt(ReadOnlySpan{byte}, string, ReadOnlySpan{char})"/>.</param>
    /// <param name="password">The password, encoded as UTF-8.</param>
    /// <returns>The block; <see cref="PemBlock.Encode"/> gives the text.</returns>
    /// <exception cref="ArgumentException">The cipher is not supported.</exception>
    public static PemBlock EncryptToBlock(string label, ReadOnlySpan<byte> der, string cipherName, ReadOnlySpan<char> password)
    {
        (byte[] body, string dekInfo) = Encrypt(der, cipherName, password);
        return ToBlock(label, body, dekInfo);
    }

    /// <summary>Encrypts a DER key into a PEM block with a password given as octets.</summary>
    /// <param name="label">The PEM label.</param>
    /// <param name="der">The DER of the key.</param>
    /// <param name="cipherName">The cipher.</param>
    /// <param name="password">The password octets.</param>
    /// <returns>The block.</returns>
    /// <exception cref="ArgumentException">The cipher is not supported.</exception>
    public static PemBlock EncryptToBlock(string label, ReadOnlySpan<byte> der, string cipherName, ReadOnlySpan<byte> password)
    {
        (byte[] body, string dekInfo) = Encrypt(der, cipherName, password);
        return ToBlock(label, body, dekInfo);
    }

    internal static byte[] Decrypt(ICryptoProvider provider, string dekInfo, ReadOnlySpan<byte> body, ReadOnlySpan<char> password)
    {
        byte[] octets = PasswordOctets.FromChars(password);
        try
        {
            return Decrypt(provider, dekInfo, body, octets);
        }
        finally
        {
            SecretMemory.Zero(octets);
        }
    }

    internal static byte[] Decrypt(ICryptoProvider provider, string dekInfo, ReadOnlySpan<byte> body, ReadOnlySpan<byte> password)
    {
        (PbeCipher cipher, byte[] iv) = ParseDekInfo(dekInfo);
        CbcEncryption.CheckCiphertextLength(cipher, body.Length);
        Span<byte> key = stackalloc byte[cipher.KeySize];
        byte[] plaintext;
        try
        {
            EvpBytesToKey.DeriveKey(provider, HashAlgorithmId.Md5, password, iv.AsSpan(0, SaltLength), 1, key);
            plaintext = CbcEncryption.Decrypt(provider, cipher, key, iv, body);
        }
        finally
        {
            SecretMemory.Zero(key);
        }

        if (!KeyDerShape.IsSingleSequence(plaintext))
        {
            SecretMemory.Zero(plaintext);
            throw new PbeException(
                PbeError.BadDecrypt,
                "Bad decrypt: the padding was valid but the plaintext is not a DER key, so the password is wrong or the data is corrupted.");
        }

        return plaintext;
    }

    internal static (byte[] Body, string DekInfo) Encrypt(ICryptoProvider provider, ReadOnlySpan<byte> der, string cipherName, ReadOnlySpan<byte> password)
    {
        ArgumentNullException.ThrowIfNull(cipherName);
        PbeCipher cipher = PbeCipher.FromName(cipherName)
            ?? throw new ArgumentException($"'{cipherName}' is not a supported PEM cipher (AES-128-CBC, AES-192-CBC, AES-256-CBC, DES-EDE3-CBC, DES-CBC).", nameof(cipherName));
        byte[] iv = new byte[cipher.BlockSize];
        SecureRandomSource.Fill(iv);
        Span<byte> key = stackalloc byte[cipher.KeySize];
        try
        {
            EvpBytesToKey.DeriveKey(provider, HashAlgorithmId.Md5, password, iv.AsSpan(0, SaltLength), 1, key);
            byte[] body = CbcEncryption.Encrypt(provider, cipher, key, iv, der);
            return (body, cipher.PemName + "," + Convert.ToHexString(iv));
        }
        finally
        {
            SecretMemory.Zero(key);
        }
    }

    /// <summary>Parses <c>NAME,HEXIV</c>.</summary>
    private static (PbeCipher Cipher, byte[] Iv) ParseDekInfo(string dekInfo)
    {
        ArgumentNullException.ThrowIfNull(dekInfo);
        int comma = dekInfo.IndexOf(',', StringComparison.Ordinal);
        if (comma <= 0)
        {
            throw new PbeException(PbeError.Malformed, $"Malformed DEK-Info '{dekInfo}': expected CIPHER,HEX-IV.");
        }

        string name = dekInfo[..comma];
        PbeCipher cipher = PbeCipher.FromName(name)
            ?? throw new PbeException(PbeError.UnsupportedAlgorithm, $"Unsupported PEM encryption cipher '{name}'.");
        ReadOnlySpan<char> hex = dekInfo.AsSpan(comma + 1);
        foreach (char c in hex)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                throw new PbeException(PbeError.Malformed, $"Malformed DEK-Info: the IV '{hex}' is not hexadecimal.");
            }
        }

        if (hex.Length != 2 * cipher.BlockSize)
        {
            throw new PbeException(PbeError.InvalidParameters, $"The {cipher.PemName} IV must be {cipher.BlockSize} bytes ({2 * cipher.BlockSize} hex digits), not {hex.Length} digits.");
        }

        return (cipher, Convert.FromHexString(hex));
    }

    private static string GetDekInfo(PemBlock block)
    {
        if (!block.IsEncrypted)
        {
            throw new PbeException(PbeError.Malformed, $"The PEM block '{block.Label}' lacks 'Proc-Type: {PemHeader.ProcTypeEncrypted}'.");
        }

        if (!block.TryGetHeader(PemHeader.DekInfo, out string? dekInfo))
        {
            throw new PbeException(PbeError.Malformed, $"The encrypted PEM block '{block.Label}' lacks a DEK-Info header.");
        }

        return dekInfo;
    }

    private static PemBlock ToBlock(string label, byte[] body, string dekInfo) =>
        new(label, body, ImmutableArray.Create(PemDekInfo.Parse(dekInfo).ToHeaders()));
}
