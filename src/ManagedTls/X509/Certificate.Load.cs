using ManagedTls.Asn1;
using ManagedTls.Pem;

namespace ManagedTls.X509;

/// <content>Loading from DER or PEM, and writing PEM.</content>
public sealed partial class Certificate
{
    /// <summary>
    /// Loads one certificate from DER or PEM (detected: DER starts with a SEQUENCE tag). For PEM, the first
    /// <c>CERTIFICATE</c>, <c>X509 CERTIFICATE</c> or <c>TRUSTED CERTIFICATE</c> block is used (a trusted certificate's
    /// trailing OpenSSL trust settings are ignored).
    /// </summary>
    /// <param name="data">DER bytes or PEM text.</param>
    /// <returns>The certificate.</returns>
    /// <exception cref="X509FormatException">No certificate found, or the certificate is malformed or not acceptable.</exception>
    /// <exception cref="PemException">The PEM armour is malformed.</exception>
    public static Certificate Load(ReadOnlySpan<byte> data)
    {
        if (LooksLikeDer(data))
        {
            return Decode(data);
        }

        foreach (PemBlock block in PemReader.Enumerate(data))
        {
            if (IsCertificateLabel(block.Label))
            {
                return FromBlock(block);
            }
        }

        throw new X509FormatException(X509FormatError.NoPemBlock, "No CERTIFICATE PEM block found.");
    }

    /// <summary>
    /// Loads every certificate from a PEM bundle (blocks with other labels are skipped, as OpenSSL's
    /// <c>X509_STORE_load_file</c> does) or from concatenated DER certificates.
    /// </summary>
    /// <param name="data">PEM text or DER bytes.</param>
    /// <returns>The certificates in order; empty for PEM text without certificate blocks.</returns>
    /// <exception cref="X509FormatException">A certificate is malformed or not acceptable.</exception>
    /// <exception cref="PemException">The PEM armour is malformed.</exception>
    public static IReadOnlyList<Certificate> LoadAll(ReadOnlySpan<byte> data)
    {
        var result = new List<Certificate>();
        if (LooksLikeDer(data))
        {
            try
            {
                var reader = new DerReader(data);
                while (reader.HasData)
                {
                    result.Add(Decode(ref reader));
                }
            }
            catch (DecodeException e)
            {
                throw X509FormatException.Malformed(e, "certificate");
            }

            return result;
        }

        foreach (PemBlock block in PemReader.Enumerate(data))
        {
            if (IsCertificateLabel(block.Label))
            {
                result.Add(FromBlock(block));
            }
        }

        return result;
    }

    /// <summary>Writes the certificate as a PEM <c>CERTIFICATE</c> block (64-column base64, LF line ends).</summary>
    /// <returns>The PEM text.</returns>
    public string ToPem() => PemWriter.WriteString(PemLabels.Certificate, _raw);

    private static Certificate FromBlock(PemBlock block)
    {
        if (block.Label != PemLabels.TrustedCertificate)
        {
            return Decode(block.Data.Span);
        }

        try
        {
            // TRUSTED CERTIFICATE = Certificate followed by OpenSSL's X509_CERT_AUX (trust settings, alias).
            var reader = new DerReader(block.Data.Span);
            return Decode(ref reader);
        }
        catch (DecodeException e)
        {
            throw X509FormatException.Malformed(e, "trusted certificate");
        }
    }

    private static bool IsCertificateLabel(string label) =>
        label is PemLabels.Certificate or PemLabels.TrustedCertificate or "X509 CERTIFICATE";

    private static bool LooksLikeDer(ReadOnlySpan<byte> data) => !data.IsEmpty && data[0] == 0x30;
}
