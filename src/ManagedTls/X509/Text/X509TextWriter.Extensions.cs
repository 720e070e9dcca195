namespace ManagedTls.X509.Text;

/// <content><c>X509V3_extensions_print</c> (crypto/x509/v3_prn.c) as the <c>openssl</c> commands call it (no unknown-extension flags).</content>
internal sealed partial class X509TextWriter
{
    /// <summary>
    /// <c>X509V3_extensions_print(bio, title, extensions, 0, indent)</c>: nothing for an empty list; otherwise the
    /// title line (when given) and, four spaces further in, every extension.
    /// </summary>
    public X509TextWriter AppendExtensions(string? title, IReadOnlyList<X509Extension> extensions, int indent)
    {
        if (extensions.Count == 0)
        {
            return this;
        }

        if (title is not null)
        {
            Spaces(indent).Append(title).Append(":\n");
            indent += 4;
        }

        foreach (X509Extension extension in extensions)
        {
            AppendExtension(extension, indent);
        }

        return this;
    }

    /// <summary>
    /// One extension: the indented long name and <c>: critical</c> or <c>: </c> on a line, the value from
    /// <c>X509V3_EXT_print</c> four spaces further in (<see cref="X509Extension.ToOpenSslString"/>), or — for an
    /// extension OpenSSL cannot print (unknown type, undecodable value) — the extnValue octets through
    /// <c>ASN1_STRING_print</c>; then a newline.
    /// </summary>
    public X509TextWriter AppendExtension(X509Extension extension, int indent)
    {
        Spaces(indent);
        AppendObject(extension.Oid);
        Append(extension.Critical ? ": critical\n" : ": \n");
        if (extension.ToOpenSslString(indent + 4) is { } value)
        {
            Append(value);
        }
        else
        {
            Spaces(indent + 4).AppendPrintable(extension.Value.Span);
        }

        return Append('\n');
    }
}
