using System.Collections.ObjectModel;
using System.Globalization;
using System.Text;
using ManagedTls.Asn1;
using ManagedTls.Keys;
using ManagedTls.X509.Text;

namespace ManagedTls.X509;

/// <content>The human-readable dump (OpenSSL 3.0 crypto/x509/t_req.c <c>X509_REQ_print_ex</c>).</content>
public sealed partial class CertificationRequest
{
    /// <summary>
    /// The request as <c>openssl req -text -noout</c> (OpenSSL 3.0) prints it, byte for byte: version, subject
    /// (<c>-nameopt oneline</c>), public key, the <c>Attributes:</c> block (<c>(none)</c> when there are none; string
    /// values verbatim, other types as <c>unable to print attribute</c>), the <c>Requested Extensions:</c> block from
    /// the extensionRequest attribute, and the signature; <c>\n</c> line ends, final newline included.
    /// </summary>
    /// <remarks>
    /// As OpenSSL does, an attribute with an empty value set stops the dump after the attribute's name (OpenSSL
    /// reports an error there), and a malformed extensionRequest leaves the <c>Requested Extensions:</c> block out.
    /// Attribute string values are decoded as UTF-8, so octets that are not UTF-8 (a T61String's Latin-1, say)
    /// become U+FFFD where OpenSSL writes them raw. Never throws for a request <see cref="Decode(ReadOnlySpan{byte})"/> accepted.
    /// </remarks>
    /// <returns>The text.</returns>
    public string ToText()
    {
        var text = new X509TextWriter();
        text.Append("Certificate Request:\n    Data:\n").Indent(8);
        text.Append(Version == 0 ? "Version: 1 (0x0)\n" : string.Create(CultureInfo.InvariantCulture, $"Version: Unknown ({Version})\n"));
        text.Append("        Subject: ").AppendName(Subject).Append('\n');
        text.AppendPublicKeyInfo(PublicKeyAlgorithm, TryGetPublicKey(out PublicKey? key, out _) ? key : null);
        text.Indent(8).Append("Attributes:\n");
        if (Attributes.Count == 0)
        {
            text.Indent(12).Append("(none)\n");
        }
        else if (!AppendAttributes(text))
        {
            return text.ToString();
        }

        if (ExtensionsForText() is { } extensions)
        {
            text.Indent(12).Append("Requested Extensions:\n");
            foreach (X509Extension extension in extensions)
            {
                text.AppendExtension(extension, 16);
            }
        }

        text.AppendSignature(SignatureAlgorithm, Signature.Span);
        return text.ToString();
    }

    /// <summary>Each attribute but the extension requests: the name padded to 25 columns, a colon, then each value.</summary>
    /// <returns>False where OpenSSL fails the dump: an attribute with no values.</returns>
    private bool AppendAttributes(X509TextWriter text)
    {
        foreach (X509Attribute attribute in Attributes)
        {
            if (attribute.Oid is ExtensionRequestOid or MsExtensionRequestOid)
            {
                continue;
            }

            text.Indent(12);
            int nameLength = text.AppendObject(attribute.Oid);
            if (attribute.Values.Count == 0)
            {
                return false;
            }

            // OpenSSL pads to column 25 with a counter it reuses for the next value: 25 spaces before a second
            // value, or as many as the name is long when the name reached the column.
            int column = nameLength;
            foreach (ReadOnlyMemory<byte> value in attribute.Values)
            {
                column = 25 - column;
                if (column > 0)
                {
                    text.Spaces(column);
                    column = 0;
                }

                text.Append(':');
                AppendAttributeValue(text, value.Span);
            }
        }

        return true;
    }

    /// <summary>PrintableString, T61String, NumericString, UTF8String and IA5String print their octets; other types do not.</summary>
    private static void AppendAttributeValue(X509TextWriter text, ReadOnlySpan<byte> encoded)
    {
        const byte Printable = 0x13, T61 = 0x14, Numeric = 0x12, Utf8 = 0x0C, Ia5 = 0x16;
        if (encoded[0] is Printable or T61 or Numeric or Utf8 or Ia5)
        {
            var reader = new DerReader(encoded, DerMode.Ber);
            text.Append(Encoding.UTF8.GetString(reader.ReadContent(out _))).Append('\n');
        }
        else
        {
            text.Append("unable to print attribute\n");
        }
    }

    /// <summary>
    /// <c>X509_REQ_get_extensions</c>: the first PKCS#9 extensionRequest attribute, else the first Microsoft one;
    /// empty when there is none or it has no value; null (no block printed) when its first value is not a SEQUENCE of
    /// extensions. Unlike <see cref="GetRequestedExtensions"/>, a repeated extension is listed, as OpenSSL lists it.
    /// </summary>
    private IReadOnlyList<X509Extension>? ExtensionsForText()
    {
        X509Attribute? request = null;
        foreach (string oid in (ReadOnlySpan<string>)[ExtensionRequestOid, MsExtensionRequestOid])
        {
            foreach (X509Attribute attribute in Attributes)
            {
                if (attribute.Oid == oid)
                {
                    request = attribute;
                    break;
                }
            }

            if (request is not null)
            {
                break;
            }
        }

        if (request is null || request.Values.Count == 0)
        {
            return ReadOnlyCollection<X509Extension>.Empty;
        }

        ReadOnlySpan<byte> value = request.Values[0].Span;
        if (value[0] != 0x30)
        {
            return null;
        }

        try
        {
            var reader = new DerReader(value, DerMode.Ber);
            DerReader sequence = reader.ReadSequence();
            var extensions = new List<X509Extension>();
            while (sequence.HasData)
            {
                extensions.Add(X509Extension.Decode(ref sequence));
            }

            return extensions;
        }
        catch (DecodeException)
        {
            return null;
        }
    }
}
