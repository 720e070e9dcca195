namespace ManagedTls.X509;

/// <summary>
/// OpenSSL's <c>ASN1_STRFLGS_*</c> and <c>XN_FLAG_*</c> bits for <see cref="DistinguishedName.Format"/>, with
/// OpenSSL's numeric values so a <c>-nameopt</c> parser can map names to them one to one.
/// </summary>
[Flags]
public enum X509NameFormatFlags : ulong
{
    /// <summary>No flags (OpenSSL's <c>compat</c> value, which selects <c>X509_NAME_oneline</c>: use <see cref="DistinguishedName.ToOneLineString()"/>); <see cref="DistinguishedName.Format"/> prints nothing without a separator bit.</summary>
    None = 0,

    /// <summary><c>esc_2253</c>: backslash-escape <c>, + " \ &lt; &gt; ;</c>, a leading <c>#</c> or space and a trailing space.</summary>
    EscapeRfc2253 = 1,

    /// <summary><c>esc_ctrl</c>: escape control characters as <c>\XX</c>.</summary>
    EscapeControl = 2,

    /// <summary><c>esc_msb</c>: escape octets with the top bit set as <c>\XX</c>.</summary>
    EscapeMsb = 4,

    /// <summary><c>use_quote</c>: surround the value with quotes instead of backslash-escaping RFC 2253 specials.</summary>
    EscapeQuote = 8,

    /// <summary><c>utf8</c>: convert every string type to UTF-8 before escaping.</summary>
    Utf8Convert = 0x10,

    /// <summary><c>ignore_type</c>: print every value's octets as one byte per character.</summary>
    IgnoreType = 0x20,

    /// <summary><c>show_type</c>: prefix each value with its type name (<c>UTF8STRING:</c>).</summary>
    ShowType = 0x40,

    /// <summary><c>dump_all</c>: hex-dump every value (<c>#...</c>).</summary>
    DumpAll = 0x80,

    /// <summary><c>dump_nostr</c>: hex-dump values whose type is not a string type.</summary>
    DumpUnknown = 0x100,

    /// <summary><c>dump_der</c>: hex dumps show the whole DER (tag and length too), not just the content.</summary>
    DumpDer = 0x200,

    /// <summary><c>ASN1_STRFLGS_RFC2253</c>: the string flags of RFC 2253.</summary>
    Rfc2253Strings = EscapeRfc2253 | EscapeControl | EscapeMsb | Utf8Convert | DumpUnknown | DumpDer,

    /// <summary><c>sep_comma_plus</c>: RDNs separated by <c>,</c>, multi-valued attributes by <c>+</c>.</summary>
    SeparatorCommaPlus = 1UL << 16,

    /// <summary><c>sep_comma_plus_space</c>: <c>, </c> and <c> + </c>.</summary>
    SeparatorCommaPlusSpace = 2UL << 16,

    /// <summary><c>sep_semi_plus_space</c>: <c>; </c> and <c> + </c>.</summary>
    SeparatorSemicolonPlusSpace = 3UL << 16,

    /// <summary><c>sep_multiline</c>: one RDN per line, <c> + </c> within one.</summary>
    SeparatorMultiline = 4UL << 16,

    /// <summary><c>dn_rev</c>: print the RDNs last first (RFC 2253 order).</summary>
    Reverse = 1UL << 20,

    /// <summary><c>lname</c>: long field names.</summary>
    FieldLongName = 1UL << 21,

    /// <summary><c>oid</c>: field names as dotted OIDs.</summary>
    FieldOid = 2UL << 21,

    /// <summary><c>nofname</c>: no field names.</summary>
    FieldNone = 3UL << 21,

    /// <summary><c>space_eq</c>: <c> = </c> instead of <c>=</c>.</summary>
    SpaceAroundEquals = 1UL << 23,

    /// <summary><c>dump_unknown</c>: hex-dump the value of any attribute type OpenSSL does not name.</summary>
    DumpUnknownFields = 1UL << 24,

    /// <summary><c>align</c>: pad field names to a common width (multiline).</summary>
    AlignFields = 1UL << 25,

    /// <summary><c>-nameopt oneline</c> (<c>XN_FLAG_ONELINE</c>): OpenSSL 3.0's default for <c>x509 -subject</c>.</summary>
    OneLine = Rfc2253Strings | EscapeQuote | SeparatorCommaPlusSpace | SpaceAroundEquals,

    /// <summary><c>-nameopt RFC2253</c> (<c>XN_FLAG_RFC2253</c>).</summary>
    Rfc2253 = Rfc2253Strings | SeparatorCommaPlus | Reverse | DumpUnknownFields,

    /// <summary><c>-nameopt multiline</c> (<c>XN_FLAG_MULTILINE</c>).</summary>
    Multiline = EscapeControl | EscapeMsb | SeparatorMultiline | SpaceAroundEquals | FieldLongName | AlignFields,
}
