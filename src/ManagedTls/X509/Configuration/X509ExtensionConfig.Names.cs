using System.Globalization;
using ManagedTls.Asn1;

namespace ManagedTls.X509.Configuration;

/// <content>GeneralName values (v3_san.c), IP addresses (v3_utl.c), alternative names and name constraints.</content>
public static partial class X509ExtensionConfig
{
    private static byte[] SubjectAltNameValue(Request request, List<ConfValue> values)
    {
        var names = new List<GeneralName>();
        foreach (ConfValue value in values)
        {
            if (ConfValue.NameIs(value.Name, "email") && value.Value is "copy" or "move")
            {
                CopyEmail(request, names);
            }
            else
            {
                names.Add(ParseGeneralName(request, value, nameConstraint: false));
            }
        }

        return new AlternativeNames(names).Encode();
    }

    private static byte[] IssuerAltNameValue(Request request, List<ConfValue> values)
    {
        var names = new List<GeneralName>();
        foreach (ConfValue value in values)
        {
            if (ConfValue.NameIs(value.Name, "issuer") && value.Value == "copy")
            {
                CopyIssuer(request, names);
            }
            else
            {
                names.Add(ParseGeneralName(request, value, nameConstraint: false));
            }
        }

        return new AlternativeNames(names).Encode();
    }

    private static void CopyEmail(Request request, List<GeneralName> names)
    {
        X509ExtensionContext context = request.Context;
        if (context.Test)
        {
            return;
        }

        DistinguishedName subject = context.SubjectName ?? context.SubjectCertificate?.Subject ?? context.Request?.Subject
            ?? throw Failure.Make("no subject details", "copy_email", string.Empty);
        foreach (AttributeTypeAndValue attribute in subject.Attributes)
        {
            if (attribute.Oid == "1.2.840.113549.1.9.1")
            {
                names.Add(GeneralName.Email(attribute.Value ?? string.Empty));
            }
        }
    }

    private static void CopyIssuer(Request request, List<GeneralName> names)
    {
        X509ExtensionContext context = request.Context;
        if (context.Test)
        {
            return;
        }

        Certificate issuer = context.IssuerCertificate ?? throw Failure.Make("no issuer details", "copy_issuer", string.Empty);
        if (issuer.FindExtension("2.5.29.17") is { } alternative)
        {
            names.AddRange(AlternativeNames.Decode(alternative.Value.Span).Names);
        }
    }

    private static byte[] NameConstraintsValue(Request request, List<ConfValue> values)
    {
        var permitted = new List<GeneralName>();
        var excluded = new List<GeneralName>();
        foreach (ConfValue value in values)
        {
            List<GeneralName> target;
            string name;
            if (value.Name.StartsWith("permitted", StringComparison.Ordinal) && value.Name.Length > 9)
            {
                target = permitted;
                name = value.Name[10..];
            }
            else if (value.Name.StartsWith("excluded", StringComparison.Ordinal) && value.Name.Length > 8)
            {
                target = excluded;
                name = value.Name[9..];
            }
            else
            {
                throw Failure.Make("invalid syntax", "v2i_NAME_CONSTRAINTS", string.Empty);
            }

            target.Add(ParseGeneralName(request, new ConfValue(name, value.Value), nameConstraint: true));
        }

        return new NameConstraints(Subtrees(permitted), Subtrees(excluded)).Encode();
    }

    private static List<GeneralSubtree>? Subtrees(List<GeneralName> names) =>
        names.Count == 0 ? null : names.ConvertAll(name => new GeneralSubtree(name));

    /// <summary><c>v2i_GENERAL_NAMES</c>.</summary>
    private static List<GeneralName> ParseGeneralNames(Request request, List<ConfValue> values)
    {
        var names = new List<GeneralName>(values.Count);
        foreach (ConfValue value in values)
        {
            names.Add(ParseGeneralName(request, value, nameConstraint: false));
        }

        return names;
    }

    /// <summary><c>v2i_GENERAL_NAME_ex</c> and <c>a2i_GENERAL_NAME</c>.</summary>
    private static GeneralName ParseGeneralName(Request request, ConfValue item, bool nameConstraint)
    {
        string name = item.Name;
        string[] kinds = ["email", "URI", "DNS", "RID", "IP", "dirName", "otherName"];
        string? kind = Array.Find(kinds, k => ConfValue.NameIs(name, k));
        if (kind is null)
        {
            throw Failure.Make("unsupported option", "v2i_GENERAL_NAME_ex", $"name={name}");
        }

        string value = item.Value ?? throw Failure.Make("missing value", "a2i_GENERAL_NAME", string.Empty);
        switch (kind)
        {
            case "email":
                return GeneralName.Email(value);
            case "URI":
                return GeneralName.Uri(value);
            case "DNS":
                return GeneralName.Dns(value);
            case "RID":
                return GeneralName.RegisteredId(ResolveOid(value) ?? throw Failure.Make("bad object", "a2i_GENERAL_NAME", $"value={value}"));
            case "IP":
                byte[] address = (nameConstraint ? IPAddressParser.ParseWithMask(value) : IPAddressParser.Parse(value))
                    ?? throw Failure.Make("bad ip address", "a2i_GENERAL_NAME", $"value={value}");
                return GeneralName.IPAddress(address);
            case "dirName":
                List<ConfValue> section = request.Section(value, optional: true) ?? throw Failure.Make("section not found", "do_dirname", $"section={value}");
                return GeneralName.Directory(NameFromSection(section));
            default:
                return OtherName(request, value);
        }
    }

