using System.Globalization;
using System.Numerics;
using System.Text;
using ManagedTls.Asn1;

namespace ManagedTls.X509;

/// <content>The i2v and i2s printers: access descriptions, policy mappings and constraints, TLS features, integers,
/// reason codes, the CT poison, Netscape strings and the private key usage period.</content>
internal static partial class ExtensionText
{
    private static readonly Dictionary<long, string> s_reasonNames = new()
    {
        [0] = "Unspecified", [1] = "Key Compromise", [2] = "CA Compromise", [3] = "Affiliation Changed", [4] = "Superseded",
        [5] = "Cessation Of Operation", [6] = "Certificate Hold", [8] = "Remove From CRL", [9] = "Privilege Withdrawn",
        [10] = "AA Compromise",
    };

    // i2v_AUTHORITY_INFO_ACCESS: each location as i2v_GENERAL_NAME, its name prefixed "<method> - ".
    private static List<(string?, string?)>? AccessValues(AuthorityInformationAccess access)
    {
        var values = new List<(string?, string?)>();
        foreach (AccessDescription description in access.Descriptions)
        {
            var one = GeneralNameValues([description.Location], []);
            if (one is null)
            {
                return null;
            }

            (string? name, string? value) = one[0];
            values.Add(($"{DisplayName(description.Method)} - {name}", value));
        }

        return values;
    }

    // i2v_POLICY_MAPPINGS: "issuer:subject"; an empty list leaves the stack NULL, which fails the print.
    private static List<(string?, string?)>? PolicyMappingValues(PolicyMappings mappings)
    {
        var values = new List<(string?, string?)>();
        foreach (PolicyMapping mapping in mappings.Mappings)
        {
            values.Add((DisplayName(mapping.IssuerDomainPolicy), DisplayName(mapping.SubjectDomainPolicy)));
        }

        return values.Count == 0 ? null : values;
    }

    private static List<(string?, string?)>? PolicyConstraintValues(PolicyConstraints constraints)
    {
        var values = new List<(string?, string?)>();
        if (constraints.RequireExplicitPolicy is { } require)
        {
            values.Add(("Require Explicit Policy", FormatAsn1Integer(require)));
        }

        if (constraints.InhibitPolicyMapping is { } inhibit)
        {
            values.Add(("Inhibit Policy Mapping", FormatAsn1Integer(inhibit)));
        }

        return values.Count == 0 ? null : values;
    }

    private static List<(string?, string?)>? TlsFeatureValues(TlsFeature feature)
    {
        var values = new List<(string?, string?)>();
        foreach (BigInteger number in feature.Features)
        {
            string? name = number == 5 ? "status_request" : number == 17 ? "status_request_v2" : null;
            values.Add((null, name ?? FormatAsn1Integer(number)));
        }

        return values.Count == 0 ? null : values;
    }

    /// <summary><c>i2s_ASN1_INTEGER</c>: decimal below 128 bits, otherwise <c>0x</c> and upper-case hex octets.</summary>
    internal static string FormatAsn1Integer(BigInteger value)
    {
        BigInteger magnitude = BigInteger.Abs(value);
        string sign = value.Sign < 0 ? "-" : string.Empty;
        if (magnitude.GetBitLength() < 128)
        {
            return value.ToString(CultureInfo.InvariantCulture);
        }

        return sign + "0x" + Convert.ToHexString(magnitude.ToByteArray(isUnsigned: true, isBigEndian: true));
    }

    // i2s_ASN1_ENUMERATED_TABLE over crl_reasons; values a long cannot hold never match the table.
    private static string FormatReason(ReadOnlySpan<byte> value)
    {
        var reader = new DerReader(value);
        BigInteger reason = new(reader.ReadIntegerBytes(Asn1Tag.Enumerated), isUnsigned: false, isBigEndian: true);
        reader.ExpectEmpty();
        return reason >= long.MinValue && reason <= long.MaxValue && s_reasonNames.TryGetValue((long)reason, out string? name)
            ? name
            : FormatAsn1Integer(reason);
    }

    // holdInstructionCode (CRL entry): the OID's long name.
    private static string FormatHoldInstruction(ReadOnlySpan<byte> value)
    {
        var reader = new DerReader(value);
        string oid = reader.ReadObjectIdentifier();
        reader.ExpectEmpty();
        return DisplayName(oid);
    }

    private static string? FormatPoison(ReadOnlySpan<byte> value, string pad)
    {
        var reader = new DerReader(value);
        reader.ReadNull();
        reader.ExpectEmpty();
        return pad + "NULL";
    }

    // i2s_ASN1_IA5STRING: an empty string fails; the text ends at the first NUL (it is printed with %s).
    private static string? FormatIa5(ReadOnlySpan<byte> value, string pad)
    {
        var reader = new DerReader(value);
        byte[] octets = reader.ReadOctetString(Asn1Tag.IA5String).ToArray();
        reader.ExpectEmpty();
        return octets.Length == 0 ? null : pad + DisplayTextCodec.Printed(octets);
    }

    private static string FormatPrivateKeyUsagePeriod(PrivateKeyUsagePeriod period)
    {
        var text = new StringBuilder();
        if (period.NotBefore is { } notBefore)
        {
            text.Append("Not Before: ").Append(OpenSslText.FormatTime(notBefore));
            if (period.NotAfter is not null)
            {
                text.Append(", ");
            }
        }

        if (period.NotAfter is { } notAfter)
        {
            text.Append("Not After: ").Append(OpenSslText.FormatTime(notAfter));
        }

        return text.ToString();
    }
}
