using ManagedTls.Pkcs.Cms;

namespace ManagedTls.Cli;

/// <summary>Loading and writing PKCS#7 for <c>pkcs7</c>, <c>crl2pkcs7</c> and <c>smime</c>, with openssl's failure lines.</summary>
internal static class Pkcs7Files
{
    /// <summary>Reads a PKCS#7 as <c>PEM_read_bio_PKCS7</c> (PEM) or <c>d2i_PKCS7_bio</c> (DER, BER included).</summary>
    /// <param name="data">The bytes.</param>
    /// <param name="der">True for <c>-inform DER</c>.</param>
    /// <param name="failure">openssl's first failure line.</param>
    /// <returns>The message.</returns>
    /// <exception cref="CommandException">Not PKCS#7.</exception>
    public static Pkcs7 Decode(byte[] data, bool der, string failure)
    {
        try
        {
            return der ? Pkcs7.Decode(data) : Pkcs7.LoadPem(data);
        }
        catch (Pkcs7Exception e)
        {
            throw new CommandException(failure + "\n" + Describe(e));
        }
    }

    /// <summary>One line naming a PKCS#7 failure the way OpenSSL's error queue would.</summary>
    /// <param name="e">The failure.</param>
    /// <returns>The line.</returns>
    public static string Describe(Pkcs7Exception e) => e.Reason switch
    {
        Pkcs7Error.NoPemBlock => "PEM routines:get_name:no start line:Expecting: PKCS7",
        Pkcs7Error.LimitExceeded => "asn1 encoding routines:" + e.Message,
        Pkcs7Error.Malformed => "asn1 encoding routines:" + e.Message,
        _ => "PKCS7 routines:" + e.Message,
    };

    /// <summary>Writes the message as PEM (<c>PKCS7</c>) or DER.</summary>
    /// <param name="output">The destination.</param>
    /// <param name="message">The message.</param>
    /// <param name="der">DER instead of PEM.</param>
    public static void Write(Stream output, Pkcs7 message, bool der) =>
        X509Files.Write(output, message.RawData, der, Pem.PemLabels.Pkcs7);
}
