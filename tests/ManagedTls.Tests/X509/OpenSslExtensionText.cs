using System.Text;
using ManagedTls.Tests.TestSupport;
using ManagedTls.X509;

namespace ManagedTls.Tests.X509;

/// <summary>Compares <see cref="X509Extension.ToOpenSslString"/> with what <c>openssl x509 -noout -ext</c> prints.</summary>
internal static class OpenSslExtensionText
{
    /// <summary>
    /// ManagedTls's text for the certificate's extensions in <c>openssl x509 -ext</c> form (long name, ": critical" or
    /// ": ", newline, value at indent 4, newline); an extension ManagedTls cannot print gets OpenSSL's fallback (the
    /// value octets through <c>ASN1_STRING_print</c>), which is what openssl prints when its own printer fails.
    /// </summary>
    public static string Describe(IEnumerable<X509Extension> extensions)
    {
        var text = new StringBuilder();
        foreach (X509Extension extension in extensions)
        {
            text.Append(extension.LongName).Append(": ").Append(extension.Critical ? "critical" : string.Empty).Append('\n');
            text.Append(extension.ToOpenSslString(4) ?? "    " + Asn1StringPrint(extension.Value.Span)).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>What openssl prints for the named extensions of a DER certificate.</summary>
    public static string Print(byte[] der, IEnumerable<X509Extension> extensions) =>
        OpenSslPeer.RunWithInput(der, "x509", "-inform", "DER", "-noout", "-ext", string.Join(',', extensions.Select(e => e.ShortName))).Stdout;

    /// <summary>The extensions openssl knows by a short name (the others it cannot be asked for with <c>-ext</c>).</summary>
    public static List<X509Extension> Named(Certificate certificate) =>
        [.. certificate.Extensions.Where(e => e.ShortName != e.Oid)];

    /// <summary>OpenSSL's <c>ASN1_STRING_print</c>: octets outside ' '..'~' other than CR and LF become '.'.</summary>
    public static string Asn1StringPrint(ReadOnlySpan<byte> octets)
    {
        var text = new StringBuilder();
        foreach (byte b in octets)
        {
            text.Append(b > '~' || (b < ' ' && b != '\n' && b != '\r') ? '.' : (char)b);
        }

        return text.ToString();
    }
}
