using System.Globalization;
using System.Text;
using ManagedTls.Asn1;

namespace ManagedTls.X509;

/// <summary>
/// OpenSSL 3.0's <c>X509V3_EXT_print</c> text for the extensions ManagedTls decodes (crypto/x509/v3_bcons.c,
/// v3_bitst.c, v3_extku.c, v3_san.c, v3_skid.c, v3_akid.c, printed by <c>X509V3_EXT_val_prn</c>).
/// </summary>
internal static class ExtensionText
{
    private static readonly string[] s_keyUsageNames =
    [
        "Digital Signature", "Non Repudiation", "Key Encipherment", "Data Encipherment", "Key Agreement",
        "Certificate Sign", "CRL Sign", "Encipher Only", "Decipher Only",
    ];

    /// <summary>The text, or null when the extension is not one of those handled, or OpenSSL could not print it either.</summary>
    public static string? Format(X509Extension extension, int indent)
    {
        List<(string? Name, string? Value)>? values;
        bool multiline = false;
        try
        {
            switch (extension.Oid)
            {
                case Oids.SubjectKeyIdentifier:
                    return new string(' ', indent) + OpenSslText.FormatFingerprint(SubjectKeyIdentifier.Decode(extension.Value.Span).KeyIdentifier.Span);
                case Oids.BasicConstraints:
                    values = BasicConstraintsValues(BasicConstraints.Decode(extension.Value.Span));
                    break;
                case Oids.KeyUsage:
                    values = KeyUsageValues(KeyUsage.Decode(extension.Value.Span).Flags);
                    break;
                case Oids.ExtKeyUsage:
                    values = [.. ExtendedKeyUsage.Decode(extension.Value.Span).Oids.Select(oid => ((string?)null, (string?)DisplayName(oid)))];
                    break;
                case Oids.SubjectAltName or Oids.IssuerAltName:
                    values = GeneralNameValues(AlternativeNames.Decode(extension.Value.Span).Names, []);
                    break;
                case Oids.AuthorityKeyIdentifier:
                    values = AuthorityKeyIdentifierValues(AuthorityKeyIdentifier.Decode(extension.Value.Span));
                    multiline = true;
                    break;
                default:
                    return null;
            }
        }
        catch (X509FormatException)
        {
            return null;
        }

        return values is null ? null : Print(values, indent, multiline);
    }

    private static string Print(List<(string? Name, string? Value)> values, int indent, bool multiline)
    {
        var text = new StringBuilder();
        string pad = new(' ', indent);
        if (!multiline || values.Count == 0)
        {
            text.Append(pad);
            if (values.Count == 0)
            {
                text.Append("<EMPTY>\n");
            }
        }

        for (int i = 0; i < values.Count; i++)
        {
            if (multiline)
            {
                if (i > 0)
                {
                    text.Append('\n');
                }

                text.Append(pad);
            }
            else if (i > 0)
            {
                text.Append(", ");
            }

            (string? name, string? value) = values[i];
            text.Append(name is null ? value : value is null ? name : $"{name}:{value}");
        }

        return text.ToString();
    }

    private static List<(string?, string?)> BasicConstraintsValues(BasicConstraints constraints)
    {
        var values = new List<(string?, string?)> { ("CA", constraints.CertificateAuthority ? "TRUE" : "FALSE") };
        if (constraints.PathLengthConstraint is int pathLength)
        {
            values.Add(("pathlen", pathLength.ToString(CultureInfo.InvariantCulture)));
        }

        return values;
    }

    private static List<(string?, string?)> KeyUsageValues(KeyUsageFlags flags)
    {
        var values = new List<(string?, string?)>();
        for (int bit = 0; bit < s_keyUsageNames.Length; bit++)
        {
            if (((int)flags & (1 << bit)) != 0)
            {
                values.Add((s_keyUsageNames[bit], null));
            }
        }

        return values;
    }

    private static List<(string?, string?)>? AuthorityKeyIdentifierValues(AuthorityKeyIdentifier aki)
    {
        var values = new List<(string?, string?)>();
        if (aki.KeyIdentifier is { } keyId)
        {
            // OpenSSL 3 labels the key identifier only when an issuer or serial follows.
            string? label = aki.AuthorityCertIssuer is not null || aki.AuthorityCertSerialNumber is not null ? "keyid" : null;
            values.Add((label, OpenSslText.FormatFingerprint(keyId.Span)));
        }

        if (aki.AuthorityCertIssuer is { } issuer && GeneralNameValues(issuer, values) is null)
        {
            return null;
        }

        if (aki.AuthorityCertSerialNumber is { } serial)
        {
            values.Add(("serial", OpenSslText.FormatFingerprint(SerialOctets(serial.Span))));
        }

        return values;
    }

