using ManagedTls.Tests.Tls.KeySchedule;
using ManagedTls.Tls;
using ManagedTls.Tls.Messages;
using ManagedTls.Tls.Messages.Extensions;

namespace ManagedTls.Tests.Tls.Handshake;

/// <summary>
/// RFC 8448 §3 "Simple 1-RTT Handshake" replayed through our client with the RFC's random and X25519 private key.
/// </summary>
/// <remarks>
/// The options give the RFC's cipher suite order, SNI, signature algorithm list and no compatibility mode; a test hook
/// adds the three extensions the RFC's client sends that we do not (renegotiation_info in a TLS 1.3-only hello,
/// session_ticket, record_size_limit), lists the ffdhe groups we cannot key-share in TLS 1.3, and puts the extensions
/// in the RFC's order. Everything else — the random, the key share derived from the injected private key, the
/// encodings — is ours, and the ClientHello must come out byte-exact. Then the RFC's server records go in and our
/// client's Finished, application data and close_notify records must equal the RFC's byte for byte.
/// </remarks>
public class Rfc8448ReplayTests
{
    private const string ClientRandom = "cb34ecb1e78163ba1c38c6dacb196a6dffa21a8d9912ec18a2ef6283024dece7";
    private const string ClientX25519PrivateKey = "49af42ba7f7994852d713ef2784bcbcaa7911de26adc5642cb634540e7ea5005";

    [Fact]
    public void Client_Rfc8448Section3_ClientHelloFinishedAndApplicationRecordsAreByteExact()
    {
        TlsConnection client = TlsConnection.CreateClient(Rfc8448ClientOptions());
        Drain(client).ShouldBe(Record(22, 0x0301, Rfc8448.Bytes(Rfc8448.ClientHello)));

        Feed(client, Record(22, 0x0303, Rfc8448.Bytes(Rfc8448.ServerHello)));
        client.IsHandshakeComplete.ShouldBeFalse();
        Drain(client).ShouldBeEmpty();
        Feed(client, Rfc8448.Bytes(Rfc8448.ServerFlightRecord));

        client.IsHandshakeComplete.ShouldBeTrue();
        client.NegotiatedCipherSuite.ShouldBe(TlsCipherSuite.TLS_AES_128_GCM_SHA256);
        client.PeerSignatureScheme.ShouldBe(TlsSignatureScheme.RsaPssRsaeSha256);
        client.PeerFinished.ShouldBe(Rfc8448.Bytes(Rfc8448.ServerFinishedVerifyData));
        client.LocalFinished.ShouldBe(Rfc8448.Bytes(Rfc8448.ClientFinishedVerifyData));
        client.MasterSecret.ShouldBe(Rfc8448.Bytes(Rfc8448.ResumptionMasterSecret));
        Drain(client).ShouldBe(Rfc8448.Bytes(Rfc8448.ClientFinishedRecord));

        Feed(client, Rfc8448.Bytes(Rfc8448.NewSessionTicketRecord)); // parsed and ignored
        client.Write(Rfc8448.ApplicationData());
        Drain(client).ShouldBe(Rfc8448.Bytes(Rfc8448.ClientApplicationDataRecord));
        Feed(client, Rfc8448.Bytes(Rfc8448.ServerApplicationDataRecord));
        TlsTestKit.ReadAll(client).ShouldBe(Rfc8448.ApplicationData());
        client.SendCloseNotify();
        Drain(client).ShouldBe(Rfc8448.Bytes(Rfc8448.ClientAlertRecord));
        Feed(client, Rfc8448.Bytes(Rfc8448.ServerAlertRecord));
        client.ReceivedCloseNotify.ShouldBeTrue();
        client.Failure.ShouldBeNull();
    }

