using System.Numerics;
using ManagedTls.Asn1;

namespace ManagedTls.X509.Configuration;

/// <content>authorityKeyIdentifier, CRL distribution points, information access and certificate policies.</content>
public static partial class X509ExtensionConfig
{
    private static readonly string[] s_reasonFlags =
        ["unused", "keyCompromise", "CACompromise", "affiliationChanged", "superseded", "cessationOfOperation", "certificateHold", "privilegeWithdrawn", "AACompromise"];

    /// <summary><c>v2i_AUTHORITY_KEYID</c> (OpenSSL 3.0): <c>keyid</c>/<c>issuer</c>, each optionally <c>:always</c>.</summary>
    private static byte[] AuthorityKeyIdentifierValue(Request request, List<ConfValue> values)
    {
        int keyId = 0;
        int issuer = 0;
        foreach (ConfValue value in values)
        {
            if (value.Name == "none" && value.Value is null)
            {
                // OpenSSL 3.0.19 accepts "none": an empty placeholder that req/x509 leave out (see IsPlaceholder).
                continue;
            }

            // OpenSSL 3.0.19 treats any value other than "always" as no value.
            if (value.Name == "keyid")
            {
                keyId = value.Value == "always" ? 2 : 1;
            }
            else if (value.Name == "issuer")
            {
                issuer = value.Value == "always" ? 2 : 1;
            }
            else
            {
                throw Failure.Make("unknown option", "v2i_AUTHORITY_KEYID", $"name={value.Name}");
            }
        }

        X509ExtensionContext context = request.Context;
        if (context.Test)
        {
            return Der(writer => writer.PushSequence().Dispose());
        }

        Certificate issuerCertificate = context.IssuerCertificate ?? throw Failure.Make("no issuer certificate", "v2i_AUTHORITY_KEYID", string.Empty);
        bool sameIssuer = ReferenceEquals(context.SubjectCertificate, issuerCertificate)
            || (context.SubjectCertificate is not null && context.SubjectCertificate.Equals(issuerCertificate));
        bool selfSigned = context.IssuerPublicKey is not null
            ? context.SubjectCertificate is not null && context.SubjectCertificate.SubjectPublicKeyInfo.Span.SequenceEqual(context.IssuerPublicKey.SubjectPublicKeyInfo.Span)
            : sameIssuer;

        byte[]? keyIdentifier = null;
        if (keyId == 2 || (keyId == 1 && !selfSigned))
        {
            if (issuerCertificate.FindExtension("2.5.29.14") is { } ski && !(sameIssuer && !selfSigned))
            {
                keyIdentifier = SubjectKeyIdentifier.Decode(ski.Value.Span).KeyIdentifier.ToArray();
            }

            if (keyIdentifier is null && sameIssuer && context.IssuerPublicKey is not null)
            {
                keyIdentifier = KeyHash(context.IssuerPublicKey.SubjectPublicKeyInfo.Span);
            }

            if (keyId == 2 && keyIdentifier is null)
            {
                throw Failure.Make("unable to get issuer keyid", "v2i_AUTHORITY_KEYID", string.Empty);
            }
        }

        IReadOnlyList<GeneralName>? issuerNames = null;
        ReadOnlyMemory<byte>? serial = null;
        if (issuer == 2 || (issuer == 1 && !selfSigned && keyIdentifier is null))
        {
            issuerNames = [GeneralName.Directory(issuerCertificate.Issuer)];
            serial = issuerCertificate.SerialNumber;
        }

        ReadOnlyMemory<byte>? keyField = keyIdentifier is null ? (ReadOnlyMemory<byte>?)null : keyIdentifier.AsMemory();
        return new AuthorityKeyIdentifier(keyField, issuerNames, serial).Encode();
    }

    /// <summary><c>v2i_crld</c>: <c>URI:...</c> items are one full name each; bare names are distribution-point sections.</summary>
    private static byte[] DistributionPointsValue(Request request, List<ConfValue> values)
    {
        var points = new List<DistributionPoint>(values.Count);
        foreach (ConfValue value in values)
        {
            if (value.Value is null)
            {
                List<ConfValue> section = request.Section(value.Name, optional: true) ?? throw Failure.Make("section not found", "v2i_crld", $"section={value.Name}");
                points.Add(DistributionPointFromSection(request, section));
            }
            else
            {
                points.Add(new DistributionPoint(new DistributionPointName([ParseGeneralName(request, value, nameConstraint: false)])));
            }
        }

        return new CrlDistributionPoints(points).Encode();
    }

