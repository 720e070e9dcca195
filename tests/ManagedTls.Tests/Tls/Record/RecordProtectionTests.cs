using ManagedTls.Crypto;
using ManagedTls.Tls;
using ManagedTls.Tls.KeySchedule;
using ManagedTls.Tls.Record;
using ManagedTls.Tests.Tls.KeySchedule;
using static ManagedTls.Tests.Tls.KeySchedule.Rfc8448;

namespace ManagedTls.Tests.Tls.Record;

/// <summary>TLS 1.3 record protection against every protected record RFC 8448 §3 prints, sealed and opened.</summary>
public class RecordProtectionTests
{
    private static readonly ICryptoProvider s_provider = CryptoProviders.Default;

    public static TheoryData<string, string, ulong, TlsContentType, string, string> Rfc8448Records()
    {
        string appData = Convert.ToHexStringLower(Rfc8448.ApplicationData());
        return new()
        {
            // secret, name, sequence, inner type, content, complete record
            { ServerHandshakeTrafficSecret, "server flight", 0, TlsContentType.Handshake, ServerFlight, ServerFlightRecord },
            { ClientHandshakeTrafficSecret, "client Finished", 0, TlsContentType.Handshake, Rfc8448.ClientFinished, ClientFinishedRecord },
            { ServerApplicationTrafficSecret, "NewSessionTicket", 0, TlsContentType.Handshake, NewSessionTicket, NewSessionTicketRecord },
            { ServerApplicationTrafficSecret, "server data", 1, TlsContentType.ApplicationData, appData, ServerApplicationDataRecord },
            { ServerApplicationTrafficSecret, "server close_notify", 2, TlsContentType.Alert, "0100", ServerAlertRecord },
            { ClientApplicationTrafficSecret, "client data", 0, TlsContentType.ApplicationData, appData, ClientApplicationDataRecord },
            { ClientApplicationTrafficSecret, "client close_notify", 1, TlsContentType.Alert, "0100", ClientAlertRecord },
        };
    }

    private static RecordProtection Tls13For(string trafficSecret)
    {
        (byte[] key, byte[] iv) = Tls13Keys.TrafficKeys(s_provider, HashAlgorithmId.Sha256, AeadAlgorithmId.Aes128Gcm, Bytes(trafficSecret));
        return RecordProtection.CreateTls13(s_provider, AeadAlgorithmId.Aes128Gcm, key, iv);
    }

    [Theory]
    [MemberData(nameof(Rfc8448Records))]
    public void Sealing_reproduces_the_rfc8448_record(string secret, string name, ulong sequence, TlsContentType type, string content, string record)
    {
        using RecordProtection protection = Tls13For(secret);
        byte[] plain = Bytes(content);
        byte[] buffer = new byte[RecordProtection.HeaderLength + plain.Length + protection.MaxExpansion];
        plain.CopyTo(buffer, RecordProtection.HeaderLength);
        int length = protection.Seal(sequence, type, TlsProtocolVersion.Tls12, buffer, plain.Length);
        Convert.ToHexStringLower(buffer.AsSpan(0, length)).ShouldBe(record, name);
    }

    [Theory]
    [MemberData(nameof(Rfc8448Records))]
    public void Opening_the_rfc8448_record_gives_its_content_and_inner_type(string secret, string name, ulong sequence, TlsContentType type, string content, string record)
    {
        using RecordProtection protection = Tls13For(secret);
        byte[] wire = Bytes(record);
        bool ok = protection.TryOpen(sequence, wire.AsSpan(0, 5), wire.AsSpan(5), out TlsContentType actualType, out int offset, out int length, out int inner);
        ok.ShouldBeTrue(name);
        actualType.ShouldBe(type);
        Convert.ToHexStringLower(wire.AsSpan(5 + offset, length)).ShouldBe(content);
        inner.ShouldBe(length + 1);
    }

    [Theory]
    [MemberData(nameof(Rfc8448Records))]
    public void The_rfc8448_record_fails_under_another_sequence_number(string secret, string name, ulong sequence, TlsContentType type, string content, string record)
    {
        _ = type;
        _ = content;
        using RecordProtection protection = Tls13For(secret);
        byte[] wire = Bytes(record);
        protection.TryOpen(sequence + 1, wire.AsSpan(0, 5), wire.AsSpan(5), out _, out _, out _, out _).ShouldBeFalse(name);
    }

