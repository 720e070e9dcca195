using System.Globalization;
using System.Numerics;
using ManagedTls.Asn1;
using ManagedTls.Crypto;

namespace ManagedTls.X509.Configuration;

/// <content>basicConstraints, keyUsage, nsCertType, extendedKeyUsage, key identifiers, policy integers, tlsfeature, IA5 strings.</content>
public static partial class X509ExtensionConfig
{
    private static readonly (string Short, string Long)[] s_keyUsageBits =
    [
        ("digitalSignature", "Digital Signature"), ("nonRepudiation", "Non Repudiation"), ("keyEncipherment", "Key Encipherment"),
        ("dataEncipherment", "Data Encipherment"), ("keyAgreement", "Key Agreement"), ("keyCertSign", "Certificate Sign"),
        ("cRLSign", "CRL Sign"), ("encipherOnly", "Encipher Only"), ("decipherOnly", "Decipher Only"),
    ];

    private static readonly (string Short, string Long)[] s_netscapeBits =
    [
        ("client", "SSL Client"), ("server", "SSL Server"), ("email", "S/MIME"), ("objsign", "Object Signing"),
        ("reserved", "Unused"), ("sslCA", "SSL CA"), ("emailCA", "S/MIME CA"), ("objCA", "Object Signing CA"),
    ];

    private static byte[] BasicConstraintsValue(Request request, List<ConfValue> values)
    {
        bool ca = false;
        BigInteger? pathLength = null;
        foreach (ConfValue value in values)
        {
            if (value.Name == "CA")
            {
                ca = GetBool(value);
            }
            else if (value.Name == "pathlen")
            {
                pathLength = GetInteger(value);
            }
            else
            {
                throw Failure.Make("invalid name", "v2i_BASIC_CONSTRAINTS", NameValue(value));
            }
        }

        if (pathLength is null || (pathLength >= 0 && pathLength <= int.MaxValue))
        {
            return new BasicConstraints(ca, (int?)pathLength).Encode();
        }

        // OpenSSL writes any INTEGER it is given, negative ones included.
        return Der(writer =>
        {
            using (writer.PushSequence())
            {
                if (ca)
                {
                    writer.WriteBoolean(true);
                }

                writer.WriteInteger(pathLength.Value);
            }
        });
    }

    private static byte[] KeyUsageValue(Request request, List<ConfValue> values) =>
        new KeyUsage((KeyUsageFlags)NamedBits(values, s_keyUsageBits)).Encode();

    private static byte[] NetscapeCertTypeValue(Request request, List<ConfValue> values) =>
        new NetscapeCertType((NetscapeCertTypeFlags)NamedBits(values, s_netscapeBits)).Encode();

    /// <summary><c>v2i_ASN1_BIT_STRING</c>: each item is a bit's short or long name.</summary>
    private static int NamedBits(List<ConfValue> values, (string Short, string Long)[] table)
    {
        int bits = 0;
        foreach (ConfValue value in values)
        {
            int index = Array.FindIndex(table, t => t.Short == value.Name || t.Long == value.Name);
            if (index < 0)
            {
                throw Failure.Make("unknown bit string argument", "v2i_ASN1_BIT_STRING", value.Name);
            }

            bits |= 1 << index;
        }

        return bits;
    }

    private static byte[] ExtendedKeyUsageValue(Request request, List<ConfValue> values)
    {
        var oids = new List<string>(values.Count);
        foreach (ConfValue value in values)
        {
            string text = value.Value ?? value.Name;
            oids.Add(ResolveOid(text) ?? throw Failure.Make("invalid object identifier", "v2i_EXTENDED_KEY_USAGE", text));
        }

        return new ExtendedKeyUsage(oids).Encode();
    }

    private static byte[] SubjectKeyIdentifierValue(Request request, string value)
    {
        if (value == "none")
        {
            return Der(writer => writer.WriteOctetString([]));
        }

        if (value != "hash")
        {
            byte[] bytes = Hex.Decode(value) ?? throw Failure.Make(Hex.LastError(value), "hexstr2buf_sep", string.Empty);
            return new SubjectKeyIdentifier(bytes).Encode();
        }

        X509ExtensionContext context = request.Context;
        ReadOnlyMemory<byte>? spki = context.SubjectPublicKey?.SubjectPublicKeyInfo ?? context.SubjectCertificate?.SubjectPublicKeyInfo ?? context.Request?.SubjectPublicKeyInfo;
        if (spki is null)
        {
            return context.Test
                ? Der(writer => writer.WriteOctetString([]))
                : throw Failure.Make("no subject details", "s2i_skey_id", string.Empty);
        }

        return new SubjectKeyIdentifier(KeyHash(spki.Value.Span)).Encode();
    }

