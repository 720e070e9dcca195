using System.Globalization;
using ManagedTls.X509.Text;

namespace ManagedTls.X509;

/// <content>The human-readable dump (OpenSSL 3.0 crypto/x509/t_crl.c <c>X509_CRL_print_ex</c>).</content>
public sealed partial class CertificateRevocationList
{
    /// <summary>
    /// The CRL as <c>openssl crl -text -noout</c> (OpenSSL 3.0) prints it, byte for byte: version, the outer
    /// signature algorithm (OpenSSL prints the outer one in both places), issuer (<c>-nameopt oneline</c>), last and
    /// next update (<c>NONE</c> when absent), <c>CRL extensions:</c>, the revoked entries in encoded order with
    /// <c>CRL entry extensions:</c>, or <c>No Revoked Certificates.</c>, and the signature; <c>\n</c> line ends, final
    /// newline included.
    /// </summary>
    /// <remarks>Never throws for a CRL <see cref="Decode(ReadOnlySpan{byte})"/> accepted.</remarks>
    /// <returns>The text.</returns>
    public string ToText()
    {
        var text = new X509TextWriter();
        text.Append("Certificate Revocation List (CRL):\n").Indent(8);
        text.Append(string.Create(CultureInfo.InvariantCulture, $"Version {Version} (0x{Version - 1:x})\n"));
        text.Indent(4).AppendSignatureAlgorithm(SignatureAlgorithm);
        text.Indent(8).Append("Issuer: ").AppendName(Issuer).Append('\n');
        text.Indent(8).Append("Last Update: ").AppendTime(ThisUpdate).Append('\n').Indent(8).Append("Next Update: ");
        if (NextUpdate is { } nextUpdate)
        {
            text.AppendTime(nextUpdate);
        }
        else
        {
            text.Append("NONE");
        }

        text.Append('\n').AppendExtensions("CRL extensions", Extensions, 8);
        text.Append(RevokedCertificates.Count > 0 ? "Revoked Certificates:\n" : "No Revoked Certificates.\n");
        foreach (RevokedCertificate entry in RevokedCertificates)
        {
            text.Append("    Serial Number: ").AppendInteger(entry.SerialNumber.Span);
            text.Append("\n        Revocation Date: ").AppendTime(entry.RevocationDate).Append('\n');
            text.AppendExtensions("CRL entry extensions", entry.Extensions, 8);
        }

        text.AppendSignature(SignatureAlgorithm, Signature.Span);
        return text.ToString();
    }
}
