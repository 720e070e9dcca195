using System.Globalization;
using System.Text;
using ManagedTls.Asn1;

namespace ManagedTls.X509;

/// <summary>
/// OpenSSL 3.0's <c>X509V3_EXT_print</c> text for every extension type OpenSSL 3.0 prints (crypto/x509/v3_*.c and
/// crypto/ct/ct_prn.c): exactly the octets OpenSSL writes for the value, each line carrying <c>indent</c> spaces, and
/// null where OpenSSL has no printer or its printer fails (the caller then prints OpenSSL's fallback dump).
/// </summary>
/// <remarks>
/// OpenSSL prints in three ways: <c>i2s</c> (one string), <c>i2v</c> (name/value pairs joined by <c>", "</c>, or one per
/// line for multi-line types) and <c>i2r</c> (free text). The i2r printers of OpenSSL 3.0.19 have their own newline
/// habits (for example no newline between a distribution point's last name and the following "Reasons:"), which are
/// reproduced here as measured against the binary.
/// </remarks>
internal static partial class ExtensionText
{
    private static readonly string[] s_keyUsageNames =
    [
        "Digital Signature", "Non Repudiation", "Key Encipherment", "Data Encipherment", "Key Agreement",
        "Certificate Sign", "CRL Sign", "Encipher Only", "Decipher Only",
    ];

    private static readonly string[] s_netscapeCertTypeNames =
    [
        "SSL Client", "SSL Server", "S/MIME", "Object Signing", "Unused", "SSL CA", "S/MIME CA", "Object Signing CA",
    ];

    /// <summary>The text, or null when OpenSSL 3.0 has no printer for the extension or its printer fails.</summary>
    public static string? Format(X509Extension extension, int indent)
    {
        try
        {
            return FormatOrThrow(extension, indent);
        }
        catch (X509FormatException)
        {
            return null;
        }
        catch (DecodeException)
        {
            return null;
        }
    }

    private static string? FormatOrThrow(X509Extension extension, int indent)
    {
        // X509V3_EXT_d2i decodes one element and ignores any octets after it.
        var whole = new DerReader(extension.Value.Span);
        ReadOnlySpan<byte> value = whole.ReadEncodedValue();
        string pad = new(' ', indent);
        switch (extension.Oid)
        {
            case Oids.SubjectKeyIdentifier:
                return pad + OpenSslText.FormatFingerprint(SubjectKeyIdentifier.Decode(value).KeyIdentifier.Span);
            case Oids.BasicConstraints:
                return Print(BasicConstraintsValues(BasicConstraints.Decode(value)), indent, false);
            case Oids.KeyUsage:
                return PrintBits((int)KeyUsage.Decode(value).Flags, s_keyUsageNames, indent);
            case ExtensionOids.NetscapeCertType:
                return PrintBits((int)NetscapeCertType.Decode(value).Flags, s_netscapeCertTypeNames, indent);
            case Oids.ExtKeyUsage:
                return Print([.. ExtendedKeyUsage.Decode(value).Oids.Select(oid => ((string?)null, (string?)DisplayName(oid)))], indent, false);
            case Oids.SubjectAltName or Oids.IssuerAltName or Oids.CertificateIssuer:
                // i2v_GENERAL_NAMES prints an empty SEQUENCE (which RFC 5280 forbids) as <EMPTY>.
                return value.SequenceEqual(EmptySequence)
                    ? Print([], indent, false)
                    : PrintOrNull(GeneralNameValues(AlternativeNames.Decode(value).Names, []), indent, false);
            case Oids.AuthorityKeyIdentifier:
                return PrintOrNull(AuthorityKeyIdentifierValues(AuthorityKeyIdentifier.Decode(value)), indent, true);
            case Oids.AuthorityInfoAccess or Oids.SubjectInfoAccess:
                return PrintOrNull(AccessValues(AuthorityInformationAccess.Decode(value)), indent, true);
            case Oids.CrlDistributionPoints or Oids.FreshestCrl:
                return FormatDistributionPoints(CrlDistributionPoints.Decode(value), indent);
            case Oids.IssuingDistributionPoint:
                return FormatIssuingDistributionPoint(IssuingDistributionPoint.Decode(value), indent);
            case Oids.CertificatePolicies:
                return FormatPolicies(CertificatePolicies.Decode(value), indent);
            case Oids.PolicyMappings:
                return PrintOrNull(PolicyMappingValues(PolicyMappings.Decode(value)), indent, false);
            case Oids.PolicyConstraints:
                return PrintOrNull(PolicyConstraintValues(PolicyConstraints.Decode(value)), indent, false);
            case Oids.InhibitAnyPolicy:
                return pad + FormatAsn1Integer(InhibitAnyPolicy.Decode(value).SkipCerts);
            case Oids.CrlNumber:
                return pad + FormatAsn1Integer(CrlNumber.Decode(value).Number);
            case Oids.DeltaCrlIndicator:
                return pad + FormatAsn1Integer(DeltaCrlIndicator.Decode(value).BaseCrlNumber);
            case Oids.NameConstraints:
                return FormatNameConstraints(NameConstraints.Decode(value), indent);
            case Oids.TlsFeature:
                return PrintOrNull(TlsFeatureValues(TlsFeature.Decode(value)), indent, false);
            case Oids.CtPrecertScts or ExtensionOids.CtCertificateScts:
                return FormatTimestamps(SignedCertificateTimestampList.Decode(value), indent);
            case Oids.CtPrecertPoison:
                return FormatPoison(value, pad);
            case Oids.CrlReason:
                return pad + FormatReason(value);
            case Oids.InvalidityDate:
                return pad + OpenSslText.FormatTime(InvalidityDate.Decode(value).Date);
            case ExtensionOids.HoldInstructionCode:
                return pad + FormatHoldInstruction(value);
            case ExtensionOids.PrivateKeyUsagePeriod:
                return pad + FormatPrivateKeyUsagePeriod(PrivateKeyUsagePeriod.Decode(value));
            case ExtensionOids.NetscapeComment or ExtensionOids.NetscapeBaseUrl or ExtensionOids.NetscapeRevocationUrl
                or ExtensionOids.NetscapeCaRevocationUrl or ExtensionOids.NetscapeRenewalUrl or ExtensionOids.NetscapeCaPolicyUrl
                or ExtensionOids.NetscapeSslServerName:
                return FormatIa5(value, pad);
            default:
                return null;
        }
    }

    private static ReadOnlySpan<byte> EmptySequence => [0x30, 0x00];

    private static string? PrintOrNull(List<(string? Name, string? Value)>? values, int indent, bool multiline) =>
        values is null ? null : Print(values, indent, multiline);

    // i2v_ASN1_BIT_STRING: the names of the set bits; none set leaves the list NULL, which fails the print.
    private static string? PrintBits(int flags, string[] names, int indent)
    {
        var values = new List<(string?, string?)>();
        for (int bit = 0; bit < names.Length; bit++)
        {
            if ((flags & (1 << bit)) != 0)
            {
                values.Add((names[bit], null));
            }
        }

        return values.Count == 0 ? null : Print(values, indent, false);
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

    internal static List<(string?, string?)>? GeneralNameValues(IReadOnlyList<GeneralName> names, List<(string?, string?)> values)
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
    internal static (string?, string?)? TextValue(string label, string text)
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

    internal static string FormatIPAddress(ReadOnlySpan<byte> address)
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
                return string.Create(CultureInfo.InvariantCulture, $"<invalid length={address.Length}>");
        }
    }

    internal static string DisplayName(string oid) => OidRegistry.TryGetByDotted(oid, out OidInfo? info) ? info.LongName : oid;
}
