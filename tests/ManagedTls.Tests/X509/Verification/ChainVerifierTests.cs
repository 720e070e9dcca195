using ManagedTls.Keys;
using ManagedTls.X509;
using ManagedTls.X509.Trust;
using ManagedTls.X509.Verification;

namespace ManagedTls.Tests.X509.Verification;

public sealed class ChainVerifierTests
{
    private static readonly DateTimeOffset s_now = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private static int s_serial = 1;

    private sealed record Issued(Certificate Certificate, PrivateKey Key);

    private static Issued Ca(string name, Issued? issuer = null, PrivateKey? key = null, int? pathLength = null, DateTimeOffset? notAfter = null, params X509Extension[] extra)
    {
        key ??= KeyGenerator.GenerateEc(EcNamedCurve.P256);
        var builder = new CertificateBuilder
        {
            SerialNumber = s_serial++,
            Subject = DistinguishedName.Parse("/CN=" + name),
            Issuer = issuer?.Certificate.Subject ?? DistinguishedName.Parse("/CN=" + name),
            NotBefore = s_now.AddYears(-1),
            NotAfter = notAfter ?? s_now.AddYears(5),
            PublicKey = key.PublicKey,
        };
        builder.Extensions.Add(new BasicConstraints(true, pathLength).ToExtension(critical: true));
        builder.Extensions.Add(new KeyUsage(KeyUsageFlags.KeyCertSign | KeyUsageFlags.CrlSign).ToExtension(critical: true));
        foreach (X509Extension extension in extra)
        {
            builder.Extensions.Add(extension);
        }

        return new Issued(builder.Sign(issuer?.Key ?? key), key);
    }

    private static Issued Leaf(string host, Issued issuer, DateTimeOffset? notAfter = null, params X509Extension[] extra)
    {
        PrivateKey key = KeyGenerator.GenerateEc(EcNamedCurve.P256);
        var builder = new CertificateBuilder
        {
            SerialNumber = s_serial++,
            Subject = DistinguishedName.Parse("/CN=" + host),
            Issuer = issuer.Certificate.Subject,
            NotBefore = s_now.AddDays(-10),
            NotAfter = notAfter ?? s_now.AddDays(80),
            PublicKey = key.PublicKey,
        };
        builder.Extensions.Add(new AlternativeNames([GeneralName.Dns(host)]).ToExtension());
        builder.Extensions.Add(new ExtendedKeyUsage([ManagedTls.Asn1.Oids.ServerAuth]).ToExtension());
        foreach (X509Extension extension in extra)
        {
            builder.Extensions.Add(extension);
        }

        return new Issued(builder.Sign(issuer.Key), key);
    }

    private static VerificationResult Verify(Issued leaf, IEnumerable<Issued> untrusted, IEnumerable<Issued> trusted, Action<VerificationOptions>? configure = null)
    {
        var store = new TrustStore();
        foreach (Issued anchor in trusted)
        {
            store.AddCertificate(anchor.Certificate);
        }

        var options = new VerificationOptions { Time = s_now, Purpose = VerificationPurpose.ServerAuth };
        configure?.Invoke(options);
        return ChainVerifier.Verify(leaf.Certificate, untrusted.Select(i => i.Certificate), store, options);
    }

    // Mozilla's distrust-after dates (CKA_NSS_SERVER_DISTRUST_AFTER) bound the leaf's notBefore for that purpose only.
    [Theory]
    [InlineData(VerificationPurpose.ServerAuth, -30, false)]
    [InlineData(VerificationPurpose.ServerAuth, 0, true)]
    [InlineData(VerificationPurpose.Any, -30, true)]
    public void Verify_AnchorWithServerDistrustAfter_RefusesLaterLeavesForServerAuth(VerificationPurpose purpose, int distrustDaysFromNow, bool valid)
    {
        Issued root = Ca("Distrusted Root");
        Issued leaf = Leaf("late.example", root); // notBefore: 10 days before s_now
        var store = new TrustStore();
        store.AddAnchor(new TrustAnchor(root.Certificate, TrustPurpose.Any, serverDistrustAfter: s_now.AddDays(distrustDaysFromNow)));

        VerificationResult result = ChainVerifier.Verify(leaf.Certificate, [], store, new VerificationOptions { Time = s_now, Purpose = purpose });

        result.IsValid.ShouldBe(valid, result.ToString());
    }

    [Fact]
    public void Verify_RootIntermediateLeaf_BuildsThreeCertificateChain()
    {
        Issued root = Ca("Root");
        Issued intermediate = Ca("Intermediate", root);
        Issued leaf = Leaf("example.com", intermediate);

        VerificationResult result = Verify(leaf, [intermediate], [root], o => o.ExpectedHostnames.Add("example.com"));

        result.IsValid.ShouldBeTrue(result.ToString());
        result.Chain.Select(c => c.Subject.ToString()).ShouldBe(["CN = example.com", "CN = Intermediate", "CN = Root"]);
    }

