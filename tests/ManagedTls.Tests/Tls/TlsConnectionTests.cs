using ManagedTls.Tests.Tls.Handshake;
using ManagedTls.Tests.Tls.KeySchedule;
using ManagedTls.Tls;
using ManagedTls.Tls.Handshake;
using ManagedTls.Tls.Messages;
using ManagedTls.Tls.Messages.Extensions;
using ManagedTls.Tls.Record;
using ManagedTls.Tls.Suites;
using static ManagedTls.Tests.Tls.Handshake.Rfc8448ReplayTests;

namespace ManagedTls.Tests.Tls;

/// <summary>
/// Protocol violations fed to a connection: out-of-order messages, misplaced ChangeCipherSpec, version negotiation and
/// downgrade protection. Each failure must carry the right alert, be queued for the peer and be sticky.
/// </summary>
public class TlsConnectionTests
{
    private static readonly byte[] s_certificate = FlightMessage(TlsHandshakeType.Certificate);
    private static readonly byte[] s_encryptedExtensions = FlightMessage(TlsHandshakeType.EncryptedExtensions);
    private static readonly byte[] s_certificateVerify = FlightMessage(TlsHandshakeType.CertificateVerify);
    private static readonly byte[] s_finished = FlightMessage(TlsHandshakeType.Finished);

    public static TheoryData<string, string> OutOfOrderServerFlights() => new()
    {
        { "Certificate before EncryptedExtensions", Convert.ToHexString([.. s_certificate, .. s_encryptedExtensions]) },
        { "Finished right after EncryptedExtensions", Convert.ToHexString([.. s_encryptedExtensions, .. s_finished]) },
        { "CertificateVerify before Certificate", Convert.ToHexString([.. s_encryptedExtensions, .. s_certificateVerify]) },
        { "Finished before CertificateVerify", Convert.ToHexString([.. s_encryptedExtensions, .. s_certificate, .. s_finished]) },
        { "EncryptedExtensions twice", Convert.ToHexString([.. s_encryptedExtensions, .. s_encryptedExtensions]) },
        { "ServerHello again", Rfc8448.ServerHello },
        { "KeyUpdate during the handshake", "1800000100" },
    };

    [Theory]
    [MemberData(nameof(OutOfOrderServerFlights))]
    public void Client_OutOfOrderServerMessages_FailWithUnexpectedMessage(string what, string handshakeBytes)
    {
        TlsConnection client = Rfc8448ClientAfterServerHello();
        client.ReadTls(ServerHandshakeRecord(Convert.FromHexString(handshakeBytes)));
        TlsException failure = Should.Throw<TlsException>(client.ProcessNewPackets, what);
        failure.Alert.ShouldBe(TlsAlertDescription.UnexpectedMessage, what);
        client.PendingTlsBytes.ShouldBeGreaterThan(0);
        Should.Throw<TlsException>(client.ProcessNewPackets).ShouldBeSameAs(failure);
    }

    [Theory]
    [InlineData(TlsHandshakeType.EncryptedExtensions)]
    [InlineData(TlsHandshakeType.Certificate)]
    [InlineData(TlsHandshakeType.Finished)]
    [InlineData(TlsHandshakeType.ClientHello)]
    public void Client_FirstMessageNotServerHello_FailsWithUnexpectedMessage(TlsHandshakeType type)
    {
        TlsConnection client = TlsConnection.CreateClient(TlsTestKit.Client());
        Drain(client);
        byte[] message = type == TlsHandshakeType.ClientHello ? Rfc8448.Bytes(Rfc8448.ClientHello) : FlightMessage(type);
        client.ReadTls(Rfc8448ReplayTests.Record(22, 0x0303, message));
        Should.Throw<TlsException>(client.ProcessNewPackets).Alert.ShouldBe(TlsAlertDescription.UnexpectedMessage);
    }

    [Theory]
    [InlineData("ServerHello")]
    [InlineData("Finished")]
    [InlineData("ApplicationData")]
    [InlineData("ChangeCipherSpec")]
    public void Server_FirstRecordNotClientHello_FailsWithUnexpectedMessage(string what)
    {
        TlsConnection server = TlsConnection.CreateServer(TlsTestKit.Server());
        byte[] record = what switch
        {
            "ServerHello" => Rfc8448ReplayTests.Record(22, 0x0303, Rfc8448.Bytes(Rfc8448.ServerHello)),
            "Finished" => Rfc8448ReplayTests.Record(22, 0x0303, Rfc8448.Bytes(Rfc8448.ClientFinished)),
            "ApplicationData" => Rfc8448ReplayTests.Record(23, 0x0303, [1, 2, 3]),
            _ => Rfc8448ReplayTests.Record(20, 0x0303, [1]),
        };
        server.ReadTls(record);
        Should.Throw<TlsException>(server.ProcessNewPackets).Alert.ShouldBe(TlsAlertDescription.UnexpectedMessage);
        server.StateString.ShouldBe("error");
    }

