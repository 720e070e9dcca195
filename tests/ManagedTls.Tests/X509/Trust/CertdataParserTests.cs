using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ManagedTls.Crypto;
using ManagedTls.Tests.TestSupport;
using ManagedTls.X509;
using ManagedTls.X509.Trust;

namespace ManagedTls.Tests.X509.Trust;

public class CertdataParserTests
{
    private static readonly Lazy<IReadOnlyList<Certificate>> s_systemRoots = new(() =>
        File.Exists("/etc/ssl/certs/ca-certificates.crt") ? Certificate.LoadAll(File.ReadAllBytes("/etc/ssl/certs/ca-certificates.crt")) : []);

    private static string Current => File.ReadAllText(SharedVectors.Require("mozilla/certdata.txt"));

    private static string OldWithDistrust => File.ReadAllText(SharedVectors.Require("mozilla/certdata-2022-03-23-with-explicit-distrust.txt"));

    [SkippableFact]
    public void Parse_CurrentCertdata_CountsMatchWhatTheFileDeclares()
    {
        string text = Current;
        CaBundle bundle = CertdataParser.Parse(text);

        // What the file itself declares, counted line by line without the parser.
        bundle.Roots.Count.ShouldBe(Count(text, "CKA_CLASS CK_OBJECT_CLASS CKO_CERTIFICATE\n"));
        bundle.Roots.Count.ShouldBe(167);
        bundle.GetAnchors(TrustPurpose.ServerAuthentication).Count.ShouldBe(Count(text, "CKA_TRUST_SERVER_AUTH CK_TRUST CKT_NSS_TRUSTED_DELEGATOR"));
        bundle.GetAnchors(TrustPurpose.ServerAuthentication).Count.ShouldBe(121);
        bundle.GetAnchors(TrustPurpose.EmailProtection).Count.ShouldBe(Count(text, "CKA_TRUST_EMAIL_PROTECTION CK_TRUST CKT_NSS_TRUSTED_DELEGATOR"));
        bundle.GetAnchors(TrustPurpose.EmailProtection).Count.ShouldBe(90);
        bundle.GetAnchors(TrustPurpose.CodeSigning).Count.ShouldBe(0);
        bundle.Distrusted.Count.ShouldBe(0);
        bundle.Roots.Count(r => r.DistrustedPurposes != TrustPurpose.None).ShouldBe(0);
        bundle.GetAnchors(TrustPurpose.Any).Count.ShouldBe(bundle.Roots.Count(r => r.TrustedPurposes != TrustPurpose.None));
    }

    [SkippableFact]
    public void Parse_CurrentCertdata_FingerprintsMatchTheCommentsOfEachCertificate()
    {
        string text = Current;
        CaBundle bundle = CertdataParser.Parse(text);

        // Each "# Certificate "label"" comment block declares the SHA-256 and SHA-1 fingerprints of the object below it.
        MatchCollection blocks = Regex.Matches(text, "^# Certificate \"(.*)\"\n(?:#.*\n)*?# Fingerprint \\(SHA-256\\): ([0-9A-F:]+)\n# Fingerprint \\(SHA1\\): ([0-9A-F:]+)\n", RegexOptions.Multiline);
        blocks.Count.ShouldBe(bundle.Roots.Count);
        for (int i = 0; i < blocks.Count; i++)
        {
            CaRoot root = bundle.Roots[i];
            root.Label.ShouldBe(blocks[i].Groups[1].Value);
            Colon(root.Certificate.GetDigest(HashAlgorithmId.Sha256)).ShouldBe(blocks[i].Groups[2].Value, root.Label);
            Colon(root.Certificate.GetDigest(HashAlgorithmId.Sha1)).ShouldBe(blocks[i].Groups[3].Value, root.Label);
        }
    }

    [SkippableFact]
    public void Parse_CurrentCertdata_ZeroSerialsAreRoots()
    {
        string text = Current;
        CaBundle bundle = CertdataParser.Parse(text);

        int declared = Count(text, "# Serial Number: 0 (0x0)\n") / 2; // once above the certificate, once above its trust
        declared.ShouldBe(8);
        bundle.Roots.Count(r => r.Certificate.SerialNumberValue.IsZero).ShouldBe(declared);
        bundle.Roots.Where(r => r.Certificate.SerialNumberValue.IsZero).ShouldAllBe(r => r.Trust.ServerAuthentication != CaTrustLevel.Unknown);
    }

