using ManagedTls.Keys;
using ManagedTls.Pem;
using ManagedTls.Pkcs;

namespace ManagedTls.Cli;

/// <summary>
/// Reading and writing key files for the key verbs as openssl's <c>load_key</c>/<c>load_pubkey</c> and
/// <c>PEM_write_bio_PrivateKey</c> do: format auto-detection, decryption of PKCS#8 EncryptedPrivateKeyInfo and
/// traditional <c>DEK-Info</c> PEM, PKCS#8 (optionally encrypted, PBES2) or traditional output.
/// </summary>
/// <remarks>
/// Load failures become one <see cref="CommandException"/>: openssl's first line ("Could not read key from F") and one
/// line naming the reason, instead of openssl's error-queue dump.
/// </remarks>
internal static class KeyFiles
{
    private static readonly string[] s_privateLabels =
    [
        PemLabels.PrivateKey, PemLabels.EncryptedPrivateKey, PemLabels.RsaPrivateKey, PemLabels.EcPrivateKey, PemLabels.DsaPrivateKey,
    ];

    /// <summary>The name openssl prints for an input: the path, or <c>&lt;stdin&gt;</c>.</summary>
    /// <param name="path">The <c>-in</c> argument.</param>
    /// <returns>The display name.</returns>
    public static string DisplayName(string? path) => path is null or "-" ? "<stdin>" : path;

