using System.Text;

namespace ManagedTls.X509;

/// <content>The i2r printers of cRLDistributionPoints/freshestCRL, issuingDistributionPoint and nameConstraints, and
/// <c>GENERAL_NAME_print</c> (v3_crld.c, v3_ncons.c, v3_san.c).</content>
internal static partial class ExtensionText
{
    private static readonly string[] s_reasonFlagNames =
    [
        "Unused", "Key Compromise", "CA Compromise", "Affiliation Changed", "Superseded", "Cessation Of Operation",
        "Certificate Hold", "Privilege Withdrawn", "AA Compromise",
    ];

    private static string FormatDistributionPoints(CrlDistributionPoints points, int indent)
    {
        var text = new StringBuilder();
        string pad = new(' ', indent);
        for (int i = 0; i < points.Points.Count; i++)
        {
            if (i > 0)
            {
                text.Append('\n');
            }

            DistributionPoint point = points.Points[i];
            if (point.Name is not null)
            {
                AppendDistributionPointName(text, point.Name, indent);
            }

            if (point.Reasons is { } reasons)
            {
                AppendReasons(text, "Reasons", reasons, indent);
            }

            if (point.CrlIssuer is not null)
            {
                text.Append(pad).Append("CRL Issuer:\n");
                AppendGeneralNames(text, point.CrlIssuer, indent);
            }
        }

        return text.ToString();
    }

    private static string FormatIssuingDistributionPoint(IssuingDistributionPoint point, int indent)
    {
        var text = new StringBuilder();
        string pad = new(' ', indent);
        if (point.Name is not null)
        {
            AppendDistributionPointName(text, point.Name, indent);
        }

        if (point.OnlyContainsUserCerts)
        {
            text.Append(pad).Append("Only User Certificates\n");
        }

        if (point.OnlyContainsCACerts)
        {
            text.Append(pad).Append("Only CA Certificates\n");
        }

        if (point.IndirectCrl)
        {
            text.Append(pad).Append("Indirect CRL\n");
        }

        if (point.OnlySomeReasons is { } reasons)
        {
            AppendReasons(text, "Only Some Reasons", reasons, indent);
        }

        if (point.OnlyContainsAttributeCerts)
        {
            text.Append(pad).Append("Only Attribute Certificates\n");
        }

        if (point.Name is null && !point.OnlyContainsUserCerts && !point.OnlyContainsCACerts && !point.IndirectCrl &&
            point.OnlySomeReasons is null && !point.OnlyContainsAttributeCerts)
        {
            text.Append(pad).Append("<EMPTY>\n");
        }

        return text.ToString();
    }

    // OpenSSL 3.0.19: a full name's last GeneralName is not followed by a newline; a relative name is.
    private static void AppendDistributionPointName(StringBuilder text, DistributionPointName name, int indent)
    {
        string pad = new(' ', indent);
        if (name.FullName is not null)
        {
            text.Append(pad).Append("Full Name:\n");
            AppendGeneralNames(text, name.FullName, indent);
            return;
        }

        // The RDN's entries are printed as one multi-valued RDN (" + " between them), in encoded order.
        DistinguishedName relative = DistinguishedName.Create([name.RelativeName!]);
        text.Append(pad).Append("Relative Name:\n").Append(' ', indent + 2).Append(relative.ToString()).Append('\n');
    }

    private static void AppendReasons(StringBuilder text, string label, CrlReasonFlags reasons, int indent)
    {
        text.Append(' ', indent).Append(label).Append(":\n").Append(' ', indent + 2);
        bool first = true;
        for (int bit = 0; bit < s_reasonFlagNames.Length; bit++)
        {
            if (((int)reasons & (1 << bit)) != 0)
            {
                text.Append(first ? string.Empty : ", ").Append(s_reasonFlagNames[bit]);
                first = false;
            }
        }

        text.Append(first ? "<EMPTY>\n" : "\n");
    }

    private static void AppendGeneralNames(StringBuilder text, IReadOnlyList<GeneralName> names, int indent)
    {
        for (int i = 0; i < names.Count; i++)
        {
            if (i > 0)
            {
                text.Append('\n');
            }

            text.Append(' ', indent + 2).Append(PrintGeneralName(names[i]));
        }
    }

