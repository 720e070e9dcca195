using System.Text;
using ManagedTls.Tests.TestSupport;
using ManagedTls.X509;

namespace ManagedTls.Tests.X509;

/// <summary>CRL and CRL entry extensions made by <c>openssl ca</c>: typed getters, round trips, and the text of <c>openssl crl -text</c>.</summary>
public sealed class ExtensionCrlTests
{
    public static TheoryData<string, string> CrlExtensionRows => new()
    {
        {
            "idp-full-delta",
            "authorityKeyIdentifier=keyid:always,issuer\nissuingDistributionPoint=critical,@idp\nfreshestCRL=URI:http://delta.example/d.crl\n" +
            "deltaCRL=critical,DER:020105\nissuerAltName=URI:http://issuer.example/\nauthorityInfoAccess=caIssuers;URI:http://ca.example/ca.crt\n" +
            "[idp]\nfullname=URI:http://crl.example/ca.crl,dirName:dn_sect\nonlysomereasons=keyCompromise,superseded\nonlyuser=TRUE\nindirectCRL=TRUE"
        },
        {
            "idp-relative-onlyca",
            "authorityKeyIdentifier=keyid:always,issuer:always\nissuingDistributionPoint=critical,@idp\n" +
            "[idp]\nrelativename=rel_sect\nonlyCA=TRUE"
        },
        {
            "idp-onlyaa-reasons",
            "issuingDistributionPoint=@idp\nfreshestCRL=URI:http://d1.example/,URI:http://d2.example/\n" +
            "[idp]\nonlyAA=TRUE\nonlysomereasons=unused,CACompromise,affiliationChanged,cessationOfOperation,certificateHold,privilegeWithdrawn,AACompromise"
        },
        { "number-only", "authorityKeyIdentifier=keyid" },
    };

    [SkippableTheory]
    [MemberData(nameof(CrlExtensionRows))]
    public void ToOpenSslString_CrlAndEntryExtensions_MatchOpensslCrlText(string label, string crlExtensions)
    {
        OpenSslPeer.Require();
        byte[] der = OpenSslCrlFactory.Create(crlExtensions);
        CertificateRevocationList crl = CertificateRevocationList.Decode(der);
        string text = OpenSslPeer.RunWithInput(der, "crl", "-inform", "DER", "-noout", "-text").Stdout;

        text.ShouldContain(Block("CRL extensions", crl.Extensions), Case.Sensitive, label);
        int entriesWithExtensions = 0;
        foreach (RevokedCertificate entry in crl.RevokedCertificates.Where(r => r.Extensions.Count > 0))
        {
            text.ShouldContain(Block("CRL entry extensions", entry.Extensions), Case.Sensitive, label);
            entriesWithExtensions++;
        }

        entriesWithExtensions.ShouldBeGreaterThan(0);
        crl.Extensions.Concat(crl.RevokedCertificates.SelectMany(r => r.Extensions)).ShouldAllBe(e => e.ToOpenSslString(16) != null, label);
    }

    [SkippableTheory]
    [MemberData(nameof(CrlExtensionRows))]
    public void Encode_CrlAndEntryExtensions_ReproduceOpensslDer(string label, string crlExtensions)
    {
        OpenSslPeer.Require();
        CertificateRevocationList crl = CertificateRevocationList.Decode(OpenSslCrlFactory.Create(crlExtensions));

        int typed = 0;
        foreach (X509Extension extension in crl.Extensions.Concat(crl.RevokedCertificates.SelectMany(r => r.Extensions)))
        {
            // holdInstructionCode has text but no typed view; every other extension openssl ca writes has one.
            if (extension.Oid != "2.5.29.23")
            {
                ExtensionRoundTrip.Encode(extension).ShouldBe(extension.Value.ToArray(), $"{label} {extension.ShortName}");
                typed++;
            }
        }

        typed.ShouldBeGreaterThan(crl.RevokedCertificates.Count);
    }

