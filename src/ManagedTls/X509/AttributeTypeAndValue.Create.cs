using System.Globalization;
using ManagedTls.Asn1;

namespace ManagedTls.X509;

/// <content>Building attributes, choosing the string type as OpenSSL 3.0 does (crypto/asn1/a_strnid.c with the default <c>utf8only</c> mask).</content>
public sealed partial class AttributeTypeAndValue
{
    /// <summary>
    /// Creates an attribute with the string type OpenSSL's <c>X509_NAME_add_entry_by_NID</c> picks under the default
    /// <c>string_mask = utf8only</c>: PrintableString for countryName, jurisdictionCountryName, serialNumber and
    /// dnQualifier; IA5String for emailAddress and domainComponent; BMPString for friendlyName; UTF8String otherwise.
    /// OpenSSL's length bounds apply (countryName exactly 2 characters, commonName at most 64, ...).
    /// </summary>
    /// <param name="type">OpenSSL short or long name (<c>CN</c>, <c>commonName</c>) or a dotted OID.</param>
    /// <param name="value">The text.</param>
    /// <returns>The attribute.</returns>
    /// <exception cref="ArgumentException">Unknown type name, a character the chosen type cannot hold, or a length out of bounds.</exception>
    public static AttributeTypeAndValue Create(string type, string value)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(value);
        string oid = ResolveType(type);
        (Asn1Tag stringType, int min, int max) = StringProfile(oid);
        int characters = value.EnumerateRunes().Count();
        if ((min >= 0 && characters < min) || (max >= 0 && characters > max))
        {
            throw new ArgumentException($"{type} must be {min}..{(max < 0 ? "MAX" : max.ToString(CultureInfo.InvariantCulture))} characters (OpenSSL's ASN1_STRING_TABLE); got {characters}.", nameof(value));
        }

        if (stringType == Asn1Tag.PrintableString && !value.All(IsOpenSslPrintable))
        {
            throw new ArgumentException($"{type} is a PrintableString and \"{value}\" has characters outside it.", nameof(value));
        }

        return Create(oid, stringType, value);
    }

    /// <summary>Creates an attribute with an explicit string type.</summary>
    /// <param name="type">OpenSSL short or long name, or a dotted OID.</param>
    /// <param name="stringType">UTF8String, PrintableString, IA5String, T61String (Latin-1), BMPString, UniversalString or NumericString.</param>
    /// <param name="value">The text.</param>
    /// <returns>The attribute.</returns>
    /// <exception cref="ArgumentException">Unknown type name, or a character outside <paramref name="stringType"/>'s repertoire.</exception>
    public static AttributeTypeAndValue Create(string type, Asn1Tag stringType, string value)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(value);
        string oid = ResolveType(type);
        if (stringType.TagClass != TagClass.Universal || stringType.TagValue is not (12 or 18 or 19 or 20 or 22 or 28 or 30))
        {
            throw new ArgumentException($"{stringType} is not a string type OpenSSL accepts in a Name.", nameof(stringType));
        }

        if (stringType == Asn1Tag.BmpString && value.Any(char.IsSurrogate))
        {
            throw new ArgumentException("A BMPString cannot hold characters beyond U+FFFF (OpenSSL rejects surrogates).", nameof(value));
        }

        using var writer = new DerWriter();
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier(oid);
            writer.WriteCharacterString(stringType, value);
        }

        var reader = new DerReader(writer.ToArray());
        return Decode(ref reader);
    }

    internal static string ResolveType(string type)
    {
        if (OidRegistry.TryGetByName(type, out OidInfo? info))
        {
            return info.Dotted;
        }

        if (type.Length > 0 && char.IsAsciiDigit(type[0]) && ObjectIdentifier.TryEncode(type, stackalloc byte[128], out _))
        {
            return type;
        }

        throw new ArgumentException($"Unknown attribute type \"{type}\" (not an OpenSSL short or long name, nor a dotted OID).", nameof(type));
    }

    // OpenSSL's ASN1_STRING_TABLE entries for Name attributes: (type under the utf8only mask, min, max characters; -1 = no bound).
    private static (Asn1Tag Type, int Min, int Max) StringProfile(string oid) => oid switch
    {
        "2.5.4.6" or "1.3.6.1.4.1.311.60.2.1.3" => (Asn1Tag.PrintableString, 2, 2),
        "2.5.4.5" => (Asn1Tag.PrintableString, 1, 64),
        "2.5.4.46" => (Asn1Tag.PrintableString, -1, -1),
        "1.2.840.113549.1.9.1" => (Asn1Tag.IA5String, 1, 128),
        "0.9.2342.19200300.100.1.25" => (Asn1Tag.IA5String, 1, -1),
        "1.2.840.113549.1.9.20" => (Asn1Tag.BmpString, -1, -1),
        "2.5.4.3" or "2.5.4.10" or "2.5.4.11" => (Asn1Tag.Utf8String, 1, 64),
        "2.5.4.7" or "2.5.4.8" => (Asn1Tag.Utf8String, 1, 128),
        "2.5.4.41" or "2.5.4.42" or "2.5.4.4" or "2.5.4.43" => (Asn1Tag.Utf8String, 1, 32768),
        "1.2.840.113549.1.9.2" or "1.2.840.113549.1.9.7" or "1.2.840.113549.1.9.8" => (Asn1Tag.Utf8String, 1, -1),
        _ => (Asn1Tag.Utf8String, -1, -1),
    };

    // crypto/asn1/a_mbstr.c is_printable (no '*' or '&', unlike what the reader tolerates).
    private static bool IsOpenSslPrintable(char c) =>
        char.IsAsciiLetterOrDigit(c) || c == ' ' || "'()+,-./:=?".Contains(c, StringComparison.Ordinal);
}
