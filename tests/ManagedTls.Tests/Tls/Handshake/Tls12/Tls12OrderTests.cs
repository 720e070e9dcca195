using ManagedTls.Tls;

namespace ManagedTls.Tests.Tls.Handshake.Tls12;

/// <summary>Out-of-order and misplaced TLS 1.2 messages end the handshake with unexpected_message, sticky.</summary>
public sealed class Tls12OrderTests
{
    private static TlsClientOptions Client12() => TlsTestKit.Client(o => o.MaxVersion = TlsProtocolVersion.Tls12);

    private static byte[] Drain(TlsConnection connection)
    {
        byte[] data = new byte[connection.PendingTlsBytes];
        connection.WriteTls(data).ShouldBe(data.Length);
        return data;
    }

    private static byte[] Record(byte type, params byte[] payload) =>
        [type, 3, 3, (byte)(payload.Length >> 8), (byte)payload.Length, .. payload];

    /// <summary>Splits an unprotected flight into its handshake messages (header included).</summary>
    private static List<byte[]> Messages(byte[] flight)
    {
        var joined = new List<byte>();
        for (int offset = 0; offset < flight.Length;)
        {
            int length = (flight[offset + 3] << 8) | flight[offset + 4];
            flight[offset].ShouldBe((byte)22);
            joined.AddRange(flight.AsSpan(offset + 5, length).ToArray());
            offset += 5 + length;
        }

        byte[] all = [.. joined];
        var messages = new List<byte[]>();
        for (int offset = 0; offset < all.Length;)
        {
            int length = (all[offset + 1] << 16) | (all[offset + 2] << 8) | all[offset + 3];
            messages.Add(all[offset..(offset + 4 + length)]);
            offset += 4 + length;
        }

        return messages;
    }

    [Theory]
    [InlineData("finished")]
    [InlineData("ccs")]
    [InlineData("certificate-verify")]
    [InlineData("certificate-unrequested")]
    [InlineData("application-data")]
    [InlineData("client-hello-again")]
    public void Server_WrongSecondFlight_UnexpectedMessage(string what)
    {
        TlsConnection client = TlsConnection.CreateClient(Client12());
        TlsConnection server = TlsConnection.CreateServer(TlsTestKit.Server());
        byte[] clientHello = Drain(client);
        server.ReadTls(clientHello);
        server.ProcessNewPackets();
        Drain(server).Length.ShouldBeGreaterThan(0);
        byte[] injected = what switch
        {
            "finished" => Record(22, [20, 0, 0, 12, .. new byte[12]]),
            "ccs" => Record(20, 1),
            "certificate-verify" => Record(22, 15, 0, 0, 4, 4, 3, 0, 0),
            "certificate-unrequested" => Record(22, 11, 0, 0, 3, 0, 0, 0),
            "application-data" => Record(23, 1, 2, 3),
            _ => clientHello,
        };

        server.ReadTls(injected);
        TlsException e = Should.Throw<TlsException>(() => server.ProcessNewPackets());

        e.Alert.ShouldBe(TlsAlertDescription.UnexpectedMessage);
        Should.Throw<TlsException>(() => server.ProcessNewPackets()).ShouldBeSameAs(e); // sticky
        Drain(server).ShouldBe(new byte[] { 21, 3, 3, 0, 2, 2, 10 }); // the fatal alert, unprotected
    }

    // Server flight: 0 ServerHello, 1 Certificate, 2 ServerKeyExchange, 3 ServerHelloDone.
    [Theory]
    [InlineData(new[] { 0, 2 })] // no Certificate
    [InlineData(new[] { 0, 1, 3 })] // no ServerKeyExchange
    [InlineData(new[] { 0, 1, 2, 2 })] // ServerKeyExchange twice
    [InlineData(new[] { 0, 1, 1 })] // Certificate twice
    [InlineData(new[] { 0, 3 })] // ServerHelloDone right after ServerHello
    [InlineData(new[] { 0, 1, 2, 3, 3 })] // ServerHelloDone again where ChangeCipherSpec is due
    public void Client_ServerFlightOutOfOrder_UnexpectedMessage(int[] order)
    {
        TlsConnection client = TlsConnection.CreateClient(Client12());
        TlsConnection server = TlsConnection.CreateServer(TlsTestKit.Server());
        server.ReadTls(Drain(client));
        server.ProcessNewPackets();
        List<byte[]> flight = Messages(Drain(server));
        flight.Count.ShouldBe(4);

        TlsException? failure = null;
        foreach (int index in order)
        {
            client.ReadTls(Record(22, flight[index]));
            try
            {
                client.ProcessNewPackets();
            }
            catch (TlsException e)
            {
                failure = e;
                break;
            }
        }

        failure.ShouldNotBeNull().Alert.ShouldBe(TlsAlertDescription.UnexpectedMessage);
        client.Failure.ShouldBeSameAs(failure);
    }

    [Fact]
    public void Client_FinishedBeforeChangeCipherSpec_UnexpectedMessage()
    {
        TlsConnection client = TlsConnection.CreateClient(Client12());
        TlsConnection server = TlsConnection.CreateServer(TlsTestKit.Server());
        server.ReadTls(Drain(client));
        server.ProcessNewPackets();
        client.ReadTls(Drain(server));
        client.ProcessNewPackets();
        client.ReadTls(Record(22, [20, 0, 0, 12, .. new byte[12]]));

        Should.Throw<TlsException>(() => client.ProcessNewPackets()).Alert.ShouldBe(TlsAlertDescription.UnexpectedMessage);
    }

    [Fact]
    public void Client_TamperedServerKeyExchangeSignature_DecryptError()
    {
        TlsConnection client = TlsConnection.CreateClient(Client12());
        TlsConnection server = TlsConnection.CreateServer(TlsTestKit.Server());
        server.ReadTls(Drain(client));
        server.ProcessNewPackets();
        List<byte[]> flight = Messages(Drain(server));
        flight[2][^5] ^= 0x40; // inside the signature

        TlsException? failure = null;
        foreach (byte[] message in flight)
        {
            client.ReadTls(Record(22, message));
            try
            {
                client.ProcessNewPackets();
            }
            catch (TlsException e)
            {
                failure = e;
                break;
            }
        }

        failure.ShouldNotBeNull().Alert.ShouldBe(TlsAlertDescription.DecryptError);
    }
}