    [SkippableFact]
    public void TypedGetters_OpensslCrl_ReadEveryExtension()
    {
        OpenSslPeer.Require();
        CertificateRevocationList crl = CertificateRevocationList.Decode(OpenSslCrlFactory.Create(CrlExtensionRows.First()[1].ToString()!));

        IssuingDistributionPoint idp = crl.GetIssuingDistributionPoint()!;
        idp.Name!.FullName!.Select(n => n.ToString()).ShouldBe(["Uri:http://crl.example/ca.crl", "DirName:/C=US/O=Dir Org/CN=dir"]);
        idp.OnlyContainsUserCerts.ShouldBeTrue();
        idp.OnlyContainsCACerts.ShouldBeFalse();
        idp.IndirectCrl.ShouldBeTrue();
        idp.OnlySomeReasons.ShouldBe(CrlReasonFlags.KeyCompromise | CrlReasonFlags.Superseded);
        crl.GetDeltaCrlIndicator()!.BaseCrlNumber.ShouldBe(5);
        crl.GetCrlNumberExtension()!.Number.ShouldBe(0x1000);
        crl.GetFreshestCrl()!.Points.ShouldHaveSingleItem().Name!.FullName!.ShouldHaveSingleItem().Text.ShouldBe("http://delta.example/d.crl");
        crl.GetAuthorityKeyIdentifier()!.KeyIdentifier.ShouldNotBeNull();
        crl.GetIssuerAlternativeNames()!.Names.ShouldHaveSingleItem().Text.ShouldBe("http://issuer.example/");
        crl.GetAuthorityInformationAccess()!.Descriptions.ShouldHaveSingleItem().Method.ShouldBe("1.3.6.1.5.5.7.48.2");

        RevokedCertificate Entry(int serial) => crl.RevokedCertificates.Single(r => r.SerialNumberValue == serial);
        Entry(1).GetReason().ShouldBe(CrlReason.KeyCompromise);
        Entry(2).GetReason().ShouldBe(CrlReason.KeyCompromise);
        Entry(2).GetInvalidityDate().ShouldBe(new DateTimeOffset(2023, 3, 14, 12, 34, 56, TimeSpan.Zero));
        Entry(3).GetReason().ShouldBe(CrlReason.CACompromise);
        Entry(3).GetInvalidityDate().ShouldBe(new DateTimeOffset(2022, 1, 1, 0, 0, 0, TimeSpan.Zero));
        Entry(4).GetReason().ShouldBe(CrlReason.RemoveFromCrl);
        Entry(8).GetReason().ShouldBe(CrlReason.CertificateHold);
        Entry(10).GetReason().ShouldBeNull();
        Entry(10).GetInvalidityDate().ShouldBeNull();
        Entry(1).GetCertificateIssuer().ShouldBeNull();
    }

    [Theory]
    [InlineData(CrlReason.Unspecified, "0A0100")]
    [InlineData(CrlReason.KeyCompromise, "0A0101")]
    [InlineData(CrlReason.RemoveFromCrl, "0A0108")]
    [InlineData(CrlReason.AACompromise, "0A010A")]
    public void CrlReasonCode_Encode_KnownDerAndRoundTrip(CrlReason reason, string hex)
    {
        Convert.ToHexString(new CrlReasonCode(reason).Encode()).ShouldBe(hex);
        CrlReasonCode.Decode(Convert.FromHexString(hex)).Reason.ShouldBe(reason);
    }

    [Fact]
    public void CrlEntryTypes_FromParts_RoundTripAndPrint()
    {
        var issuer = new CertificateIssuer([GeneralName.Dns("issuer.example"), GeneralName.Email("ca@issuer.example")]);
        X509Extension issuerExtension = issuer.ToExtension();
        issuerExtension.Critical.ShouldBeTrue();
        CertificateIssuer.Decode(issuerExtension.Value.Span).Names.Select(n => n.Text).ShouldBe(["issuer.example", "ca@issuer.example"]);
        issuerExtension.ToOpenSslString().ShouldBe("DNS:issuer.example, email:ca@issuer.example");

        var date = new InvalidityDate(new DateTimeOffset(2023, 3, 14, 12, 34, 56, 789, TimeSpan.Zero));
        Convert.ToHexString(date.Encode()).ShouldBe("181332303233303331343132333435362E3738395A");
        InvalidityDate.Decode(date.Encode()).ShouldBe(date);
        date.ToExtension().ToOpenSslString(2).ShouldBe("  Mar 14 12:34:56.789 2023 GMT");
    }

    private static string Block(string title, IEnumerable<X509Extension> extensions)
    {
        var text = new StringBuilder("        ").Append(title).Append(":\n");
        foreach (X509Extension extension in extensions)
        {
            text.Append("            ").Append(extension.LongName).Append(": ").Append(extension.Critical ? "critical" : string.Empty).Append('\n');
            text.Append(extension.ToOpenSslString(16)).Append('\n');
        }

        return text.ToString();
    }
}
