using System.Globalization;
using ManagedTls.Keys;
using ManagedTls.X509.Text;

namespace ManagedTls.X509;

/// <content>The human-readable dump (OpenSSL 3.0 crypto/x509/t_x509.c <c>X509_print_ex</c>).</content>
public sealed partial class Certificate
{
    /// <summary>
    /// The certificate as <c>openssl x509 -text -noout</c> (OpenSSL 3.0) prints it, byte for byte: the
    /// <c>X509_print_ex</c> layout with the default name options (<c>-nameopt oneline</c>), <c>\n</c> line ends and
    /// the final newline included.
    /// </summary>
    /// <remarks>
    /// Where OpenSSL cannot load the public key it prints <c>Unable to load Public Key</c> and its error queue, whose
    /// lines begin with the printing thread's id; that id is written as zeros here. Extension values come from
    /// <see cref="X509Extension.ToOpenSslString"/>; an extension it cannot print shows its raw value as OpenSSL
    /// shows an unknown one. Never throws for a certificate <see cref="Decode(ReadOnlySpan{byte})"/> accepted.
    /// </remarks>
    /// <returns>The text.</returns>
    public string ToText()
    {
        var text = new X509TextWriter();
        text.Append("Certificate:\n    Data:\n");
        text.Indent(8).Append(string.Create(CultureInfo.InvariantCulture, $"Version: {Version} (0x{Version - 1:x})\n"));
        text.Append("        Serial Number:").AppendSerialNumber(SerialNumber.Span);
        text.Indent(4).AppendSignatureAlgorithm(TbsSignatureAlgorithm);
        text.Append("        Issuer: ").AppendName(Issuer).Append('\n');
        text.Append("        Validity\n            Not Before: ").AppendTime(NotBefore);
        text.Append("\n            Not After : ").AppendTime(NotAfter).Append('\n');
        text.Append("        Subject: ").AppendName(Subject).Append('\n');
        text.AppendPublicKeyInfo(PublicKeyAlgorithm, TryGetPublicKey(out PublicKey? key, out _) ? key : null);
        if (IssuerUniqueId is { } issuerId)
        {
            text.Indent(8).Append("Issuer Unique ID: ").AppendSignatureDump(issuerId.Span, 12);
        }

        if (SubjectUniqueId is { } subjectId)
        {
            text.Indent(8).Append("Subject Unique ID: ").AppendSignatureDump(subjectId.Span, 12);
        }

        text.AppendExtensions("X509v3 extensions", Extensions, 8);
        text.AppendSignature(SignatureAlgorithm, Signature.Span);
        return text.ToString();
    }
}