    [SkippableFact]
    public void Parse_CurrentCertdata_ServerDistrustAfterDatesMatchComments()
    {
        string text = Current;
        CaBundle bundle = CertdataParser.Parse(text);

        List<DateTimeOffset> declared = [.. Regex.Matches(text, "^# For Server Distrust After: (.*)$", RegexOptions.Multiline)
            .Select(m => DateTimeOffset.ParseExact(m.Groups[1].Value, "ddd MMM dd HH:mm:ss yyyy", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal))];
        declared.Count.ShouldBe(6);
        bundle.Roots.Where(r => r.ServerDistrustAfter is not null).Select(r => r.ServerDistrustAfter!.Value).Order()
            .ShouldBe(declared.Order());
        bundle.Roots.ShouldAllBe(r => r.EmailDistrustAfter == null);
    }

    [SkippableFact]
    public void Parse_DistrustAfterOnTheTrustObject_IsKept()
    {
        // Izenpe.com's certificate object says CK_FALSE; its trust object carries the date.
        CaRoot izenpe = CertdataParser.Parse(Current).Roots.Single(r => r.Label == "Izenpe.com");

        izenpe.ServerDistrustAfter.ShouldBe(new DateTimeOffset(2026, 4, 15, 23, 59, 59, TimeSpan.Zero));
        izenpe.IsTrustedFor(TrustPurpose.ServerAuthentication, new DateTimeOffset(2026, 4, 15, 23, 59, 59, TimeSpan.Zero)).ShouldBeTrue();
        izenpe.IsTrustedFor(TrustPurpose.ServerAuthentication, new DateTimeOffset(2026, 4, 16, 0, 0, 0, TimeSpan.Zero)).ShouldBeFalse();
    }

    [SkippableFact]
    public void Parse_OldCertdata_ExplicitDistrustIsKeptAndNeverAnAnchor()
    {
        string text = OldWithDistrust;
        CaBundle bundle = CertdataParser.Parse(text);

        int notTrusted = Count(text, "CKA_TRUST_SERVER_AUTH CK_TRUST CKT_NSS_NOT_TRUSTED");
        notTrusted.ShouldBe(6);
        bundle.Roots.Count.ShouldBe(Count(text, "CKA_CLASS CK_OBJECT_CLASS CKO_CERTIFICATE\n"));
        bundle.Distrusted.Count.ShouldBe(4);
        bundle.Distrusted.ShouldAllBe(d => d.DistrustedPurposes == TrustPurpose.Any && d.CertificateSha1 != null);
        List<CaRoot> distrustedRoots = [.. bundle.Roots.Where(r => r.DistrustedPurposes != TrustPurpose.None)];
        distrustedRoots.Count.ShouldBe(notTrusted - bundle.Distrusted.Count);
        distrustedRoots.Select(r => r.Label).ShouldBe(["Explicitly Distrust DigiNotar Root CA", "Explicitly Distrusted DigiNotar PKIoverheid G2"], ignoreOrder: true);
        foreach (CaRoot root in distrustedRoots)
        {
            bundle.GetAnchors(TrustPurpose.Any).ShouldNotContain(root);
            bundle.IsDistrusted(root.Certificate, TrustPurpose.ServerAuthentication).ShouldBeTrue();
            root.IsTrustedFor(TrustPurpose.ServerAuthentication, DateTimeOffset.MinValue).ShouldBeFalse();
        }

        bundle.Distrusted.Select(d => d.Label).ShouldContain("MITM subCA 1 issued by Trustwave");
        bundle.GetAnchors(TrustPurpose.ServerAuthentication).Count.ShouldBe(Count(text, "CKA_TRUST_SERVER_AUTH CK_TRUST CKT_NSS_TRUSTED_DELEGATOR"));
        bundle.Roots.Count(r => r.EmailDistrustAfter is not null).ShouldBe(Count(text, "CKA_NSS_EMAIL_DISTRUST_AFTER MULTILINE_OCTAL"));
    }

