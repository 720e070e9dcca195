using System.Text;
using ManagedTls.Asn1;
using ManagedTls.Keys;
using ManagedTls.Pem;
using ManagedTls.Pkcs;

namespace ManagedTls.OpenSsl;

/// <summary>Key loading and dumping: <c>load_privatekey</c>, <c>dump_privatekey</c>, <c>load_publickey</c>, <c>dump_publickey</c>.</summary>
public static partial class Crypto
{
    private static readonly string[] s_privateLabels =
    [
        PemLabels.PrivateKey, PemLabels.RsaPrivateKey, PemLabels.EcPrivateKey, PemLabels.DsaPrivateKey, PemLabels.EncryptedPrivateKey,
    ];

    /// <summary>
    /// Loads a private key (<c>load_privatekey</c>, OpenSSL's <c>PEM_read_bio_PrivateKey</c>/<c>d2i_PrivateKey_bio</c>).
    /// </summary>
    /// <param name="type">
    /// <see cref="FileType.Pem"/>: the first private-key block (PRIVATE KEY, RSA/EC/DSA PRIVATE KEY, ENCRYPTED PRIVATE KEY;
    /// other blocks are skipped), encrypted blocks of both kinds — PKCS#8 <c>ENCRYPTED PRIVATE KEY</c> (PBES2, PBES1,
    /// PKCS#12 PBE) and traditional <c>Proc-Type: 4,ENCRYPTED</c>/<c>DEK-Info</c> — decrypted with
    /// <paramref name="passphrase"/>. <see cref="FileType.Asn1"/>: DER PKCS#8, PKCS#1, SEC1 or OpenSSL DSA, and (a
    /// ManagedTls extension; OpenSSL's <c>d2i_PrivateKey_bio</c> cannot) DER EncryptedPrivateKeyInfo with a passphrase.
    /// </param>
    /// <param name="buffer">The encoded key.</param>
    /// <param name="passphrase">
    /// For encrypted keys: bytes, a string (UTF-8) or a <see cref="PassphraseCallback"/> (called once, with
    /// <c>writing: false</c>, only if the key is encrypted). Ignored for an unencrypted PEM key, as in pyOpenSSL.
    /// </param>
    /// <returns>The key pair.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="buffer"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="type"/> is neither PEM nor ASN1 ("type argument must be FILETYPE_PEM or FILETYPE_ASN1"); a
    /// passphrase with unencrypted DER ("only FILETYPE_PEM key format supports encryption"); a callback result that is
    /// null ("Bytes expected") or over 1024 bytes ("passphrase returned by callback is too long").
    /// </exception>
    /// <exception cref="CryptoException">
    /// No key (<c>("PEM routines", "get_name", "no start line")</c>); encrypted with no passphrase
    /// (<c>"bad password read"</c>); wrong passphrase or corrupted ciphertext
    /// (<c>("digital envelope routines", "EVP_DecryptFinal_ex", "bad decrypt")</c> first); malformed or unsupported
    /// data (ASN.1, PEM or EVP entries). Exceptions thrown by a callback propagate unchanged.
    /// </exception>
    public static PKey LoadPrivateKey(FileType type, byte[] buffer, Passphrase? passphrase = null)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        return type switch
        {
            FileType.Pem => new PKey(LoadPrivatePem(buffer, passphrase)),
            FileType.Asn1 => new PKey(LoadPrivateDer(buffer, passphrase)),
            _ when passphrase is not null => throw new ArgumentException(OnlyPemEncrypts, nameof(passphrase)),
            _ => throw new ArgumentException("type argument must be FILETYPE_PEM or FILETYPE_ASN1", nameof(type)),
        };
    }

    /// <summary>Loads a private key, asking <paramref name="passphrase"/> for the passphrase if the key is encrypted.</summary>
    /// <param name="type">As for <see cref="LoadPrivateKey(FileType, byte[], Passphrase?)"/>.</param>
    /// <param name="buffer">The encoded key.</param>
    /// <param name="passphrase">Called once, with <c>writing: false</c>, only when the key is encrypted.</param>
    /// <returns>The key pair.</returns>
    /// <exception cref="ArgumentException">As for <see cref="LoadPrivateKey(FileType, byte[], Passphrase?)"/>.</exception>
    /// <exception cref="CryptoException">As for <see cref="LoadPrivateKey(FileType, byte[], Passphrase?)"/>.</exception>
    public static PKey LoadPrivateKey(FileType type, byte[] buffer, PassphraseCallback passphrase) =>
        LoadPrivateKey(type, buffer, Passphrase.FromCallback(passphrase));

    /// <summary>
    /// Dumps a private key (<c>dump_privatekey</c>), as pyOpenSSL on OpenSSL 3 writes it.
    /// </summary>
    /// <param name="type">
    /// <see cref="FileType.Pem"/>: PKCS#8 <c>PRIVATE KEY</c>, or with <paramref name="cipher"/> PKCS#8
    /// <c>ENCRYPTED PRIVATE KEY</c> (PBES2, PBKDF2-HMAC-SHA256, 2048 iterations, 8-byte salt — OpenSSL 3's
    /// <c>PEM_write_bio_PrivateKey</c>; OpenSSL 1.x wrote the traditional <c>RSA PRIVATE KEY</c> with DEK-Info
    /// instead, and <see cref="LoadPrivateKey(FileType, byte[], Passphrase?)"/> reads both).
    /// <see cref="FileType.Asn1"/>: the DER <c>i2d_PrivateKey</c> writes — PKCS#1 for RSA, SEC1 for EC, OpenSSL's form for
    /// DSA, PKCS#8 for types with no traditional form (RSA-PSS, Ed25519, Ed448, X25519, X448).
    /// <see cref="FileType.Text"/>: <c>RSA_print</c>'s text (RSA keys only).
    /// </param>
    /// <param name="pkey">The key; it must hold a private key.</param>
    /// <param name="cipher">
    /// PEM only: encrypt with this OpenSSL cipher — <c>aes-128-cbc</c>, <c>aes-192-cbc</c>, <c>aes-256-cbc</c>,
    /// <c>des-ede3-cbc</c>, <c>des-cbc</c> or the aliases <c>aes128</c>, <c>aes256</c>, <c>des3</c>, <c>des</c> (case-insensitive).
    /// </param>
    /// <param name="passphrase">
    /// With <paramref name="cipher"/>: bytes, a string (UTF-8) or a callback (called once, with <c>writing: true</c>).
    /// Without a cipher it is not used, as in pyOpenSSL.
    /// </param>
    /// <returns>The encoded key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pkey"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// A cipher without a passphrase ("if a value is given for cipher one must also be given for passphrase"); an
    /// unknown cipher ("Invalid cipher name"); a passphrase with a non-PEM type ("only FILETYPE_PEM key format supports
    /// encryption"); Text for a non-RSA key ("Only RSA keys are supported for FILETYPE_TEXT"); another type
    /// ("type argument must be FILETYPE_PEM, FILETYPE_ASN1, or FILETYPE_TEXT"); a public-only key ("Key has only public
    /// part") or an empty one ("Key is uninitialized"); a bad callback result as for loading.
    /// </exception>
    public static byte[] DumpPrivateKey(FileType type, PKey pkey, string? cipher = null, Passphrase? passphrase = null)
    {
        ArgumentNullException.ThrowIfNull(pkey);
        PbeParameters? scheme = null;
        if (cipher is not null)
        {
            if (passphrase is null)
            {
                throw new ArgumentException("if a value is given for cipher one must also be given for passphrase", nameof(passphrase));
            }

            scheme = ParseCipher(cipher);
        }

        if (type != FileType.Pem && passphrase is not null)
        {
            throw new ArgumentException(OnlyPemEncrypts, nameof(passphrase));
        }

        if (type is not (FileType.Pem or FileType.Asn1 or FileType.Text))
        {
            throw new ArgumentException("type argument must be FILETYPE_PEM, FILETYPE_ASN1, or FILETYPE_TEXT", nameof(type));
        }

        PrivateKey key = RequirePrivate(pkey);
        switch (type)
        {
            case FileType.Pem when scheme is null:
                return KeyEncoder.EncodePkcs8Pem(key);
            case FileType.Pem:
                return EncryptPkcs8Pem(key, scheme, passphrase!.Resolve(writing: true));
            case FileType.Asn1:
                return KeyEncoder.EncodeTraditional(key);
            default:
                if (key.Algorithm != KeyAlgorithm.Rsa)
                {
                    throw new ArgumentException("Only RSA keys are supported for FILETYPE_TEXT", nameof(pkey));
                }

                return DumpRsaText((RsaPrivateKey)key);
        }
    }

    /// <summary>Dumps a private key encrypted with a passphrase from <paramref name="passphrase"/>.</summary>
    /// <param name="type">As for <see cref="DumpPrivateKey(FileType, PKey, string?, Passphrase?)"/>.</param>
    /// <param name="pkey">The key.</param>
    /// <param name="cipher">The cipher; null writes the key unencrypted and never calls <paramref name="passphrase"/>.</param>
    /// <param name="passphrase">Called once, with <c>writing: true</c>.</param>
    /// <returns>The encoded key.</returns>
    /// <exception cref="ArgumentException">As for <see cref="DumpPrivateKey(FileType, PKey, string?, Passphrase?)"/>.</exception>
    public static byte[] DumpPrivateKey(FileType type, PKey pkey, string? cipher, PassphraseCallback passphrase) =>
        DumpPrivateKey(type, pkey, cipher, Passphrase.FromCallback(passphrase));

    /// <summary>
    /// Loads a public key (<c>load_publickey</c>, <c>PEM_read_bio_PUBKEY</c>/<c>d2i_PUBKEY_bio</c>): a SubjectPublicKeyInfo,
    /// as PEM <c>PUBLIC KEY</c> (the first such block; PKCS#1 <c>RSA PUBLIC KEY</c> blocks are not read, as OpenSSL's
    /// PUBKEY reader skips them) or DER.
    /// </summary>
    /// <param name="type">PEM or ASN1.</param>
    /// <param name="buffer">The encoded key.</param>
    /// <returns>A public-only <see cref="PKey"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="buffer"/> is null.</exception>
    /// <exception cref="ArgumentException">Another type ("type argument must be FILETYPE_PEM or FILETYPE_ASN1").</exception>
    /// <exception cref="CryptoException">No PUBLIC KEY block ("no start line"), or malformed or unsupported data.</exception>
    public static PKey LoadPublicKey(FileType type, byte[] buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        switch (type)
        {
            case FileType.Pem:
                PemBlock block = FindPem(buffer, [PemLabels.PublicKey]) ?? throw CryptoErrors.NoStartLine();
                return new PKey(DecodeKey(() => KeyDecoder.DecodeSubjectPublicKeyInfo(block.Data.Span), "PEM_read_bio_PUBKEY"));
            case FileType.Asn1:
                return new PKey(DecodeKey(() => KeyDecoder.DecodeSubjectPublicKeyInfo(buffer), "d2i_PUBKEY_bio"));
            default:
                throw new ArgumentException("type argument must be FILETYPE_PEM or FILETYPE_ASN1", nameof(type));
        }
    }

    /// <summary>
    /// Dumps the public key of <paramref name="pkey"/> (<c>dump_publickey</c>, <c>PEM_write_bio_PUBKEY</c>/<c>i2d_PUBKEY_bio</c>)
    /// as a SubjectPublicKeyInfo: PEM <c>PUBLIC KEY</c> or DER. Works for key pairs and public-only keys.
    /// </summary>
    /// <param name="type">PEM or ASN1.</param>
    /// <param name="pkey">The key.</param>
    /// <returns>The encoded public key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pkey"/> is null.</exception>
    /// <exception cref="ArgumentException">Another type ("type argument must be FILETYPE_PEM or FILETYPE_ASN1"); an empty key ("Key is uninitialized").</exception>
    public static byte[] DumpPublicKey(FileType type, PKey pkey)
    {
        ArgumentNullException.ThrowIfNull(pkey);
        if (type is not (FileType.Pem or FileType.Asn1))
        {
            throw new ArgumentException("type argument must be FILETYPE_PEM or FILETYPE_ASN1", nameof(type));
        }

        Keys.PublicKey key = RequirePublic(pkey);
        return type == FileType.Pem ? KeyEncoder.EncodeSubjectPublicKeyInfoPem(key) : KeyEncoder.EncodeSubjectPublicKeyInfo(key);
    }

    private static PrivateKey LoadPrivatePem(byte[] buffer, Passphrase? passphrase)
    {
        PemBlock block = FindPem(buffer, s_privateLabels) ?? throw CryptoErrors.NoStartLine();
        if (block.Label == PemLabels.EncryptedPrivateKey)
        {
            byte[] password = passphrase?.Resolve(writing: false) ?? throw CryptoErrors.BadPasswordRead("PEM_read_bio_PrivateKey");
            byte[] plain = Decrypt(() => EncryptedPrivateKeyInfo.Decrypt(block.Data.Span, password), pkcs8: true);
            return DecodeAndClear(plain, () => KeyDecoder.DecodePkcs8(plain), "PEM_read_bio_PrivateKey");
        }

        if (block.IsEncrypted)
        {
            byte[] password = passphrase?.Resolve(writing: false) ?? throw CryptoErrors.BadPasswordRead("PEM_do_header");
            byte[] plain = Decrypt(() => PemEncryption.Decrypt(block, password), pkcs8: false);
            return DecodeAndClear(plain, () => KeyDecoder.DecodePrivateKey(new PemBlock(block.Label, plain)), "PEM_read_bio_PrivateKey");
        }

        return DecodeKey(() => KeyDecoder.DecodePrivateKey(block), "PEM_read_bio_PrivateKey");
    }

    private static PrivateKey LoadPrivateDer(byte[] buffer, Passphrase? passphrase)
    {
        if (!IsEncryptedPrivateKeyInfo(buffer))
        {
            if (passphrase is not null)
            {
                throw new ArgumentException(OnlyPemEncrypts, nameof(passphrase));
            }

            // KeyDecoder treats anything not starting with a SEQUENCE tag as PEM; d2i_PrivateKey_bio only reads DER.
            return buffer.Length > 0 && buffer[0] == 0x30
                ? DecodeKey(() => KeyDecoder.DecodePrivateKey(buffer), "d2i_PrivateKey_bio")
                : throw CryptoErrors.FromKeyFormat(new KeyFormatException(KeyFormatError.MalformedDer, "not DER: the first byte is not a SEQUENCE tag"), "d2i_PrivateKey_bio");
        }

        byte[] password = passphrase?.Resolve(writing: false) ?? throw CryptoErrors.BadPasswordRead("d2i_PKCS8PrivateKey_bio");
        byte[] plain = Decrypt(() => EncryptedPrivateKeyInfo.Decrypt(buffer, password), pkcs8: true);
        return DecodeAndClear(plain, () => KeyDecoder.DecodePkcs8(plain), "d2i_PKCS8PrivateKey_bio");
    }

    /// <summary>EncryptedPrivateKeyInfo ::= SEQUENCE { AlgorithmIdentifier (a SEQUENCE), OCTET STRING }; every plaintext form starts with an INTEGER.</summary>
    private static bool IsEncryptedPrivateKeyInfo(byte[] buffer)
    {
        try
        {
            var reader = new DerReader(buffer);
            DerReader sequence = reader.ReadSequence();
            return sequence.HasData && sequence.PeekTag() == Asn1Tag.Sequence;
        }
        catch (DecodeException)
        {
            return false;
        }
    }

    private static PemBlock? FindPem(byte[] buffer, string[] labels)
    {
        try
        {
            foreach (PemBlock block in PemReader.Enumerate(buffer))
            {
                if (labels.Contains(block.Label))
                {
                    return block;
                }
            }

            return null;
        }
        catch (PemException e)
        {
            throw CryptoErrors.FromPem(e);
        }
    }

    private static byte[] Decrypt(Func<byte[]> decrypt, bool pkcs8)
    {
        try
        {
            return decrypt();
        }
        catch (PbeException e)
        {
            throw CryptoErrors.FromPbe(e, pkcs8);
        }
    }

    private static T DecodeKey<T>(Func<T> decode, string function)
    {
        try
        {
            return decode();
        }
        catch (KeyFormatException e)
        {
            throw CryptoErrors.FromKeyFormat(e, function);
        }
    }

    private static PrivateKey DecodeAndClear(byte[] plain, Func<PrivateKey> decode, string function)
    {
        try
        {
            return DecodeKey(decode, function);
        }
        finally
        {
            Array.Clear(plain);
        }
    }

    private static PbeParameters ParseCipher(string cipher)
    {
        try
        {
            return PbeParameters.Pbes2(cipher);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException("Invalid cipher name", nameof(cipher), e);
        }
    }

    private static byte[] EncryptPkcs8Pem(PrivateKey key, PbeParameters scheme, byte[] password)
    {
        byte[] pkcs8 = KeyEncoder.EncodePkcs8(key);
        try
        {
            return PemWriter.Write(PemLabels.EncryptedPrivateKey, EncryptedPrivateKeyInfo.Encrypt(pkcs8, password, scheme));
        }
        finally
        {
            Array.Clear(pkcs8);
        }
    }

    /// <summary>pyOpenSSL's FILETYPE_TEXT: <c>RSA_print(bio, rsa, 0)</c>, as OpenSSL 3.0 prints it (ASCII).</summary>
    private static byte[] DumpRsaText(RsaPrivateKey key) => Encoding.ASCII.GetBytes(KeyTextFormatter.FormatRsaPrint(key));
}
