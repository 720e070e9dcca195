using System.Text;
using ManagedTls.X509;

namespace ManagedTls.Cli;

/// <summary>
/// openssl's <c>-nameopt</c>: a comma-separated list of the names in OpenSSL 3.0's <c>set_name_ex</c> table, each
/// optionally prefixed with <c>-</c> (clear) or <c>+</c> (set), matched case-insensitively, mapped onto
/// <see cref="X509NameFormatFlags"/>; and openssl's <c>print_name</c>, which prints a name with the result.
/// </summary>
/// <remarks>
/// As in openssl the flags start at 0 and accumulate over repeated <c>-nameopt</c> options; a result other than
/// <c>compat</c> (0) without a separator gets <c>sep_comma_plus_space</c>. Without any <c>-nameopt</c> the flags are
/// <c>oneline</c>. <c>esc_2254</c> is accepted and kept as OpenSSL's bit (0x400), which the name printer leaves
/// unused.
/// </remarks>
internal sealed class NameOption
{
    private const ulong SeparatorMask = 0xFUL << 16;
    private const ulong FieldMask = 0x3UL << 21;
    private const ulong All = 0xFFFFFFFFUL;
    private const ulong Escape2254 = 0x400; // ASN1_STRFLGS_ESC_2254

    // apps/lib/apps.c ex_tbl: name, flag, mask cleared first.
    private static readonly (string Name, ulong Flag, ulong Mask)[] s_table =
    [
        ("esc_2253", (ulong)X509NameFormatFlags.EscapeRfc2253, 0),
        ("esc_2254", Escape2254, 0),
        ("esc_ctrl", (ulong)X509NameFormatFlags.EscapeControl, 0),
        ("esc_msb", (ulong)X509NameFormatFlags.EscapeMsb, 0),
        ("use_quote", (ulong)X509NameFormatFlags.EscapeQuote, 0),
        ("utf8", (ulong)X509NameFormatFlags.Utf8Convert, 0),
        ("ignore_type", (ulong)X509NameFormatFlags.IgnoreType, 0),
        ("show_type", (ulong)X509NameFormatFlags.ShowType, 0),
        ("dump_all", (ulong)X509NameFormatFlags.DumpAll, 0),
        ("dump_nostr", (ulong)X509NameFormatFlags.DumpUnknown, 0),
        ("dump_der", (ulong)X509NameFormatFlags.DumpDer, 0),
        ("compat", 0, All),
        ("sep_comma_plus", (ulong)X509NameFormatFlags.SeparatorCommaPlus, SeparatorMask),
        ("sep_comma_plus_space", (ulong)X509NameFormatFlags.SeparatorCommaPlusSpace, SeparatorMask),
        ("sep_semi_plus_space", (ulong)X509NameFormatFlags.SeparatorSemicolonPlusSpace, SeparatorMask),
        ("sep_multiline", (ulong)X509NameFormatFlags.SeparatorMultiline, SeparatorMask),
        ("dn_rev", (ulong)X509NameFormatFlags.Reverse, 0),
        ("nofname", (ulong)X509NameFormatFlags.FieldNone, FieldMask),
        ("sname", 0, FieldMask),
        ("lname", (ulong)X509NameFormatFlags.FieldLongName, FieldMask),
        ("align", (ulong)X509NameFormatFlags.AlignFields, 0),
        ("oid", (ulong)X509NameFormatFlags.FieldOid, FieldMask),
        ("space_eq", (ulong)X509NameFormatFlags.SpaceAroundEquals, 0),
        ("dump_unknown", (ulong)X509NameFormatFlags.DumpUnknownFields, 0),
        ("RFC2253", (ulong)X509NameFormatFlags.Rfc2253, All),
        ("oneline", (ulong)X509NameFormatFlags.OneLine, All),
        ("multiline", (ulong)X509NameFormatFlags.Multiline, All),
        ("ca_default", (ulong)X509NameFormatFlags.Multiline, All),
    ];

    private ulong _flags;
    private bool _set;

    /// <summary>The flags in effect: <c>oneline</c> until a <c>-nameopt</c> was given.</summary>
    public X509NameFormatFlags Flags => _set ? (X509NameFormatFlags)_flags : X509NameFormatFlags.OneLine;

    /// <summary>Applies one <c>-nameopt</c> argument.</summary>
    /// <param name="argument">The comma-separated list.</param>
    /// <param name="verb">The verb, for openssl's "Use -help for summary." line.</param>
    /// <exception cref="CommandException">An unknown name (openssl prints only the usage pointer).</exception>
    public void Apply(string argument, string verb)
    {
        if (!TryApply(argument))
        {
            throw new CommandException($"{verb}: Use -help for summary.");
        }
    }

    /// <summary>Applies one <c>-nameopt</c> argument; the known names take effect even when another is unknown.</summary>
    /// <param name="argument">The comma-separated list.</param>
    /// <returns>False when a name is unknown.</returns>
    public bool TryApply(string argument)
    {
        _set = true;
        bool ok = true;
        foreach (string item in argument.Split(','))
        {
            // X509V3_parse_list: "name[:value]", blanks around the name removed.
            int colon = item.IndexOf(':', StringComparison.Ordinal);
            string name = (colon < 0 ? item : item[..colon]).Trim(' ', '\t');
            if (name.Length == 0)
            {
                continue;
            }

            ok &= ApplyOne(name);
        }

        if (_flags != 0 && (_flags & SeparatorMask) == 0)
        {
            _flags |= (ulong)X509NameFormatFlags.SeparatorCommaPlusSpace;
        }

        return ok;
    }

    /// <summary>openssl's <c>print_name</c>: the title, then the name in the current form, then a newline.</summary>
    /// <param name="title">E.g. <c>subject=</c>.</param>
    /// <param name="name">The name.</param>
    /// <returns>The text.</returns>
    public string Print(string title, DistinguishedName name)
    {
        X509NameFormatFlags flags = Flags;
        var text = new StringBuilder(title);
        if (flags == X509NameFormatFlags.None)
        {
            text.Append(name.ToOneLineString());
        }
        else if (((ulong)flags & SeparatorMask) == (ulong)X509NameFormatFlags.SeparatorMultiline)
        {
            text.Append('\n').Append(name.Format(flags, 4));
        }
        else
        {
            text.Append(name.Format(flags));
        }

        return text.Append('\n').ToString();
    }

    private bool ApplyOne(string name)
    {
        bool set = true;
        if (name[0] == '-')
        {
            set = false;
            name = name[1..];
        }
        else if (name[0] == '+')
        {
            name = name[1..];
        }

        foreach ((string entry, ulong flag, ulong mask) in s_table)
        {
            if (string.Equals(entry, name, StringComparison.OrdinalIgnoreCase))
            {
                _flags &= ~mask;
                _flags = set ? _flags | flag : _flags & ~flag;
                return true;
            }
        }

        return false;
    }
}