    private static string FormatNameConstraints(NameConstraints constraints, int indent)
    {
        var text = new StringBuilder();
        AppendSubtrees(text, constraints.Permitted, indent, "Permitted");
        if (constraints.Permitted is not null && constraints.Excluded is not null)
        {
            text.Append('\n');
        }

        AppendSubtrees(text, constraints.Excluded, indent, "Excluded");
        return text.ToString();
    }

    private static void AppendSubtrees(StringBuilder text, IReadOnlyList<GeneralSubtree>? subtrees, int indent, string label)
    {
        if (subtrees is null || subtrees.Count == 0)
        {
            return;
        }

        text.Append(' ', indent).Append(label).Append(":\n");
        for (int i = 0; i < subtrees.Count; i++)
        {
            if (i > 0)
            {
                text.Append('\n');
            }

            text.Append(' ', indent + 2);
            GeneralName name = subtrees[i].Base;
            if (name.Kind == GeneralNameKind.IPAddress)
            {
                // print_nc_ipadd: address then mask, split at 16 or 4 octets.
                ReadOnlySpan<byte> octets = name.IPAddressOctets!.Value.Span;
                int first = octets.Length >= 16 ? 16 : octets.Length >= 4 ? 4 : octets.Length;
                text.Append("IP:").Append(FormatIPAddress(octets[..first])).Append('/').Append(FormatIPAddress(octets[first..]));
            }
            else
            {
                text.Append(PrintGeneralName(name));
            }
        }
    }

    /// <summary><c>GENERAL_NAME_print</c>: the one-name form used by the i2r printers.</summary>
    internal static string PrintGeneralName(GeneralName name)
    {
        switch (name.Kind)
        {
            case GeneralNameKind.OtherName:
                return PrintOtherName(name);
            case GeneralNameKind.X400Address:
                return "X400Name:<unsupported>";
            case GeneralNameKind.EdiPartyName:
                return "EdiPartyName:<unsupported>";
            case GeneralNameKind.Rfc822Name:
                return "email:" + PrintAsn1String(name.Text!);
            case GeneralNameKind.DnsName:
                return "DNS:" + PrintAsn1String(name.Text!);
            case GeneralNameKind.Uri:
                return "URI:" + PrintAsn1String(name.Text!);
            case GeneralNameKind.DirectoryName:
                return "DirName:" + name.DirectoryName!.ToString();
            case GeneralNameKind.IPAddress:
                return "IP Address:" + FormatIPAddress(name.IPAddressOctets!.Value.Span);
            default:
                return "Registered ID:" + DisplayName(name.Oid!);
        }
    }

    // ASN1_STRING_print: octets outside ' '..'~' other than CR and LF become '.'.
    private static string PrintAsn1String(string latin1)
    {
        var text = new StringBuilder(latin1.Length);
        foreach (char c in latin1)
        {
            text.Append((c > '~' || (c < ' ' && c != '\n' && c != '\r')) ? '.' : c);
        }

        return text.ToString();
    }

    private static string PrintOtherName(GeneralName name)
    {
        var reader = new Asn1.DerReader(name.OtherNameValue!.Value.Span);
        Asn1.Asn1Tag type = reader.PeekTag();
        byte[] content = reader.ReadContent(out _).ToArray();
        bool srv = name.Oid == "1.3.6.1.5.5.7.8.7";
        if ((srv && type != Asn1.Asn1Tag.IA5String) || (!srv && type != Asn1.Asn1Tag.Utf8String))
        {
            return "othername:<unsupported>";
        }

        string? label = name.Oid switch
        {
            "1.3.6.1.5.5.7.8.9" => "SmtpUTF8Mailbox",
            "1.3.6.1.5.5.7.8.5" => "XmppAddr",
            "1.3.6.1.5.5.7.8.7" => "SRVName",
            "1.3.6.1.4.1.311.20.2.3" => "UPN",
            "1.3.6.1.5.5.7.8.8" => "NAIRealm",
            _ => null,
        };
        return label is null ? "othername:<unsupported>" : $"othername:{label}:{DisplayTextCodec.Printed(content)}";
    }
}
