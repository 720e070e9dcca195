using System.Text;
using ManagedTls.X509;

namespace ManagedTls.Cli;

/// <summary>
/// The text dumps of the X.509 verbs (<c>-text</c>) and openssl's <c>X509V3_extensions_print</c> for <c>x509 -ext</c>.
/// </summary>
internal static class X509Text
{
    /// <summary><c>X509_print_ex</c> with the default flags.</summary>
    /// <param name="certificate">The certificate.</param>
    /// <param name="names">The <c>-nameopt</c> state.</param>
    /// <returns>The text.</returns>
    public static string Certificate(Certificate certificate, NameOption names)
    {
        _ = certificate;
        _ = names;
        throw new CommandException("-text is not available in this build");
    }

    /// <summary><c>X509_REQ_print_ex</c>.</summary>
    /// <param name="request">The request.</param>
    /// <param name="names">The <c>-nameopt</c> state.</param>
    /// <returns>The text.</returns>
    public static string Request(CertificationRequest request, NameOption names)
    {
        _ = request;
        _ = names;
        throw new CommandException("-text is not available in this build");
    }

    /// <summary><c>X509_CRL_print_ex</c>.</summary>
    /// <param name="crl">The CRL.</param>
    /// <param name="names">The <c>-nameopt</c> state.</param>
    /// <returns>The text.</returns>
    public static string Crl(CertificateRevocationList crl, NameOption names)
    {
        _ = crl;
        _ = names;
        throw new CommandException("-text is not available in this build");
    }

    /// <summary>
    /// <c>x509 -ext</c>: the extensions whose short name is in the comma-separated <paramref name="names"/>, in
    /// certificate order, as <c>X509V3_extensions_print</c> prints them at indent 0; none matching is reported on
    /// standard error as OpenSSL 3.0 does ("No extensions in certificate").
    /// </summary>
    /// <param name="extensions">The certificate's extensions.</param>
    /// <param name="names">The <c>-ext</c> argument.</param>
    /// <param name="what">"certificate".</param>
    /// <returns>The text (empty when nothing matched; the message is thrown as a warning).</returns>
    public static string SelectedExtensions(IReadOnlyList<X509Extension> extensions, string names, string what)
    {
        string[] wanted = names.Split(',', StringSplitOptions.RemoveEmptyEntries);
        var selected = new List<X509Extension>();
        foreach (X509Extension extension in extensions)
        {
            if (extension.ShortName != extension.Oid && Array.IndexOf(wanted, extension.ShortName) >= 0)
            {
                selected.Add(extension);
            }
        }

        if (selected.Count == 0)
        {
            throw new ExtensionsWarning($"No extensions in {what}");
        }

        return Extensions(selected, 0);
    }

    /// <summary><c>X509V3_extensions_print</c> (flag 0): name, ": critical", the value at indent + 4, a newline.</summary>
    /// <param name="extensions">The extensions.</param>
    /// <param name="indent">The indent of the name lines.</param>
    /// <returns>The text.</returns>
    public static string Extensions(IEnumerable<X509Extension> extensions, int indent)
    {
        var text = new StringBuilder();
        foreach (X509Extension extension in extensions)
        {
            text.Append(' ', indent).Append(extension.LongName).Append(": ").Append(extension.Critical ? "critical" : string.Empty).Append('\n');
            string? value = extension.ToOpenSslString(indent + 4);
            if (value is null)
            {
                text.Append(' ', indent + 4).Append(AsnStringPrint(extension.Value.Span));
            }
            else
            {
                text.Append(value);
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    /// <summary><c>ASN1_STRING_print</c>: printable octets as they are, others as '.'.</summary>
    private static string AsnStringPrint(ReadOnlySpan<byte> data)
    {
        var text = new StringBuilder(data.Length);
        foreach (byte b in data)
        {
            text.Append(b > (byte)'~' || (b < (byte)' ' && b != (byte)'\n' && b != (byte)'\r') ? '.' : (char)b);
        }

        return text.ToString();
    }

    /// <summary>A message openssl prints on standard error while carrying on with exit code 0.</summary>
    internal sealed class ExtensionsWarning(string message) : Exception(message);
}
