using ManagedTls.Tls;
using ManagedTls.Tls.Record;
using ManagedTls.Tests.Tls.KeySchedule;

namespace ManagedTls.Tests.Tls.Record;

/// <summary>Handshake messages fragmented across records and coalesced within them (RFC 8446 §5.1).</summary>
public class HandshakeJoinerTests
{
    // The RFC 8448 §3 server flight: EncryptedExtensions, Certificate, CertificateVerify, Finished in one payload.
    private static readonly byte[] s_flight = Rfc8448.Bytes(Rfc8448.ServerFlight);
    private static readonly TlsHandshakeType[] s_types =
        [TlsHandshakeType.EncryptedExtensions, TlsHandshakeType.Certificate, TlsHandshakeType.CertificateVerify, TlsHandshakeType.Finished];
    private static readonly int[] s_lengths = [4 + 36, 4 + 441, 4 + 132, 4 + 32];

    private static List<(TlsHandshakeType Type, byte[] Message)> Drain(HandshakeJoiner joiner)
    {
        var messages = new List<(TlsHandshakeType, byte[])>();
        while (joiner.TryNext(out TlsHandshakeType type, out ReadOnlyMemory<byte> message))
        {
            messages.Add((type, message.ToArray()));
        }

        return messages;
    }

    private static void ShouldBeTheFlight(List<(TlsHandshakeType Type, byte[] Message)> messages)
    {
        messages.Select(m => m.Type).ShouldBe(s_types);
        messages.Select(m => m.Message.Length).ShouldBe(s_lengths);
        messages.SelectMany(m => m.Message).ToArray().ShouldBe(s_flight);
    }

    [Fact]
    public void Coalesced_messages_in_one_record_come_out_one_by_one_with_their_headers()
    {
        using var joiner = new HandshakeJoiner(65536);
        joiner.Add(s_flight);
        ShouldBeTheFlight(Drain(joiner));
        joiner.HasPartialMessage.ShouldBeFalse();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(100)]
    [InlineData(445)]
    public void Messages_fragmented_across_records_are_joined(int recordSize)
    {
        using var joiner = new HandshakeJoiner(65536);
        var messages = new List<(TlsHandshakeType Type, byte[] Message)>();
        for (int offset = 0; offset < s_flight.Length; offset += recordSize)
        {
            joiner.Add(s_flight.AsSpan(offset, Math.Min(recordSize, s_flight.Length - offset)));
            messages.AddRange(Drain(joiner));
        }

        ShouldBeTheFlight(messages);
        joiner.HasPartialMessage.ShouldBeFalse();
    }

    [Fact]
    public void Every_proper_prefix_of_a_message_is_partial_and_yields_nothing()
    {
        byte[] finished = s_flight[^36..];
        for (int cut = 1; cut < finished.Length; cut++)
        {
            using var joiner = new HandshakeJoiner(65536);
            joiner.Add(finished.AsSpan(0, cut));
            joiner.TryNext(out _, out _).ShouldBeFalse();
            joiner.HasPartialMessage.ShouldBeTrue();
            joiner.Add(finished.AsSpan(cut));
            joiner.TryNext(out TlsHandshakeType type, out ReadOnlyMemory<byte> message).ShouldBeTrue();
            type.ShouldBe(TlsHandshakeType.Finished);
            message.ToArray().ShouldBe(finished);
        }
    }

    [Fact]
    public void A_message_over_the_bound_is_refused_as_soon_as_its_header_arrives()
    {
        using var joiner = new HandshakeJoiner(440);
        joiner.Add(s_flight.AsSpan(0, 40)); // EncryptedExtensions fits
        joiner.TryNext(out _, out _).ShouldBeTrue();
        joiner.Add(s_flight.AsSpan(40, 3));
        var ex = Should.Throw<TlsException>(() => joiner.Add(s_flight.AsSpan(43, 1))); // Certificate: 441 > 440
        ex.Alert.ShouldBe(TlsAlertDescription.IllegalParameter);
        ex.Error.ShouldBe(TlsError.LimitExceeded);
        ex.Message.ShouldContain("MaxHandshakeMessageSize");
        ex.Message.ShouldContain("Certificate");
    }

    [Fact]
    public void A_message_at_the_bound_is_accepted()
    {
        using var joiner = new HandshakeJoiner(441);
        joiner.Add(s_flight);
        Drain(joiner).Count.ShouldBe(4);
    }

    [Fact]
    public void An_empty_body_message_is_complete_with_its_header()
    {
        using var joiner = new HandshakeJoiner(100);
        joiner.Add([(byte)TlsHandshakeType.ServerHelloDone, 0, 0, 0, (byte)TlsHandshakeType.HelloRequest, 0]);
        joiner.TryNext(out TlsHandshakeType type, out ReadOnlyMemory<byte> message).ShouldBeTrue();
        type.ShouldBe(TlsHandshakeType.ServerHelloDone);
        message.Length.ShouldBe(4);
        joiner.TryNext(out _, out _).ShouldBeFalse();
        joiner.HasPartialMessage.ShouldBeTrue();
        joiner.BufferedLength.ShouldBe(2);
    }

    [Fact]
    public void Large_messages_beyond_one_record_are_joined()
    {
        byte[] big = new byte[4 + 70000];
        big[0] = (byte)TlsHandshakeType.Certificate;
        big[1] = (byte)(70000 >> 16);
        big[2] = unchecked((byte)(70000 >> 8));
        big[3] = 70000 & 0xFF;
        for (int i = 4; i < big.Length; i++)
        {
            big[i] = (byte)i;
        }

        using var joiner = new HandshakeJoiner(131072);
        for (int offset = 0; offset < big.Length; offset += 16384)
        {
            joiner.TryNext(out _, out _).ShouldBeFalse();
            joiner.Add(big.AsSpan(offset, Math.Min(16384, big.Length - offset)));
        }

        joiner.TryNext(out _, out ReadOnlyMemory<byte> message).ShouldBeTrue();
        message.ToArray().ShouldBe(big);
    }
}
