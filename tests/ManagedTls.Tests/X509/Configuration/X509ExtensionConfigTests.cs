using System.Text.RegularExpressions;
using ManagedTls.Keys;
using ManagedTls.Tests.TestSupport;
using ManagedTls.Tests.X509.Building;
using ManagedTls.X509;
using ManagedTls.X509.Configuration;

namespace ManagedTls.Tests.X509.Configuration;

/// <summary>Extension DER from the x509v3_config syntax, compared with what <c>openssl req -x509</c> writes for the same section.</summary>
public sealed partial class X509ExtensionConfigTests
{
    public static TheoryData<string, string> Rows => ExtensionConfigData.Rows;

    public static TheoryData<string, string> ErrorRows => ExtensionConfigData.ErrorRows;

    [Fact]
    public void Rows_AtLeastSixty() => Rows.Count().ShouldBeGreaterThanOrEqualTo(60);

    [SkippableTheory]
    [MemberData(nameof(Rows))]
    public void Create_Row_MatchesOpenSslDer(string name, string value)
    {
        (Certificate certificate, OpenSslConfig config, PrivateKey key) = OpenSslCertificate(name, value, withSubjectKeyIdentifier: name == "authorityKeyIdentifier");
        KeyValuePair<string, string> line = config.GetSection("ext")!.Last();
        var context = new X509ExtensionContext
        {
            Config = config,
            SubjectPublicKey = key.PublicKey,
            IssuerPublicKey = key.PublicKey,
            SubjectCertificate = certificate,
            IssuerCertificate = certificate,
            SubjectName = certificate.Subject,
        };

        X509Extension ours = X509ExtensionConfig.Create(line.Key, line.Value, context);

        X509Extension theirs = certificate.FindExtension(ours.Oid).ShouldNotBeNull($"openssl did not write {ours.Oid}");
        Convert.ToHexString(ours.RawData.Span).ShouldBe(Convert.ToHexString(theirs.RawData.Span), $"ours: {Convert.ToHexString(ours.RawData.Span)}");
    }

    [SkippableTheory]
    [MemberData(nameof(ErrorRows))]
    public void Create_ErrorRow_CarriesOpenSslReason(string name, string value)
    {
        using var scratch = new BuildScratch();
        string file = scratch.Write("bad.cnf", $"{ExtensionConfigData.Sections}[ ext ]\n{name} = {value}\n");
        ProcessResult result = OpenSslPeer.TryRun(null, "req", "-x509", "-new", "-key", scratch.Write("k.pem", BuildScratch.KeyPem("p256")), "-subj", ExtensionConfigData.Subject, "-config", file, "-noout");
        result.ExitCode.ShouldNotBe(0);
        string[] theirs = [.. ReasonPattern().Matches(result.Stderr).Select(m => m.Groups[1].Value)];
        OpenSslConfig config = OpenSslConfig.Load(file);
        KeyValuePair<string, string> line = config.GetSection("ext")!.Single();
        var context = new X509ExtensionContext { Config = config, SubjectPublicKey = BuildScratch.Key("p256").PublicKey };

        ExtensionConfigException e = Should.Throw<ExtensionConfigException>(() => X509ExtensionConfig.Create(line.Key, line.Value, context));

        e.Name.ShouldBe(name);
        e.Reasons.ShouldNotBeEmpty();
        foreach (string reason in e.Reasons)
        {
            theirs.ShouldContain(reason, $"openssl printed: {result.Stderr}");
        }
    }

    [Theory]
    [InlineData("X509v3 Basic Constraints", "critical,CA:TRUE", "2.5.29.19", true, "30030101FF")]
    [InlineData("Netscape Comment", "hi", "2.16.840.1.113730.1.13", false, "16026869")]
    [InlineData("keyUsage", "critical,keyCertSign", "2.5.29.15", true, "03020204")]
    public void Create_LongNamesAndCritical(string name, string value, string oid, bool critical, string hex)
    {
        X509Extension extension = X509ExtensionConfig.Create(name, value);

        extension.Oid.ShouldBe(oid);
        extension.Critical.ShouldBe(critical);
        Convert.ToHexString(extension.Value.Span).ShouldBe(hex);
    }