    [Fact]
    public void Tls12_gcm_carries_the_sequence_number_as_explicit_nonce_and_authenticates_seq_type_version_length()
    {
        byte[] key = Convert.FromHexString("000102030405060708090a0b0c0d0e0f");
        byte[] fixedIv = Convert.FromHexString("a0a1a2a3");
        using RecordProtection sealer = RecordProtection.CreateTls12Aead(s_provider, AeadAlgorithmId.Aes128Gcm, key, fixedIv);
        sealer.ExplicitNonceLength.ShouldBe(8);
        byte[] content = "hello, TLS 1.2"u8.ToArray();
        byte[] buffer = new byte[5 + content.Length + sealer.MaxExpansion];
        content.CopyTo(buffer, 5 + 8);
        const ulong seq = 0x0102030405060708;
        int length = sealer.Seal(seq, TlsContentType.ApplicationData, TlsProtocolVersion.Tls12, buffer, content.Length);
        length.ShouldBe(5 + 8 + content.Length + 16);
        Convert.ToHexStringLower(buffer.AsSpan(0, 13)).ShouldBe("170303" + (8 + content.Length + 16).ToString("x4", System.Globalization.CultureInfo.InvariantCulture) + "0102030405060708");

        // An independent construction of RFC 5288 §3 / RFC 5246 §6.2.3.3 with the raw AEAD.
        using IAead aead = s_provider.CreateAead(AeadAlgorithmId.Aes128Gcm, key);
        byte[] nonce = [.. fixedIv, 1, 2, 3, 4, 5, 6, 7, 8];
        byte[] aad = [1, 2, 3, 4, 5, 6, 7, 8, 23, 3, 3, 0, (byte)content.Length];
        byte[] expected = new byte[content.Length];
        byte[] tag = new byte[16];
        aead.Seal(nonce, content, aad, expected, tag);
        buffer.AsSpan(13, content.Length).ToArray().ShouldBe(expected);
        buffer.AsSpan(13 + content.Length, 16).ToArray().ShouldBe(tag);
    }

    [Fact]
    public void Tls12_chacha_xors_the_sequence_into_the_iv_like_tls13_but_authenticates_the_pseudo_header()
    {
        byte[] key = new byte[32];
        key[0] = 7;
        byte[] iv = Convert.FromHexString("0f0e0d0c0b0a090807060504");
        using RecordProtection sealer = RecordProtection.CreateTls12Aead(s_provider, AeadAlgorithmId.ChaCha20Poly1305, key, iv);
        sealer.ExplicitNonceLength.ShouldBe(0);
        byte[] content = [0x16, 0, 0, 0];
        byte[] buffer = new byte[5 + content.Length + sealer.MaxExpansion];
        content.CopyTo(buffer, 5);
        int length = sealer.Seal(1, TlsContentType.Handshake, TlsProtocolVersion.Tls12, buffer, content.Length);
        length.ShouldBe(5 + 4 + 16);

        using IAead aead = s_provider.CreateAead(AeadAlgorithmId.ChaCha20Poly1305, key);
        byte[] nonce = Convert.FromHexString("0f0e0d0c0b0a090807060505");
        byte[] aad = [0, 0, 0, 0, 0, 0, 0, 1, 22, 3, 3, 0, 4];
        byte[] expected = new byte[4];
        byte[] tag = new byte[16];
        aead.Seal(nonce, content, aad, expected, tag);
        buffer.AsSpan(5, 4).ToArray().ShouldBe(expected);
        buffer.AsSpan(9, 16).ToArray().ShouldBe(tag);
    }

    [Theory]
    [InlineData(AeadAlgorithmId.Aes128Gcm, 12)]
    [InlineData(AeadAlgorithmId.ChaCha20Poly1305, 4)]
    public void Tls12_fixed_iv_of_the_wrong_length_is_refused(AeadAlgorithmId aead, int ivLength)
    {
        Should.Throw<ArgumentException>(() => RecordProtection.CreateTls12Aead(s_provider, aead, new byte[AeadAlgorithms.KeySize(aead)], new byte[ivLength]));
    }

    [Fact]
    public void Usage_limits_follow_rfc8446_section_5_5()
    {
        using RecordProtection gcm = RecordProtection.CreateTls13(s_provider, AeadAlgorithmId.Aes256Gcm, new byte[32], new byte[12]);
        using RecordProtection chacha = RecordProtection.CreateTls13(s_provider, AeadAlgorithmId.ChaCha20Poly1305, new byte[32], new byte[12]);
        gcm.ConfidentialityLimit.ShouldBe((ulong)Math.Pow(2, 24.5));
        chacha.ConfidentialityLimit.ShouldBe(ulong.MaxValue);
    }
}

/// <summary>TLS 1.2 CBC (RFC 5246 §6.2.3.2, RFC 7366) record format, built independently from the raw primitives.</summary>
public class Tls12CbcProtectionTests
{
    private static readonly ICryptoProvider s_provider = CryptoProviders.Default;
    private static readonly byte[] s_encKey = Convert.FromHexString("00112233445566778899aabbccddeeff");
    private static readonly byte[] s_macKey = Convert.FromHexString("0102030405060708090a0b0c0d0e0f1011121314");

