using ManagedTls.Asn1;
using ManagedTls.Keys;
using ManagedTls.Pem;
using ManagedTls.Pkcs;
using ManagedTls.Signatures;

namespace ManagedTls.OpenSsl;

/// <summary>
/// Translates ManagedTls's typed failures into <see cref="CryptoException"/>s whose entries read like the OpenSSL 1.1
/// error queue pyOpenSSL would show for the same input (library, function, reason strings from OpenSSL's tables).
/// The ManagedTls exception stays attached as the inner exception, with the precise reason.
/// </summary>
/// <remarks>
/// The strings are OpenSSL 1.1's, what pyOpenSSL 16.1's users saw and matched on. OpenSSL 3 renamed a few (a wrong
/// passphrase is <c>("Provider routines", "ossl_cipher_unpadblock", "bad decrypt")</c> there); the reasons —
/// the part code usually compares — are the same in both.
/// </remarks>
internal static class CryptoErrors
{
    private const string Pem = "PEM routines";
    private const string Asn1 = "asn1 encoding routines";
    private const string Evp = "digital envelope routines";
    private const string Pkcs12 = "PKCS12 routines";

    /// <summary>No PEM block of an accepted label: <c>PEM_read_bio</c> found no start line.</summary>
    public static CryptoException NoStartLine() => new(Pem, "get_name", "no start line");

    /// <summary>The key is encrypted and no passphrase was given (OpenSSL's default callback has no terminal to ask).</summary>
    /// <param name="function">"PEM_do_header" (DEK-Info PEM), "PEM_read_bio_PrivateKey" (PKCS#8 PEM) or "d2i_PKCS8PrivateKey_bio" (DER).</param>
    public static CryptoException BadPasswordRead(string function) =>
        new([new(Pem, "PEM_def_callback", "problems getting password"), new(Pem, function, "bad password read")]);

    public static CryptoException FromPem(PemException e) => e.Reason switch
    {
        PemError.InvalidBase64Character or PemError.InvalidBase64Padding or PemError.DataAfterPadding or PemError.NonCanonicalBase64
            => new(Pem, "PEM_read_bio_ex", "bad base64 decode", e),
        PemError.MissingEndLine or PemError.MismatchedEndLabel => new(Pem, "get_header_and_data", "bad end line", e),
        _ => new(Pem, "PEM_read_bio_ex", "bad header", e),
    };

    /// <summary>A decryption failure: wrong passphrase or corrupted ciphertext ("bad decrypt"), or a malformed/unsupported scheme.</summary>
    /// <param name="e">The PBE-layer failure.</param>
    /// <param name="pkcs8">True for EncryptedPrivateKeyInfo, false for a DEK-Info PEM block.</param>
    public static CryptoException FromPbe(PbeException e, bool pkcs8)
    {
        OpenSslErrorEntry[] entries = (e.Reason, pkcs8) switch
        {
            (PbeError.BadDecrypt, false) => [new(Evp, "EVP_DecryptFinal_ex", "bad decrypt"), new(Pem, "PEM_do_header", "bad decrypt")],
            (PbeError.BadDecrypt, true) =>
            [
                new(Evp, "EVP_DecryptFinal_ex", "bad decrypt"),
                new(Pkcs12, "PKCS12_pbe_crypt", "pkcs12 cipherfinal error"),
                new(Pkcs12, "PKCS12_item_decrypt_d2i", "pkcs12 pbe crypt error"),
            ],
            (PbeError.UnsupportedAlgorithm, false) => [new(Pem, "PEM_get_EVP_CIPHER_INFO", "unsupported encryption")],
            (PbeError.UnsupportedAlgorithm, true) => [new(Evp, "EVP_PBE_CipherInit", "unknown cipher")],
            (PbeError.InvalidParameters, false) => [new(Pem, "load_iv", "bad iv chars")],
            (PbeError.InvalidParameters, true) => [new(Evp, "PKCS5_v2_PBE_keyivgen", "unsupported keylength")],
            (PbeError.PasswordRequired, false) => BadPasswordRead("PEM_do_header").Errors.ToArray(),
            (PbeError.PasswordRequired, true) => BadPasswordRead("PEM_read_bio_PrivateKey").Errors.ToArray(),
            (_, false) => [new(Pem, "PEM_get_EVP_CIPHER_INFO", "not proc type")],
            (_, true) => [new(Asn1, "asn1_item_embed_d2i", "nested asn1 error")],
        };
        return new CryptoException(entries, e);
    }