    [SkippableFact]
    public void Parse_TrustObjectBeforeItsCertificate_MatchedByIssuerAndSerial()
    {
        CaBundle mozilla = CertdataParser.Parse(Current);
        Certificate a = mozilla.Roots[0].Certificate;
        Certificate b = mozilla.Roots[1].Certificate;
        string text = CertdataText.Header +
            CertdataText.TrustObject("B", b, "CKT_NSS_MUST_VERIFY_TRUST", "CKT_NSS_TRUSTED_DELEGATOR") +
            CertdataText.CertificateObject("A", a) +
            CertdataText.TrustObject("A", a, "CKT_NSS_TRUSTED_DELEGATOR") +
            CertdataText.CertificateObject("B", b);

        CaBundle bundle = CertdataParser.Parse(text);

        bundle.Roots.Select(r => r.Label).ShouldBe(["A", "B"]);
        bundle.Roots[0].TrustedPurposes.ShouldBe(TrustPurpose.ServerAuthentication);
        bundle.Roots[1].TrustedPurposes.ShouldBe(TrustPurpose.EmailProtection);
        bundle.Distrusted.ShouldBeEmpty();
    }

    [SkippableFact]
    public void Parse_CertificateWithoutTrustObject_IsNeverAnAnchor()
    {
        Certificate a = CertdataParser.Parse(Current).Roots[0].Certificate;
        CaBundle bundle = CertdataParser.Parse(CertdataText.Header + CertdataText.CertificateObject("A", a));

        bundle.Roots.Single().Trust.ShouldBe(new CaTrust(CaTrustLevel.Unknown, CaTrustLevel.Unknown, CaTrustLevel.Unknown));
        bundle.GetAnchors().ShouldBeEmpty();
    }

    [SkippableFact]
    public void Parse_DatesOnBothObjects_KeepsTheEarlier()
    {
        Certificate a = CertdataParser.Parse(Current).Roots[0].Certificate;
        string late = "CKA_NSS_SERVER_DISTRUST_AFTER " + CertdataText.Octal("300101000000Z"u8);
        string early = "CKA_NSS_SERVER_DISTRUST_AFTER " + CertdataText.Octal("991231235959Z"u8);
        CaBundle bundle = CertdataParser.Parse(CertdataText.Header + CertdataText.CertificateObject("A", a, late) +
            CertdataText.TrustObject("A", a, "CKT_NSS_TRUSTED_DELEGATOR", extra: early));

        bundle.Roots.Single().ServerDistrustAfter.ShouldBe(new DateTimeOffset(1999, 12, 31, 23, 59, 59, TimeSpan.Zero));
    }

