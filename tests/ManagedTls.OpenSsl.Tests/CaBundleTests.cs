using System.Text;
using ManagedTls.X509.Trust;
using Roots = ManagedTls.X509.Trust.CaBundle;

namespace ManagedTls.OpenSsl.Tests;

/// <summary>eGenix <c>OpenSSL.ca_bundle</c> over the compiled-in Mozilla roots, checked against openssl.</summary>
public sealed class CaBundleTests
{
    [Theory]
    [InlineData(CaBundleTrust.ServerAuthentication, TrustPurpose.ServerAuthentication)]
    [InlineData(CaBundleTrust.EmailProtection, TrustPurpose.EmailProtection)]
    [InlineData(CaBundleTrust.CodeSigning, TrustPurpose.CodeSigning)]
    [InlineData(CaBundleTrust.Any, TrustPurpose.Any)]
    public void IterCaBundle_Purpose_SelectsTheTrustedRoots(CaBundleTrust purpose, TrustPurpose core)
    {
        List<CARootCertificate> roots = [.. CaBundle.IterCaBundle(purpose: purpose)];
        IReadOnlyList<CaRoot> expected = Roots.Mozilla.GetAnchors(core);

        roots.Select(r => r.Name).ShouldBe(expected.Select(r => r.Label));
        roots.Count.ShouldBe(Roots.Mozilla.Roots.Count(r => (r.TrustedPurposes & core) != 0));
        roots.ShouldAllBe(r => r.Certificate.StartsWith("-----BEGIN CERTIFICATE-----\n", StringComparison.Ordinal));
    }

    [Fact]
    public void IterCaBundle_Any_IsTheUnionOfThePurposes()
    {
        var union = new HashSet<string>(CaBundle.IterCaBundle(purpose: CaBundleTrust.ServerAuthentication).Select(r => r.Sha1));
        union.UnionWith(CaBundle.IterCaBundle(purpose: CaBundleTrust.EmailProtection).Select(r => r.Sha1));
        union.UnionWith(CaBundle.IterCaBundle(purpose: CaBundleTrust.CodeSigning).Select(r => r.Sha1));

        CaBundle.IterCaBundle().Select(r => r.Sha1).ShouldBe(union, ignoreOrder: true);
    }

    [Fact]
    public void CARootCertificate_Sha1AndHexDigest_AreTheX509Digest()
    {
        foreach (CARootCertificate root in CaBundle.IterCaBundle().Take(20))
        {
            X509 x509 = root.GetX509();
            root.Sha1.ShouldBe(x509.Digest("sha1"));
            root.HexDigest().ShouldBe(root.Sha1.Replace(":", string.Empty, StringComparison.Ordinal).ToLowerInvariant());
            root.HexDigest().Length.ShouldBe(40);
        }
    }

    [SkippableFact]
    public void CARootCertificate_Sha1_MatchesOpenSslFingerprint()
    {
        foreach (CARootCertificate root in CaBundle.IterCaBundle().Take(5))
        {
            string output = OpenSslPeer.RunWithInput(Encoding.ASCII.GetBytes(root.Certificate), "x509", "-noout", "-fingerprint", "-sha1").Stdout;
            output.Trim().ShouldBe("sha1 Fingerprint=" + root.Sha1); // OpenSSL 3 spelling
        }
    }

    [Fact]
    public void IterCaBundle_OfGetCaBundleText_ReadsBackEveryField()
    {
        string text = CaBundle.GetCaBundle(purpose: CaBundleTrust.EmailProtection);
        List<CARootCertificate> parsed = [.. CaBundle.IterCaBundle(text)];
        List<CARootCertificate> direct = [.. CaBundle.IterCaBundle(purpose: CaBundleTrust.EmailProtection)];

        parsed.Count.ShouldBe(direct.Count);
        for (int i = 0; i < direct.Count; i++)
        {
            parsed[i].Name.ShouldBe(direct[i].Name);
            parsed[i].Sha1.ShouldBe(direct[i].Sha1);
            parsed[i].Description.ShouldBe(direct[i].Description);
            parsed[i].Certificate.ShouldBe(direct[i].Certificate);
        }

        CaBundle.IterCaBundleX509(text).Select(x => x.Digest("sha1")).ShouldBe(direct.Select(r => r.Sha1));
    }

