using ManagedTls.Crypto;
using ManagedTls.Tls.KeySchedule;
using static ManagedTls.Tests.Tls.KeySchedule.Rfc8448;

namespace ManagedTls.Tests.Tls.KeySchedule;

/// <summary>The TLS 1.3 key schedule against every value RFC 8448 §3 (and the §4/§5 values it leads to) prints.</summary>
public class Tls13KeyScheduleTests
{
    private static readonly ICryptoProvider s_provider = CryptoProviders.Default;
    private const HashAlgorithmId Sha256 = HashAlgorithmId.Sha256;

    private static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);

    private static (byte[] ChSh, byte[] ChSf, byte[] ChCf) Transcripts()
    {
        using var transcript = new TranscriptHash(s_provider);
        transcript.Add(Bytes(ClientHello));
        transcript.SetHash(Sha256);
        transcript.Add(Bytes(ServerHello));
        byte[] chSh = transcript.GetCurrentHash();
        transcript.Add(Bytes(ServerFlight));
        byte[] chSf = transcript.GetCurrentHash();
        transcript.Add(Bytes(ClientFinished));
        return (chSh, chSf, transcript.GetCurrentHash());
    }

    [Fact]
    public void Transcript_hashes_of_the_simple_handshake_match_rfc8448()
    {
        (byte[] chSh, byte[] chSf, byte[] chCf) = Transcripts();
        Hex(chSh).ShouldBe(HashClientHelloToServerHello);
        Hex(chSf).ShouldBe(HashClientHelloToServerFinished);
        Hex(chCf).ShouldBe(HashClientHelloToClientFinished);
    }

    [Fact]
    public void Every_secret_of_the_simple_handshake_matches_rfc8448()
    {
        (byte[] chSh, byte[] chSf, byte[] chCf) = Transcripts();

        using Tls13EarlySecret early = Tls13EarlySecret.Create(s_provider, Sha256, ReadOnlySpan<byte>.Empty);
        Hex(early.Secret).ShouldBe(EarlySecret);
        Span<byte> emptyHash = stackalloc byte[32];
        Hkdf.EmptyHash(s_provider, Sha256, emptyHash);
        Hex(Hkdf.DeriveSecret(s_provider, Sha256, early.Secret, "derived", emptyHash)).ShouldBe(DerivedForHandshake);

        using Tls13HandshakeSecret handshake = early.DeriveHandshakeSecret(Bytes(SharedSecret));
        Hex(handshake.Secret).ShouldBe(HandshakeSecret);
        Hex(handshake.ClientHandshakeTrafficSecret(chSh)).ShouldBe(ClientHandshakeTrafficSecret);
        Hex(handshake.ServerHandshakeTrafficSecret(chSh)).ShouldBe(ServerHandshakeTrafficSecret);
        Hex(Hkdf.DeriveSecret(s_provider, Sha256, handshake.Secret, "derived", emptyHash)).ShouldBe(DerivedForMaster);

        using Tls13MasterSecret master = handshake.DeriveMasterSecret();
        Hex(master.Secret).ShouldBe(MasterSecret);
        Hex(master.ClientApplicationTrafficSecret0(chSf)).ShouldBe(ClientApplicationTrafficSecret);
        Hex(master.ServerApplicationTrafficSecret0(chSf)).ShouldBe(ServerApplicationTrafficSecret);
        Hex(master.ExporterMasterSecret(chSf)).ShouldBe(ExporterMasterSecret);
        Hex(master.ResumptionMasterSecret(chCf)).ShouldBe(ResumptionMasterSecret);
    }

    [Theory]
    [InlineData(ServerHandshakeTrafficSecret, ServerHandshakeKey, ServerHandshakeIv)]
    [InlineData(ClientHandshakeTrafficSecret, ClientHandshakeKey, ClientHandshakeIv)]
    [InlineData(ServerApplicationTrafficSecret, ServerApplicationKey, ServerApplicationIv)]
    [InlineData(ClientApplicationTrafficSecret, ClientApplicationKey, ClientApplicationIv)]
    [InlineData(HrrServerHandshakeTrafficSecret, HrrServerHandshakeKey, HrrServerHandshakeIv)]
    public void Traffic_keys_and_ivs_match_rfc8448(string secret, string key, string iv)
    {
        (byte[] k, byte[] i) = Tls13Keys.TrafficKeys(s_provider, Sha256, AeadAlgorithmId.Aes128Gcm, Bytes(secret));
        Hex(k).ShouldBe(key);
        Hex(i).ShouldBe(iv);
    }

    [Theory]
    [InlineData(ServerHandshakeTrafficSecret, ServerFinishedKey)]
    [InlineData(ClientHandshakeTrafficSecret, ClientFinishedKey)]
    public void Finished_keys_match_rfc8448(string baseKey, string finishedKey)
    {
        byte[] output = new byte[32];
        Hkdf.ExpandLabel(s_provider, Sha256, Bytes(baseKey), "finished", ReadOnlySpan<byte>.Empty, output);
        Hex(output).ShouldBe(finishedKey);
    }

    [Fact]
    public void Finished_verify_data_of_both_sides_matches_rfc8448()
    {
        using var transcript = new TranscriptHash(s_provider);
        transcript.Add(Bytes(ClientHello));
        transcript.SetHash(Sha256);
        transcript.Add(Bytes(ServerHello));
        byte[] flight = Bytes(ServerFlight);
        byte[] serverFinished = flight[^36..];
        transcript.Add(flight[..^36]);
        byte[] thToCertificateVerify = transcript.GetCurrentHash();

        byte[] serverVerifyData = Tls13Keys.FinishedVerifyData(s_provider, Sha256, Bytes(ServerHandshakeTrafficSecret), thToCertificateVerify);
        Hex(serverVerifyData).ShouldBe(ServerFinishedVerifyData);
        Hex(serverFinished[4..]).ShouldBe(ServerFinishedVerifyData); // the message the RFC prints carries it
        Tls13Keys.VerifyFinished(s_provider, Sha256, Bytes(ServerHandshakeTrafficSecret), thToCertificateVerify, serverFinished[4..]).ShouldBeTrue();
        serverFinished[10] ^= 1;
        Tls13Keys.VerifyFinished(s_provider, Sha256, Bytes(ServerHandshakeTrafficSecret), thToCertificateVerify, serverFinished[4..]).ShouldBeFalse();

        transcript.Add(flight[^36..]);
        byte[] clientVerifyData = Tls13Keys.FinishedVerifyData(s_provider, Sha256, Bytes(ClientHandshakeTrafficSecret), transcript.GetCurrentHash());
        Hex(clientVerifyData).ShouldBe(ClientFinishedVerifyData);
        Hex(Bytes(Rfc8448.ClientFinished)[4..]).ShouldBe(ClientFinishedVerifyData);
    }

    [Fact]
    public void Resumption_psk_from_the_tickets_nonce_is_the_psk_of_the_resumed_handshake()
    {
        // §3's NewSessionTicket: lifetime (4), age_add (4), nonce<0..255> = 00 00
        byte[] ticket = Bytes(NewSessionTicket);
        int nonceLength = ticket[4 + 8];
        byte[] nonce = ticket[(4 + 9)..(4 + 9 + nonceLength)];
        Hex(nonce).ShouldBe("0000");

        byte[] psk = Tls13Keys.ResumptionPsk(s_provider, Sha256, Bytes(ResumptionMasterSecret), nonce);
        Hex(psk).ShouldBe(ResumptionPsk);

        using Tls13EarlySecret early = Tls13EarlySecret.Create(s_provider, Sha256, psk);
        Hex(early.Secret).ShouldBe(ResumedEarlySecret);
        Hex(early.BinderKey(resumption: true)).ShouldBe(ResumedBinderKey);
    }

    [Fact]
    public void Hello_retry_transcript_collapses_client_hello1_into_message_hash()
    {
        using var transcript = new TranscriptHash(s_provider);
        transcript.Add(Bytes(HrrClientHello1));
        transcript.SetHash(Sha256); // the suite comes with the HelloRetryRequest
        transcript.ReplaceWithMessageHash();
        transcript.Add(Bytes(HrrHelloRetryRequest));
        transcript.Add(Bytes(HrrClientHello2));
        transcript.Add(Bytes(HrrServerHello));
        byte[] th = transcript.GetCurrentHash();
        Hex(th).ShouldBe(HrrHashClientHelloToServerHello);

        using Tls13EarlySecret early = Tls13EarlySecret.Create(s_provider, Sha256, ReadOnlySpan<byte>.Empty);
        using Tls13HandshakeSecret handshake = early.DeriveHandshakeSecret(Bytes(HrrSharedSecret));
        Hex(handshake.Secret).ShouldBe(HrrHandshakeSecret);
        Hex(handshake.ClientHandshakeTrafficSecret(th)).ShouldBe(HrrClientHandshakeTrafficSecret);
        Hex(handshake.ServerHandshakeTrafficSecret(th)).ShouldBe(HrrServerHandshakeTrafficSecret);
    }

    [Fact]
    public void Message_hash_is_type_254_with_the_hash_of_client_hello1()
    {
        using var collapsed = new TranscriptHash(s_provider, retainMessages: true);
        collapsed.Add(Bytes(HrrClientHello1));
        collapsed.SetHash(Sha256);
        collapsed.ReplaceWithMessageHash();
        byte[] expected = [254, 0, 0, 32, .. HashAlgorithms.HashData(Sha256, Bytes(HrrClientHello1))];
        collapsed.Messages.ToArray().ShouldBe(expected);
        collapsed.GetCurrentHash().ShouldBe(HashAlgorithms.HashData(Sha256, expected));
    }

    [Fact]
    public void Buffered_messages_are_hashed_when_the_hash_is_chosen_and_hash_with_extra_does_not_add()
    {
        byte[] ch = Bytes(ClientHello);
        byte[] sh = Bytes(ServerHello);
        using var transcript = new TranscriptHash(s_provider);
        transcript.IsHashSet.ShouldBeFalse();
        Should.Throw<InvalidOperationException>(() => transcript.GetCurrentHash());
        transcript.Add(ch);
        transcript.SetHash(Sha256);
        transcript.SetHash(Sha256); // idempotent
        Should.Throw<InvalidOperationException>(() => transcript.SetHash(HashAlgorithmId.Sha384));
        byte[] withExtra = new byte[32];
        transcript.GetHashWith(sh, withExtra);
        Hex(withExtra).ShouldBe(HashClientHelloToServerHello);
        Hex(transcript.GetCurrentHash()).ShouldBe(Hex(HashAlgorithms.HashData(Sha256, ch)));
    }

    [Fact]
    public void Next_traffic_secret_is_expand_label_traffic_upd()
    {
        byte[] next = Tls13Keys.NextTrafficSecret(s_provider, Sha256, Bytes(ClientApplicationTrafficSecret));
        byte[] expected = new byte[32];
        Hkdf.ExpandLabel(s_provider, Sha256, Bytes(ClientApplicationTrafficSecret), "traffic upd", ReadOnlySpan<byte>.Empty, expected);
        next.ShouldBe(expected);
        next.ShouldNotBe(Bytes(ClientApplicationTrafficSecret));
    }

    [Fact]
    public void Expand_label_encodes_the_hkdf_label_structure_rfc8448_prints()
    {
        // RFC 8448 §3 {server} derive secret "tls13 c hs traffic": info (54 octets)
        byte[] info = Bytes("00201274 6c733133 20632068 73207472 61666669 6320".Replace(" ", "", StringComparison.Ordinal) + HashClientHelloToServerHello);
        byte[] viaExpand = new byte[32];
        Hkdf.Expand(s_provider, Sha256, Bytes(HandshakeSecret), info, viaExpand);
        Hex(viaExpand).ShouldBe(ClientHandshakeTrafficSecret);
    }

    [Fact]
    public void Stages_zero_their_secret_when_disposed()
    {
        var early = Tls13EarlySecret.Create(s_provider, Sha256, ReadOnlySpan<byte>.Empty);
        early.Dispose();
        Should.Throw<ObjectDisposedException>(() => early.Secret.Length);
        Should.Throw<ObjectDisposedException>(() => early.DeriveHandshakeSecret(Bytes(SharedSecret)));
    }

    [Fact]
    public void A_transcript_hash_of_the_wrong_length_is_refused()
    {
        using Tls13EarlySecret early = Tls13EarlySecret.Create(s_provider, Sha256, ReadOnlySpan<byte>.Empty);
        using Tls13HandshakeSecret handshake = early.DeriveHandshakeSecret(Bytes(SharedSecret));
        Should.Throw<ArgumentException>(() => handshake.ClientHandshakeTrafficSecret(new byte[48]));
    }

    [Fact]
    public void Sha384_schedule_produces_48_byte_secrets_and_32_byte_aes256_keys()
    {
        using Tls13EarlySecret early = Tls13EarlySecret.Create(s_provider, HashAlgorithmId.Sha384, ReadOnlySpan<byte>.Empty);
        early.Secret.Length.ShouldBe(48);
        using Tls13HandshakeSecret handshake = early.DeriveHandshakeSecret(Bytes(SharedSecret));
        byte[] th = HashAlgorithms.HashData(HashAlgorithmId.Sha384, Bytes(ClientHello));
        byte[] secret = handshake.ClientHandshakeTrafficSecret(th);
        secret.Length.ShouldBe(48);
        (byte[] key, byte[] iv) = Tls13Keys.TrafficKeys(s_provider, HashAlgorithmId.Sha384, AeadAlgorithmId.Aes256Gcm, secret);
        key.Length.ShouldBe(32);
        iv.Length.ShouldBe(12);
    }

    [Fact]
    public void Nss_key_log_lines_have_label_client_random_and_secret_in_lower_hex()
    {
        byte[] random = Bytes(ClientHello)[6..38];
        NssKeyLog.Format(NssKeyLog.ClientHandshakeTrafficSecret, random, Bytes(ClientHandshakeTrafficSecret))
            .ShouldBe("CLIENT_HANDSHAKE_TRAFFIC_SECRET cb34ecb1e78163ba1c38c6dacb196a6dffa21a8d9912ec18a2ef6283024dece7 " + ClientHandshakeTrafficSecret);
    }
}