    public static TheoryData<string, string> Malformed => new()
    {
        { "no BEGINDATA", "CKA_CLASS CK_OBJECT_CLASS CKO_CERTIFICATE\n" },
        { "missing END", CertdataText.Header + "CKA_CLASS CK_OBJECT_CLASS CKO_CERTIFICATE\nCKA_VALUE MULTILINE_OCTAL\n\\060\\003\n" },
        { "bad octal", CertdataText.Header + "CKA_CLASS CK_OBJECT_CLASS CKO_CERTIFICATE\nCKA_VALUE MULTILINE_OCTAL\n\\060\\08\nEND\n" },
        { "octal above 377", CertdataText.Header + "CKA_CLASS CK_OBJECT_CLASS CKO_CERTIFICATE\nCKA_VALUE MULTILINE_OCTAL\n\\400\nEND\n" },
        { "attribute before class", CertdataText.Header.Replace("CKA_CLASS CK_OBJECT_CLASS CKO_NSS_BUILTIN_ROOT_LIST\n", string.Empty, StringComparison.Ordinal) },
        { "not an attribute", CertdataText.Header + "hello world\n" },
        { "unquoted label", CertdataText.Header + "CKA_CLASS CK_OBJECT_CLASS CKO_CERTIFICATE\nCKA_LABEL UTF8 abc\n" },
        { "certificate without value", CertdataText.Header + "CKA_CLASS CK_OBJECT_CLASS CKO_CERTIFICATE\nCKA_LABEL UTF8 \"x\"\nCKA_ISSUER MULTILINE_OCTAL\n\\060\\000\nEND\nCKA_SERIAL_NUMBER MULTILINE_OCTAL\n\\002\\001\\000\nEND\n" },
        { "repeated attribute", CertdataText.Header + "CKA_CLASS CK_OBJECT_CLASS CKO_CERTIFICATE\nCKA_LABEL UTF8 \"x\"\nCKA_LABEL UTF8 \"y\"\n" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Parse_Malformed_ThrowsCertdataFormatException(string why, string text)
    {
        Should.Throw<CertdataFormatException>(() => CertdataParser.Parse(text)).Message.ShouldNotBeNullOrEmpty(why);
    }

    [SkippableTheory]
    [InlineData("unknown trust")]
    [InlineData("sha1 mismatch")]
    [InlineData("serial mismatch")]
    [InlineData("bad distrust date")]
    [InlineData("two trust objects")]
    public void Parse_InconsistentObjects_ThrowsCertdataFormatException(string trap)
    {
        CaBundle mozilla = CertdataParser.Parse(Current);
        Certificate a = mozilla.Roots[0].Certificate;
        Certificate b = mozilla.Roots[1].Certificate;
        string text = CertdataText.Header + trap switch
        {
            "unknown trust" => CertdataText.CertificateObject("A", a) + CertdataText.TrustObject("A", a, "CKT_NSS_MAYBE"),
            "sha1 mismatch" => CertdataText.CertificateObject("A", a) + CertdataText.TrustObject("A", a, "CKT_NSS_TRUSTED_DELEGATOR", sha1: b.GetDigest(HashAlgorithmId.Sha1)),
            "serial mismatch" => CertdataText.CertificateObject("A", a).Replace(
                "CKA_SERIAL_NUMBER " + CertdataText.Octal(CertdataText.SerialDer(a)), "CKA_SERIAL_NUMBER " + CertdataText.Octal(CertdataText.SerialDer(b)), StringComparison.Ordinal),
            "bad distrust date" => CertdataText.CertificateObject("A", a, "CKA_NSS_SERVER_DISTRUST_AFTER " + CertdataText.Octal("2026-01-01"u8)),
            _ => CertdataText.CertificateObject("A", a) + CertdataText.TrustObject("A", a, "CKT_NSS_TRUSTED_DELEGATOR") + CertdataText.TrustObject("A2", a, "CKT_NSS_TRUSTED_DELEGATOR"),
        };

        Should.Throw<CertdataFormatException>(() => CertdataParser.Parse(text));
    }

    [SkippableFact]
    public void Anchors_OverlapWithSystemStore()
    {
        IReadOnlyList<Certificate> system = s_systemRoots.Value;
        Skip.If(system.Count == 0, "/etc/ssl/certs/ca-certificates.crt is absent (no ca-certificates package).");
        CaBundle bundle = CertdataParser.Parse(Current);
        var ours = bundle.Roots.ToDictionary(r => Convert.ToHexString(r.Certificate.GetDigest(HashAlgorithmId.Sha256)));

        // The distribution's store is an older cut of the same Mozilla server-auth list: most of it is in ours, and
        // each certificate both hold has a stated server-auth level here (trusted, or trust withdrawn since: MUST_VERIFY).
        // (Debian 20230311 against root list 2.86: 116 of 144 shared, 99 of them still server anchors.)
        List<CaRoot> shared = [.. system.Select(c => ours.GetValueOrDefault(Convert.ToHexString(c.GetDigest(HashAlgorithmId.Sha256)))).OfType<CaRoot>()];
        shared.Count.ShouldBeGreaterThan(system.Count * 3 / 4, $"{shared.Count} of {system.Count} system roots are in certdata.txt");
        shared.ShouldAllBe(r => r.Trust.ServerAuthentication == CaTrustLevel.TrustedDelegator || r.Trust.ServerAuthentication == CaTrustLevel.MustVerify);
        shared.Count(r => r.IsTrustedFor(TrustPurpose.ServerAuthentication)).ShouldBeGreaterThan(shared.Count * 3 / 4);
    }

    internal static int Count(string text, string what)
    {
        int n = 0;
        for (int at = text.IndexOf(what, StringComparison.Ordinal); at >= 0; at = text.IndexOf(what, at + what.Length, StringComparison.Ordinal))
        {
            n++;
        }

        return n;
    }

    private static string Colon(byte[] digest) => string.Join(':', digest.Select(b => b.ToString("X2", CultureInfo.InvariantCulture)));
}