    [Fact]
    public void IterCaBundle_PlainPem_NamesBySubject()
    {
        CARootCertificate first = CaBundle.IterCaBundle().First();
        CARootCertificate read = CaBundle.IterCaBundle(first.Certificate).Single();

        read.Name.ShouldBe(first.GetX509().ToCertificate().Subject.ToOneLineString());
        read.Description.ShouldBeEmpty();
        read.Sha1.ShouldBe(first.Sha1);
    }

    [Fact]
    public void Description_NamesTrustAndDistrustAfter()
    {
        CaRoot withDate = Roots.Mozilla.GetAnchors(TrustPurpose.ServerAuthentication).First(r => r.ServerDistrustAfter is not null);
        CARootCertificate root = CaBundle.IterCaBundle(purpose: CaBundleTrust.ServerAuthentication).Single(r => r.Name == withDate.Label);

        root.Description.ShouldContain("trusted for server authentication");
        root.Description.ShouldContain("server authentication distrusted for certificates issued after " + withDate.ServerDistrustAfter!.Value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
    }

    [SkippableFact]
    public void GetCaBundlePath_IsACaFileOpenSslLoads()
    {
        string path = CaBundle.GetCaBundlePath(CaBundleTrust.ServerAuthentication);

        Path.IsPathRooted(path).ShouldBeTrue();
        File.ReadAllText(path).ShouldBe(CaBundle.GetCaBundle(purpose: CaBundleTrust.ServerAuthentication));
        CaBundle.GetCaBundle(path).ShouldBe(File.ReadAllText(path));
        string total = OpenSslPeer.Run("storeutl", "-noout", "-certs", path).Stdout;
        total.ShouldContain($"Total found: {CaBundle.IterCaBundle(purpose: CaBundleTrust.ServerAuthentication).Count()}");

        // A root verifies against the bundle file as -CAfile (the eGenix load_verify_locations recipe).
        string rootFile = Path.Combine(Path.GetTempPath(), $"mtls-cabundle-root-{Environment.ProcessId}.pem");
        File.WriteAllText(rootFile, CaBundle.IterCaBundle(purpose: CaBundleTrust.ServerAuthentication).First().Certificate);
        try
        {
            OpenSslPeer.Run("verify", "-CAfile", path, rootFile).Stdout.ShouldContain(": OK");
        }
        finally
        {
            File.Delete(rootFile);
        }
    }

    [Fact]
    public void GetCaBundlePath_TamperedFile_IsRewritten()
    {
        string path = CaBundle.GetCaBundlePath(CaBundleTrust.CodeSigning);
        File.WriteAllText(path, "tampered");

        CaBundle.GetCaBundlePath(CaBundleTrust.CodeSigning).ShouldBe(path);
        File.ReadAllText(path).ShouldBe(CaBundle.GetCaBundle(purpose: CaBundleTrust.CodeSigning));
    }

    [SkippableFact]
    public void ServerBundle_OverlapsTheSystemStore()
    {
        const string system = "/etc/ssl/certs/ca-certificates.crt";
        Skip.IfNot(File.Exists(system), $"{system} is absent (no ca-certificates package).");
        var ours = CaBundle.IterCaBundle(purpose: CaBundleTrust.ServerAuthentication).Select(r => r.Sha1).ToHashSet();
        List<CARootCertificate> systemRoots = [.. CaBundle.IterCaBundle(File.ReadAllText(system))];

        systemRoots.Count.ShouldBeGreaterThan(100);
        systemRoots.Count(r => ours.Contains(r.Sha1)).ShouldBeGreaterThan(systemRoots.Count / 2);
    }

    [Fact]
    public void Purpose_OutOfRange_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => CaBundle.GetCaBundle(purpose: (CaBundleTrust)3));
    }
}
