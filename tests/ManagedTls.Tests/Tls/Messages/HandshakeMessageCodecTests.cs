using ManagedTls.Tests.Tls.KeySchedule;
using ManagedTls.Tls;
using ManagedTls.Tls.Handshake;
using ManagedTls.Tls.Messages;
using ManagedTls.Tls.Wire;

namespace ManagedTls.Tests.Tls.Messages;

/// <summary>Round trips and every-proper-prefix rejection for each handshake message, on RFC 8448's real messages.</summary>
public class HandshakeMessageCodecTests
{
    public static TheoryData<string, string> Messages()
    {
        var data = new TheoryData<string, string>
        {
            { "ClientHello", Rfc8448.ClientHello },
            { "ServerHello", Rfc8448.ServerHello },
            { "HrrClientHello1", Rfc8448.HrrClientHello1 },
            { "HelloRetryRequest", Rfc8448.HrrHelloRetryRequest },
            { "HrrClientHello2", Rfc8448.HrrClientHello2 },
            { "HrrServerHello", Rfc8448.HrrServerHello },
            { "ClientFinished", Rfc8448.ClientFinished },
            { "NewSessionTicket", Rfc8448.NewSessionTicket },
            { "KeyUpdate", "1800000101" },
            { "CertificateRequest", "0d00000b" + "00" + "0008" + "000d00040002" + "0403" },
            { "EmptyClientCertificate", "0b000004" + "00" + "000000" },
        };
        byte[] flight = Rfc8448.Bytes(Rfc8448.ServerFlight);
        int offset = 0;
        while (offset < flight.Length)
        {
            int length = 4 + ((flight[offset + 1] << 16) | (flight[offset + 2] << 8) | flight[offset + 3]);
            byte[] message = flight.AsSpan(offset, length).ToArray();
            data.Add(((TlsHandshakeType)message[0]).ToString(), Convert.ToHexString(message));
            offset += length;
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void Decode_ThenEncode_RoundTripsByteExact(string name, string hex)
    {
        byte[] message = Convert.FromHexString(hex);
        object decoded = Decode(message);
        if (decoded is IHandshakeBody body)
        {
            Convert.ToHexString(HandshakeContext.Encode(body)).ShouldBe(hex.ToUpperInvariant(), name);
        }
        else
        {
            decoded.ShouldBeOfType<NewSessionTicket13>().Ticket.ShouldNotBeEmpty();
        }
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void Decode_EveryProperPrefix_FailsWithDecodeError(string name, string hex)
    {
        byte[] message = Convert.FromHexString(hex);
        for (int cut = 4; cut < message.Length; cut++)
        {
            byte[] prefix = message.AsSpan(0, cut).ToArray();
            object? decoded = null;
            TlsException? failure = null;
            try
            {
                decoded = Decode(prefix);
            }
            catch (TlsException e)
            {
                failure = e;
            }

            if (failure is null)
            {
                // RFC 5246 §7.4.1.2: a hello may omit the whole extensions block, so the one cut right before it
                // decodes as a complete extension-less hello. Nothing else may decode.
                IReadOnlyList<TlsExtension> extensions = decoded switch
                {
                    ClientHello c => c.Extensions,
                    ServerHello s => s.Extensions,
                    _ => throw new ShouldAssertException($"{name}: the {cut}-byte prefix decoded as {decoded}"),
                };
                extensions.ShouldBeEmpty($"{name}: the {cut}-byte prefix decoded");
                continue;
            }

            failure.Alert.ShouldBe(TlsAlertDescription.DecodeError, $"{name}: {cut}-byte prefix: {failure.Message}");
        }
    }

    [Fact]
    public void ClientHello_DuplicateExtension_IsIllegalParameter()
    {
        using var writer = new TlsWriter();
        writer.WriteUInt16(0x0303);
        writer.WriteBytes(new byte[32]);
        writer.WriteVector8([]);
        writer.WriteVector16([0x13, 0x01]);
        writer.WriteVector8([0]);
        using (writer.PushVector16())
        {
            writer.WriteUInt16((ushort)TlsExtensionType.ExtendedMasterSecret);
            writer.WriteVector16([]);
            writer.WriteUInt16((ushort)TlsExtensionType.ExtendedMasterSecret);
            writer.WriteVector16([]);
        }

        Should.Throw<TlsException>(() => ClientHello.Decode(writer.WrittenSpan)).Alert.ShouldBe(TlsAlertDescription.IllegalParameter);
    }

    [Fact]
    public void ClientHello_PreSharedKeyNotLast_IsIllegalParameter()
    {
        TlsExtension[] extensions =
        [
            new TlsExtension(TlsExtensionType.PreSharedKey, new byte[] { 0, 0, 0, 0 }),
            new TlsExtension(TlsExtensionType.ExtendedMasterSecret, Array.Empty<byte>()),
        ];
        using var writer = new TlsWriter();
        writer.WriteUInt16(0x0303);
        writer.WriteBytes(new byte[32]);
        writer.WriteVector8([]);
        writer.WriteVector16([0x13, 0x01]);
        writer.WriteVector8([0]);
        TlsExtension.EncodeBlock(writer, extensions);
        Should.Throw<TlsException>(() => ClientHello.Decode(writer.WrittenSpan)).Alert.ShouldBe(TlsAlertDescription.IllegalParameter);
    }

    [Fact]
    public void ClientHello_UnknownExtensionsAndGreaseValues_AreKeptAndIgnored()
    {
        var hello = new ClientHello(TlsProtocolVersion.Tls12, new byte[32], [], [TlsCipherSuite.TLS_AES_128_GCM_SHA256], [0],
        [
            new TlsExtension((TlsExtensionType)0x0a0a, new byte[] { 1, 2, 3 }),
            new TlsExtension(TlsExtensionType.SupportedVersions, new byte[] { 6, 0x1a, 0x1a, 0x03, 0x05, 0x03, 0x04 }),
        ]);
        ClientHello decoded = ClientHello.Decode(HandshakeContext.Encode(hello).AsSpan(4));
        decoded.Extensions.Count.ShouldBe(2);
        decoded.SupportedVersions.ShouldBe(new ushort[] { 0x1a1a, 0x0305, 0x0304 });
    }

    [Theory]
    [InlineData("02", TlsAlertDescription.IllegalParameter)]
    [InlineData("0000", TlsAlertDescription.DecodeError)]
    [InlineData("", TlsAlertDescription.DecodeError)]
    public void KeyUpdate_BadValueOrLength_IsRejected(string body, TlsAlertDescription alert) =>
        Should.Throw<TlsException>(() => KeyUpdate.Decode(Convert.FromHexString(body))).Alert.ShouldBe(alert);

    private static object Decode(byte[] message)
    {
        ReadOnlySpan<byte> body = message.AsSpan(4); // the body is what the prefix test truncates
        return (TlsHandshakeType)message[0] switch
        {
            TlsHandshakeType.ClientHello => ClientHello.Decode(body),
            TlsHandshakeType.ServerHello => ServerHello.Decode(body),
            TlsHandshakeType.EncryptedExtensions => EncryptedExtensions.Decode(body),
            TlsHandshakeType.Certificate => CertificateMessage.Decode(body, isTls13: true),
            TlsHandshakeType.CertificateRequest => CertificateRequest13.Decode(body),
            TlsHandshakeType.CertificateVerify => CertificateVerify.Decode(body),
            TlsHandshakeType.Finished => Finished.Decode(body, 32),
            TlsHandshakeType.NewSessionTicket => NewSessionTicket13.Decode(body),
            TlsHandshakeType.KeyUpdate => KeyUpdate.Decode(body),
            _ => throw new InvalidOperationException("unknown message"),
        };
    }
}