    /// <summary>SHA-1 of the subjectPublicKey BIT STRING contents (RFC 5280 §4.2.1.2 method 1), as OpenSSL computes it.</summary>
    internal static byte[] KeyHash(ReadOnlySpan<byte> spki)
    {
        var reader = new DerReader(spki);
        DerReader sequence = reader.ReadSequence();
        sequence.ReadEncodedValue();
        ReadOnlySpan<byte> key = sequence.ReadBitString(out _);
        return HashAlgorithms.HashData(HashAlgorithmId.Sha1, key);
    }

    private static byte[] PolicyConstraintsValue(Request request, List<ConfValue> values)
    {
        BigInteger? require = null;
        BigInteger? inhibit = null;
        foreach (ConfValue value in values)
        {
            if (value.Name == "requireExplicitPolicy")
            {
                require = GetInteger(value);
            }
            else if (value.Name == "inhibitPolicyMapping")
            {
                inhibit = GetInteger(value);
            }
            else
            {
                throw Failure.Make("invalid name", "v2i_POLICY_CONSTRAINTS", NameValue(value));
            }
        }

        if (require is null && inhibit is null)
        {
            throw Failure.Make("illegal empty extension", "v2i_POLICY_CONSTRAINTS", string.Empty);
        }

        return new PolicyConstraints(require, inhibit).Encode();
    }

    private static byte[] InhibitAnyPolicyValue(Request request, string value) =>
        new InhibitAnyPolicy(ParseInteger(value, "s2i_ASN1_INTEGER", string.Empty)).Encode();

    private static byte[] PolicyMappingsValue(Request request, List<ConfValue> values)
    {
        var mappings = new List<PolicyMapping>(values.Count);
        foreach (ConfValue value in values)
        {
            string? issuer = value.Value is null ? null : ResolveOid(value.Name);
            string? subject = value.Value is null ? null : ResolveOid(value.Value);
            if (issuer is null || subject is null)
            {
                throw Failure.Make("invalid object identifier", "v2i_POLICY_MAPPINGS", NameValue(value));
            }

            mappings.Add(new PolicyMapping(issuer, subject));
        }

        return new PolicyMappings(mappings).Encode();
    }

    private static byte[] TlsFeatureValue(Request request, List<ConfValue> values)
    {
        var features = new List<BigInteger>(values.Count);
        foreach (ConfValue value in values)
        {
            string text = value.Value ?? value.Name;
            long id;
            if (text.Equals("status_request", StringComparison.OrdinalIgnoreCase))
            {
                id = 5;
            }
            else if (text.Equals("status_request_v2", StringComparison.OrdinalIgnoreCase))
            {
                id = 17;
            }
            else if (!long.TryParse(text, NumberStyles.AllowLeadingWhite | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out id) || id is < 0 or > 65535)
            {
                throw Failure.Make("invalid syntax", "v2i_TLS_FEATURE", NameValue(value));
            }

            features.Add(id);
        }

        return new TlsFeature(features).Encode();
    }

    private static byte[] Ia5StringValue(Request request, string value) => Der(writer => writer.WriteCharacterString(Asn1Tag.IA5String, value));

    private static byte[] NoCheckValue(Request request, string value) => Der(writer => writer.WriteNull());

    /// <summary><c>X509V3_get_value_bool</c>.</summary>
    private static bool GetBool(ConfValue value) => value.Value switch
    {
        "TRUE" or "true" or "Y" or "y" or "YES" or "yes" => true,
        "FALSE" or "false" or "N" or "n" or "NO" or "no" => false,
        _ => throw Failure.Make("invalid boolean string", "X509V3_get_value_bool", NameValue(value)),
    };

    private static BigInteger GetInteger(ConfValue value) => ParseInteger(value.Value, "s2i_ASN1_INTEGER", NameValue(value));

    /// <summary><c>s2i_ASN1_INTEGER</c>: decimal, or hex after <c>0x</c>; a leading <c>-</c> negates.</summary>
    internal static BigInteger ParseInteger(string? text, string function, string detail)
    {
        if (text is null)
        {
            throw Failure.Make("invalid null value", function, detail);
        }

        bool negative = text.StartsWith('-');
        string digits = negative ? text[1..] : text;
        bool hex = digits.Length >= 2 && digits[0] == '0' && digits[1] is 'x' or 'X';
        if (hex)
        {
            digits = digits[2..];
        }

        if (digits.Length == 0 || !digits.All(hex ? char.IsAsciiHexDigit : char.IsAsciiDigit))
        {
            throw Failure.Make(hex ? "bn to asn1 integer error" : "bn dec2bn error", function, detail);
        }

        BigInteger result = hex ? BigInteger.Parse("0" + digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture) : BigInteger.Parse(digits, CultureInfo.InvariantCulture);
        return negative ? -result : result;
    }

    private static string NameValue(ConfValue value) => $"name={value.Name}, value={value.Value ?? "<NULL>"}";

    private static byte[] Der(Action<DerWriter> write)
    {
        using var writer = new DerWriter();
        write(writer);
        return writer.ToArray();
    }
}
