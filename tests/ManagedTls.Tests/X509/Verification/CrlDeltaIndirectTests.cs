using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;
using ManagedTls.Keys;
using ManagedTls.Tests.TestSupport;
using ManagedTls.X509;
using ManagedTls.X509.Verification;

namespace ManagedTls.Tests.X509.Verification;

/// <summary>
/// Delta CRLs (RFC 5280 §5.2.4, §6.3.3 (c)) and indirect CRLs (§5.2.5, §5.3.3) through <see cref="ChainVerifier"/>,
/// each scenario compared with <c>openssl verify -crl_check [-use_deltas] [-extended_crl]</c> on the same files.
/// The PKI (root → intermediate → leaf, P-256) and the CRLs are made with the builders, since <c>openssl ca</c>
/// cannot write deltaCRLIndicator, indirectCRL or certificateIssuer entries.
/// </summary>
public sealed partial class CrlDeltaIndirectTests : IDisposable
{
    private static readonly DateTimeOffset s_now = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private const int LeafSerial = 77;

    private readonly string _dir = Directory.CreateTempSubdirectory("crl-delta-indirect-").FullName;
    private readonly PrivateKey _rootKey = KeyGenerator.GenerateEc(EcNamedCurve.P256);
    private readonly PrivateKey _intKey = KeyGenerator.GenerateEc(EcNamedCurve.P256);
    private readonly Certificate _root;
    private readonly Certificate _intermediate;
    private readonly Certificate _leaf;

