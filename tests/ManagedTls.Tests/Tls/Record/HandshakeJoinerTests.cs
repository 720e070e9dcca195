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

/// <summary>Random input never escapes as anything but a <see cref="TlsException"/>.</summary>
public class RecordLayerGarbageTests
{
    [Theory]
    [InlineData(null, 1)]
    [InlineData(null, 2)]
    [InlineData(RecordLayerTests.Mode.Tls13Aes128, 3)]
    [InlineData(RecordLayerTests.Mode.Tls12Aes256, 4)]
    [InlineData(RecordLayerTests.Mode.Tls12Aes128CbcSha1, 5)]
    [InlineData(RecordLayerTests.Mode.Tls12Aes256CbcSha384EncryptThenMac, 6)]
    public void Random_records_are_read_or_refused_with_a_tls_exception(RecordLayerTests.Mode? mode, int seed)
    {
        var random = new System.Random(seed);
        int refused = 0;
        for (int round = 0; round < 300; round++)
        {
            using var layer = new RecordLayer { IsTls13 = round % 2 == 0 };
            using var joiner = new HandshakeJoiner(1000);
            if (mode is { } m)
            {
                layer.SetReadProtection(RecordLayerTests.Create(m));
            }

            // Plausible headers (types 20..23, version 3.x, small lengths) followed by random bodies.
            byte[] wire = new byte[random.Next(1, 600)];
            random.NextBytes(wire);
            for (int i = 0; i + 5 <= wire.Length; i += 5 + (wire[i + 4] | (wire[i + 3] << 8)))
            {
                wire[i] = (byte)random.Next(20, 24);
                wire[i + 1] = 3;
                wire[i + 3] = 0;
                wire[i + 4] = (byte)random.Next(0, 60);
            }

            try
            {
                layer.Feed(wire);
                while (layer.TryReadRecord(out TlsContentType type, out ReadOnlyMemory<byte> payload))
                {
                    if (type == TlsContentType.Handshake)
                    {
                        joiner.Add(payload.Span);
                        while (joiner.TryNext(out _, out _))
                        {
                        }
                    }
                }
            }
            catch (TlsException)
            {
                refused++;
            }
        }

        refused.ShouldBeGreaterThan(0);
    }
}