    [Fact]
    public void Client_OneCompatibilityCcsAccepted_SecondRejected()
    {
        TlsConnection client = Rfc8448ClientAfterServerHello();
        Feed(client, Rfc8448ReplayTests.Record(20, 0x0303, [1]));
        client.Failure.ShouldBeNull();
        client.ReadTls(Rfc8448ReplayTests.Record(20, 0x0303, [1]));
        Should.Throw<TlsException>(client.ProcessNewPackets).Alert.ShouldBe(TlsAlertDescription.UnexpectedMessage);
    }

    [Fact]
    public void Client_CcsBeforeServerHello_OrWithWrongValue_IsUnexpectedMessage()
    {
        TlsConnection early = TlsConnection.CreateClient(TlsTestKit.Client());
        early.ReadTls(Rfc8448ReplayTests.Record(20, 0x0303, [1]));
        Should.Throw<TlsException>(early.ProcessNewPackets).Alert.ShouldBe(TlsAlertDescription.UnexpectedMessage);

        TlsConnection wrong = Rfc8448ClientAfterServerHello();
        wrong.ReadTls(Rfc8448ReplayTests.Record(20, 0x0303, [2]));
        Should.Throw<TlsException>(wrong.ProcessNewPackets).Alert.ShouldBe(TlsAlertDescription.UnexpectedMessage);
    }

    [Fact]
    public void Client_CompatibilityCcsBetweenFragmentsOfOneMessage_IsUnexpectedMessage()
    {
        // RFC 8446 §5.1: nothing may come between the records that carry one handshake message, not even the
        // middlebox-compatibility ChangeCipherSpec that is otherwise accepted once here.
        TlsConnection client = Rfc8448ClientAfterServerHello();
        Feed(client, ServerHandshakeRecord(s_encryptedExtensions[..3]));
        client.Failure.ShouldBeNull();
        client.ReadTls(Rfc8448ReplayTests.Record(20, 0x0303, [1]));
        Should.Throw<TlsException>(client.ProcessNewPackets).Alert.ShouldBe(TlsAlertDescription.UnexpectedMessage);
    }

    [Fact]
    public void Client_CcsAfterHandshake_IsUnexpectedMessage()
    {
        (TlsConnection client, _) = TlsTestKit.Handshake(TlsTestKit.Client(), TlsTestKit.Server());
        client.ReadTls(Rfc8448ReplayTests.Record(20, 0x0303, [1]));
        Should.Throw<TlsException>(client.ProcessNewPackets).Alert.ShouldBe(TlsAlertDescription.UnexpectedMessage);
    }

    [Fact]
    public void Client_ReceivesFatalAlert_FailsWithPeerAlertAndQueuesNothing()
    {
        TlsConnection client = TlsConnection.CreateClient(TlsTestKit.Client());
        Drain(client);
        client.ReadTls(Rfc8448ReplayTests.Record(21, 0x0303, [2, (byte)TlsAlertDescription.HandshakeFailure]));
        TlsException failure = Should.Throw<TlsException>(client.ProcessNewPackets);
        failure.Error.ShouldBe(TlsError.PeerAlert);
        failure.Alert.ShouldBe(TlsAlertDescription.HandshakeFailure);
        client.PendingTlsBytes.ShouldBe(0);
        client.Failure.ShouldBeSameAs(failure);
    }

    public static TheoryData<string, string, TlsAlertDescription> BadServerHellos() => new()
    {
        // name, ServerHello body hex (after legacy_version + random), expected alert
        { "TLS 1.2 hello with the TLS 1.3 downgrade sentinel", "0303" + Random("444f574e47524401") + "00" + "c02b" + "00" + "0005" + "ff01000100", TlsAlertDescription.IllegalParameter },
        { "TLS 1.2 hello with the TLS 1.1 downgrade sentinel", "0303" + Random("444f574e47524400") + "00" + "c02b" + "00" + "0005" + "ff01000100", TlsAlertDescription.IllegalParameter },
        { "TLS 1.1", "0302" + Random("0000000000000000") + "00" + "c02b" + "00", TlsAlertDescription.ProtocolVersion },
        { "supported_versions selects TLS 1.2", "0303" + Random("0000000000000000") + "00" + "1301" + "00" + "0006" + "002b00020303", TlsAlertDescription.IllegalParameter },
        { "supported_versions selects an unknown version", "0303" + Random("0000000000000000") + "00" + "1301" + "00" + "0006" + "002b00020305", TlsAlertDescription.IllegalParameter },
        { "TLS 1.3 suite not offered", "0303" + Random("0000000000000000") + "00" + "1304" + "00" + "0006" + "002b00020304", TlsAlertDescription.IllegalParameter },
        { "TLS 1.3 without key_share", "0303" + Random("0000000000000000") + "00" + "1301" + "00" + "0006" + "002b00020304", TlsAlertDescription.MissingExtension },
        { "TLS 1.3 with an unrequested extension", "0303" + Random("0000000000000000") + "00" + "1301" + "00" + "000a" + "002b00020304" + "00170000", TlsAlertDescription.UnsupportedExtension },
    };

