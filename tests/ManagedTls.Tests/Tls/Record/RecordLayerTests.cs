using ManagedTls.Crypto;
using ManagedTls.Tls;
using ManagedTls.Tls.KeySchedule;
using ManagedTls.Tls.Record;
using ManagedTls.Tests.Tls.KeySchedule;
using static ManagedTls.Tests.Tls.KeySchedule.Rfc8448;

namespace ManagedTls.Tests.Tls.Record;

/// <summary>The record layer's framing, limits and protection rules (RFC 8446 §5, RFC 5246 §6.2).</summary>
public class RecordLayerTests
{
    private static readonly ICryptoProvider s_provider = CryptoProviders.Default;

    public enum Mode
    {
        Tls13Aes128,
        Tls13Aes256,
        Tls13ChaCha,
        Tls12Aes128,
        Tls12Aes256,
        Tls12ChaCha,
        Tls12Aes128CbcSha1,
        Tls12Aes256CbcSha384EncryptThenMac,
    }

    public static TheoryData<Mode> AllModes() =>
        [Mode.Tls13Aes128, Mode.Tls13Aes256, Mode.Tls13ChaCha, Mode.Tls12Aes128, Mode.Tls12Aes256, Mode.Tls12ChaCha, Mode.Tls12Aes128CbcSha1, Mode.Tls12Aes256CbcSha384EncryptThenMac];

    internal static RecordProtection Create(Mode mode, byte seed = 1)
    {
        if (mode is Mode.Tls12Aes128CbcSha1 or Mode.Tls12Aes256CbcSha384EncryptThenMac)
        {
            bool etm = mode == Mode.Tls12Aes256CbcSha384EncryptThenMac;
            byte[] encKey = new byte[etm ? 32 : 16];
            byte[] macKey = new byte[etm ? 48 : 20];
            encKey[0] = seed;
            macKey[^1] = seed;
            return RecordProtection.CreateTls12Cbc(
                s_provider, etm ? BlockCipherAlgorithmId.Aes256 : BlockCipherAlgorithmId.Aes128, etm ? HashAlgorithmId.Sha384 : HashAlgorithmId.Sha1, encKey, macKey, etm);
        }

        (AeadAlgorithmId aead, bool tls13) = mode switch
        {
            Mode.Tls13Aes128 => (AeadAlgorithmId.Aes128Gcm, true),
            Mode.Tls13Aes256 => (AeadAlgorithmId.Aes256Gcm, true),
            Mode.Tls13ChaCha => (AeadAlgorithmId.ChaCha20Poly1305, true),
            Mode.Tls12Aes128 => (AeadAlgorithmId.Aes128Gcm, false),
            Mode.Tls12Aes256 => (AeadAlgorithmId.Aes256Gcm, false),
            _ => (AeadAlgorithmId.ChaCha20Poly1305, false),
        };
        byte[] key = new byte[AeadAlgorithms.KeySize(aead)];
        for (int i = 0; i < key.Length; i++)
        {
            key[i] = (byte)(seed + i);
        }

        byte[] iv = new byte[tls13 || aead == AeadAlgorithmId.ChaCha20Poly1305 ? 12 : 4];
        iv[0] = seed;
        return tls13
            ? RecordProtection.CreateTls13(s_provider, aead, key, iv)
            : RecordProtection.CreateTls12Aead(s_provider, aead, key, iv);
    }

    internal static (RecordLayer Writer, RecordLayer Reader) Pair(Mode mode, RecordLayerOptions? options = null)
    {
        var writer = new RecordLayer(options);
        var reader = new RecordLayer(options);
        writer.SetWriteProtection(Create(mode));
        reader.SetReadProtection(Create(mode));
        return (writer, reader);
    }

    internal static byte[] DrainAll(RecordLayer layer)
    {
        byte[] bytes = new byte[layer.PendingOutput];
        layer.Drain(bytes).ShouldBe(bytes.Length);
        layer.PendingOutput.ShouldBe(0);
        return bytes;
    }