    // The serial is printed from the ASN1_INTEGER's magnitude octets.
    private static byte[] SerialOctets(ReadOnlySpan<byte> content)
    {
        var value = new System.Numerics.BigInteger(content, isUnsigned: false, isBigEndian: true);
        return System.Numerics.BigInteger.Abs(value).ToByteArray(isUnsigned: true, isBigEndian: true);
    }

    private static List<(string?, string?)>? GeneralNameValues(IReadOnlyList<GeneralName> names, List<(string?, string?)> values)
    {
        foreach (GeneralName name in names)
        {
            (string?, string?)? value = name.Kind switch
            {
                GeneralNameKind.OtherName => OtherNameValue(name),
                GeneralNameKind.X400Address => ("X400Name", "<unsupported>"),
                GeneralNameKind.EdiPartyName => ("EdiPartyName", "<unsupported>"),
                GeneralNameKind.Rfc822Name => TextValue("email", name.Text!),
                GeneralNameKind.DnsName => TextValue("DNS", name.Text!),
                GeneralNameKind.Uri => TextValue("URI", name.Text!),
                GeneralNameKind.DirectoryName => ("DirName", name.DirectoryName!.ToOneLineString(256)),
                GeneralNameKind.IPAddress => ("IP Address", FormatIPAddress(name.IPAddressOctets!.Value.Span)),
                _ => ("Registered ID", DisplayName(name.Oid!)),
            };
            if (value is null)
            {
                return null;
            }

            values.Add(value.Value);
        }

        return values;
    }

    // OpenSSL 3.0 refuses (fails the whole print) on an embedded NUL, and copies up to a final one.
    private static (string?, string?)? TextValue(string label, string text)
    {
        int nul = text.IndexOf('\0', StringComparison.Ordinal);
        if (nul >= 0 && nul < text.Length - 1)
        {
            return null;
        }

        return (label, nul >= 0 ? text[..nul] : text);
    }

    private static (string?, string?)? OtherNameValue(GeneralName name)
    {
        (string Label, Asn1Tag Type)? known = name.Oid switch
        {
            "1.3.6.1.5.5.7.8.9" => ("othername: SmtpUTF8Mailbox:", Asn1Tag.Utf8String),
            "1.3.6.1.5.5.7.8.5" => ("othername: XmppAddr:", Asn1Tag.Utf8String),
            "1.3.6.1.5.5.7.8.7" => ("othername: SRVName:", Asn1Tag.IA5String),
            "1.3.6.1.4.1.311.20.2.3" => ("othername: UPN:", Asn1Tag.Utf8String),
            "1.3.6.1.5.5.7.8.8" => ("othername: NAIRealm:", Asn1Tag.Utf8String),
            _ => null,
        };
        var reader = new DerReader(name.OtherNameValue!.Value.Span);
        Asn1Tag type = reader.PeekTag();
        ReadOnlySpan<byte> content = reader.ReadContent(out _);
        if (known is null)
        {
            // Any other type-id: its name, then the value when it is an IA5String or UTF8String without embedded NULs.
            string label = $"othername: {DisplayName(name.Oid!)}:";
            return (type == Asn1Tag.IA5String || type == Asn1Tag.Utf8String) && TextValue(label, Decode(type, content)) is { } printable
                ? printable
                : (label, "<unsupported>");
        }

        // The five named types must carry their string type, or OpenSSL fails the whole print.
        return type == known.Value.Type ? TextValue(known.Value.Label, Decode(type, content)) : null;
    }

    private static string Decode(Asn1Tag type, ReadOnlySpan<byte> content) =>
        type == Asn1Tag.Utf8String ? Encoding.UTF8.GetString(content) : Encoding.Latin1.GetString(content);

    private static string FormatIPAddress(ReadOnlySpan<byte> address)
    {
        switch (address.Length)
        {
            case 4:
                return string.Create(CultureInfo.InvariantCulture, $"{address[0]}.{address[1]}.{address[2]}.{address[3]}");
            case 16:
                var text = new StringBuilder();
                for (int i = 0; i < 16; i += 2)
                {
                    if (i > 0)
                    {
                        text.Append(':');
                    }

                    text.Append(((address[i] << 8) | address[i + 1]).ToString("X", CultureInfo.InvariantCulture));
                }

                return text.ToString();
            default:
                return "<invalid>";
        }
    }

    private static string DisplayName(string oid) => OidRegistry.TryGetByDotted(oid, out OidInfo? info) ? info.LongName : oid;
}