    [Fact]
    public void Create_CriticalArgument_OverridesPrefixless()
    {
        X509ExtensionConfig.Create("basicConstraints", true, "CA:FALSE").Critical.ShouldBeTrue();
        X509ExtensionConfig.Create("basicConstraints", false, "critical,CA:FALSE").Critical.ShouldBeTrue();
    }

    [Theory]
    [InlineData("subjectKeyIdentifier", "hash", "no subject details")]
    [InlineData("authorityKeyIdentifier", "keyid", "no issuer certificate")]
    [InlineData("issuerAltName", "issuer:copy", "no issuer details")]
    [InlineData("subjectAltName", "email:copy", "no subject details")]
    [InlineData("subjectAltName", "dirName:sect", "operation not defined")]
    [InlineData("1.2.3.4", "ASN1:SEQUENCE:sect", "sequence or set needs config")]
    public void Create_MissingContext_Rejected(string name, string value, string reason)
    {
        Should.Throw<ExtensionConfigException>(() => X509ExtensionConfig.Create(name, value)).Reasons.ShouldContain(reason);
    }

    [Theory]
    [InlineData("subjectKeyIdentifier", "hash", "0400")]
    [InlineData("authorityKeyIdentifier", "keyid:always", "3000")]
    [InlineData("subjectAltName", "email:copy, DNS:a", "30038201" + "61")]
    public void Create_TestContext_Placeholders(string name, string value, string hex)
    {
        X509Extension extension = X509ExtensionConfig.Create(name, value, new X509ExtensionContext { Test = true });

        Convert.ToHexString(extension.Value.Span).ShouldBe(hex);
    }

    [Theory]
    [InlineData("subjectKeyIdentifier", "none", true)]
    [InlineData("authorityKeyIdentifier", "none", true)]
    [InlineData("subjectKeyIdentifier", "0102", false)]
    public void IsPlaceholder_NoneValues(string name, string value, bool placeholder)
    {
        X509ExtensionConfig.IsPlaceholder(X509ExtensionConfig.Create(name, value, new X509ExtensionContext { Test = true })).ShouldBe(placeholder);
    }

    [SkippableFact]
    public void Create_PlaceholdersAreOmittedByOpenSsl()
    {
        foreach ((string name, string value) in new[] { ("subjectKeyIdentifier", "none"), ("authorityKeyIdentifier", "none"), ("authorityKeyIdentifier", "keyid") })
        {
            (Certificate certificate, _, _) = OpenSslCertificate(name, value, withSubjectKeyIdentifier: false);
            string oid = name == "subjectKeyIdentifier" ? "2.5.29.14" : "2.5.29.35";
            certificate.FindExtension(oid).ShouldBeNull($"{name} = {value}");
        }
    }

    private static (Certificate Certificate, OpenSslConfig Config, PrivateKey Key) OpenSslCertificate(string name, string value, bool withSubjectKeyIdentifier)
    {
        using var scratch = new BuildScratch();
        string extensions = withSubjectKeyIdentifier ? "subjectKeyIdentifier = hash\n" : string.Empty;
        string text = $"{ExtensionConfigData.Sections}[ ext ]\n{extensions}{name} = {value}\n";
        string file = scratch.Write("ext.cnf", text);
        string keyFile = scratch.Write("k.pem", BuildScratch.KeyPem("p256", 3));
        byte[] der = OpenSslPeer.Run("req", "-x509", "-new", "-key", keyFile, "-subj", ExtensionConfigData.Subject, "-config", file, "-outform", "DER").StdoutBytes;
        return (Certificate.Decode(der), OpenSslConfig.Parse(text), BuildScratch.Key("p256", 3));
    }

    [GeneratedRegex(@"error:[0-9A-F]{8}:[^:]*:[^:]*:([^:]*):")]
    private static partial Regex ReasonPattern();
}
