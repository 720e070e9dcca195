using ManagedTls.X509;
using ManagedTls.X509.Text;

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
    public static string Certificate(Certificate certificate, NameOption names) =>
        WithNames(certificate.ToText(), names, inlineMultiline: false, ("Issuer", certificate.Issuer), ("Subject", certificate.Subject));

    /// <summary>
    /// <c>x509 -text</c> after <c>-ext</c>/<c>-clrext</c>: OpenSSL 3.0 deletes from the in-memory certificate every
    /// extension whose short name is not a substring of the <c>-ext</c> list (all of them for <c>-clrext</c>); the
    /// dump shows the rest while the encoded output keeps its cached DER, so only the text changes.
    /// </summary>
    /// <param name="certificate">The certificate.</param>
    /// <param name="names">The <c>-nameopt</c> state.</param>
    /// <param name="keep">The <c>-ext</c> list, or null with <paramref name="clear"/>.</param>
    /// <param name="clear">True for <c>-clrext</c>.</param>
    /// <returns>The text.</returns>
    public static string Certificate(Certificate certificate, NameOption names, string? keep, bool clear)
    {
        string text = Certificate(certificate, names);
        if (keep is null && !clear)
        {
            return text;
        }

        var removed = new List<X509Extension>();
        foreach (X509Extension extension in certificate.Extensions)
        {
            if (clear || !keep!.Contains(extension.ShortName == extension.Oid ? "UNDEF" : extension.ShortName, StringComparison.Ordinal))
            {
                removed.Add(extension);
            }
        }

        if (removed.Count == certificate.Extensions.Count && removed.Count > 0)
        {
            string all = new X509TextWriter().AppendExtensions("X509v3 extensions", certificate.Extensions, 8).ToString();
            return text.Replace(all, string.Empty, StringComparison.Ordinal);
        }

        foreach (X509Extension extension in removed)
        {
            string block = new X509TextWriter().AppendExtension(extension, 12).ToString();
            int at = text.IndexOf(block, StringComparison.Ordinal);
            if (at >= 0)
            {
                text = text.Remove(at, block.Length);
            }
        }

        return text;
    }

    /// <summary><c>X509_REQ_print_ex</c>.</summary>
    /// <param name="request">The request.</param>
    /// <param name="names">The <c>-nameopt</c> state.</param>
    /// <returns>The text.</returns>
    public static string Request(CertificationRequest request, NameOption names) =>
        WithNames(request.ToText(), names, inlineMultiline: false, ("Subject", request.Subject));

    /// <summary><c>X509_CRL_print_ex</c>.</summary>
    /// <param name="crl">The CRL.</param>
    /// <param name="names">The <c>-nameopt</c> state.</param>
    /// <returns>The text.</returns>
    public static string Crl(CertificateRevocationList crl, NameOption names) =>
        WithNames(crl.ToText(), names, inlineMultiline: true, ("Issuer", crl.Issuer));

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

    /// <summary><c>X509V3_extensions_print</c> (flag 0) without a title.</summary>
    /// <param name="extensions">The extensions.</param>
    /// <param name="indent">The indent of the name lines.</param>
    /// <returns>The text.</returns>
    public static string Extensions(IReadOnlyList<X509Extension> extensions, int indent) =>
        new X509TextWriter().AppendExtensions(null, extensions, indent).ToString();

    /// <summary>
    /// The dumps print names with the default <c>oneline</c> options; with other <c>-nameopt</c> flags openssl's
    /// <c>X509_print_ex</c> prints the Issuer/Subject lines with them (a multiline form starts on the next line,
    /// indented 12; <c>X509_CRL_print_ex</c> keeps it on the line). <c>compat</c> is <c>X509_NAME_print</c>'s
    /// <c>C=US, O=Example</c>.
    /// </summary>
    private static string WithNames(string text, NameOption names, bool inlineMultiline, params (string Label, DistinguishedName Name)[] fields)
    {
        X509NameFormatFlags flags = names.Flags;
        if (flags is X509NameFormatFlags.OneLine)
        {
            return text;
        }

        bool multiline = !inlineMultiline && ((ulong)flags & (0xFUL << 16)) == (ulong)X509NameFormatFlags.SeparatorMultiline;
        foreach ((string label, DistinguishedName name) in fields)
        {
            string old = $"        {label}: {name}\n";
            string formatted = flags == X509NameFormatFlags.None ? CompatName(name) : name.Format(flags, multiline ? 12 : 0);
            string replacement = multiline ? $"        {label}:\n{formatted}\n" : $"        {label}: {formatted}\n";
            int at = text.IndexOf(old, StringComparison.Ordinal);
            if (at >= 0)
            {
                text = string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + old.Length));
            }
        }

        return text;
    }

    /// <summary>
    /// <c>X509_NAME_print</c>: the <c>X509_NAME_oneline</c> form without its first slash, each later slash that starts
    /// a one- or two-letter upper-case type (<c>/C=</c>, <c>/CN=</c>) turned into <c>", "</c>.
    /// </summary>
    private static string CompatName(DistinguishedName name)
    {
        string oneLine = name.ToOneLineString();
        if (oneLine.Length == 0)
        {
            return string.Empty;
        }

        var text = new System.Text.StringBuilder();
        for (int i = 1; i < oneLine.Length; i++)
        {
            char c = oneLine[i];
            bool separator = c == '/' && i + 2 < oneLine.Length && char.IsAsciiLetterUpper(oneLine[i + 1])
                && (oneLine[i + 2] == '=' || (i + 3 < oneLine.Length && char.IsAsciiLetterUpper(oneLine[i + 2]) && oneLine[i + 3] == '='));
            text.Append(separator ? ", " : c.ToString());
        }

        return text.ToString();
    }

    /// <summary>A message openssl prints on standard error while carrying on with exit code 0.</summary>
    internal sealed class ExtensionsWarning(string message) : Exception(message);
}
