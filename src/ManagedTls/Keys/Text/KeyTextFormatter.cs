namespace ManagedTls.Keys;

/// <summary>
/// Writes keys as human-readable text, byte for byte as OpenSSL 3.0 prints them: <c>openssl pkey -text -noout</c>,
/// <c>openssl pkey -text_pub -noout</c> / <c>openssl pkey -pubin -text -noout</c>, and the identical
/// <c>openssl rsa</c> / <c>openssl ec</c> <c>-text -noout</c> output (the PEM that <c>-text</c> without
/// <c>-noout</c> also writes is not part of this text).
/// </summary>
/// <remarks>
/// The layout is that of OpenSSL 3.0's provider text encoder (encode_key2text.c), which <c>EVP_PKEY_print_private</c>
/// and <c>EVP_PKEY_print_public</c> use for every key the <c>openssl</c> commands load. The legacy
/// <c>RSA_print</c> (what pyOpenSSL's <c>dump_privatekey(FILETYPE_TEXT, ...)</c> calls) differs slightly; see
/// <see cref="FormatRsaPrint"/>.
/// </remarks>
public static partial class KeyTextFormatter
{
    /// <summary>
    /// Formats a private key as <c>openssl pkey -text -noout</c> prints it (and <c>EVP_PKEY_print_private</c>).
    /// </summary>
    /// <param name="key">The key.</param>
    /// <param name="indent">Spaces before every line, as the <c>indent</c> argument of <c>EVP_PKEY_print_private</c>.</param>
    /// <returns>The text, each line ending in <c>\n</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="indent"/> is negative.</exception>
    /// <exception cref="NotSupportedException">
    /// An EC or ECX key whose encoding omitted the public key, and no crypto provider can derive it.
    /// </exception>
    public static string FormatPrivateKey(PrivateKey key, int indent = 0)
    {
        ArgumentNullException.ThrowIfNull(key);
        var writer = new KeyTextWriter(indent);
        switch (key)
        {
            case RsaPrivateKey rsa:
                WriteRsaPrivate(writer, rsa, legacy: false);
                break;
            case DsaPrivateKey dsa:
                WriteDsa(writer, dsa.PublicKey, dsa.X);
                break;
            case EcPrivateKey ec:
                WriteEc(writer, ec.PublicKey, ec.Scalar);
                break;
            case EcxPrivateKey ecx:
                WriteEcx(writer, ecx.PublicKey, ecx.Key);
                break;
            default:
                throw new ArgumentException($"no text form for {key.GetType().Name}", nameof(key));
        }

        return writer.ToString();
    }

    /// <summary>
    /// Formats a public key as <c>openssl pkey -pubin -text -noout</c> (or <c>-text_pub</c> on a private key) prints it,
    /// and <c>EVP_PKEY_print_public</c>.
    /// </summary>
    /// <param name="key">The key.</param>
    /// <param name="indent">
    /// Spaces before every line, as the <c>indent</c> argument of <c>EVP_PKEY_print_public</c> (16 inside
    /// <c>openssl x509 -text</c>'s Subject Public Key Info).
    /// </param>
    /// <returns>The text, each line ending in <c>\n</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="indent"/> is negative.</exception>
    public static string FormatPublicKey(PublicKey key, int indent = 0)
    {
        ArgumentNullException.ThrowIfNull(key);
        var writer = new KeyTextWriter(indent);
        switch (key)
        {
            case RsaPublicKey rsa:
                WriteRsaPublic(writer, rsa);
                break;
            case DsaPublicKey dsa:
                WriteDsa(writer, dsa, privateValue: null);
                break;
            case EcPublicKey ec:
                WriteEc(writer, ec, privateScalar: null);
                break;
            case EcxPublicKey ecx:
                WriteEcx(writer, ecx, privateKey: null);
                break;
            default:
                throw new ArgumentException($"no text form for {key.GetType().Name}", nameof(key));
        }

        return writer.ToString();
    }

    /// <summary>
    /// Formats an RSA private key as OpenSSL 3.0's legacy <c>RSA_print(bio, rsa, 0)</c> does, which is what pyOpenSSL's
    /// <c>dump_privatekey(FILETYPE_TEXT, pkey)</c> returns: the <see cref="FormatPrivateKey"/> text with the header
    /// <c>RSA Private-Key: (N bit, K primes)</c> and never a PSS block (<c>RSA_print</c> wraps the key as plain RSA, so an
    /// RSA-PSS key prints without its restrictions).
    /// </summary>
    /// <param name="key">The key (RSA or RSA-PSS).</param>
    /// <returns>The text, each line ending in <c>\n</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    public static string FormatRsaPrint(RsaPrivateKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var writer = new KeyTextWriter(0);
        WriteRsaPrivate(writer, key, legacy: true);
        return writer.ToString();
    }
}