    /// <summary>Reads a key file (or standard input for null or "-"), failing with openssl's <c>load_key</c> wording.</summary>
    /// <param name="context">For standard input.</param>
    /// <param name="path">The path.</param>
    /// <param name="description">What openssl calls the key ("key", "private key", "public key of Public Key").</param>
    /// <returns>The bytes.</returns>
    /// <exception cref="CommandException">The file cannot be opened.</exception>
    public static byte[] ReadFile(CommandContext context, string? path, string description)
    {
        if (path is null or "-")
        {
            return context.ReadInput(path);
        }

        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CommandException($"Could not open file or uri for loading {description} from {path}");
        }
    }

    /// <summary>Reads an auxiliary file (signature, parameters), failing with <paramref name="failure"/> and the path.</summary>
    /// <param name="path">The path.</param>
    /// <param name="failure">openssl's message before the path, e.g. "Can't open signature file".</param>
    /// <returns>The bytes.</returns>
    /// <exception cref="CommandException">The file cannot be opened.</exception>
    public static byte[] ReadAuxiliary(string path, string failure)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CommandException($"{failure} {path}");
        }
    }

    /// <summary>Reads a private key, decrypting it with <paramref name="password"/> when it is encrypted.</summary>
    /// <param name="data">The file contents (DER or PEM).</param>
    /// <param name="description">What openssl calls it in the error ("key", "private key").</param>
    /// <param name="source">The input's display name.</param>
    /// <param name="password">The pass phrase, or null when none was given.</param>
    /// <returns>The key.</returns>
    /// <exception cref="CommandException">Unreadable, encrypted without a pass phrase, or a wrong pass phrase.</exception>
    public static PrivateKey ReadPrivateKey(byte[] data, string description, string source, byte[]? password)
    {
        try
        {
            return DecodePrivate(data, password);
        }
        catch (Exception e) when (e is KeyFormatException or PbeException or PemException)
        {
            throw new CommandException($"Could not read {description} from {source}\n{Reason(e)}");
        }
    }

    /// <summary>
    /// Reads a public key: SubjectPublicKeyInfo or PKCS#1 RSAPublicKey, DER or PEM. A private key file is refused, as
    /// OpenSSL 3.0's <c>load_pubkey</c> refuses it.
    /// </summary>
    /// <param name="data">The file contents.</param>
    /// <param name="description">What openssl calls it in the error ("key of Public Key", "public key").</param>
    /// <param name="source">The input's display name.</param>
    /// <returns>The key.</returns>
    /// <exception cref="CommandException">No public key could be read.</exception>
    public static PublicKey ReadPublicKey(byte[] data, string description, string source)
    {
        try
        {
            return KeyDecoder.DecodePublicKey(data);
        }
        catch (Exception e) when (e is KeyFormatException or PemException)
        {
            throw new CommandException($"Could not read {description} from {source}\n{Reason(e)}");
        }
    }

    /// <summary>Reads a PKCS#1 RSAPublicKey (DER or <c>RSA PUBLIC KEY</c> PEM), as <c>openssl rsa -RSAPublicKey_in</c>.</summary>
    /// <param name="data">The file contents.</param>
    /// <param name="source">The input's display name.</param>
    /// <returns>The key.</returns>
    /// <exception cref="CommandException">No RSAPublicKey could be read.</exception>
    public static RsaPublicKey ReadRsaPublicKey(byte[] data, string source)
    {
        try
        {
            if (data.Length > 0 && data[0] == 0x30)
            {
                return KeyDecoder.DecodeRsaPublicKey(data);
            }

            return PemReader.TryFind(data, out PemBlock? block, PemLabels.RsaPublicKey)
                ? KeyDecoder.DecodeRsaPublicKey(block.Data.Span)
                : throw new KeyFormatException(KeyFormatError.NoKeyFound, "no RSA PUBLIC KEY PEM block found");
        }
        catch (Exception e) when (e is KeyFormatException or PemException)
        {
            throw new CommandException($"Could not read public key from {source}\n{Reason(e)}");
        }
    }

    /// <summary>
    /// Encodes a private key as <c>openssl pkey</c> writes it: PEM PKCS#8 (<c>ENCRYPTED PRIVATE KEY</c>, PBES2 with
    /// PBKDF2-HMAC-SHA256 and 2048 iterations, when a cipher is given) or traditional PEM (DEK-Info encrypted), or DER.
    /// </summary>
    /// <param name="key">The key.</param>
    /// <param name="der">DER instead of PEM (with a cipher: EncryptedPrivateKeyInfo DER, as <c>openssl rsa</c> writes).</param>
    /// <param name="traditional">The traditional encoding (PKCS#1, SEC1, DSA) instead of PKCS#8; in DER, keys without
    /// one fall back to PKCS#8 as <c>i2d_PrivateKey</c> does.</param>
    /// <param name="cipher">The PBE cipher name from <see cref="CipherOptions.Parse"/>, or null for plaintext.</param>
    /// <param name="password">The pass phrase; required with a cipher.</param>
    /// <returns>The encoded key.</returns>
    /// <exception cref="CommandException">A cipher without a pass phrase, or -traditional for a key that has no such form.</exception>
    public static byte[] EncodePrivateKey(PrivateKey key, bool der, bool traditional, string? cipher, byte[]? password)
    {
        if (traditional && !der && KeyEncoder.TraditionalPemLabel(key) == PemLabels.PrivateKey)
        {
            // PEM_write_bio_PrivateKey_traditional has no form for Ed25519/Ed448/X25519/X448/RSA-PSS.
            throw new CommandException("Error: the key type has no traditional encoding (unsupported public key type)");
        }

        if (der && (cipher is null || traditional))
        {
            return traditional ? KeyEncoder.EncodeTraditional(key) : KeyEncoder.EncodePkcs8(key);
        }

        if (cipher is null)
        {
            return traditional ? KeyEncoder.EncodeTraditionalPem(key) : KeyEncoder.EncodePkcs8Pem(key);
        }

        // openssl would prompt "Enter PEM pass phrase:"; we have no prompt.
        byte[] pass = password ?? throw new CommandException(
            "Error writing key\nno pass phrase given for the output key (use -passout/-pass, e.g. -passout pass:secret or file:path)");
        if (traditional)
        {
            return PemEncryption.EncryptToBlock(KeyEncoder.TraditionalPemLabel(key), KeyEncoder.EncodeTraditional(key), cipher, pass).Encode();
        }

        byte[] encrypted = EncryptedPrivateKeyInfo.Encrypt(KeyEncoder.EncodePkcs8(key), pass, PbeParameters.Pbes2(cipher));
        return der ? encrypted : PemWriter.Write(PemLabels.EncryptedPrivateKey, encrypted);
    }

    /// <summary>Encodes a public key as SubjectPublicKeyInfo, PEM or DER.</summary>
    /// <param name="key">The key.</param>
    /// <param name="der">DER instead of PEM.</param>
    /// <returns>The encoding.</returns>
    public static byte[] EncodePublicKey(PublicKey key, bool der) =>
        der ? KeyEncoder.EncodeSubjectPublicKeyInfo(key) : KeyEncoder.EncodeSubjectPublicKeyInfoPem(key);

    private static PrivateKey DecodePrivate(byte[] data, byte[]? password)
    {
        if (data.Length > 0 && data[0] == 0x30)
        {
            try
            {
                return KeyDecoder.DecodePrivateKey(data);
            }
            catch (KeyFormatException e) when (e.Reason == KeyFormatError.PassphraseRequired)
            {
                return KeyDecoder.DecodePkcs8(Decrypt(data, password));
            }
        }

        if (!PemReader.TryFind(data, out PemBlock? block, s_privateLabels))
        {
            throw new KeyFormatException(KeyFormatError.NoKeyFound, "no private key found (expected a PRIVATE KEY, ENCRYPTED PRIVATE KEY, RSA/EC/DSA PRIVATE KEY PEM block or DER)");
        }

        if (block.Label == PemLabels.EncryptedPrivateKey)
        {
            return KeyDecoder.DecodePkcs8(Decrypt(block.Data.ToArray(), password));
        }

        if (block.IsEncrypted)
        {
            byte[] plain = password is null
                ? PemEncryption.Decrypt(block.GetDekInfo()?.ToString() ?? string.Empty, block.Data.Span)
                : PemEncryption.Decrypt(block, password);
            return KeyDecoder.DecodePrivateKey(new PemBlock(block.Label, plain));
        }

        return KeyDecoder.DecodePrivateKey(block);
    }

    private static byte[] Decrypt(byte[] encryptedPrivateKeyInfo, byte[]? password) => password is null
        ? EncryptedPrivateKeyInfo.Decrypt(encryptedPrivateKeyInfo)
        : EncryptedPrivateKeyInfo.Decrypt(encryptedPrivateKeyInfo, password);

    private static string Reason(Exception e) => e switch
    {
        PbeException { Reason: PbeError.BadDecrypt } => "bad decrypt: wrong pass phrase or corrupted key",
        PbeException { Reason: PbeError.PasswordRequired } =>
            "the key is encrypted and no pass phrase was given (use -passin, e.g. -passin pass:secret or file:path)",
        _ => e.Message,
    };
}
