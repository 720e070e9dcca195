using ManagedTls.Pkcs.Pkcs12;

namespace ManagedTls.OpenSsl;

/// <content>PKCS#12 loading (<c>load_pkcs12</c>).</content>
public static partial class Crypto
{
    /// <summary>
    /// Loads a PKCS#12 archive (<c>load_pkcs12</c>, OpenSSL's <c>PKCS12_parse</c>). The MAC is always checked; with no or an
    /// empty passphrase both the absent and the empty password are tried, as OpenSSL does.
    /// </summary>
    /// <param name="buffer">The DER (or BER) of the archive.</param>
    /// <param name="passphrase">Bytes or text (UTF-8), not a callback; null for none.</param>
    /// <returns>The loaded object.</returns>
    /// <exception cref="ArgumentException">A callback passphrase.</exception>
    /// <exception cref="CryptoException">
    /// Not PKCS#12 ("asn1 encoding routines" entries), a wrong password or an altered file ("PKCS12 routines",
    /// "PKCS12_parse", "mac verify failure"), a part that does not decrypt ("pkcs12 cipherfinal error") or decode, an
    /// unsupported algorithm. The <see cref="Pkcs12Exception"/> with its precise reason is the inner exception.
    /// </exception>
    public static PKCS12 LoadPkcs12(byte[] buffer, Passphrase? passphrase = null)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        if (passphrase is { IsCallback: true })
        {
            throw new ArgumentException("passphrase must be bytes or text, not a callback", nameof(passphrase));
        }

        try
        {
            return PKCS12.From(Pkcs12Archive.LoadWithOctets(buffer, passphrase?.Resolve(writing: false)));
        }
        catch (Pkcs12Exception e)
        {
            throw FromPkcs12(e);
        }
    }

    private static CryptoException FromPkcs12(Pkcs12Exception e)
    {
        const string Pkcs12 = "PKCS12 routines";
        OpenSslErrorEntry[] entries = e.Reason switch
        {
            Pkcs12Error.Malformed =>
            [
                new("asn1 encoding routines", "asn1_d2i_read_bio", "not enough data"),
            ],
            Pkcs12Error.WrongPassword or Pkcs12Error.MacVerifyFailure => [new(Pkcs12, "PKCS12_parse", "mac verify failure")],
            Pkcs12Error.BadDecrypt =>
            [
                new("digital envelope routines", "EVP_DecryptFinal_ex", "bad decrypt"),
                new(Pkcs12, "PKCS12_pbe_crypt", "pkcs12 cipherfinal error"),
                new(Pkcs12, "PKCS12_parse", "parse error"),
            ],
            Pkcs12Error.UnsupportedAlgorithm => [new("digital envelope routines", "EVP_PBE_CipherInit", "unknown pbe algorithm"), new(Pkcs12, "PKCS12_parse", "parse error")],
            _ => [new(Pkcs12, "PKCS12_parse", "parse error")],
        };
        return new CryptoException(entries, e);
    }
}
