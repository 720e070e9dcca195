// `-nameopt` against the openssl binary: every option name openssl's set_name_ex table accepts, alone, negated with
// '-' and combined, printed with `x509 -subject -issuer` over certificates with multi-valued RDNs, quotes, commas,
// '#', trailing spaces, UTF-8 and an emailAddress.
using ManagedTls.Cli;
using ManagedTls.Tests.TestSupport;
using ManagedTls.X509;

namespace ManagedTls.Tests.Cli;

public class NameOptionTests
{
    private static readonly string[] s_names =
    [
        "compat", "RFC2253", "oneline", "multiline", "ca_default", "utf8", "esc_2253", "esc_ctrl", "esc_msb", "use_quote",
        "ignore_type", "show_type", "dump_all", "dump_der", "dump_nostr", "dump_unknown", "sep_comma_plus", "sep_comma_plus_space",
        "sep_semi_plus_space", "sep_multiline", "dn_rev", "nofname", "sname", "lname", "align", "oid", "space_eq",
    ];

    private static readonly string[] s_combinations =
    [
        "oneline,-space_eq", "RFC2253,-esc_msb", "multiline,-align", "oneline,dn_rev,lname", "RFC2253,show_type", "esc_2253,utf8,sep_semi_plus_space",
        "oneline,dump_all,dump_der", "oneline, -esc_msb ,+use_quote", "sep_multiline,lname,align,space_eq", "ONELINE", "compat,utf8",
        "oneline,oid,dump_unknown", "RFC2253,-dump_der,dump_all",
    ];

    // names.pem holds UTF-8 text: options that print its octets raw (neither utf8 nor esc_msb) write bytes that are not
    // UTF-8, which DistinguishedName.Format (a string) cannot carry, so they run on the ASCII-only certificates alone.
    public static IEnumerable<object[]> Cases =>
        from certificate in new[] { "names.pem", "leaf.pem", "ca.pem" }
        from option in s_names.Concat(s_combinations)
        where certificate != "names.pem" || PrintsUtf8OrEscapes(option)
        select new object[] { certificate, option };

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public void NameOpt_Option_SubjectAndIssuerEqualOpenSsl(string certificate, string option)
    {
        CliAgreement.Same("x509", "-in", X509CliFiles.P(certificate), "-noout", "-subject", "-issuer", "-nameopt", option);
    }

    [SkippableFact]
    public void NameOpt_RepeatedOptions_Accumulate()
    {
        CliAgreement.Same("x509", "-in", X509CliFiles.NamesCert, "-noout", "-subject", "-nameopt", "RFC2253", "-nameopt", "-esc_msb", "-nameopt", "sname");
    }

    [SkippableFact]
    public void NameOpt_SystemRoots_EqualOpenSsl()
    {
        foreach (string certificate in X509CliFiles.SystemCertificates)
        {
            foreach (string option in new[] { "RFC2253", "multiline", "compat", "oneline,show_type", "dump_all" })
            {
                CliAgreement.Same("x509", "-in", certificate, "-noout", "-subject", "-issuer", "-nameopt", option);
            }
        }
    }

    private static bool PrintsUtf8OrEscapes(string option)
    {
        var parsed = new NameOption();
        parsed.TryApply(option);
        return parsed.Flags == X509NameFormatFlags.None
            || (parsed.Flags & (X509NameFormatFlags.Utf8Convert | X509NameFormatFlags.EscapeMsb | X509NameFormatFlags.DumpAll)) != 0;
    }

    [Theory]
    [InlineData("oneline", X509NameFormatFlags.OneLine)]
    [InlineData("RFC2253", X509NameFormatFlags.Rfc2253)]
    [InlineData("rfc2253", X509NameFormatFlags.Rfc2253)]
    [InlineData("multiline", X509NameFormatFlags.Multiline)]
    [InlineData("compat", X509NameFormatFlags.None)]
    [InlineData("oneline,-space_eq", X509NameFormatFlags.OneLine & ~X509NameFormatFlags.SpaceAroundEquals)]
    [InlineData("utf8", X509NameFormatFlags.Utf8Convert | X509NameFormatFlags.SeparatorCommaPlusSpace)]
    [InlineData("RFC2253,sep_multiline", (X509NameFormatFlags.Rfc2253 & ~X509NameFormatFlags.SeparatorCommaPlus) | X509NameFormatFlags.SeparatorMultiline)]
    [InlineData("oneline,oid,sname", X509NameFormatFlags.OneLine)]
    public void NameOption_Apply_MapsToFlags(string argument, X509NameFormatFlags expected)
    {
        var option = new NameOption();

        option.TryApply(argument).ShouldBeTrue();

        option.Flags.ShouldBe(expected);
    }

    [Theory]
    [InlineData("bogus")]
    [InlineData("oneline,bogus")]
    [InlineData("-nothing")]
    public void NameOption_UnknownName_Fails(string argument)
    {
        new NameOption().TryApply(argument).ShouldBeFalse();
    }

    [Fact]
    public void NameOption_NotGiven_IsOneLine()
    {
        new NameOption().Flags.ShouldBe(X509NameFormatFlags.OneLine);
    }
}