    private static DistributionPoint DistributionPointFromSection(Request request, List<ConfValue> section)
    {
        DistributionPointName? name = null;
        CrlReasonFlags? reasons = null;
        List<GeneralName>? crlIssuer = null;
        foreach (ConfValue entry in section)
        {
            string value = entry.Value ?? string.Empty;
            switch (entry.Name)
            {
                case "fullname" or "relativename" when name is not null:
                    throw Failure.Make("distpoint already set", "set_dpname", entry.Name);
                case "fullname":
                    name = new DistributionPointName(ParseGeneralNames(request, NamesFromSectionOrList(request, value)));
                    break;
                case "relativename":
                    List<ConfValue> rdn = request.Section(value, optional: true) ?? throw Failure.Make("section not found", "set_dpname", $"section={value}");
                    DistinguishedName relative = NameFromSection(rdn);
                    if (relative.Rdns.Count > 1)
                    {
                        throw Failure.Make("invalid multiple rdns", "set_dpname", string.Empty);
                    }

                    name = new DistributionPointName([.. relative.Rdns[0].Attributes]);
                    break;
                case "reasons":
                    int bits = 0;
                    foreach (ConfValue reason in ConfValue.ParseList(value))
                    {
                        int index = Array.IndexOf(s_reasonFlags, reason.Name);
                        if (index < 0)
                        {
                            throw Failure.Make("invalid value", "set_reasons", reason.Name);
                        }

                        bits |= 1 << index;
                    }

                    reasons = (CrlReasonFlags)bits;
                    break;
                case "CRLissuer":
                    crlIssuer = ParseGeneralNames(request, NamesFromSectionOrList(request, value));
                    break;
                default:
                    break; // OpenSSL ignores other names in a distribution-point section.
            }
        }

        return new DistributionPoint(name, reasons, crlIssuer);
    }

    /// <summary><c>gnames_from_sectname</c>: <c>@section</c> or a value list.</summary>
    private static List<ConfValue> NamesFromSectionOrList(Request request, string value) =>
        value.StartsWith('@')
            ? request.Section(value[1..], optional: true) ?? throw Failure.Make("section not found", "gnames_from_sectname", $"section={value[1..]}")
            : ConfValue.ParseList(value);

    /// <summary><c>v2i_AUTHORITY_INFO_ACCESS</c>: <c>method;GeneralName</c> items.</summary>
    private static byte[] InfoAccessValue(Request request, List<ConfValue> values)
    {
        var descriptions = new List<AccessDescription>(values.Count);
        foreach (ConfValue value in values)
        {
            int semicolon = value.Name.IndexOf(';', StringComparison.Ordinal);
            if (semicolon < 0)
            {
                throw Failure.Make("invalid syntax", "v2i_AUTHORITY_INFO_ACCESS", string.Empty);
            }

            GeneralName location = ParseGeneralName(request, new ConfValue(value.Name[(semicolon + 1)..], value.Value), nameConstraint: false);
            string method = value.Name[..semicolon];
            string oid = ResolveOid(method) ?? throw Failure.Make("bad object", "v2i_AUTHORITY_INFO_ACCESS", $"value={method}");
            descriptions.Add(new AccessDescription(oid, location));
        }

        return new AuthorityInformationAccess(descriptions).Encode();
    }

    /// <summary><c>r2i_certpol</c>: OIDs, <c>ia5org</c> and <c>@section</c> policies.</summary>
    private static byte[] CertificatePoliciesValue(Request request, string value)
    {
        List<ConfValue> items = ConfValue.ParseList(value);
        bool ia5Organization = false;
        var policies = new List<PolicyInformation>(items.Count);
        foreach (ConfValue item in items)
        {
            if (item.Value is not null)
            {
                throw Failure.Make("invalid policy identifier", "r2i_certpol", NameValue(item));
            }

            if (item.Name == "ia5org")
            {
                ia5Organization = true;
            }
            else if (item.Name.StartsWith('@'))
            {
                List<ConfValue> section = request.Section(item.Name[1..], optional: true) ?? throw Failure.Make("invalid section", "r2i_certpol", item.Name);
                policies.Add(PolicySection(request, section, ia5Organization));
            }
            else
            {
                policies.Add(new PolicyInformation(ResolveOid(item.Name) ?? throw Failure.Make("invalid object identifier", "r2i_certpol", item.Name)));
            }
        }

        return new CertificatePolicies(policies).Encode();
    }