    private static GeneralName OtherName(Request request, string value)
    {
        int semicolon = value.IndexOf(';', StringComparison.Ordinal);
        string? oid = semicolon < 0 ? null : ResolveOid(value[..semicolon]);
        if (oid is null)
        {
            throw Failure.Make("othername error", "a2i_GENERAL_NAME", string.Empty);
        }

        byte[] inner;
        try
        {
            inner = Asn1Generator.Generate(value[(semicolon + 1)..], request.Context.Config);
        }
        catch (Failure failure)
        {
            throw failure.Then("othername error");
        }

        return GeneralName.OtherName(oid, inner);
    }

    /// <summary><c>X509V3_NAME_from_section</c> with MBSTRING_ASC: <c>X.</c>/<c>X:</c>/<c>X,</c> prefixes dropped, <c>+</c> joins the previous RDN.</summary>
    private static DistinguishedName NameFromSection(List<ConfValue> section)
    {
        var rdns = new List<List<AttributeTypeAndValue>>();
        foreach (ConfValue entry in section)
        {
            string type = entry.Name;
            int separator = type.IndexOfAny([':', ',', '.']);
            if (separator >= 0 && separator + 1 < type.Length)
            {
                type = type[(separator + 1)..];
            }

            bool multi = type.StartsWith('+');
            if (multi)
            {
                type = type[1..];
            }

            AttributeTypeAndValue attribute;
            try
            {
                attribute = AttributeTypeAndValue.Create(type, entry.Value ?? string.Empty);
            }
            catch (ArgumentException e)
            {
                throw Failure.Make(OidRegistry.TryGetByName(type, out _) ? "string too long" : "unknown object name", "X509_NAME_add_entry_by_txt", e.Message);
            }

            if (multi && rdns.Count > 0)
            {
                rdns[^1].Add(attribute);
            }
            else
            {
                rdns.Add([attribute]);
            }
        }

        return DistinguishedName.Create(rdns.Select(r => (IReadOnlyList<AttributeTypeAndValue>)r));
    }

    /// <summary><c>a2i_ipadd</c> and <c>a2i_IPADDRESS_NC</c>.</summary>
    internal static class IPAddressParser
    {
        public static byte[]? Parse(string text) => text.Contains(':', StringComparison.Ordinal) ? ParseV6(text) : ParseV4(text);

        public static byte[]? ParseWithMask(string text)
        {
            int slash = text.IndexOf('/', StringComparison.Ordinal);
            if (slash < 0)
            {
                return null;
            }

            byte[]? address = Parse(text[..slash]);
            byte[]? mask = Parse(text[(slash + 1)..]);
            return address is null || mask is null || address.Length != mask.Length ? null : [.. address, .. mask];
        }

        /// <summary><c>sscanf("%d.%d.%d.%d")</c>, each 0–255; text after the fourth number is ignored, as in OpenSSL.</summary>
        public static byte[]? ParseV4(string text)
        {
            var result = new byte[4];
            int i = 0;
            for (int part = 0; part < 4; part++)
            {
                if (part > 0)
                {
                    if (i >= text.Length || text[i] != '.')
                    {
                        return null;
                    }

                    i++;
                }

                while (i < text.Length && char.IsWhiteSpace(text[i]))
                {
                    i++;
                }

                int start = i;
                if (i < text.Length && text[i] is '+' or '-')
                {
                    i++;
                }

                int digits = i;
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                {
                    i++;
                }

                if (i == digits || !long.TryParse(text.AsSpan(start, i - start), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long number) || number is < 0 or > 255)
                {
                    return null;
                }

                result[part] = (byte)number;
            }

            return result;
        }

        private static byte[]? ParseV6(string text)
        {
            var buffer = new byte[16];
            int total = 0;
            int zeroPosition = -1;
            int zeroCount = 0;
            string[] elements = text.Split(':');
            for (int index = 0; index < elements.Length; index++)
            {
                string element = elements[index];
                if (total == 16)
                {
                    return null;
                }

                if (element.Length == 0)
                {
                    if (zeroPosition == -1)
                    {
                        zeroPosition = total;
                    }
                    else if (zeroPosition != total)
                    {
                        return null;
                    }

                    zeroCount++;
                }
                else if (element.Length > 4)
                {
                    if (total > 12 || index != elements.Length - 1 || ParseV4(element) is not { } v4)
                    {
                        return null;
                    }

                    v4.CopyTo(buffer, total);
                    total += 4;
                }
                else
                {
                    if (!ushort.TryParse(element, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ushort group))
                    {
                        return null;
                    }

                    buffer[total] = (byte)(group >> 8);
                    buffer[total + 1] = (byte)group;
                    total += 2;
                }
            }

            if (zeroPosition == -1)
            {
                return total == 16 ? buffer : null;
            }

            if (total == 16 || zeroCount > 3
                || (zeroCount == 3 && total > 0)
                || (zeroCount == 2 && zeroPosition != 0 && zeroPosition != total)
                || (zeroCount == 1 && (zeroPosition == 0 || zeroPosition == total)))
            {
                return null;
            }

            var result = new byte[16];
            Array.Copy(buffer, 0, result, 0, zeroPosition);
            int tail = total - zeroPosition;
            Array.Copy(buffer, zeroPosition, result, 16 - tail, tail);
            return result;
        }
    }
}
