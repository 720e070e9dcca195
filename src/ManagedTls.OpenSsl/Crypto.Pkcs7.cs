using ManagedTls.Asn1;
using ManagedTls.Pkcs.Cms;

namespace ManagedTls.OpenSsl;

/// <content><c>load_pkcs7_data</c>.</content>
public static partial class Crypto
{
    /// <summary>
    /// Loads a PKCS#7 message (<c>load_pkcs7_data(type, buffer)</c>): PEM (<c>PEM_read_bio_PKCS7</c>: a <c>PKCS7</c>
    /// or <c>PKCS #7 SIGNED DATA</c> block) or ASN1 (<c>d2i_PKCS7_bio</c>: DER or BER, indefinite lengths included).
    /// </summary>
    /// <param name="type"><see cref="FileType.Pem"/> or <see cref="FileType.Asn1"/>.</param>
    /// <param name="buffer">The encoded message.</param>
    /// <returns>The message.</returns>
    /// <exception cref="ArgumentException">Another <paramref name="type"/> ("type argument must be FILETYPE_PEM or FILETYPE_ASN1").</exception>
    /// <exception cref="CryptoException">No PKCS#7 found, or it is malformed (the <see cref="Pkcs7Exception"/> is the inner exception).</exception>
    public static PKCS7 LoadPkcs7Data(FileType type, byte[] buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        try
        {
            return type switch
            {
                FileType.Pem => new PKCS7(Pkcs7.LoadPem(buffer)),
                FileType.Asn1 => new PKCS7(Pkcs7.Decode(buffer)),
                _ => throw new ArgumentException("type argument must be FILETYPE_PEM or FILETYPE_ASN1", nameof(type)),
            };
        }
        catch (Pkcs7Exception e)
        {
            throw Pkcs7Error(e, type == FileType.Pem ? "PEM_read_bio_PKCS7" : "d2i_PKCS7_bio");
        }
    }

    // The OpenSSL 1.1 error queue pyOpenSSL shows for the same failure.
    private static CryptoException Pkcs7Error(Pkcs7Exception e, string function) => e.Reason switch
    {
        Pkcs.Cms.Pkcs7Error.NoPemBlock => new CryptoException("PEM routines", "get_name", "no start line", e),
        Pkcs.Cms.Pkcs7Error.Malformed when e.InnerException is Pem.PemException => new CryptoException("PEM routines", "PEM_read_bio_ex", "bad base64 decode", e),
        Pkcs.Cms.Pkcs7Error.Malformed when e.InnerException is DecodeException { Reason: DecodeError.Truncated } =>
            new CryptoException([new("asn1 encoding routines", "asn1_d2i_read_bio", "not enough data"), new(function.StartsWith("PEM", StringComparison.Ordinal) ? "PEM routines" : "asn1 encoding routines", function, "ASN1 lib")], e),
        _ => new CryptoException([new("asn1 encoding routines", "asn1_item_embed_d2i", "nested asn1 error"), new(function.StartsWith("PEM", StringComparison.Ordinal) ? "PEM routines" : "asn1 encoding routines", function, "ASN1 lib")], e),
    };
}