    private static byte[] Mac(ulong seq, byte type, int length, ReadOnlySpan<byte> data)
    {
        using IHmac hmac = s_provider.CreateHmac(HashAlgorithmId.Sha1, s_macKey);
        byte[] pseudo = [(byte)(seq >> 56), (byte)(seq >> 48), (byte)(seq >> 40), (byte)(seq >> 32), (byte)(seq >> 24), (byte)(seq >> 16), (byte)(seq >> 8), (byte)seq, type, 3, 3, (byte)(length >> 8), (byte)length];
        hmac.Append(pseudo);
        hmac.Append(data);
        byte[] mac = new byte[20];
        hmac.GetHashAndReset(mac);
        return mac;
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(300)]
    public void Mac_then_encrypt_record_is_iv_then_cbc_of_content_mac_and_padding(int length)
    {
        using RecordProtection sealer = RecordProtection.CreateTls12Cbc(s_provider, BlockCipherAlgorithmId.Aes128, HashAlgorithmId.Sha1, s_encKey, s_macKey);
        byte[] content = Enumerable.Range(0, length).Select(i => (byte)i).ToArray();
        byte[] record = new byte[5 + length + sealer.MaxExpansion];
        content.CopyTo(record, 5 + 16);
        int total = sealer.Seal(5, TlsContentType.ApplicationData, TlsProtocolVersion.Tls12, record, length);
        (total - 5 - 16).ShouldBe((length + 20 + 16) / 16 * 16);

        using ICbcCipher cbc = s_provider.CreateCbc(BlockCipherAlgorithmId.Aes128, s_encKey);
        byte[] plain = new byte[total - 21];
        cbc.Decrypt(record.AsSpan(5, 16), record.AsSpan(21, total - 21), plain);
        plain[..length].ShouldBe(content);
        plain[length..(length + 20)].ShouldBe(Mac(5, 23, length, content));
        int pad = plain[^1];
        plain[(length + 20)..].ShouldAllBe(b => b == pad);

        using RecordProtection opener = RecordProtection.CreateTls12Cbc(s_provider, BlockCipherAlgorithmId.Aes128, HashAlgorithmId.Sha1, s_encKey, s_macKey);
        opener.TryOpen(5, record.AsSpan(0, 5), record.AsSpan(5, total - 5), out TlsContentType type, out int offset, out int contentLength, out _).ShouldBeTrue();
        type.ShouldBe(TlsContentType.ApplicationData);
        record.AsSpan(5 + offset, contentLength).ToArray().ShouldBe(content);
    }

    [Fact]
    public void Bad_padding_with_a_good_mac_is_still_bad_record_mac()
    {
        // content || MAC || padding whose bytes disagree, encrypted by hand: only the padding is wrong.
        byte[] content = "abcd"u8.ToArray();
        byte[] mac = Mac(0, 23, content.Length, content);
        byte[] plain = [.. content, .. mac, 7, 7, 7, 7, 7, 6, 7, 7];
        plain.Length.ShouldBe(32);
        byte[] iv = new byte[16];
        using ICbcCipher cbc = s_provider.CreateCbc(BlockCipherAlgorithmId.Aes128, s_encKey);
        byte[] encrypted = new byte[32];
        cbc.Encrypt(iv, plain, encrypted);
        byte[] fragment = [.. iv, .. encrypted];
        using RecordProtection opener = RecordProtection.CreateTls12Cbc(s_provider, BlockCipherAlgorithmId.Aes128, HashAlgorithmId.Sha1, s_encKey, s_macKey);
        opener.TryOpen(0, [23, 3, 3, 0, 48], fragment, out _, out _, out _, out _).ShouldBeFalse();

        plain[^3] = 7; // now good
        cbc.Encrypt(iv, plain, encrypted);
        fragment = [.. iv, .. encrypted];
        opener.TryOpen(0, [23, 3, 3, 0, 48], fragment, out _, out int offset, out int length, out _).ShouldBeTrue();
        fragment.AsSpan(offset, length).ToArray().ShouldBe(content);
    }

    [Theory]
    [InlineData(false, 15)]
    [InlineData(false, 17)]
    [InlineData(false, 32)] // IV and one block: too short for a 20-byte MAC
    [InlineData(true, 16 + 16 + 19)]
    public void Fragments_of_impossible_length_are_bad_record_mac(bool encryptThenMac, int length)
    {
        using RecordProtection opener = RecordProtection.CreateTls12Cbc(s_provider, BlockCipherAlgorithmId.Aes128, HashAlgorithmId.Sha1, s_encKey, s_macKey, encryptThenMac);
        opener.TryOpen(0, [23, 3, 3, 0, (byte)length], new byte[length], out _, out _, out _, out _).ShouldBeFalse();
    }
}
