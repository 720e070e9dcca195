namespace ManagedTls.OpenSsl;

/// <summary>
/// pyOpenSSL's <c>OpenSSL.crypto</c> module functions, C#-spelled (<c>load_privatekey</c> → <see cref="LoadPrivateKey(FileType, byte[], Passphrase?)"/>).
/// Split by concern: keys (<c>Crypto.Keys.cs</c>), signatures (<c>Crypto.Signatures.cs</c>); certificates, requests,
/// CRLs and PKCS#12 follow in their own files.
/// </summary>
/// <remarks>
/// Errors follow one rule throughout: pyOpenSSL's <c>crypto.Error</c> is <see cref="CryptoException"/>, carrying
/// OpenSSL-style (library, function, reason) entries and the ManagedTls exception that caused it as
/// <see cref="Exception.InnerException"/>; its <c>ValueError</c>/<c>TypeError</c> for bad arguments are
/// <see cref="ArgumentException"/>s with pyOpenSSL's message.
/// </remarks>
public static partial class Crypto
{
    /// <summary>The message pyOpenSSL's <c>_PassphraseHelper</c> raises when a passphrase comes with a non-PEM type.</summary>
    private const string OnlyPemEncrypts = "only FILETYPE_PEM key format supports encryption";

    private static Keys.PrivateKey RequirePrivate(PKey pkey)
    {
        ArgumentNullException.ThrowIfNull(pkey);
        if (pkey.OnlyPublic)
        {
            throw new ArgumentException("Key has only public part", nameof(pkey));
        }

        return pkey.PrivateKey ?? throw new ArgumentException("Key is uninitialized", nameof(pkey));
    }

    private static Keys.PublicKey RequirePublic(PKey pkey)
    {
        ArgumentNullException.ThrowIfNull(pkey);
        return pkey.PublicKey ?? throw new ArgumentException("Key is uninitialized", nameof(pkey));
    }
}
