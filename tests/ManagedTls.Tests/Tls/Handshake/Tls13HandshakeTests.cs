using System.Text;
using ManagedTls.Tls;
using ManagedTls.X509.Verification;

namespace ManagedTls.Tests.Tls.Handshake;

public class Tls13HandshakeTests
{
    public static TheoryData<TlsNamedGroup, TlsCipherSuite, string, TlsSignatureScheme> Matrix()
    {
        var data = new TheoryData<TlsNamedGroup, TlsCipherSuite, string, TlsSignatureScheme>();
        TlsNamedGroup[] groups = [TlsNamedGroup.X25519, TlsNamedGroup.Secp256r1, TlsNamedGroup.Secp384r1, TlsNamedGroup.Secp521r1, TlsNamedGroup.X448];
        TlsCipherSuite[] suites = [TlsCipherSuite.TLS_AES_128_GCM_SHA256, TlsCipherSuite.TLS_AES_256_GCM_SHA384, TlsCipherSuite.TLS_CHACHA20_POLY1305_SHA256];
        (string, TlsSignatureScheme)[] identities =
        [
            ("ecdsa-p256", TlsSignatureScheme.EcdsaSecp256r1Sha256),
            ("ecdsa-p384", TlsSignatureScheme.EcdsaSecp384r1Sha384),
            ("ecdsa-p521", TlsSignatureScheme.EcdsaSecp521r1Sha512),
            ("rsa2048", TlsSignatureScheme.RsaPssRsaeSha256),
            ("rsapss2048", TlsSignatureScheme.RsaPssPssSha256),
            ("ed25519", TlsSignatureScheme.Ed25519),
            ("ed448", TlsSignatureScheme.Ed448),
        ];
        foreach (TlsNamedGroup group in groups)
        {
            foreach (TlsCipherSuite suite in suites)
            {
                foreach ((string identity, TlsSignatureScheme scheme) in identities)
                {
                    data.Add(group, suite, identity, scheme);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Handshake_GroupSuiteScheme_CompletesAndExchangesData(TlsNamedGroup group, TlsCipherSuite suite, string identity, TlsSignatureScheme scheme)
    {
        (TlsConnection client, TlsConnection server) = TlsTestKit.Handshake(
            TlsTestKit.Client(o => { o.Groups = [group]; o.Tls13CipherSuites = [suite]; }),
            TlsTestKit.Server(identity));
        client.NegotiatedVersion.ShouldBe(TlsProtocolVersion.Tls13);
        client.NegotiatedCipherSuite.ShouldBe(suite);
        server.NegotiatedGroup.ShouldBe(group);
        client.PeerSignatureScheme.ShouldBe(scheme);
        client.PeerVerifyResult.ShouldBe(X509VerifyError.Ok);
        client.HelloRetryRequested.ShouldBeFalse();
        AssertDataFlows(client, server);
    }

    [Fact]
    public void Handshake_DefaultOptions_ReportsNegotiatedProperties()
    {
        (TlsConnection client, TlsConnection server) = TlsTestKit.Handshake(TlsTestKit.Client(), TlsTestKit.Server());
        client.NegotiatedCipherSuite.ShouldBe(TlsCipherSuite.TLS_AES_256_GCM_SHA384);
        client.NegotiatedGroup.ShouldBe(TlsNamedGroup.X25519);
        server.ServerName.ShouldBe("localhost");
        client.ServerName.ShouldBe("localhost");
        client.LocalFinished.ShouldBe(server.PeerFinished);
        server.LocalFinished.ShouldBe(client.PeerFinished);
        client.MasterSecret.ShouldBe(server.MasterSecret);
        client.ClientRandom.ShouldBe(server.ClientRandom);
        client.ServerRandom.ShouldBe(server.ServerRandom);
        client.SessionId.ShouldNotBeNull().Length.ShouldBe(32);
        client.PeerCertificates.Count.ShouldBe(1);
        client.VerifiedChain.ShouldNotBeNull().Count.ShouldBe(2);
        server.LocalCertificate.ShouldNotBeNull();
        client.StateString.ShouldBe("SSL negotiation finished successfully");
        server.PeerCertificates.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(0)] // random chunking
    public void Handshake_ByteFragmentedTransport_Completes(int chunk)
    {
        var random = new System.Random(chunk + 17);
        Func<int> next = chunk == 0 ? () => random.Next(1, 300) : () => chunk;
        (TlsConnection client, TlsConnection server) = TlsTestKit.Handshake(TlsTestKit.Client(), TlsTestKit.Server("rsa2048"), next);
        client.IsHandshakeComplete.ShouldBeTrue();
        server.IsHandshakeComplete.ShouldBeTrue();
        client.Write(new byte[40000]);
        TlsTestKit.Pump(client, server, next);
        TlsTestKit.ReadAll(server).Length.ShouldBe(40000);
    }

    [Fact]
    public void Handshake_ClientLacksServerPreferredShare_HelloRetryRequestThenCompletes()
    {
        (TlsConnection client, TlsConnection server) = TlsTestKit.Handshake(
            TlsTestKit.Client(o => o.Groups = [TlsNamedGroup.X25519, TlsNamedGroup.Secp384r1]),
            TlsTestKit.Server(configure: o => o.Groups = [TlsNamedGroup.Secp384r1, TlsNamedGroup.X25519]));
        client.HelloRetryRequested.ShouldBeTrue();
        server.HelloRetryRequested.ShouldBeTrue();
        client.NegotiatedGroup.ShouldBe(TlsNamedGroup.Secp384r1);
        AssertDataFlows(client, server);
    }

    [Fact]
    public void Handshake_ClientOrderServer_UsesClientShareWithoutRetry()
    {
        (TlsConnection client, TlsConnection server) = TlsTestKit.Handshake(
            TlsTestKit.Client(o => o.Groups = [TlsNamedGroup.X25519, TlsNamedGroup.Secp384r1]),
            TlsTestKit.Server(configure: o => { o.Groups = [TlsNamedGroup.Secp384r1, TlsNamedGroup.X25519]; o.PreferServerGroupOrder = false; }));
        client.HelloRetryRequested.ShouldBeFalse();
        client.NegotiatedGroup.ShouldBe(TlsNamedGroup.X25519);
    }

    [Fact]
    public void Handshake_NoShareForAnyServerGroup_RetriesEvenInClientOrder()
    {
        (TlsConnection client, _) = TlsTestKit.Handshake(
            TlsTestKit.Client(o => o.Groups = [TlsNamedGroup.X25519, TlsNamedGroup.Secp256r1]),
            TlsTestKit.Server(configure: o => { o.Groups = [TlsNamedGroup.Secp256r1]; o.PreferServerGroupOrder = false; }));
        client.HelloRetryRequested.ShouldBeTrue();
        client.NegotiatedGroup.ShouldBe(TlsNamedGroup.Secp256r1);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Handshake_ServerRequiresCookie_RetryEchoesCookie(bool compatibilityMode)
    {
        (TlsConnection client, TlsConnection server) = TlsTestKit.Handshake(
            TlsTestKit.Client(o => o.Flags = compatibilityMode ? TlsOptionFlags.None : TlsOptionFlags.NoMiddleboxCompatibility),
            TlsTestKit.Server(configure: o => o.RequireHelloRetryCookie = true));
        client.HelloRetryRequested.ShouldBeTrue();
        client.NegotiatedGroup.ShouldBe(TlsNamedGroup.X25519);
        AssertDataFlows(client, server);
    }

    [Fact]
    public void Handshake_NoCommonGroup_FailsWithHandshakeFailure()
    {
        TlsConnection client = TlsConnection.CreateClient(TlsTestKit.Client(o => o.Groups = [TlsNamedGroup.X25519]));
        TlsConnection server = TlsConnection.CreateServer(TlsTestKit.Server(configure: o => o.Groups = [TlsNamedGroup.Secp256r1]));
        Should.Throw<TlsException>(() => TlsTestKit.Pump(client, server)).Alert.ShouldBe(TlsAlertDescription.HandshakeFailure);
        server.Failure.ShouldNotBeNull().Error.ShouldBe(TlsError.NoCommonGroup);
        Should.Throw<TlsException>(() => TlsTestKit.Move(server, client, new byte[4096])).Error.ShouldBe(TlsError.PeerAlert);
        client.Failure.ShouldNotBeNull().Alert.ShouldBe(TlsAlertDescription.HandshakeFailure);
    }

    [Fact]
    public void Handshake_NoCommonSuite_FailsWithHandshakeFailure()
    {
        TlsConnection client = TlsConnection.CreateClient(TlsTestKit.Client(o => o.Tls13CipherSuites = [TlsCipherSuite.TLS_AES_128_GCM_SHA256]));
        TlsConnection server = TlsConnection.CreateServer(TlsTestKit.Server(configure: o => o.Tls13CipherSuites = [TlsCipherSuite.TLS_CHACHA20_POLY1305_SHA256]));
        Should.Throw<TlsException>(() => TlsTestKit.Pump(client, server)).Error.ShouldBe(TlsError.NoCommonCipherSuite);
    }

    [Fact]
    public void Handshake_UntrustedServer_ClientFailsWithUnknownCaAndServerSeesAlert()
    {
        TlsConnection client = TlsConnection.CreateClient(TlsTestKit.Client(o => o.TrustStore = new TrustStore()));
        TlsConnection server = TlsConnection.CreateServer(TlsTestKit.Server());
        TlsException failure = Should.Throw<TlsException>(() => TlsTestKit.Pump(client, server));
        failure.Error.ShouldBe(TlsError.CertificateVerifyFailed);
        client.PeerVerifyResult.ShouldNotBe(X509VerifyError.Ok);
        TlsException seen = Should.Throw<TlsException>(() => TlsTestKit.Move(client, server, new byte[4096]));
        seen.Error.ShouldBe(TlsError.PeerAlert);
        seen.Alert.ShouldBe(failure.Alert);
    }

    [Fact]
    public void Handshake_WrongHostName_FailsWhenVerifyingAndIsRecordedOtherwise()
    {
        TlsConnection client = TlsConnection.CreateClient(TlsTestKit.Client(o => o.ServerName = "other.example"));
        TlsConnection server = TlsConnection.CreateServer(TlsTestKit.Server());
        Should.Throw<TlsException>(() => TlsTestKit.Pump(client, server)).Error.ShouldBe(TlsError.CertificateVerifyFailed);
        client.PeerVerifyResult.ShouldBe(X509VerifyError.HostnameMismatch);

        (TlsConnection relaxed, _) = TlsTestKit.Handshake(TlsTestKit.Client(o => { o.ServerName = "other.example"; o.VerifyMode = TlsVerifyMode.None; }), TlsTestKit.Server());
        relaxed.IsHandshakeComplete.ShouldBeTrue();
        relaxed.PeerVerifyResult.ShouldBe(X509VerifyError.HostnameMismatch);
    }

    [Fact]
    public void Handshake_VerifyCallbackAcceptsUntrusted_Completes()
    {
        int calls = 0;
        (TlsConnection client, _) = TlsTestKit.Handshake(
            TlsTestKit.Client(o => { o.TrustStore = new TrustStore(); o.VerifyCallback = (ok, ctx) => { calls++; return true; }; }),
            TlsTestKit.Server());
        client.IsHandshakeComplete.ShouldBeTrue();
        calls.ShouldBeGreaterThan(0);
        client.PeerVerifyResult.ShouldNotBe(X509VerifyError.Ok);
    }

    [Theory]
    [InlineData("ecdsa-p384")]
    [InlineData("rsa2048")]
    [InlineData("ed25519")]
    public void Handshake_ClientCertificateRequested_ClientAuthenticates(string identity)
    {
        (TlsConnection client, TlsConnection server) = TlsTestKit.Handshake(
            TlsTestKit.Client(o => o.Certificate = TlsTestKit.Identity(identity)),
            TlsTestKit.Server(configure: o => o.VerifyMode = TlsVerifyMode.Peer | TlsVerifyMode.FailIfNoPeerCertificate));
        server.PeerCertificates.Count.ShouldBe(1);
        server.PeerVerifyResult.ShouldBe(X509VerifyError.Ok);
        server.PeerSignatureScheme.ShouldNotBeNull();
        client.LocalCertificate.ShouldNotBeNull();
        AssertDataFlows(client, server);
    }

    [Fact]
    public void Handshake_ClientWithoutCertificate_ServerRequiringOne_SendsCertificateRequired()
    {
        TlsConnection client = TlsConnection.CreateClient(TlsTestKit.Client());
        TlsConnection server = TlsConnection.CreateServer(TlsTestKit.Server(configure: o => o.VerifyMode = TlsVerifyMode.Peer | TlsVerifyMode.FailIfNoPeerCertificate));
        TlsException failure = Should.Throw<TlsException>(() => TlsTestKit.Pump(client, server));
        failure.Alert.ShouldBe(TlsAlertDescription.CertificateRequired);
        server.Failure.ShouldBeSameAs(failure);
        Should.Throw<TlsException>(() => TlsTestKit.Move(server, client, new byte[4096])).Alert.ShouldBe(TlsAlertDescription.CertificateRequired);
    }

    [Fact]
    public void Handshake_ClientWithoutCertificate_ServerMerelyRequesting_Completes()
    {
        (TlsConnection client, TlsConnection server) = TlsTestKit.Handshake(TlsTestKit.Client(), TlsTestKit.Server(configure: o => o.VerifyMode = TlsVerifyMode.Peer));
        server.IsHandshakeComplete.ShouldBeTrue();
        server.PeerCertificates.ShouldBeEmpty();
        AssertDataFlows(client, server);
    }

    [Fact]
    public void Handshake_Alpn_AgreesOnServerPreference()
    {
        (TlsConnection client, TlsConnection server) = TlsTestKit.Handshake(
            TlsTestKit.Client(o => o.ApplicationProtocols = ["http/1.1", "h2"]),
            TlsTestKit.Server(configure: o => o.ApplicationProtocols = ["h2", "http/1.1"]));
        client.NegotiatedApplicationProtocol.ShouldBe("h2");
        server.NegotiatedApplicationProtocol.ShouldBe("h2");
    }

    [Fact]
    public void Handshake_ServerNameCallback_SelectsIdentity()
    {
        string? seen = null;
        (TlsConnection client, _) = TlsTestKit.Handshake(
            TlsTestKit.Client(),
            TlsTestKit.Server("ecdsa-p256", o => o.ServerNameCallback = name => { seen = name; return TlsTestKit.Identity("ed25519"); }));
        seen.ShouldBe("localhost");
        client.PeerSignatureScheme.ShouldBe(TlsSignatureScheme.Ed25519);
    }

    [Fact]
    public void KeyUpdate_EitherSide_WithAndWithoutRequest_DataStillFlows()
    {
        (TlsConnection client, TlsConnection server) = TlsTestKit.Handshake(TlsTestKit.Client(), TlsTestKit.Server());
        client.SendKeyUpdate(requestPeerUpdate: false);
        AssertDataFlows(client, server);
        server.SendKeyUpdate(requestPeerUpdate: true);
        AssertDataFlows(client, server);
        client.SendKeyUpdate(requestPeerUpdate: true);
        client.SendKeyUpdate(requestPeerUpdate: false);
        AssertDataFlows(client, server);
    }

    [Fact]
    public void KeyUpdate_AfterRecordLimit_IsSentAutomatically()
    {
        (TlsConnection client, TlsConnection server) = TlsTestKit.Handshake(TlsTestKit.Client(o => o.KeyUpdateAfterRecords = 3), TlsTestKit.Server());
        for (int i = 0; i < 10; i++)
        {
            client.Write([(byte)i]);
            TlsTestKit.Pump(client, server);
        }

        TlsTestKit.ReadAll(server).ShouldBe(Enumerable.Range(0, 10).Select(i => (byte)i).ToArray());
        AssertDataFlows(client, server);
    }

    [Fact]
    public void Write_BeforeHandshakeCompletes_IsHeldAndDelivered()
    {
        TlsConnection client = TlsConnection.CreateClient(TlsTestKit.Client());
        TlsConnection server = TlsConnection.CreateServer(TlsTestKit.Server());
        client.Write(Encoding.ASCII.GetBytes("early"));
        TlsTestKit.Pump(client, server);
        Encoding.ASCII.GetString(TlsTestKit.ReadAll(server)).ShouldBe("early");
    }

    [Fact]
    public void CloseNotify_HalfClose_PeerCanStillWrite()
    {
        (TlsConnection client, TlsConnection server) = TlsTestKit.Handshake(TlsTestKit.Client(), TlsTestKit.Server());
        client.SendCloseNotify();
        client.SentCloseNotify.ShouldBeTrue();
        Should.Throw<TlsException>(() => client.Write([1])).Error.ShouldBe(TlsError.Closed);
        TlsTestKit.Pump(client, server);
        server.ReceivedCloseNotify.ShouldBeTrue();
        server.WantsRead.ShouldBeFalse();
        server.Write(Encoding.ASCII.GetBytes("bye"));
        server.SendCloseNotify();
        TlsTestKit.Pump(client, server);
        Encoding.ASCII.GetString(TlsTestKit.ReadAll(client)).ShouldBe("bye");
        client.ReceivedCloseNotify.ShouldBeTrue();
    }

    [Fact]
    public void ExportKeyingMaterial_BothEndsAgree_AndDependOnLabelAndContext()
    {
        (TlsConnection client, TlsConnection server) = TlsTestKit.Handshake(TlsTestKit.Client(), TlsTestKit.Server());
        byte[] a = client.ExportKeyingMaterial("EXPERIMENTAL test", [1, 2], true, 32);
        server.ExportKeyingMaterial("EXPERIMENTAL test", [1, 2], true, 32).ShouldBe(a);
        client.ExportKeyingMaterial("EXPERIMENTAL other", [1, 2], true, 32).ShouldNotBe(a);
        client.ExportKeyingMaterial("EXPERIMENTAL test", [1, 3], true, 32).ShouldNotBe(a);
        Should.Throw<InvalidOperationException>(() => TlsConnection.CreateClient(TlsTestKit.Client()).ExportKeyingMaterial("x", [], false, 8));
    }

    internal static void AssertDataFlows(TlsConnection client, TlsConnection server)
    {
        client.Write(Encoding.ASCII.GetBytes("ping"));
        TlsTestKit.Pump(client, server);
        Encoding.ASCII.GetString(TlsTestKit.ReadAll(server)).ShouldBe("ping");
        server.Write(Encoding.ASCII.GetBytes("pong"));
        TlsTestKit.Pump(client, server);
        Encoding.ASCII.GetString(TlsTestKit.ReadAll(client)).ShouldBe("pong");
    }
}
