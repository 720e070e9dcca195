using ManagedTls.Crypto;
using ManagedTls.Tests.TestSupport;
using ManagedTls.X509;
using ManagedTls.X509.Trust;

namespace ManagedTls.Tests.X509.Trust;

public class CaBundleTests
{
    private static string GeneratedPath => Path.Combine(SharedVectors.RepositoryRoot, "src", "ManagedTls", "X509", "Trust", "MozillaRoots.g.cs");

    [SkippableFact]
    public void MozillaRoots_RegeneratedFromVectorFile_IsExactlyTheCommittedSource()
    {
        string path = SharedVectors.Require("mozilla/certdata.txt");
        byte[] raw = File.ReadAllBytes(path);
        string sha256 = Convert.ToHexStringLower(HashAlgorithms.HashData(HashAlgorithmId.Sha256, raw));

        sha256.ShouldBe(CaBundle.MozillaSourceSha256, "the committed bundle was generated from a different certdata.txt");
        string regenerated = CaBundleResourceWriter.WriteSource(CertdataParser.Parse(File.ReadAllText(path)), CaBundle.MozillaSourceVersion, sha256);
        regenerated.ShouldBe(File.ReadAllText(GeneratedPath));
    }

    [SkippableFact]
    public void Mozilla_EmbeddedBundle_EqualsParsedCertdata()
    {
        CaBundle parsed = CaBundle.LoadCertdata(SharedVectors.Require("mozilla/certdata.txt"));
        CaBundle embedded = CaBundle.Mozilla;

        embedded.Roots.Count.ShouldBe(parsed.Roots.Count);
        for (int i = 0; i < parsed.Roots.Count; i++)
        {
            CaRoot e = embedded.Roots[i];
            CaRoot p = parsed.Roots[i];
            e.Label.ShouldBe(p.Label);
            e.Certificate.ShouldBe(p.Certificate);
            e.Trust.ShouldBe(p.Trust);
            e.ServerDistrustAfter.ShouldBe(p.ServerDistrustAfter);
            e.EmailDistrustAfter.ShouldBe(p.EmailDistrustAfter);
        }
    }

    [SkippableFact]
    public void ResourceFormat_RoundTripsDistrustEntries()
    {
        CaBundle old = CaBundle.LoadCertdata(SharedVectors.Require("mozilla/certdata-2022-03-23-with-explicit-distrust.txt"));
        string source = CaBundleResourceWriter.WriteSource(old, "test", "00");
        int start = source.IndexOf("-----BEGIN", StringComparison.Ordinal);
        int end = source.IndexOf("\"\"\"u8", StringComparison.Ordinal);

        CaBundle read = CaBundleResourceReader.Read(System.Text.Encoding.ASCII.GetBytes(source[start..end]));

        read.Distrusted.Count.ShouldBe(old.Distrusted.Count);
        for (int i = 0; i < old.Distrusted.Count; i++)
        {
            read.Distrusted[i].Label.ShouldBe(old.Distrusted[i].Label);
            read.Distrusted[i].Issuer.ShouldBe(old.Distrusted[i].Issuer);
            read.Distrusted[i].SerialNumber.ToArray().ShouldBe(old.Distrusted[i].SerialNumber.ToArray());
            read.Distrusted[i].CertificateSha1!.Value.ToArray().ShouldBe(old.Distrusted[i].CertificateSha1!.Value.ToArray());
            read.Distrusted[i].Trust.ShouldBe(old.Distrusted[i].Trust);
        }

        read.Roots.Select(r => r.EmailDistrustAfter).ShouldBe(old.Roots.Select(r => r.EmailDistrustAfter));
    }

    [Fact]
    public void Mozilla_IsNotEmptyAndNamesItsSource()
    {
        CaBundle.Mozilla.GetAnchors(TrustPurpose.ServerAuthentication).Count.ShouldBeGreaterThan(100);
        CaBundle.MozillaSourceSha256.Length.ShouldBe(64);
        CaBundle.MozillaSourceVersion.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void CaTrust_Get_SinglePurposeOnly()
    {
        var trust = new CaTrust(CaTrustLevel.TrustedDelegator, CaTrustLevel.NotTrusted, CaTrustLevel.MustVerify);

        trust.Get(TrustPurpose.ServerAuthentication).ShouldBe(CaTrustLevel.TrustedDelegator);
        trust.Get(TrustPurpose.EmailProtection).ShouldBe(CaTrustLevel.NotTrusted);
        trust.TrustedPurposes.ShouldBe(TrustPurpose.ServerAuthentication);
        trust.DistrustedPurposes.ShouldBe(TrustPurpose.EmailProtection);
        Should.Throw<ArgumentOutOfRangeException>(() => trust.Get(TrustPurpose.Any));
    }

    [Fact]
    public void IsDistrusted_CertificateLessEntry_MatchesByIssuerAndSerial()
    {
        Certificate root = CaBundle.Mozilla.Roots[0].Certificate;
        var notTrusted = new CaTrust(CaTrustLevel.NotTrusted, CaTrustLevel.NotTrusted, CaTrustLevel.NotTrusted);
        var byIssuerSerial = new CaBundle([], [new CaDistrustEntry("x", root.Issuer, root.SerialNumber.Span, root.GetDigest(HashAlgorithmId.Sha1), notTrusted)]);
        var otherSerial = new CaBundle([], [new CaDistrustEntry("x", root.Issuer, [0x7F], null, notTrusted)]);

        byIssuerSerial.IsDistrusted(root, TrustPurpose.ServerAuthentication).ShouldBeTrue();
        otherSerial.IsDistrusted(root, TrustPurpose.ServerAuthentication).ShouldBeFalse();
        CaBundle.Mozilla.IsDistrusted(root, TrustPurpose.Any).ShouldBeFalse();
    }
}
