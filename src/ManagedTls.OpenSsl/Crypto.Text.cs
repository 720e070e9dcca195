using System.Text;
using ManagedTls.X509;

namespace ManagedTls.OpenSsl;

/// <summary>
/// FILETYPE_TEXT. pyOpenSSL prints with <c>X509_print_ex(bio, x, 0, 0)</c>, <c>X509_REQ_print_ex(bio, req, 0, 0)</c> and
/// <c>X509_CRL_print</c>: the layout of <c>openssl x509/req/crl -text -noout</c> except that names use the compat form
/// (name flags 0, <c>X509_NAME_print</c>: <c>C=US, O=Org, CN=example.com/emailAddress=a@b.c</c>) — what
/// <c>-nameopt compat</c> prints.
/// </summary>
public static partial class Crypto
{
    private static string CertificateText(Certificate certificate) =>
        WithCompatNames(certificate.ToText(), ("        Issuer: ", certificate.Issuer), ("        Subject: ", certificate.Subject));

    private static string RequestText(CertificationRequest request) =>
        WithCompatNames(request.ToText(), ("        Subject: ", request.Subject));

    private static string CrlText(CertificateRevocationList crl) =>
        WithCompatNames(crl.ToText(), ("        Issuer: ", crl.Issuer));

    /// <summary>Replaces the first line starting with each prefix by the prefix and the compat form of the name.</summary>
    private static string WithCompatNames(string text, params (string Prefix, DistinguishedName Name)[] names)
    {
        foreach ((string prefix, DistinguishedName name) in names)
        {
            int start = text.StartsWith(prefix, StringComparison.Ordinal) ? 0 : text.IndexOf("\n" + prefix, StringComparison.Ordinal) + 1;
            if (start <= 0 && !text.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            int end = text.IndexOf('\n', start);
            text = string.Concat(text.AsSpan(0, start), prefix, CompatName(name), text.AsSpan(end));
        }

        return text;
    }

    /// <summary>
    /// OpenSSL's <c>X509_NAME_print</c>: the <c>X509_NAME_oneline</c> text without its first slash, where a slash
    /// followed by one or two upper-case letters and <c>=</c> becomes <c>", "</c> (other slashes stay).
    /// </summary>
    internal static string CompatName(DistinguishedName name)
    {
        string oneLine = name.ToOneLineString();
        if (oneLine.Length == 0)
        {
            return string.Empty;
        }

        var result = new StringBuilder(oneLine.Length + 8);
        for (int i = 1; i < oneLine.Length; i++)
        {
            char c = oneLine[i];
            bool split = c == '/' && i + 2 < oneLine.Length && char.IsAsciiLetterUpper(oneLine[i + 1])
                && (oneLine[i + 2] == '=' || (char.IsAsciiLetterUpper(oneLine[i + 2]) && i + 3 < oneLine.Length && oneLine[i + 3] == '='));
            if (split)
            {
                result.Append(", ");
            }
            else
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }
}