    private static PolicyInformation PolicySection(Request request, List<ConfValue> section, bool ia5Organization)
    {
        string? policy = null;
        var qualifiers = new List<PolicyQualifier>();
        foreach (ConfValue entry in section)
        {
            string value = entry.Value ?? string.Empty;
            if (entry.Name == "policyIdentifier")
            {
                policy = ResolveOid(value) ?? throw Failure.Make("invalid object identifier", "policy_section", NameValue(entry));
            }
            else if (ConfValue.NameIs(entry.Name, "CPS"))
            {
                qualifiers.Add(PolicyQualifier.Cps(value));
            }
            else if (ConfValue.NameIs(entry.Name, "userNotice"))
            {
                if (!value.StartsWith('@'))
                {
                    throw Failure.Make("expected a section name", "policy_section", NameValue(entry));
                }

                List<ConfValue> notice = request.Section(value[1..], optional: true) ?? throw Failure.Make("invalid section", "policy_section", value);
                qualifiers.Add(PolicyQualifier.Notice(UserNoticeFromSection(notice, ia5Organization)));
            }
            else
            {
                throw Failure.Make("invalid option", "policy_section", NameValue(entry));
            }
        }

        return new PolicyInformation(policy ?? throw Failure.Make("no policy identifier", "policy_section", string.Empty), qualifiers.Count > 0 ? qualifiers : null);
    }

    private static UserNotice UserNoticeFromSection(List<ConfValue> section, bool ia5Organization)
    {
        (Asn1Tag Tag, string Text)? explicitText = null;
        string? organization = null;
        List<BigInteger>? numbers = null;
        foreach (ConfValue entry in section)
        {
            string value = entry.Value ?? string.Empty;
            switch (entry.Name)
            {
                case "explicitText":
                    explicitText = DisplayText(value);
                    break;
                case "organization":
                    organization = value;
                    break;
                case "noticeNumbers":
                    numbers = [];
                    foreach (ConfValue number in ConfValue.ParseList(value))
                    {
                        numbers.Add(ParseInteger(number.Name, "nref_nos", string.Empty));
                    }

                    break;
                default:
                    throw Failure.Make("invalid option", "notice_section", NameValue(entry));
            }
        }

        if ((organization is null) != (numbers is null))
        {
            throw Failure.Make("need organization and numbers", "notice_section", string.Empty);
        }

        NoticeReference? reference = organization is null ? null : new NoticeReference(organization, numbers!, ia5Organization ? Asn1Tag.IA5String : Asn1Tag.VisibleString);
        return new UserNotice(reference, explicitText?.Text, explicitText?.Tag);
    }

    /// <summary>explicitText: VisibleString unless prefixed <c>UTF8:</c>, <c>UTF8String:</c>, <c>BMP:</c>, <c>BMPSTRING:</c>, <c>VISIBLE:</c> or <c>VISIBLESTRING:</c>.</summary>
    private static (Asn1Tag Tag, string Text) DisplayText(string value)
    {
        (string Prefix, Asn1Tag Tag)[] prefixes =
        [
            ("UTF8:", Asn1Tag.Utf8String), ("UTF8String:", Asn1Tag.Utf8String), ("BMP:", Asn1Tag.BmpString),
            ("BMPSTRING:", Asn1Tag.BmpString), ("VISIBLE:", Asn1Tag.VisibleString), ("VISIBLESTRING:", Asn1Tag.VisibleString),
        ];
        foreach ((string prefix, Asn1Tag tag) in prefixes)
        {
            if (value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return (tag, value[prefix.Length..]);
            }
        }

        return (Asn1Tag.VisibleString, value);
    }
}