    [Theory]
    [MemberData(nameof(BadServerHellos))]
    public void Client_BadServerHello_FailsWithTheRightAlert(string what, string body, TlsAlertDescription alert)
    {
        TlsConnection client = TlsConnection.CreateClient(TlsTestKit.Client(o => o.Flags = TlsOptionFlags.NoMiddleboxCompatibility));
        Drain(client);
        byte[] bodyBytes = Convert.FromHexString(body);
        client.ReadTls(Rfc8448ReplayTests.Record(22, 0x0303, [2, 0, (byte)(bodyBytes.Length >> 8), (byte)bodyBytes.Length, .. bodyBytes]));
        Should.Throw<TlsException>(client.ProcessNewPackets, what).Alert.ShouldBe(alert, what);
    }

    [Fact]
    public void Client_SessionIdNotEchoed_IsIllegalParameter()
    {
        TlsConnection client = TlsConnection.CreateClient(TlsTestKit.Client()); // compatibility mode: 32-byte session id
        Drain(client);
        client.ReadTls(Rfc8448ReplayTests.Record(22, 0x0303, Rfc8448.Bytes(Rfc8448.ServerHello))); // echoes an empty session id
        Should.Throw<TlsException>(client.ProcessNewPackets).Alert.ShouldBe(TlsAlertDescription.IllegalParameter);
    }

    [Theory]
    [InlineData(new ushort[] { 0x1a1a, 0x0305, 0x0304 }, TlsProtocolVersion.Tls13)]
    [InlineData(new ushort[] { 0x7f1c, 0x0304, 0xfafa }, TlsProtocolVersion.Tls13)]
    public void Server_SupportedVersionsWithGreaseAndFutureValues_NegotiatesTls13(ushort[] versions, TlsProtocolVersion expected)
    {
        (TlsConnection client, TlsConnection server) = TlsTestKit.Handshake(
            TlsTestKit.Client(o => o.ClientHelloExtensionsHook = list => ReplaceVersions(list, versions)),
            TlsTestKit.Server());
        server.NegotiatedVersion.ShouldBe(expected);
        client.IsHandshakeComplete.ShouldBeTrue();
    }

    [Fact]
    public void Server_OnlyUnknownVersions_FailsWithProtocolVersion()
    {
        TlsConnection client = TlsConnection.CreateClient(TlsTestKit.Client(o => o.ClientHelloExtensionsHook = list => ReplaceVersions(list, [0x0305, 0x0a0a])));
        TlsConnection server = TlsConnection.CreateServer(TlsTestKit.Server());
        Should.Throw<TlsException>(() => TlsTestKit.Pump(client, server)).Alert.ShouldBe(TlsAlertDescription.ProtocolVersion);
        server.Failure.ShouldNotBeNull().Error.ShouldBe(TlsError.NoCommonVersion);
    }

    [Fact]
    public void Server_FallbackScsvBelowItsBestVersion_IsInappropriateFallback()
    {
        TlsConnection client = TlsConnection.CreateClient(TlsTestKit.Client(o =>
        {
            o.MaxVersion = TlsProtocolVersion.Tls12;
            o.CipherSuites = [TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, TlsCipherSuite.TLS_FALLBACK_SCSV];
        }));
        TlsConnection server = TlsConnection.CreateServer(TlsTestKit.Server());
        Should.Throw<TlsException>(() => TlsTestKit.Pump(client, server)).Alert.ShouldBe(TlsAlertDescription.InappropriateFallback);
    }

    [Fact]
    public void Client_MinAboveMax_IsAConfigurationError()
    {
        Should.Throw<TlsException>(() => TlsConnection.CreateClient(TlsTestKit.Client(o => { o.MinVersion = TlsProtocolVersion.Tls13; o.MaxVersion = TlsProtocolVersion.Tls12; })))
            .Error.ShouldBe(TlsError.Configuration);
    }

    [Fact]
    public void Client_ApplicationDataBeforeHandshake_IsUnexpectedMessage()
    {
        TlsConnection client = Rfc8448ClientAfterServerHello();
        RecordLayer writer = ServerHandshakeWriter();
        writer.Write(TlsContentType.ApplicationData, [1, 2, 3]);
        client.ReadTls(DrainLayer(writer));
        Should.Throw<TlsException>(client.ProcessNewPackets).Alert.ShouldBe(TlsAlertDescription.UnexpectedMessage);
    }

