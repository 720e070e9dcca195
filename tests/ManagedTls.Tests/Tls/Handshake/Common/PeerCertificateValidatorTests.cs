using ManagedTls.Keys;
using ManagedTls.Tls;
using ManagedTls.Tls.Handshake;
using ManagedTls.X509;
using ManagedTls.X509.Verification;

namespace ManagedTls.Tests.Tls.Handshake.Common;

public sealed class PeerCertificateValidatorTests
{
    private static readonly DateTimeOffset s_now = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private static int s_serial = 1;

    private sealed record Issued(Certificate Certificate, PrivateKey Key);

    private static readonly Lazy<(Issued Root, Issued Intermediate)> s_pki = new(() =>
    {
        Issued root = Ca("Test Root", null);
        return (root, Ca("Test Intermediate", root));
    });

    private static Issued Root => s_pki.Value.Root;

    private static Issued Intermediate => s_pki.Value.Intermediate;

    private static Issued Ca(string name, Issued? issuer)
    {
        PrivateKey key = KeyGenerator.GenerateEc(EcNamedCurve.P256);
        var builder = new CertificateBuilder
        {
            SerialNumber = s_serial++,
            Subject = DistinguishedName.Parse("/CN=" + name),
            Issuer = issuer?.Certificate.Subject ?? DistinguishedName.Parse("/CN=" + name),
            NotBefore = s_now.AddYears(-1),
            NotAfter = s_now.AddYears(5),
            PublicKey = key.PublicKey,
        };
        builder.Extensions.Add(new BasicConstraints(true, null).ToExtension(critical: true));
        builder.Extensions.Add(new KeyUsage(KeyUsageFlags.KeyCertSign | KeyUsageFlags.CrlSign).ToExtension(critical: true));
        return new Issued(builder.Sign(issuer?.Key ?? key), key);
    }

    private static Issued Leaf(string host, Issued issuer, string eku = ManagedTls.Asn1.Oids.ServerAuth, int notAfterDays = 80, GeneralName? san = null)
    {
        PrivateKey key = KeyGenerator.GenerateEc(EcNamedCurve.P256);
        var builder = new CertificateBuilder
        {
            SerialNumber = s_serial++,
            Subject = DistinguishedName.Parse("/CN=" + host),
            Issuer = issuer.Certificate.Subject,
            NotBefore = s_now.AddDays(-10),
            NotAfter = s_now.AddDays(notAfterDays),
            PublicKey = key.PublicKey,
        };
        builder.Extensions.Add(new AlternativeNames([san ?? GeneralName.Dns(host)]).ToExtension());
        builder.Extensions.Add(new ExtendedKeyUsage([eku]).ToExtension());
        return new Issued(builder.Sign(issuer.Key), key);
    }

    private static PeerValidationSettings Settings(bool failOnError = true, PeerVerifyCallback? callback = null, int depth = 100, bool trustRoot = true)
    {
        var store = new TrustStore();
        if (trustRoot)
        {
            store.AddCertificate(Root.Certificate);
        }

        return new PeerValidationSettings { TrustStore = store, Time = s_now, FailOnError = failOnError, Callback = callback, VerifyDepth = depth };
    }

    private static Certificate[] Sent(Issued leaf) => [leaf.Certificate, Intermediate.Certificate];

    [Fact]
    public void Validate_GoodChainAndHost_ReturnsOkAndVerifiedChain()
    {
        Issued leaf = Leaf("www.example.com", Intermediate);

        PeerValidationResult result = PeerCertificateValidator.Validate(Sent(leaf), Settings(), peerIsServer: true, "www.example.com");

        result.Result.ShouldBe(X509VerifyError.Ok);
        result.VerifiedChain.ShouldNotBeNull().ShouldBe([leaf.Certificate, Intermediate.Certificate, Root.Certificate]);
    }