    public CrlDeltaIndirectTests()
    {
        _root = Ca("/CN=Delta Root", _rootKey, "/CN=Delta Root", _rootKey, 1);
        _intermediate = Ca("/CN=Delta Intermediate", _intKey, "/CN=Delta Root", _rootKey, 2);
        PrivateKey leafKey = KeyGenerator.GenerateEc(EcNamedCurve.P256);
        var leaf = new CertificateBuilder
        {
            SerialNumber = LeafSerial,
            Subject = DistinguishedName.Parse("/CN=leaf.example"),
            Issuer = _intermediate.Subject,
            NotBefore = s_now.AddDays(-10),
            NotAfter = s_now.AddDays(300),
            PublicKey = leafKey.PublicKey,
        };
        leaf.Extensions.Add(new BasicConstraints(false, null).ToExtension(critical: true));

        // RFC 5280 §6.3.3 (b)(1): the root's indirect CRL is in scope because this point names it as cRLIssuer.
        leaf.Extensions.Add(new CrlDistributionPoints(
        [
            DistributionPoint.FromUri("http://crl.example/int.crl"),
            new DistributionPoint(null, null, [GeneralName.Directory(_root.Subject)]),
            new DistributionPoint(null, null, [GeneralName.Directory(DistinguishedName.Parse("/CN=CRL Authority"))]),
        ]).ToExtension());
        _leaf = leaf.Sign(_intKey);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [GeneratedRegex(@"error (\d+) at (\d+) depth lookup")]
    private static partial Regex ErrorLine();

    /// <summary>
    /// OpenSSL 3.0 checks the delta's validity period only when the complete CRL's is bad (check_crl skips the time
    /// check when the base CRL scored CRL_SCORE_TIME), so it applies an expired delta; ManagedTls refuses it.
    /// </summary>
    private const int OpenSslAppliesExpiredDelta = 23;

    public static TheoryData<string, bool, X509VerifyError> DeltaCases => new()
    {
        // scenario, use deltas, expected verdict
        { "hold in complete, removeFromCRL in delta", true, X509VerifyError.Ok },
        { "hold in complete, removeFromCRL in delta", false, X509VerifyError.CertRevoked },
        { "empty complete, revoked in delta", true, X509VerifyError.CertRevoked },
        { "empty complete, revoked in delta", false, X509VerifyError.Ok },
        { "delta base number above the complete CRL's number", true, X509VerifyError.Ok },
        { "no freshestCRL anywhere", true, X509VerifyError.Ok },
        { "expired delta", true, X509VerifyError.CrlHasExpired },
        { "delta only, no complete CRL", true, X509VerifyError.UnableToGetCrl },
    };

    [SkippableTheory]
    [MemberData(nameof(DeltaCases))]
    public void Delta_SameVerdictAsOpenSsl(string scenario, bool useDeltas, X509VerifyError expected)
    {
        bool freshest = scenario != "no freshestCRL anywhere";
        var crls = new List<CertificateRevocationList>();
        switch (scenario)
        {
            case "hold in complete, removeFromCRL in delta":
                crls.Add(Complete(1, freshest, CrlReason.CertificateHold));
                crls.Add(Delta(2, 1, CrlReason.RemoveFromCrl));
                break;
            case "empty complete, revoked in delta":
            case "no freshestCRL anywhere":
                crls.Add(Complete(1, freshest, null));
                crls.Add(Delta(2, 1, CrlReason.KeyCompromise));
                break;
            case "delta base number above the complete CRL's number":
                crls.Add(Complete(1, freshest, null));
                crls.Add(Delta(3, 2, CrlReason.KeyCompromise));
                break;
            case "expired delta":
                crls.Add(Complete(1, freshest, null));
                crls.Add(Delta(2, 1, CrlReason.KeyCompromise, nextUpdate: s_now.AddDays(-1)));
                break;
            case "delta only, no complete CRL":
                crls.Add(Delta(2, 1, CrlReason.KeyCompromise));
                break;
        }

        X509VerifyFlags flags = X509VerifyFlags.CrlCheck | (useDeltas ? X509VerifyFlags.UseDeltas : 0);
        // -extended_crl: without it OpenSSL 3.0 does not set delta CRLs aside and takes one as a complete CRL.
        RunAndCompare(crls, flags, expected, useDeltas ? ["-extended_crl", "-use_deltas"] : ["-extended_crl"], scenario == "expired delta" ? OpenSslAppliesExpiredDelta : null);
    }

    public static TheoryData<string, X509VerifyError> IndirectCases => new()
    {
        { "entry names the intermediate", X509VerifyError.CertRevoked },
        { "entry without certificateIssuer belongs to the CRL issuer", X509VerifyError.Ok },
        { "certificateIssuer carries over to the next entry", X509VerifyError.CertRevoked },
        { "certificateIssuer switched back to another CA", X509VerifyError.Ok },
        { "not marked indirect", X509VerifyError.UnableToGetCrl },
    };

    /// <summary>An indirect CRL signed by the root (on the path, not the leaf's issuer) listing the intermediate's certificates.</summary>
    [SkippableTheory]
    [MemberData(nameof(IndirectCases))]
    public void Indirect_SameVerdictAsOpenSsl(string scenario, X509VerifyError expected)
    {
        DistinguishedName other = DistinguishedName.Parse("/CN=Some Other CA");
        var entries = new List<RevokedCertificateEntry>();
        bool indirect = true;
        switch (scenario)
        {
            case "entry names the intermediate":
                entries.Add(Entry(LeafSerial, _intermediate.Subject));
                break;
            case "entry without certificateIssuer belongs to the CRL issuer":
                entries.Add(Entry(LeafSerial, null));
                break;
            case "certificateIssuer carries over to the next entry":
                entries.Add(Entry(5, _intermediate.Subject));
                entries.Add(Entry(LeafSerial, null));
                break;
            case "certificateIssuer switched back to another CA":
                entries.Add(Entry(5, _intermediate.Subject));
                entries.Add(Entry(6, other));
                entries.Add(Entry(LeafSerial, null));
                break;
            case "not marked indirect":
                entries.Add(Entry(LeafSerial, _intermediate.Subject));
                indirect = false;
                break;
        }

        var builder = NewCrl(_root.Subject, 1);
        builder.Extensions.Add(new IssuingDistributionPoint(null, IndirectCrl: indirect).ToExtension());
        foreach (RevokedCertificateEntry entry in entries)
        {
            builder.Revoked.Add(entry);
        }

        RunAndCompare([builder.Sign(_rootKey)], X509VerifyFlags.CrlCheck, expected, ["-extended_crl"]);
    }

    [Fact]
    public void Indirect_SignerIsATrustAnchorOffThePath()
    {
        PrivateKey authorityKey = KeyGenerator.GenerateEc(EcNamedCurve.P256);
        Certificate authority = Ca("/CN=CRL Authority", authorityKey, "/CN=CRL Authority", authorityKey, 9, KeyUsageFlags.CrlSign);
        var builder = NewCrl(authority.Subject, 1);
        builder.Extensions.Add(new IssuingDistributionPoint(null, IndirectCrl: true).ToExtension());
        builder.Revoked.Add(Entry(LeafSerial, _intermediate.Subject));
        CertificateRevocationList crl = builder.Sign(authorityKey);

        VerificationResult withAuthority = Verify([crl], X509VerifyFlags.CrlCheck, authority);
        VerificationResult withoutAuthority = Verify([crl], X509VerifyFlags.CrlCheck);

        withAuthority.Error.ShouldBe(X509VerifyError.CertRevoked);
        withAuthority.ErrorDepth.ShouldBe(0);
        withoutAuthority.Error.ShouldBe(X509VerifyError.UnableToGetCrlIssuer);
    }

    [Fact]
    public void Indirect_SignerWithoutCrlSign_IsRefused()
    {
        PrivateKey authorityKey = KeyGenerator.GenerateEc(EcNamedCurve.P256);
        Certificate authority = Ca("/CN=CRL Authority", authorityKey, "/CN=CRL Authority", authorityKey, 9, KeyUsageFlags.KeyCertSign);
        var builder = NewCrl(authority.Subject, 1);
        builder.Extensions.Add(new IssuingDistributionPoint(null, IndirectCrl: true).ToExtension());
        CertificateRevocationList crl = builder.Sign(authorityKey);

        Verify([crl], X509VerifyFlags.CrlCheck, authority).Error.ShouldBe(X509VerifyError.KeyUsageNoCrlSign);
    }

    [Theory]
    [InlineData("/CN=Delta Intermediate", "part1", "part1", X509VerifyError.Ok)]
    [InlineData("/CN=Delta Intermediate", "part1", "part2", X509VerifyError.DifferentCrlScope)]
    public void RelativeDistributionPointNames_MatchUnderTheIssuer(string issuer, string leafPart, string crlPart, X509VerifyError expected)
    {
        // The leaf's nameRelativeToCRLIssuer completes to issuer + CN=part; the CRL's IDP names the full directoryName.
        PrivateKey key = KeyGenerator.GenerateEc(EcNamedCurve.P256);
        var leaf = new CertificateBuilder
        {
            SerialNumber = 100,
            Subject = DistinguishedName.Parse("/CN=relative.example"),
            Issuer = DistinguishedName.Parse(issuer),
            NotBefore = s_now.AddDays(-10),
            NotAfter = s_now.AddDays(300),
            PublicKey = key.PublicKey,
        };
        AttributeTypeAndValue rdn = DistinguishedName.Parse("/CN=" + leafPart).Attributes[0];
        leaf.Extensions.Add(new CrlDistributionPoints([new DistributionPoint(new DistributionPointName([rdn]))]).ToExtension());
        Certificate leafCertificate = leaf.Sign(_intKey);

        var builder = NewCrl(_intermediate.Subject, 1);
        DistinguishedName full = DistinguishedName.Parse(issuer + "/CN=" + crlPart);
        builder.Extensions.Add(new IssuingDistributionPoint(new DistributionPointName([GeneralName.Directory(full)])).ToExtension());
        CertificateRevocationList crl = builder.Sign(_intKey);

        var store = new TrustStore();
        store.AddCertificate(_root);
        store.AddCrl(crl);
        VerificationResult result = ChainVerifier.Verify(leafCertificate, [_intermediate], store, new VerificationOptions { Time = s_now, Flags = X509VerifyFlags.CrlCheck });
        result.Error.ShouldBe(expected);
    }

    /// <summary>
    /// nameRelativeToCRLIssuer on both sides, made entirely by openssl (<c>openssl x509 -extfile</c> with a
    /// crlDistributionPoints section and <c>openssl ca -gencrl</c> with an issuingDistributionPoint section).
    /// </summary>
    [SkippableTheory]
    [InlineData("part1")]
    [InlineData("part2")]
    public void RelativeDistributionPointNames_OpenSslMade_SameVerdictAsOpenSsl(string leafPart)
    {
        OpenSslPeer.Require();
        File.WriteAllText(P("ca.cnf"), string.Join('\n',
            "[ca]", "default_ca = CA_default", "[CA_default]", "database = " + P("index.txt"), "crlnumber = " + P("crlnumber"), "default_md = sha256",
            "default_crl_days = 30", "crl_extensions = crl_ext", "[crl_ext]", "issuingDistributionPoint = critical, @idp", "[idp]",
            "relativename = idp_rdn", "[idp_rdn]", "CN = part1", "[leaf_ext]", "basicConstraints = critical, CA:FALSE",
            "crlDistributionPoints = dp", "[dp]", "relativename = dp_rdn", "[dp_rdn]", "CN = " + leafPart, ""));
        File.WriteAllText(P("index.txt"), "");
        File.WriteAllText(P("crlnumber"), "01\n");
        Run("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", P("root.key"), "-out", P("root.pem"),
            "-subj", "/CN=Rel Root", "-days", "3650", "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
        Run("req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", P("leaf.key"), "-out", P("leaf.csr"), "-subj", "/CN=rel.example");
        Run("x509", "-req", "-in", P("leaf.csr"), "-CA", P("root.pem"), "-CAkey", P("root.key"), "-set_serial", "5", "-days", "30",
            "-extfile", P("ca.cnf"), "-extensions", "leaf_ext", "-out", P("leaf.pem"));
        Run("ca", "-config", P("ca.cnf"), "-gencrl", "-keyfile", P("root.key"), "-cert", P("root.pem"), "-out", P("crl.pem"));

        ProcessResult openssl = OpenSslPeer.TryRun(null, "verify", "-CAfile", P("root.pem"), "-crl_check", "-CRLfile", P("crl.pem"), P("leaf.pem"));
        Match match = ErrorLine().Match(openssl.Stderr + openssl.Stdout);
        int opensslError = openssl.ExitCode == 0 ? 0 : int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);

        var store = new TrustStore();
        store.AddCertificate(Certificate.Load(File.ReadAllBytes(P("root.pem"))));
        store.AddCrl(CertificateRevocationList.Load(File.ReadAllBytes(P("crl.pem"))));
        Certificate leaf = Certificate.Load(File.ReadAllBytes(P("leaf.pem")));
        VerificationResult ours = ChainVerifier.Verify(leaf, [], store, new VerificationOptions { Flags = X509VerifyFlags.CrlCheck });

        ((int)ours.Error).ShouldBe(opensslError, ours.ToString());
        ours.IsValid.ShouldBe(leafPart == "part1");
    }

    private void Run(params string[] args)
    {
        ProcessResult result = OpenSslPeer.TryRun(null, args);
        result.ExitCode.ShouldBe(0, result.Stderr);
    }

    private void RunAndCompare(List<CertificateRevocationList> crls, X509VerifyFlags flags, X509VerifyError expected, string[] extra, int? knownOpenSslDifference = null)
    {
        VerificationResult ours = Verify(crls, flags);
        ours.Error.ShouldBe(expected, ours.ToString());

        OpenSslPeer.Require();
        File.WriteAllText(P("root.pem"), _root.ToPem());
        File.WriteAllText(P("int.pem"), _intermediate.ToPem());
        File.WriteAllText(P("leaf.pem"), _leaf.ToPem());
        var args = new List<string> { "verify", "-CAfile", P("root.pem"), "-untrusted", P("int.pem"), "-crl_check", "-attime", s_now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) };
        args.AddRange(extra);
        for (int i = 0; i < crls.Count; i++)
        {
            File.WriteAllText(P($"crl{i}.pem"), crls[i].ToPem());
            args.Add("-CRLfile");
            args.Add(P($"crl{i}.pem"));
        }

        args.Add(P("leaf.pem"));
        ProcessResult openssl = OpenSslPeer.TryRun(null, [.. args]);
        Match match = ErrorLine().Match(openssl.Stderr + openssl.Stdout);
        int opensslError = openssl.ExitCode == 0 ? 0 : match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : -1;
        ((int?)opensslError == knownOpenSslDifference ? opensslError : (int)ours.Error).ShouldBe(opensslError, $"openssl said: {openssl.Stdout}{openssl.Stderr}");
        if (opensslError != 0 && knownOpenSslDifference is null)
        {
            ours.ErrorDepth.ShouldBe(int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
        }
    }

    private VerificationResult Verify(List<CertificateRevocationList> crls, X509VerifyFlags flags, Certificate? extraAnchor = null)
    {
        var store = new TrustStore();
        store.AddCertificate(_root);
        if (extraAnchor is not null)
        {
            store.AddCertificate(extraAnchor);
        }

        foreach (CertificateRevocationList crl in crls)
        {
            store.AddCrl(crl);
        }

        return ChainVerifier.Verify(_leaf, [_intermediate], store, new VerificationOptions { Time = s_now, Flags = flags });
    }

    private CertificateRevocationList Complete(int number, bool freshest, CrlReason? leafReason)
    {
        var builder = NewCrl(_intermediate.Subject, number);
        if (freshest)
        {
            builder.Extensions.Add(new CrlDistributionPoints([DistributionPoint.FromUri("http://crl.example/delta.crl")]).ToFreshestCrlExtension());
        }

        if (leafReason is { } reason)
        {
            var entry = new RevokedCertificateEntry(LeafSerial, s_now.AddDays(-2));
            entry.Extensions.Add(new CrlReasonCode(reason).ToExtension());
            builder.Revoked.Add(entry);
        }

        return builder.Sign(_intKey);
    }

    private CertificateRevocationList Delta(int number, int baseNumber, CrlReason leafReason, DateTimeOffset? nextUpdate = null)
    {
        var builder = NewCrl(_intermediate.Subject, number);
        builder.ThisUpdate = s_now.AddHours(-3);
        builder.NextUpdate = nextUpdate ?? s_now.AddDays(1);
        if (nextUpdate is not null)
        {
            builder.ThisUpdate = nextUpdate.Value.AddDays(-1);
        }

        builder.Extensions.Add(new DeltaCrlIndicator(baseNumber).ToExtension());
        var entry = new RevokedCertificateEntry(LeafSerial, s_now.AddDays(-1));
        entry.Extensions.Add(new CrlReasonCode(leafReason).ToExtension());
        builder.Revoked.Add(entry);
        return builder.Sign(_intKey);
    }

    private static CertificateRevocationListBuilder NewCrl(DistinguishedName issuer, BigInteger number)
    {
        var builder = new CertificateRevocationListBuilder
        {
            Version = 2,
            Issuer = issuer,
            ThisUpdate = s_now.AddDays(-5),
            NextUpdate = s_now.AddDays(7),
        };
        builder.Extensions.Add(new CrlNumber(number).ToExtension());
        return builder;
    }

    private static RevokedCertificateEntry Entry(BigInteger serial, DistinguishedName? certificateIssuer)
    {
        var entry = new RevokedCertificateEntry(serial, s_now.AddDays(-2));
        entry.Extensions.Add(new CrlReasonCode(CrlReason.KeyCompromise).ToExtension());
        if (certificateIssuer is not null)
        {
            entry.Extensions.Add(new CertificateIssuer([GeneralName.Directory(certificateIssuer)]).ToExtension(critical: true));
        }

        return entry;
    }

    private static Certificate Ca(string subject, PrivateKey key, string issuer, PrivateKey issuerKey, int serial, KeyUsageFlags usage = KeyUsageFlags.KeyCertSign | KeyUsageFlags.CrlSign)
    {
        var builder = new CertificateBuilder
        {
            SerialNumber = serial,
            Subject = DistinguishedName.Parse(subject),
            Issuer = DistinguishedName.Parse(issuer),
            NotBefore = s_now.AddYears(-1),
            NotAfter = s_now.AddYears(5),
            PublicKey = key.PublicKey,
        };
        builder.Extensions.Add(new BasicConstraints(true, null).ToExtension(critical: true));
        builder.Extensions.Add(new KeyUsage(usage).ToExtension(critical: true));
        return builder.Sign(issuerKey);
    }

    private string P(string name) => Path.Combine(_dir, name);
}