    internal static List<(TlsContentType Type, byte[] Content)> ReadAll(RecordLayer reader, byte[] wire, Func<int>? chunk = null)
    {
        var records = new List<(TlsContentType, byte[])>();
        int offset = 0;
        while (true)
        {
            while (reader.TryReadRecord(out TlsContentType type, out ReadOnlyMemory<byte> payload))
            {
                records.Add((type, payload.ToArray()));
            }

            if (offset == wire.Length)
            {
                return records;
            }

            int size = Math.Min(chunk?.Invoke() ?? wire.Length, wire.Length - offset);
            offset += reader.Feed(wire.AsSpan(offset, size));
        }
    }

    private static byte[] Pattern(int length, int salt = 0)
    {
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++)
        {
            data[i] = (byte)(i * 31 + salt);
        }

        return data;
    }

    private static TlsException Fails(RecordLayer reader, byte[] wire)
    {
        return Should.Throw<TlsException>(() => ReadAll(reader, wire));
    }

    [Theory]
    [MemberData(nameof(AllModes))]
    public void Records_round_trip_and_large_writes_fragment_at_2_14(Mode mode)
    {
        (RecordLayer writer, RecordLayer reader) = Pair(mode);
        using (writer)
        using (reader)
        {
            int[] sizes = [1, 100, 16384, 16385, 40000];
            foreach (int size in sizes)
            {
                writer.Write(TlsContentType.ApplicationData, Pattern(size, size));
            }

            writer.Write(TlsContentType.Handshake, Pattern(5));
            writer.Write(TlsContentType.Alert, [1, 0]);
            writer.WriteSequence.ShouldBe(10UL); // 1 + 1 + 1 + 2 + 3 + 1 + 1

            List<(TlsContentType Type, byte[] Content)> records = ReadAll(reader, DrainAll(writer));
            records.Count.ShouldBe(10);
            reader.ReadSequence.ShouldBe(10UL);
            records.ShouldAllBe(r => r.Content.Length <= RecordLayer.MaxPlaintextLength);
            byte[] appData = records.Where(r => r.Type == TlsContentType.ApplicationData).SelectMany(r => r.Content).ToArray();
            appData.ShouldBe(sizes.SelectMany(s => Pattern(s, s)).ToArray());
            records[^2].Type.ShouldBe(TlsContentType.Handshake);
            records[^2].Content.ShouldBe(Pattern(5));
            records[^1].Type.ShouldBe(TlsContentType.Alert);
            records[^1].Content.ShouldBe(new byte[] { 1, 0 });
        }
    }

    [Theory]
    [MemberData(nameof(AllModes))]
    public void One_byte_and_random_feeding_yield_the_same_records(Mode mode)
    {
        (RecordLayer writer, RecordLayer _) = Pair(mode);
        using (writer)
        {
            for (int i = 0; i < 20; i++)
            {
                writer.Write(i % 3 == 0 ? TlsContentType.Handshake : TlsContentType.ApplicationData, Pattern(1 + (i * 977 % 3000), i));
            }

            byte[] wire = DrainAll(writer);
            var random = new System.Random(6);
            foreach (Func<int> chunk in new Func<int>[] { () => 1, () => random.Next(1, 700), () => random.Next(1, 40000) })
            {
                using var reader = new RecordLayer();
                reader.SetReadProtection(Create(mode));
                List<(TlsContentType Type, byte[] Content)> records = ReadAll(reader, wire, chunk);
                records.Count.ShouldBe(20);
                for (int i = 0; i < 20; i++)
                {
                    records[i].Content.ShouldBe(Pattern(1 + (i * 977 % 3000), i));
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(AllModes))]
    public void Every_proper_prefix_of_a_record_yields_nothing_and_no_error(Mode mode)
    {
        (RecordLayer writer, RecordLayer _) = Pair(mode);
        using (writer)
        {
            writer.Write(TlsContentType.Handshake, Pattern(40));
            byte[] wire = DrainAll(writer);
            for (int cut = 0; cut < wire.Length; cut++)
            {
                using var reader = new RecordLayer();
                reader.SetReadProtection(Create(mode));
                reader.Feed(wire.AsSpan(0, cut));
                reader.TryReadRecord(out _, out _).ShouldBeFalse();
                reader.HasPartialRecord.ShouldBe(cut > 0);
                reader.Feed(wire.AsSpan(cut));
                reader.TryReadRecord(out TlsContentType type, out ReadOnlyMemory<byte> payload).ShouldBeTrue();
                type.ShouldBe(TlsContentType.Handshake);
                payload.ToArray().ShouldBe(Pattern(40));
            }
        }
    }

    [Theory]
    [MemberData(nameof(AllModes))]
    public void A_record_cut_short_with_a_matching_length_is_bad_record_mac(Mode mode)
    {
        (RecordLayer writer, RecordLayer _) = Pair(mode);
        using (writer)
        {
            writer.Write(TlsContentType.ApplicationData, Pattern(30));
            byte[] wire = DrainAll(writer);
            for (int body = 0; body < wire.Length - 5; body++)
            {
                byte[] cut = wire[..(5 + body)];
                cut[3] = (byte)(body >> 8);
                cut[4] = (byte)body;
                using var reader = new RecordLayer();
                reader.SetReadProtection(Create(mode));
                Fails(reader, cut).Alert.ShouldBe(TlsAlertDescription.BadRecordMac);
            }
        }
    }

    [Theory]
    [MemberData(nameof(AllModes))]
    public void Any_flipped_bit_after_the_header_is_bad_record_mac(Mode mode)
    {
        (RecordLayer writer, RecordLayer _) = Pair(mode);
        using (writer)
        {
            writer.Write(TlsContentType.ApplicationData, Pattern(24));
            byte[] wire = DrainAll(writer);
            for (int position = 5; position < wire.Length; position++)
            {
                foreach (byte bit in new byte[] { 0x01, 0x80 })
                {
                    byte[] flipped = (byte[])wire.Clone();
                    flipped[position] ^= bit;
                    using var reader = new RecordLayer();
                    reader.SetReadProtection(Create(mode));
                    TlsException ex = Fails(reader, flipped);
                    ex.Alert.ShouldBe(TlsAlertDescription.BadRecordMac, $"byte {position}");
                    ex.Error.ShouldBe(TlsError.BadRecordMac);
                }
            }
        }
    }

    [Theory]
    [InlineData(Mode.Tls13Aes128)]
    [InlineData(Mode.Tls12Aes128)]
    [InlineData(Mode.Tls12ChaCha)]
    [InlineData(Mode.Tls12Aes128CbcSha1)]
    [InlineData(Mode.Tls12Aes256CbcSha384EncryptThenMac)]
    public void The_header_is_authenticated(Mode mode)
    {
        (RecordLayer writer, RecordLayer _) = Pair(mode);
        using (writer)
        {
            writer.Write(TlsContentType.ApplicationData, Pattern(24));
            byte[] wire = DrainAll(writer);
            byte[] otherVersion = (byte[])wire.Clone();
            otherVersion[2] = 0x01;
            using var reader = new RecordLayer();
            reader.SetReadProtection(Create(mode));
            Fails(reader, otherVersion).Alert.ShouldBe(TlsAlertDescription.BadRecordMac);

            byte[] otherType = (byte[])wire.Clone();
            otherType[0] = (byte)TlsContentType.Handshake;
            using var reader2 = new RecordLayer();
            reader2.SetReadProtection(Create(mode));
            // TLS 1.3: the outer type of a protected record must be application_data; TLS 1.2: the type is in the AAD.
            Fails(reader2, otherType).Alert.ShouldBe(mode == Mode.Tls13Aes128 ? TlsAlertDescription.UnexpectedMessage : TlsAlertDescription.BadRecordMac);
        }
    }

    [Fact]
    public void A_record_under_the_wrong_key_is_bad_record_mac()
    {
        using var writer = new RecordLayer();
        writer.SetWriteProtection(Create(Mode.Tls13Aes128, seed: 1));
        writer.Write(TlsContentType.ApplicationData, Pattern(10));
        using var reader = new RecordLayer();
        reader.SetReadProtection(Create(Mode.Tls13Aes128, seed: 2));
        Fails(reader, DrainAll(writer)).Alert.ShouldBe(TlsAlertDescription.BadRecordMac);
    }

    [Theory]
    [InlineData(null, 16385, "2^14")]
    [InlineData(Mode.Tls13Aes128, 16384 + 257, "2^14 + 256")]
    [InlineData(Mode.Tls12Aes128, 16384 + 2049, "2^14 + 2048")]
    public void An_oversized_record_is_record_overflow_as_soon_as_its_header_arrives(Mode? mode, int length, string limit)
    {
        using var reader = new RecordLayer();
        if (mode is { } m)
        {
            reader.SetReadProtection(Create(m));
        }

        byte[] header = [23, 3, 3, (byte)(length >> 8), (byte)length];
        reader.Feed(header);
        var ex = Should.Throw<TlsException>(() => reader.TryReadRecord(out _, out _));
        ex.Alert.ShouldBe(TlsAlertDescription.RecordOverflow);
        ex.Error.ShouldBe(TlsError.RecordOverflow);
        ex.Message.ShouldContain(limit);
    }

    [Theory]
    [InlineData(null, 16384)]
    [InlineData(Mode.Tls13Aes128, 16384 + 256)]
    [InlineData(Mode.Tls12Aes128, 16384 + 2048)]
    public void A_record_at_the_limit_is_not_overflow(Mode? mode, int length)
    {
        using var reader = new RecordLayer();
        if (mode is { } m)
        {
            reader.SetReadProtection(Create(m));
        }

        byte[] record = new byte[5 + length];
        record[0] = 23;
        record[1] = 3;
        record[2] = 3;
        record[3] = (byte)(length >> 8);
        record[4] = (byte)length;
        reader.Feed(record);
        if (mode is null)
        {
            reader.TryReadRecord(out TlsContentType type, out ReadOnlyMemory<byte> payload).ShouldBeTrue();
            payload.Length.ShouldBe(length);
        }
        else
        {
            Should.Throw<TlsException>(() => reader.TryReadRecord(out _, out _)).Alert.ShouldBe(TlsAlertDescription.BadRecordMac);
        }
    }

    [Fact]
    public void A_tls13_inner_plaintext_past_2_14_plus_1_is_record_overflow()
    {
        using RecordProtection sealer = Create(Mode.Tls13Aes128);
        byte[] record = new byte[5 + 16385 + sealer.MaxExpansion];
        int length = sealer.Seal(0, TlsContentType.ApplicationData, TlsProtocolVersion.Tls12, record, 16385);
        using var reader = new RecordLayer();
        reader.SetReadProtection(Create(Mode.Tls13Aes128));
        Fails(reader, record[..length]).Alert.ShouldBe(TlsAlertDescription.RecordOverflow);
    }

    [Fact]
    public void A_tls12_decrypted_fragment_past_2_14_is_record_overflow()
    {
        using RecordProtection sealer = Create(Mode.Tls12Aes128);
        byte[] record = new byte[5 + 16385 + sealer.MaxExpansion];
        int length = sealer.Seal(0, TlsContentType.ApplicationData, TlsProtocolVersion.Tls12, record, 16385);
        using var reader = new RecordLayer();
        reader.SetReadProtection(Create(Mode.Tls12Aes128));
        Fails(reader, record[..length]).Alert.ShouldBe(TlsAlertDescription.RecordOverflow);
    }

    [Theory]
    [InlineData("1803030001aa")]
    [InlineData("0003030001aa")]
    [InlineData("4745542f20")] // "GET /": an HTTP client on a TLS port
    [InlineData("ff03030001aa")]
    public void An_unknown_content_type_is_unexpected_message(string hex)
    {
        using var reader = new RecordLayer();
        TlsException ex = Fails(reader, Convert.FromHexString(hex));
        ex.Alert.ShouldBe(TlsAlertDescription.UnexpectedMessage);
        ex.Error.ShouldBe(TlsError.UnexpectedRecord);
    }

    [Theory]
    [InlineData("1603030000", TlsAlertDescription.UnexpectedMessage)] // zero-length handshake (RFC 8446 §5.1)
    [InlineData("1503030000", TlsAlertDescription.UnexpectedMessage)] // zero-length alert
    [InlineData("1403030000", TlsAlertDescription.UnexpectedMessage)] // zero-length change_cipher_spec
    [InlineData("150303000102", TlsAlertDescription.DecodeError)] // half an alert
    [InlineData("15030300030200ff", TlsAlertDescription.DecodeError)] // an alert and a byte
    [InlineData("1503030004020a0100", TlsAlertDescription.DecodeError)] // two coalesced alerts
    [InlineData("140303000102", TlsAlertDescription.DecodeError)] // TLS 1.2 change_cipher_spec of value 2
    [InlineData("14030300020101", TlsAlertDescription.DecodeError)]
    public void Empty_and_malformed_control_records_are_refused(string hex, TlsAlertDescription alert)
    {
        using var reader = new RecordLayer();
        Fails(reader, Convert.FromHexString(hex)).Alert.ShouldBe(alert);
    }

    [Theory]
    [InlineData("140303000102")]
    [InlineData("14030300020101")]
    [InlineData("1403030000")]
    public void A_tls13_change_cipher_spec_other_than_0x01_is_unexpected_message(string hex)
    {
        using var reader = new RecordLayer { IsTls13 = true };
        Fails(reader, Convert.FromHexString(hex)).Alert.ShouldBe(TlsAlertDescription.UnexpectedMessage);
    }

    [Fact]
    public void Zero_length_application_data_is_allowed_but_a_flood_of_it_is_not()
    {
        using var reader = new RecordLayer(new RecordLayerOptions { MaxConsecutiveEmptyRecords = 3 });
        byte[] empty = Convert.FromHexString("1703030000");
        List<(TlsContentType Type, byte[] Content)> records = ReadAll(reader, [.. empty, .. empty, .. empty, .. Convert.FromHexString("170303000161"), .. empty]);
        records.Count.ShouldBe(5);
        records[0].Content.ShouldBeEmpty();
        Fails(reader, [.. empty, .. empty, .. empty, .. empty]).Alert.ShouldBe(TlsAlertDescription.UnexpectedMessage);
    }

    [Theory]
    [MemberData(nameof(AllModes))]
    public void Protected_zero_length_application_data_round_trips(Mode mode)
    {
        (RecordLayer writer, RecordLayer reader) = Pair(mode);
        using (writer)
        using (reader)
        {
            using RecordProtection sealer = Create(mode);
            byte[] record = new byte[5 + sealer.MaxExpansion];
            int length = sealer.Seal(0, TlsContentType.ApplicationData, TlsProtocolVersion.Tls12, record, 0);
            List<(TlsContentType Type, byte[] Content)> records = ReadAll(reader, record[..length]);
            records.ShouldHaveSingleItem().Type.ShouldBe(TlsContentType.ApplicationData);
            records[0].Content.ShouldBeEmpty();

            writer.Write(TlsContentType.ApplicationData, []);
            writer.PendingOutput.ShouldBe(0); // nothing to send for an empty write
        }
    }

    [Fact]
    public void Tls13_padding_is_removed_and_an_all_zero_inner_plaintext_is_unexpected_message()
    {
        using RecordProtection sealer = Create(Mode.Tls13ChaCha);
        // content "abc", real type handshake, 20 bytes of padding; Seal appends the final zero.
        byte[] inner = [(byte)'a', (byte)'b', (byte)'c', 22, .. new byte[20]];
        byte[] record = new byte[5 + inner.Length + sealer.MaxExpansion];
        inner.CopyTo(record, 5);
        int length = sealer.Seal(0, TlsContentType.Invalid, TlsProtocolVersion.Tls12, record, inner.Length);

        byte[] zeros = new byte[5 + 30 + sealer.MaxExpansion];
        int zerosLength = sealer.Seal(1, TlsContentType.Invalid, TlsProtocolVersion.Tls12, zeros, 30);

        using var reader = new RecordLayer();
        reader.SetReadProtection(Create(Mode.Tls13ChaCha));
        reader.Feed(record.AsSpan(0, length));
        reader.TryReadRecord(out TlsContentType type, out ReadOnlyMemory<byte> payload).ShouldBeTrue();
        type.ShouldBe(TlsContentType.Handshake);
        payload.ToArray().ShouldBe("abc"u8.ToArray());

        TlsException ex = Fails(reader, zeros[..zerosLength]);
        ex.Alert.ShouldBe(TlsAlertDescription.UnexpectedMessage);
        ex.Message.ShouldContain("§5.4");
    }

    [Theory]
    [InlineData(TlsContentType.ChangeCipherSpec)]
    [InlineData(TlsContentType.Heartbeat)]
    [InlineData((TlsContentType)99)]
    public void A_tls13_protected_record_with_an_improper_inner_type_is_unexpected_message(TlsContentType inner)
    {
        using RecordProtection sealer = Create(Mode.Tls13Aes256);
        byte[] record = new byte[5 + 1 + sealer.MaxExpansion];
        record[5] = 1;
        int length = sealer.Seal(0, inner, TlsProtocolVersion.Tls12, record, 1);
        using var reader = new RecordLayer();
        reader.SetReadProtection(Create(Mode.Tls13Aes256));
        Fails(reader, record[..length]).Alert.ShouldBe(TlsAlertDescription.UnexpectedMessage);
    }

    [Fact]
    public void Tls13_passes_the_plaintext_middlebox_change_cipher_spec_and_an_early_plaintext_alert()
    {
        using var writer = new RecordLayer();
        writer.SetWriteProtection(Create(Mode.Tls13Aes128));
        writer.Write(TlsContentType.Handshake, Pattern(8));
        byte[] protectedRecord = DrainAll(writer);

        using var reader = new RecordLayer { IsTls13 = true };
        reader.SetReadProtection(Create(Mode.Tls13Aes128));
        byte[] ccs = Convert.FromHexString("140303000101");
        byte[] alert = Convert.FromHexString("15030300020228");
        List<(TlsContentType Type, byte[] Content)> records = ReadAll(reader, [.. ccs, .. alert, .. protectedRecord, .. ccs]);
        records.Select(r => r.Type).ShouldBe([TlsContentType.ChangeCipherSpec, TlsContentType.Alert, TlsContentType.Handshake, TlsContentType.ChangeCipherSpec]);
        reader.ReadSequence.ShouldBe(1UL);

        // Once a protected record arrived, a plaintext alert (or handshake) is not acceptable.
        Fails(reader, alert).Alert.ShouldBe(TlsAlertDescription.UnexpectedMessage);
    }

    [Fact]
    public void Tls13_plaintext_handshake_after_keys_is_unexpected_message()
    {
        using var reader = new RecordLayer { IsTls13 = true };
        reader.SetReadProtection(Create(Mode.Tls13Aes128));
        Fails(reader, Convert.FromHexString("16030300040e000000")).Alert.ShouldBe(TlsAlertDescription.UnexpectedMessage);
    }

    [Theory]
    [InlineData("1602030001aa", null, false)] // major version 2
    [InlineData("1600000001aa", null, false)]
    [InlineData("1603010001aa", TlsProtocolVersion.Tls12, false)] // 0x0301 after TLS 1.2 was negotiated
    [InlineData("1603010001aa", null, true)] // first records may carry 0x0301
    [InlineData("1603040001aa", null, true)]
    [InlineData("1603010001aa", TlsProtocolVersion.Tls12, true, true)] // TLS 1.3 ignores legacy_record_version
    public void Legacy_record_version_is_checked(string hex, TlsProtocolVersion? expected, bool accepted, bool tls13 = false)
    {
        using var reader = new RecordLayer { ExpectedReadVersion = expected, IsTls13 = tls13 };
        reader.Feed(Convert.FromHexString(hex));
        if (accepted)
        {
            reader.TryReadRecord(out TlsContentType type, out _).ShouldBeTrue();
            type.ShouldBe(TlsContentType.Handshake);
        }
        else
        {
            var ex = Should.Throw<TlsException>(() => reader.TryReadRecord(out _, out _));
            ex.Alert.ShouldBe(TlsAlertDescription.ProtocolVersion);
        }
    }

    [Fact]
    public void Unprotected_records_carry_the_legacy_write_version()
    {
        using var writer = new RecordLayer { LegacyWriteVersion = TlsProtocolVersion.Tls10 };
        writer.Write(TlsContentType.Handshake, [1, 0, 0, 0]);
        writer.LegacyWriteVersion = TlsProtocolVersion.Tls12;
        writer.Write(TlsContentType.Alert, [2, 40]);
        Convert.ToHexStringLower(DrainAll(writer)).ShouldBe("160301000401000000" + "15030300020228");
    }

    [Fact]
    public void Key_changes_reset_sequence_numbers_in_both_directions()
    {
        using var writer = new RecordLayer();
        using var reader = new RecordLayer();
        writer.SetWriteProtection(Create(Mode.Tls13Aes128, seed: 1));
        reader.SetReadProtection(Create(Mode.Tls13Aes128, seed: 1));
        for (int i = 0; i < 3; i++)
        {
            writer.Write(TlsContentType.ApplicationData, Pattern(10, i));
        }

        ReadAll(reader, DrainAll(writer)).Count.ShouldBe(3);
        writer.WriteSequence.ShouldBe(3UL);
        reader.ReadSequence.ShouldBe(3UL);

        // KeyUpdate: both sides move to the next key; sequence numbers restart at 0 (RFC 8446 §5.3).
        writer.SetWriteProtection(Create(Mode.Tls13Aes128, seed: 2));
        reader.SetReadProtection(Create(Mode.Tls13Aes128, seed: 2));
        writer.WriteSequence.ShouldBe(0UL);
        reader.ReadSequence.ShouldBe(0UL);
        writer.Write(TlsContentType.ApplicationData, Pattern(10, 9));
        ReadAll(reader, DrainAll(writer)).ShouldHaveSingleItem().Content.ShouldBe(Pattern(10, 9));
        reader.ReadSequence.ShouldBe(1UL);
    }

    [Fact]
    public void Sequence_numbers_never_wrap()
    {
        (RecordLayer writer, RecordLayer reader) = Pair(Mode.Tls13Aes128);
        using (writer)
        using (reader)
        {
            writer.SetSequenceNumbersForTesting(0, ulong.MaxValue - 1);
            reader.SetSequenceNumbersForTesting(ulong.MaxValue - 1, 0);
            writer.Write(TlsContentType.ApplicationData, Pattern(3));
            ReadAll(reader, DrainAll(writer)).ShouldHaveSingleItem();
            writer.WriteSequence.ShouldBe(ulong.MaxValue);

            var ex = Should.Throw<TlsException>(() => writer.Write(TlsContentType.ApplicationData, Pattern(3)));
            ex.Error.ShouldBe(TlsError.LimitExceeded);
            ex.Message.ShouldContain("wrap");

            using var other = new RecordLayer();
            other.SetWriteProtection(Create(Mode.Tls13Aes128));
            other.SetSequenceNumbersForTesting(0, ulong.MaxValue - 1);
            other.Write(TlsContentType.ApplicationData, Pattern(3));
            Fails(reader, DrainAll(other)).Error.ShouldBe(TlsError.LimitExceeded);
        }
    }

    [Theory]
    [InlineData(Mode.Tls13Aes128)]
    [InlineData(Mode.Tls12ChaCha)]
    public void Key_usage_limits_turn_true_after_the_configured_number_of_records(Mode mode)
    {
        var options = new RecordLayerOptions { KeyUsageLimit = 5 };
        (RecordLayer writer, RecordLayer reader) = Pair(mode, options);
        using (writer)
        using (reader)
        {
            for (int i = 0; i < 5; i++)
            {
                writer.WriteKeyLimitReached.ShouldBeFalse();
                writer.Write(TlsContentType.ApplicationData, Pattern(4, i));
            }

            writer.WriteKeyLimitReached.ShouldBeTrue();
            byte[] wire = DrainAll(writer);
            reader.Feed(wire);
            for (int i = 0; i < 5; i++)
            {
                reader.ReadKeyLimitReached.ShouldBeFalse();
                reader.TryReadRecord(out _, out _).ShouldBeTrue();
            }

            reader.ReadKeyLimitReached.ShouldBeTrue();
            writer.SetWriteProtection(Create(mode, seed: 3));
            writer.WriteKeyLimitReached.ShouldBeFalse();
        }
    }

    [Fact]
    public void Default_key_usage_limit_is_the_aeads()
    {
        (RecordLayer writer, RecordLayer _) = Pair(Mode.Tls13Aes128);
        using (writer)
        {
            writer.SetSequenceNumbersForTesting(0, RecordProtection.AesGcmRecordLimit - 1);
            writer.WriteKeyLimitReached.ShouldBeFalse();
            writer.Write(TlsContentType.ApplicationData, [1]);
            writer.WriteKeyLimitReached.ShouldBeTrue();
        }

        using var chacha = new RecordLayer();
        chacha.SetWriteProtection(Create(Mode.Tls13ChaCha));
        chacha.SetSequenceNumbersForTesting(0, RecordProtection.AesGcmRecordLimit + 10);
        chacha.WriteKeyLimitReached.ShouldBeFalse();
    }

    [Fact]
    public void Feed_accepts_no_more_than_the_buffer_limit_and_more_after_records_are_taken()
    {
        var options = new RecordLayerOptions { MaxBufferedInput = RecordLayer.MaxRecordLength };
        using var writer = new RecordLayer();
        for (int i = 0; i < 4; i++)
        {
            writer.Write(TlsContentType.ApplicationData, Pattern(10000, i));
        }

        byte[] wire = DrainAll(writer);
        using var reader = new RecordLayer(options);
        int accepted = reader.Feed(wire);
        accepted.ShouldBe(RecordLayer.MaxRecordLength);
        reader.Feed(wire.AsSpan(accepted)).ShouldBe(0);
        List<(TlsContentType Type, byte[] Content)> records = ReadAll(reader, wire[accepted..]);
        records.Count.ShouldBe(4);
        records[3].Content.ShouldBe(Pattern(10000, 3));
    }

    [Fact]
    public void Drain_in_small_pieces_and_pending_output_span_give_the_same_bytes()
    {
        (RecordLayer writer, RecordLayer _) = Pair(Mode.Tls12Aes256);
        using (writer)
        {
            writer.Write(TlsContentType.ApplicationData, Pattern(1000));
            byte[] whole = writer.PendingOutputSpan.ToArray();
            var pieces = new List<byte>();
            byte[] small = new byte[7];
            int n;
            while ((n = writer.Drain(small)) > 0)
            {
                pieces.AddRange(small.AsSpan(0, n).ToArray());
            }

            pieces.ToArray().ShouldBe(whole);
            writer.PendingOutput.ShouldBe(0);
        }
    }

    [Fact]
    public void The_rfc8448_server_flight_and_client_finished_read_through_the_layer()
    {
        (byte[] key, byte[] iv) = Tls13Keys.TrafficKeys(s_provider, HashAlgorithmId.Sha256, AeadAlgorithmId.Aes128Gcm, Bytes(ServerHandshakeTrafficSecret));
        using var client = new RecordLayer { IsTls13 = true };
        client.SetReadProtection(RecordProtection.CreateTls13(s_provider, AeadAlgorithmId.Aes128Gcm, key, iv));
        List<(TlsContentType Type, byte[] Content)> records = ReadAll(client, Bytes(ServerFlightRecord), () => 1);
        records.ShouldHaveSingleItem().Type.ShouldBe(TlsContentType.Handshake);
        records[0].Content.ShouldBe(Bytes(ServerFlight));

        (byte[] ckey, byte[] civ) = Tls13Keys.TrafficKeys(s_provider, HashAlgorithmId.Sha256, AeadAlgorithmId.Aes128Gcm, Bytes(ClientHandshakeTrafficSecret));
        client.SetWriteProtection(RecordProtection.CreateTls13(s_provider, AeadAlgorithmId.Aes128Gcm, ckey, civ));
        client.Write(TlsContentType.Handshake, Bytes(Rfc8448.ClientFinished));
        Convert.ToHexStringLower(DrainAll(client)).ShouldBe(ClientFinishedRecord);
    }
}