    public static TheoryData<string, X509VerifyError, TlsAlertDescription> Failures => new()
    {
        { "hostname", X509VerifyError.HostnameMismatch, TlsAlertDescription.BadCertificate },
        { "untrusted", X509VerifyError.UnableToGetIssuerCertLocally, TlsAlertDescription.UnknownCa },
        { "expired", X509VerifyError.CertHasExpired, TlsAlertDescription.CertificateExpired },
        { "client-eku-as-server", X509VerifyError.InvalidPurpose, TlsAlertDescription.UnsupportedCertificate },
        { "server-eku-as-client", X509VerifyError.InvalidPurpose, TlsAlertDescription.UnsupportedCertificate },
        { "depth0", X509VerifyError.CertChainTooLong, TlsAlertDescription.UnknownCa },
        { "ip-mismatch", X509VerifyError.IPAddressMismatch, TlsAlertDescription.BadCertificate },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Validate_Failure_ThrowsWithOpenSslAlert_OrRecordsWithVerifyNone(string scenario, X509VerifyError error, TlsAlertDescription alert)
    {
        (Certificate[] sent, bool peerIsServer, string? host, bool trustRoot, int depth) = scenario switch
        {
            "hostname" => (Sent(Leaf("www.example.com", Intermediate)), true, "other.example.com", true, 100),
            "untrusted" => (Sent(Leaf("www.example.com", Intermediate)), true, "www.example.com", false, 100),
            "expired" => (Sent(Leaf("www.example.com", Intermediate, notAfterDays: -1)), true, null, true, 100),
            "client-eku-as-server" => (Sent(Leaf("client", Intermediate, ManagedTls.Asn1.Oids.ClientAuth)), true, null, true, 100),
            "server-eku-as-client" => (Sent(Leaf("server", Intermediate)), false, null, true, 100),
            "depth0" => (Sent(Leaf("www.example.com", Intermediate)), true, null, true, 0),
            "ip-mismatch" => (Sent(Leaf("www.example.com", Intermediate, san: GeneralName.IPAddress([192, 0, 2, 1]))), true, "192.0.2.2", true, 100),
            _ => throw new ArgumentException(scenario),
        };

        TlsException e = Should.Throw<TlsException>(() => PeerCertificateValidator.Validate(sent, Settings(depth: depth, trustRoot: trustRoot), peerIsServer, host));
        e.Error.ShouldBe(TlsError.CertificateVerifyFailed);
        e.Alert.ShouldBe(alert);

        PeerValidationResult recorded = PeerCertificateValidator.Validate(sent, Settings(failOnError: false, depth: depth, trustRoot: trustRoot), peerIsServer, host);
        recorded.Result.ShouldBe(error);
        recorded.VerifiedChain.ShouldBeNull();
    }

    [Fact]
    public void Validate_IPAddressLiteral_MatchesIPAddressSan()
    {
        Issued leaf = Leaf("addr", Intermediate, san: GeneralName.IPAddress([192, 0, 2, 1]));

        PeerCertificateValidator.Validate(Sent(leaf), Settings(), true, "192.0.2.1").Result.ShouldBe(X509VerifyError.Ok);
    }

    private sealed class Recorder
    {
        public List<string> Calls { get; } = [];

        public Func<bool, int, X509VerifyError, bool> Answer { get; set; } = (ok, _, _) => ok;

        public bool Callback(bool ok, Certificate certificate, int depth, X509VerifyError error, IReadOnlyList<Certificate> chain)
        {
            chain[depth].ShouldBe(certificate);
            Calls.Add($"{(ok ? 1 : 0)}@{depth}:{(int)error}");
            return Answer(ok, depth, error);
        }
    }

    // x509_vfy.c order: build/check errors first at their depth, then the walk from the top with ok=1 (signature and
    // time errors reported inside the walk, at their depth, before that depth's ok=1).
    [Theory]
    [InlineData("good", true, "1@2:0 1@1:0 1@0:0", X509VerifyError.Ok)]
    [InlineData("expired", true, "1@2:0 1@1:0 0@0:10 1@0:10", X509VerifyError.CertHasExpired)]
    [InlineData("expired", false, "1@2:0 1@1:0 0@0:10", X509VerifyError.CertHasExpired)]
    [InlineData("hostname", true, "0@0:62 1@2:62 1@1:62 1@0:62", X509VerifyError.HostnameMismatch)]
    [InlineData("untrusted", true, "0@1:20 1@1:20 1@0:20", X509VerifyError.UnableToGetIssuerCertLocally)]
    [InlineData("reject-good", true, "1@2:0", X509VerifyError.Unspecified)]
    [InlineData("self-signed-in-chain", true, "0@2:19 1@2:19 1@1:19 1@0:19", X509VerifyError.SelfSignedCertInChain)] // as openssl s_client -verify 5 prints
    public void Validate_WithCallback_CallsInOpenSslOrderAndTheAnswerDecides(string scenario, bool accept, string expectedCalls, X509VerifyError recordedError)
    {
        var recorder = new Recorder();
        recorder.Answer = scenario == "reject-good" ? (_, _, _) => false : (ok, _, _) => ok || accept;
        Issued leaf = Leaf("www.example.com", Intermediate, notAfterDays: scenario == "expired" ? -1 : 80);
        string host = scenario == "hostname" ? "wrong.example.com" : "www.example.com";
        PeerValidationSettings settings = Settings(callback: recorder.Callback, trustRoot: scenario is not ("untrusted" or "self-signed-in-chain"));
        Certificate[] sent = scenario == "self-signed-in-chain" ? [.. Sent(leaf), Root.Certificate] : Sent(leaf);

        bool shouldPass = scenario == "good" || (accept && scenario != "reject-good");
        if (shouldPass)
        {
            PeerValidationResult result = PeerCertificateValidator.Validate(sent, settings, true, host);
            result.Result.ShouldBe(recordedError);
            result.VerifiedChain.ShouldNotBeNull();
        }
        else
        {
            TlsException e = Should.Throw<TlsException>(() => PeerCertificateValidator.Validate(sent, settings, true, host));
            e.Alert.ShouldBe(PeerCertificateValidator.AlertFor(recordedError));
        }

        string.Join(' ', recorder.Calls).ShouldBe(expectedCalls);
    }

    [Theory]
    [InlineData(X509VerifyError.ApplicationVerification, TlsAlertDescription.HandshakeFailure)]
    [InlineData(X509VerifyError.CertSignatureFailure, TlsAlertDescription.DecryptError)]
    [InlineData(X509VerifyError.CertRevoked, TlsAlertDescription.CertificateRevoked)]
    [InlineData(X509VerifyError.DepthZeroSelfSignedCert, TlsAlertDescription.UnknownCa)]
    [InlineData(X509VerifyError.SelfSignedCertInChain, TlsAlertDescription.UnknownCa)]
    [InlineData(X509VerifyError.CertNotYetValid, TlsAlertDescription.BadCertificate)]
    [InlineData(X509VerifyError.OutOfMem, TlsAlertDescription.InternalError)]
    [InlineData(X509VerifyError.KeyUsageNoCertsign, TlsAlertDescription.CertificateUnknown)]
    [InlineData(X509VerifyError.PermittedViolation, TlsAlertDescription.CertificateUnknown)]
    public void AlertFor_MatchesOpenSslTable(X509VerifyError error, TlsAlertDescription alert) =>
        PeerCertificateValidator.AlertFor(error).ShouldBe(alert);

    [Fact]
    public void Validate_EmptyChain_IsTheCallersCase()
    {
        Should.Throw<ArgumentException>(() => PeerCertificateValidator.Validate([], Settings(), true, null));
    }

    [Theory]
    [InlineData(TlsVerifyMode.Peer, false, true)]
    [InlineData(TlsVerifyMode.None, false, false)]
    [InlineData(TlsVerifyMode.Peer, true, false)]
    public void Validate_TlsOptions_ModeAndCallbackDecide(TlsVerifyMode mode, bool callbackAccepts, bool throws)
    {
        var depths = new List<int>();
        var store = new TrustStore();
        store.AddCertificate(Root.Certificate);
        var options = new TlsClientOptions
        {
            TrustStore = store,
            VerifyMode = mode,
            Verification = new VerificationOptions { Time = s_now },
            VerifyCallback = callbackAccepts ? (ok, context) => { depths.Add(context.Depth); return true; } : null,
        };
        Issued leaf = Leaf("www.example.com", Intermediate);

        if (throws)
        {
            Should.Throw<TlsException>(() => PeerCertificateValidator.Validate(Sent(leaf), options, true, "bad.example.com"))
                .Alert.ShouldBe(TlsAlertDescription.BadCertificate);
        }
        else
        {
            PeerCertificateValidator.Validate(Sent(leaf), options, true, "bad.example.com").Result.ShouldBe(X509VerifyError.HostnameMismatch);
        }

        depths.ShouldBe(callbackAccepts ? [0, 2, 1, 0] : []);
    }
}