    [Fact]
    public void Client_Rfc8448Section3_TamperedServerFinished_FailsWithBadRecordMacAndAlertIsQueued()
    {
        TlsConnection client = TlsConnection.CreateClient(Rfc8448ClientOptions());
        Drain(client);
        Feed(client, Record(22, 0x0303, Rfc8448.Bytes(Rfc8448.ServerHello)));
        byte[] flight = Rfc8448.Bytes(Rfc8448.ServerFlightRecord);
        flight[^1] ^= 1;
        client.ReadTls(flight);
        TlsException failure = Should.Throw<TlsException>(client.ProcessNewPackets);
        failure.Alert.ShouldBe(TlsAlertDescription.BadRecordMac);
        client.PendingTlsBytes.ShouldBeGreaterThan(0); // the fatal alert, under the client handshake key
        Should.Throw<TlsException>(client.ProcessNewPackets).ShouldBeSameAs(failure); // sticky
        Should.Throw<TlsException>(() => client.Write([1])).ShouldBeSameAs(failure);
        client.StateString.ShouldBe("error");
    }

    internal static TlsClientOptions Rfc8448ClientOptions()
    {
        var randomness = new Queue<byte[]>([Convert.FromHexString(ClientRandom), Convert.FromHexString(ClientX25519PrivateKey)]);
        return new TlsClientOptions
        {
            ServerName = "server",
            MinVersion = TlsProtocolVersion.Tls13,
            Tls13CipherSuites = [TlsCipherSuite.TLS_AES_128_GCM_SHA256, TlsCipherSuite.TLS_CHACHA20_POLY1305_SHA256, TlsCipherSuite.TLS_AES_256_GCM_SHA384],
            Groups = [TlsNamedGroup.X25519],
            SignatureSchemes = Schemes(0x0403, 0x0503, 0x0603, 0x0203, 0x0804, 0x0805, 0x0806, 0x0401, 0x0501, 0x0601, 0x0201, 0x0402, 0x0502, 0x0602, 0x0202),
            Flags = TlsOptionFlags.NoMiddleboxCompatibility,
            VerifyMode = TlsVerifyMode.None, // the RFC's 1024-bit self-signed "rsa" certificate expires 2026-07-30
            RandomSource = destination =>
            {
                byte[] next = randomness.Dequeue();
                next.Length.ShouldBe(destination.Length);
                next.CopyTo(destination);
            },
            ClientHelloExtensionsHook = ours =>
            {
                TlsExtension Ours(TlsExtensionType type) => ours.Single(e => e.Type == type);
                byte[] groups = UInt16ListExtension.Encode([0x001d, 0x0017, 0x0018, 0x0019, 0x0100, 0x0101, 0x0102, 0x0103, 0x0104]);
                return
                [
                    Ours(TlsExtensionType.ServerName),
                    new TlsExtension(TlsExtensionType.RenegotiationInfo, new byte[] { 0 }),
                    new TlsExtension(TlsExtensionType.SupportedGroups, groups),
                    new TlsExtension(TlsExtensionType.SessionTicket, Array.Empty<byte>()),
                    Ours(TlsExtensionType.KeyShare),
                    Ours(TlsExtensionType.SupportedVersions),
                    Ours(TlsExtensionType.SignatureAlgorithms),
                    Ours(TlsExtensionType.PskKeyExchangeModes),
                    new TlsExtension(TlsExtensionType.RecordSizeLimit, new byte[] { 0x40, 0x01 }),
                ];
            },
        };
    }

    private static List<TlsSignatureScheme> Schemes(params ushort[] codes) => codes.Select(c => (TlsSignatureScheme)c).ToList();

    internal static byte[] Record(byte type, ushort version, byte[] body) =>
        [type, (byte)(version >> 8), (byte)version, (byte)(body.Length >> 8), (byte)body.Length, .. body];

    internal static byte[] Drain(TlsConnection connection)
    {
        byte[] buffer = new byte[connection.PendingTlsBytes];
        connection.WriteTls(buffer).ShouldBe(buffer.Length);
        return buffer;
    }

    internal static void Feed(TlsConnection connection, byte[] data)
    {
        connection.ReadTls(data).ShouldBe(data.Length);
        connection.ProcessNewPackets();
    }
}