    [Fact]
    public void Verify_MissingIntermediate_UnableToGetLocalIssuer()
    {
        Issued root = Ca("Root");
        Issued intermediate = Ca("Intermediate", root);
        Issued leaf = Leaf("example.com", intermediate);

        VerificationResult result = Verify(leaf, [], [root]);

        result.Error.ShouldBe(X509VerifyError.UnableToGetIssuerCertLocally);
        result.ErrorDepth.ShouldBe(0);
        result.ErrorMessage.ShouldBe("unable to get local issuer certificate");
    }

    [Fact]
    public void Verify_TwoIntermediatesSameNameFirstExpired_BacktracksToTheValidOne()
    {
        Issued root = Ca("Root");
        PrivateKey sharedKey = KeyGenerator.GenerateEc(EcNamedCurve.P256);
        Issued expired = Ca("Intermediate", root, sharedKey, notAfter: s_now.AddDays(-1));
        Issued valid = Ca("Intermediate", root, sharedKey);
        Issued leaf = Leaf("example.com", valid);

        VerificationResult result = Verify(leaf, [expired, valid], [root]);

        result.IsValid.ShouldBeTrue(result.ToString());
        result.Chain[1].ShouldBe(valid.Certificate);
    }

    [Fact]
    public void Verify_CrossSignedIntermediatesLoopWithoutRoot_FailsWithoutHanging()
    {
        Issued root = Ca("Root");
        PrivateKey keyA = KeyGenerator.GenerateEc(EcNamedCurve.P256);
        PrivateKey keyB = KeyGenerator.GenerateEc(EcNamedCurve.P256);
        Issued a = Ca("A", null, keyA);
        Issued b = Ca("B", a, keyB);
        Issued aByB = Ca("A", b, keyA);
        Issued leaf = Leaf("example.com", a);

        VerificationResult result = Verify(leaf, [a, b, aByB], [root]);

        result.IsValid.ShouldBeFalse();
        result.Error.ShouldBeOneOf(X509VerifyError.SelfSignedCertInChain, X509VerifyError.UnableToGetIssuerCertLocally);
    }

    [Fact]
    public void Verify_CrossSignedRoot_ReachesTheTrustedRootThroughTheCrossSign()
    {
        Issued oldRoot = Ca("Old Root");
        PrivateKey newKey = KeyGenerator.GenerateEc(EcNamedCurve.P256);
        Issued newRootCross = Ca("New Root", oldRoot, newKey);
        Issued intermediate = Ca("Intermediate", new Issued(newRootCross.Certificate, newKey));
        Issued leaf = Leaf("example.com", intermediate);

        VerificationResult result = Verify(leaf, [intermediate, newRootCross], [oldRoot]);

        result.IsValid.ShouldBeTrue(result.ToString());
        result.Chain.Count.ShouldBe(4);
    }

    [Fact]
    public void Verify_PathLengthZeroThenAnotherCA_PathLengthExceeded()
    {
        Issued root = Ca("Root");
        Issued first = Ca("First", root, pathLength: 0);
        Issued second = Ca("Second", first);
        Issued leaf = Leaf("example.com", second);

        VerificationResult result = Verify(leaf, [first, second], [root]);

        result.Error.ShouldBe(X509VerifyError.PathLengthExceeded);
    }

    [Theory]
    [InlineData(0, X509VerifyError.Ok)]
    [InlineData(100, X509VerifyError.CertHasExpired)]
    public void Verify_ValidityAtTime_ExpiredLeafRejected(int daysLater, X509VerifyError expected)
    {
        Issued root = Ca("Root");
        Issued leaf = Leaf("example.com", root);

        VerificationResult result = Verify(leaf, [], [root], o => o.Time = s_now.AddDays(daysLater));

        result.Error.ShouldBe(expected);
    }

    [Fact]
    public void Verify_HostnameMismatch_ReportsError62()
    {
        Issued root = Ca("Root");
        Issued leaf = Leaf("example.com", root);

        VerificationResult result = Verify(leaf, [], [root], o => o.ExpectedHostnames.Add("other.example"));

        ((int)result.Error).ShouldBe(62);
        result.ErrorMessage.ShouldBe("hostname mismatch");
    }

