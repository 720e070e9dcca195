using ManagedTls.Crypto;
using ManagedTls.Keys;
using ManagedTls.Tls.KeySchedule;
using ManagedTls.Tls.Messages;
using ManagedTls.Tls.Record;
using ManagedTls.Tls.Suites;
using ManagedTls.X509;

namespace ManagedTls.Tls.Handshake.Tls12;

/// <summary>
/// What a TLS 1.2 handshake accumulates between states: the suite, the randoms, whether the extended master secret
/// and secure renegotiation were negotiated, a copy of the handshake messages (TLS 1.2 CertificateVerify signs them
/// whole, RFC 5246 §7.4.8), and the master secret once derived.
/// </summary>
internal sealed class Tls12Session
{
    private readonly List<byte> _messages = new(4096);

    internal Tls12Session(TlsCipherSuiteInfo suite, byte[] clientRandom, byte[] serverRandom, bool extendedMasterSecret)
    {
        Suite = suite;
        ClientRandom = clientRandom;
        ServerRandom = serverRandom;
        ExtendedMasterSecret = extendedMasterSecret;
    }

    internal TlsCipherSuiteInfo Suite { get; }

    internal byte[] ClientRandom { get; }

    internal byte[] ServerRandom { get; }

    internal bool ExtendedMasterSecret { get; }

    internal byte[]? MasterSecret { get; private set; }

    /// <summary>The handshake messages so far, for CertificateVerify.</summary>
    internal byte[] Messages => _messages.ToArray();

    /// <summary>Adds a received or sent message to the transcript and to the copy kept here.</summary>
    internal void Add(HandshakeContext context, ReadOnlySpan<byte> raw)
    {
        context.Transcript.Add(raw);
        foreach (byte b in raw)
        {
            _messages.Add(b);
        }
    }

    /// <summary>Keeps a copy of a message the caller already added to the transcript (the hellos).</summary>
    internal void Remember(ReadOnlySpan<byte> raw)
    {
        foreach (byte b in raw)
        {
            _messages.Add(b);
        }
    }

    /// <summary>Encodes, records and queues one of our handshake messages.</summary>
    internal byte[] Send(HandshakeContext context, IHandshakeBody message)
    {
        byte[] raw = context.Send(message, addToTranscript: false);
        Add(context, raw);
        return raw;
    }

    /// <summary>
    /// Derives the master secret (RFC 7627 §4 with the session hash up to and including ClientKeyExchange, or
    /// RFC 5246 §8.1) and clears the premaster secret.
    /// </summary>
    internal void DeriveMasterSecret(HandshakeContext context, byte[] preMasterSecret)
    {
        try
        {
            MasterSecret = ExtendedMasterSecret
                ? Tls12Prf.ExtendedMasterSecret(context.Crypto, Suite.Hash, preMasterSecret, context.Transcript.GetCurrentHash())
                : Tls12Prf.MasterSecret(context.Crypto, Suite.Hash, preMasterSecret, ClientRandom, ServerRandom);
        }
        finally
        {
            SecretMemory.Zero(preMasterSecret);
        }

        context.Connection.MasterSecret = MasterSecret;
        context.KeyLog("CLIENT_RANDOM", MasterSecret);
    }

    /// <summary>The record protection for one direction (RFC 5246 §6.3 key block; AEAD suites have no MAC keys).</summary>
    internal RecordProtection Protection(HandshakeContext context, bool clientWrite)
    {
        Tls12Keys keys = Tls12Keys.Derive(context.Crypto, Suite, MasterSecret!, ClientRandom, ServerRandom);
        try
        {
            return clientWrite
                ? RecordProtection.CreateTls12Aead(context.Crypto, Suite.Aead!.Value, keys.ClientWriteKey, keys.ClientWriteIv)
                : RecordProtection.CreateTls12Aead(context.Crypto, Suite.Aead!.Value, keys.ServerWriteKey, keys.ServerWriteIv);
        }
        finally
        {
            SecretMemory.Zero(keys.ClientWriteKey);
            SecretMemory.Zero(keys.ServerWriteKey);
            SecretMemory.Zero(keys.ClientWriteIv);
            SecretMemory.Zero(keys.ServerWriteIv);
        }
    }