    /// <summary>A key that is not well-formed or not supported, after any decryption.</summary>
    /// <param name="e">The key-layer failure.</param>
    /// <param name="function">The OpenSSL function that reads the outer structure ("PEM_read_bio_PrivateKey", "d2i_PrivateKey_bio", "PEM_read_bio_PUBKEY", "d2i_PUBKEY_bio").</param>
    public static CryptoException FromKeyFormat(KeyFormatException e, string function)
    {
        OpenSslErrorEntry first = e.Reason switch
        {
            KeyFormatError.MalformedDer => FromDer(e.InnerException as DecodeException),
            KeyFormatError.MalformedPem when e.InnerException is PemException pem => FromPem(pem).Errors[0],
            KeyFormatError.NoKeyFound => new(Pem, "get_name", "no start line"),
            KeyFormatError.PassphraseRequired => BadPasswordRead(function).Errors[^1],
            KeyFormatError.UnsupportedAlgorithm => new(Evp, "EVP_PKCS82PKEY", "unsupported private key algorithm"),
            KeyFormatError.UnsupportedCurve => new("elliptic curve routines", "EC_GROUP_new_by_curve_name", "unknown group"),
            KeyFormatError.ExplicitCurveParameters => new("elliptic curve routines", "ec_asn1_pkparameters2group", "explicit parameters not supported"),
            KeyFormatError.UnsupportedVersion => new(Asn1, "asn1_item_embed_d2i", "unsupported version"),
            _ => new(Asn1, "asn1_item_embed_d2i", "decode error"),
        };
        return new CryptoException([first, new(function.StartsWith("PEM", StringComparison.Ordinal) ? Pem : Asn1, function, "ASN1 lib")], e);
    }

    /// <summary>A certificate, request or CRL that is not well-formed or not acceptable.</summary>
    /// <param name="e">The X.509-layer failure.</param>
    /// <param name="function">The OpenSSL function that reads the structure ("d2i_X509_bio", "PEM_read_bio_X509", ...).</param>
    public static CryptoException FromX509Format(ManagedTls.X509.X509FormatException e, string function)
    {
        OpenSslErrorEntry first = e.Reason switch
        {
            ManagedTls.X509.X509FormatError.MalformedDer => FromDer(e.InnerException as DecodeException),
            ManagedTls.X509.X509FormatError.NoPemBlock => new(Pem, "get_name", "no start line"),
            ManagedTls.X509.X509FormatError.InvalidPublicKeyInfo => new("x509 certificate routines", "x509_pubkey_decode", "unsupported algorithm"),
            ManagedTls.X509.X509FormatError.UnsupportedVersion => new(Asn1, "asn1_item_embed_d2i", "unsupported version"),
            ManagedTls.X509.X509FormatError.InvalidName => new(Asn1, "asn1_check_tlen", "wrong tag"),
            _ => new(Asn1, "asn1_item_embed_d2i", "nested asn1 error"),
        };
        return new CryptoException([first, new(function.StartsWith("PEM", StringComparison.Ordinal) ? Pem : Asn1, function, "ASN1 lib")], e);
    }

    /// <summary>A signature that does not verify.</summary>
    /// <param name="algorithm">The key's algorithm.</param>
    public static CryptoException BadSignature(KeyAlgorithm algorithm) => algorithm is KeyAlgorithm.Rsa or KeyAlgorithm.RsaPss
        ? new("rsa routines", "int_rsa_verify", "bad signature")
        : new(Evp, "EVP_VerifyFinal", "bad signature");

    /// <summary>Signing or verifying options that do not fit the key (e.g. a digest too big for a small RSA key).</summary>
    /// <param name="e">The signature-layer failure.</param>
    /// <param name="function">"EVP_SignFinal" or "EVP_VerifyFinal".</param>
    public static CryptoException FromSignature(SignatureException e, string function) => e.Reason switch
    {
        SignatureError.UnsupportedKey => OperationNotSupported(function, e),
        SignatureError.KeyMismatch or SignatureError.KeyRestriction => new(Evp, function, "invalid digest", e),
        _ => new(Evp, function, e.Message, e),
    };

    /// <summary>EdDSA and key-agreement keys cannot sign through <c>EVP_SignInit</c> with a digest.</summary>
    public static CryptoException OperationNotSupported(string function, Exception? inner = null) =>
        new(Evp, function, "operation not supported for this keytype", inner);

    private static OpenSslErrorEntry FromDer(DecodeException? e) => e?.Reason switch
    {
        DecodeError.Truncated => new(Asn1, "ASN1_get_object", "too long"),
        DecodeError.UnexpectedTag => new(Asn1, "asn1_check_tlen", "wrong tag"),
        DecodeError.InvalidLength or DecodeError.NonMinimalLength => new(Asn1, "asn1_get_length", "bad object header"),
        _ => new(Asn1, "asn1_item_embed_d2i", "nested asn1 error"),
    };
}