    [Fact]
    public void Verify_IntermediateTrustedWithoutPartialChain_Fails_WithPartialChain_Succeeds()
    {
        Issued root = Ca("Root");
        Issued intermediate = Ca("Intermediate", root);
        Issued leaf = Leaf("example.com", intermediate);

        Verify(leaf, [], [intermediate]).IsValid.ShouldBeFalse();
        Verify(leaf, [], [intermediate], o => o.Flags |= X509VerifyFlags.PartialChain).IsValid.ShouldBeTrue();
    }

    [Theory]
    [InlineData("example.com", X509VerifyError.Ok)]
    [InlineData("www.example.com", X509VerifyError.Ok)]
    [InlineData("example.org", X509VerifyError.PermittedViolation)]
    [InlineData("bad.example.com", X509VerifyError.ExcludedViolation)]
    public void Verify_NameConstraints_PermittedAndExcludedDnsSubtrees(string host, X509VerifyError expected)
    {
        var constraints = new NameConstraints([new GeneralSubtree(GeneralName.Dns("example.com"))], [new GeneralSubtree(GeneralName.Dns("bad.example.com"))]);
        Issued root = Ca("Root");
        Issued intermediate = Ca("Intermediate", root, extra: constraints.ToExtension(critical: true));
        Issued leaf = Leaf(host, intermediate);

        VerificationResult result = Verify(leaf, [intermediate], [root]);

        result.Error.ShouldBe(expected, result.ToString());
    }

    [Theory]
    [InlineData("1.2.3.4", "1.2.3.4", false, null, X509VerifyError.Ok)]
    [InlineData("1.2.3.4", "1.2.3.4", true, null, X509VerifyError.Ok)]
    [InlineData("1.2.3.4", "1.2.3.5", true, null, X509VerifyError.NoExplicitPolicy)]
    [InlineData("1.2.3.4", "1.2.3.5", false, null, X509VerifyError.Ok)]
    [InlineData("2.5.29.32.0", "1.2.3.5", true, null, X509VerifyError.Ok)]
    [InlineData("1.2.3.4", "1.2.3.4", true, "1.2.3.4", X509VerifyError.Ok)]
    [InlineData("1.2.3.4", "1.2.3.4", true, "1.2.3.9", X509VerifyError.NoExplicitPolicy)]
    public void Verify_CertificatePolicies_ExplicitPolicyAndUserSet(string caPolicy, string leafPolicy, bool explicitPolicy, string? userPolicy, X509VerifyError expected)
    {
        Issued root = Ca("Root");
        Issued intermediate = Ca("Intermediate", root, extra: new CertificatePolicies([new PolicyInformation(caPolicy)]).ToExtension());
        Issued leaf = Leaf("example.com", intermediate, extra: new CertificatePolicies([new PolicyInformation(leafPolicy)]).ToExtension());

        VerificationResult result = Verify(leaf, [intermediate], [root], o =>
        {
            if (explicitPolicy)
            {
                o.Flags |= X509VerifyFlags.ExplicitPolicy;
            }

            if (userPolicy is not null)
            {
                o.InitialPolicies.Add(userPolicy);
            }
        });

        result.Error.ShouldBe(expected, result.ToString());
    }

    [Fact]
    public void Verify_PolicyConstraintsRequireExplicitPolicyWithoutPolicies_NoExplicitPolicy()
    {
        Issued root = Ca("Root");
        Issued intermediate = Ca("Intermediate", root, extra: new PolicyConstraints(0, null).ToExtension(critical: true));
        Issued leaf = Leaf("example.com", intermediate);

        Verify(leaf, [intermediate], [root]).Error.ShouldBe(X509VerifyError.NoExplicitPolicy);
    }

    [Fact]
    public void Verify_UnknownCriticalExtensionInIntermediate_Rejected_UnlessIgnoreCritical()
    {
        Issued root = Ca("Root");
        Issued intermediate = Ca("Intermediate", root, extra: new X509Extension("1.3.6.1.4.1.55738.666.1", true, [0x05, 0x00]));
        Issued leaf = Leaf("example.com", intermediate);

        Verify(leaf, [intermediate], [root]).Error.ShouldBe(X509VerifyError.UnhandledCriticalExtension);
        Verify(leaf, [intermediate], [root], o => o.Flags |= X509VerifyFlags.IgnoreCritical).IsValid.ShouldBeTrue();
    }

    [Theory]
    [InlineData(X509VerifyError.CertHasExpired, "certificate has expired")]
    [InlineData(X509VerifyError.DepthZeroSelfSignedCert, "self-signed certificate")]
    [InlineData(X509VerifyError.CertRevoked, "certificate revoked")]
    [InlineData(X509VerifyError.InvalidCA, "invalid CA certificate")]
    public void GetMessage_MatchesOpenSsl(X509VerifyError error, string message) => error.GetMessage().ShouldBe(message);
}