    /// <summary>Finished.verify_data over the transcript so far (RFC 5246 §7.4.9).</summary>
    internal byte[] VerifyData(HandshakeContext context, bool client) =>
        Tls12Prf.VerifyData(context.Crypto, Suite.Hash, MasterSecret!, client, context.Transcript.GetCurrentHash());

    /// <summary>Sends ChangeCipherSpec, switches the write keys and sends Finished.</summary>
    internal void SendChangeCipherSpecAndFinished(HandshakeContext context, bool client)
    {
        context.SendChangeCipherSpec();
        context.SetWriteProtection(Protection(context, clientWrite: client));
        byte[] verifyData = VerifyData(context, client);
        Send(context, new Finished(verifyData));
        context.Connection.LocalFinished = verifyData;
    }

    /// <summary>Checks the peer's Finished against the transcript before it (constant time), then adds it.</summary>
    internal void ReceiveFinished(HandshakeContext context, HandshakeMessage message, bool fromClient)
    {
        Finished finished = Finished.Decode(message.Body, Tls12Prf.VerifyDataLength);
        byte[] expected = VerifyData(context, fromClient);
        if (!ConstantTime.FixedTimeEquals(expected, finished.VerifyData))
        {
            throw new TlsException(TlsError.DecryptError, TlsAlertDescription.DecryptError, "RFC 5246 §7.4.9: the peer's Finished does not verify");
        }

        Add(context, message.Raw.Span);
        context.Connection.PeerFinished = finished.VerifyData;
    }

    /// <summary>Parses a TLS 1.2 Certificate message into certificates (bad DER is bad_certificate).</summary>
    internal static Certificate[] ParseChain(ReadOnlySpan<byte> body)
    {
        CertificateMessage message = CertificateMessage.Decode(body, isTls13: false);
        var chain = new Certificate[message.Entries.Count];
        for (int i = 0; i < chain.Length; i++)
        {
            try
            {
                chain[i] = Certificate.Load(message.Entries[i].CertificateData.Span);
            }
            catch (X509FormatException e)
            {
                throw new TlsException(TlsError.CertificateVerifyFailed, TlsAlertDescription.BadCertificate, $"RFC 5246 §7.4.2: certificate {i} does not parse: {e.Message}", e);
            }
        }

        return chain;
    }

    /// <summary>The leaf's public key, or bad_certificate.</summary>
    internal static PublicKey LeafKey(Certificate leaf) =>
        leaf.TryGetPublicKey(out PublicKey? key, out Exception? error)
            ? key
            : throw new TlsException(TlsError.CertificateVerifyFailed, TlsAlertDescription.BadCertificate, $"the peer certificate's public key is unusable: {error?.Message}");

    /// <summary>Whether a key can authenticate a suite (RFC 8422 §5.3: ECDSA suites also take Ed25519/Ed448 keys).</summary>
    internal static bool KeyFitsSuite(KeyAlgorithm key, TlsAuthentication authentication) => authentication switch
    {
        TlsAuthentication.Ecdsa => key is KeyAlgorithm.Ec or KeyAlgorithm.Ed25519 or KeyAlgorithm.Ed448,
        TlsAuthentication.Rsa => key is KeyAlgorithm.Rsa or KeyAlgorithm.RsaPss,
        _ => false,
    };

    /// <summary>Whether this suite can be negotiated in TLS 1.2 by this implementation.</summary>
    internal static bool IsUsableTls12Suite(TlsCipherSuiteInfo? info) =>
        info is { IsTls13: false, IsAead: true, IsImplemented: true, Aead: not null }
        && info.MinVersion <= TlsProtocolVersion.Tls12
        && info.KeyExchange is TlsKeyExchange.Ecdhe or TlsKeyExchange.Dhe
        && info.Authentication is TlsAuthentication.Ecdsa or TlsAuthentication.Rsa;
}