    private static List<TlsExtension> ReplaceVersions(List<TlsExtension> list, ushort[] versions)
    {
        int index = list.FindIndex(e => e.Type == TlsExtensionType.SupportedVersions);
        list[index] = new TlsExtension(TlsExtensionType.SupportedVersions, SupportedVersionsExtension.EncodeClient(versions));
        return list;
    }

    private static string Random(string tail) => new string('1', 48) + tail;

    private static byte[] FlightMessage(TlsHandshakeType type)
    {
        byte[] flight = Rfc8448.Bytes(Rfc8448.ServerFlight);
        int offset = 0;
        while (offset < flight.Length)
        {
            int length = 4 + ((flight[offset + 1] << 16) | (flight[offset + 2] << 8) | flight[offset + 3]);
            if ((TlsHandshakeType)flight[offset] == type)
            {
                return flight.AsSpan(offset, length).ToArray();
            }

            offset += length;
        }

        throw new InvalidOperationException($"{type} is not in the RFC 8448 server flight");
    }

    private static TlsConnection Rfc8448ClientAfterServerHello()
    {
        TlsConnection client = TlsConnection.CreateClient(Rfc8448ClientOptions());
        Drain(client);
        Feed(client, Rfc8448ReplayTests.Record(22, 0x0303, Rfc8448.Bytes(Rfc8448.ServerHello)));
        return client;
    }

    private static RecordLayer ServerHandshakeWriter()
    {
        var layer = new RecordLayer();
        layer.IsTls13 = true;
        layer.SetWriteProtection(RecordProtection.CreateTls13(
            ManagedTls.Crypto.CryptoProviders.Default,
            TlsCipherSuites.Get(TlsCipherSuite.TLS_AES_128_GCM_SHA256),
            Rfc8448.Bytes(Rfc8448.ServerHandshakeKey),
            Rfc8448.Bytes(Rfc8448.ServerHandshakeIv)));
        return layer;
    }

    private static byte[] ServerHandshakeRecord(byte[] handshake)
    {
        using RecordLayer layer = ServerHandshakeWriter();
        layer.Write(TlsContentType.Handshake, handshake);
        return DrainLayer(layer);
    }

    private static byte[] DrainLayer(RecordLayer layer)
    {
        byte[] bytes = new byte[layer.PendingOutput];
        layer.Drain(bytes);
        return bytes;
    }
}

/// <summary>Version negotiation between our own ends across the TLS 1.2 / 1.3 hand-off.</summary>
public class TlsConnectionVersionTests
{
    [Theory]
    [InlineData(TlsProtocolVersion.Tls12, TlsProtocolVersion.Tls13, TlsProtocolVersion.Tls12, TlsProtocolVersion.Tls13, TlsProtocolVersion.Tls13)]
    [InlineData(TlsProtocolVersion.Tls12, TlsProtocolVersion.Tls13, TlsProtocolVersion.Tls12, TlsProtocolVersion.Tls12, TlsProtocolVersion.Tls12)]
    [InlineData(TlsProtocolVersion.Tls12, TlsProtocolVersion.Tls12, TlsProtocolVersion.Tls12, TlsProtocolVersion.Tls13, TlsProtocolVersion.Tls12)]
    [InlineData(TlsProtocolVersion.Tls13, TlsProtocolVersion.Tls13, TlsProtocolVersion.Tls12, TlsProtocolVersion.Tls13, TlsProtocolVersion.Tls13)]
    public void Handshake_VersionRanges_NegotiateTheHighestCommon(TlsProtocolVersion clientMin, TlsProtocolVersion clientMax, TlsProtocolVersion serverMin, TlsProtocolVersion serverMax, TlsProtocolVersion expected)
    {
        (TlsConnection client, TlsConnection server) = TlsTestKit.Handshake(
            TlsTestKit.Client(o => { o.MinVersion = clientMin; o.MaxVersion = clientMax; }),
            TlsTestKit.Server(configure: o => { o.MinVersion = serverMin; o.MaxVersion = serverMax; }));
        client.NegotiatedVersion.ShouldBe(expected);
        server.NegotiatedVersion.ShouldBe(expected);
        Tls13HandshakeTests.AssertDataFlows(client, server);
    }

    [Fact]
    public void Handshake_Tls13OnlyClient_Tls12OnlyServer_FailsWithProtocolVersion()
    {
        TlsConnection client = TlsConnection.CreateClient(TlsTestKit.Client(o => o.MinVersion = TlsProtocolVersion.Tls13));
        TlsConnection server = TlsConnection.CreateServer(TlsTestKit.Server(configure: o => o.MaxVersion = TlsProtocolVersion.Tls12));
        Should.Throw<TlsException>(() => TlsTestKit.Pump(client, server)).Alert.ShouldBe(TlsAlertDescription.ProtocolVersion);
    }
}
