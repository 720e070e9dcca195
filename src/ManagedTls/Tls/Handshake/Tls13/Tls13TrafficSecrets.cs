using ManagedTls.Crypto;
using ManagedTls.Tls.KeySchedule;
using ManagedTls.Tls.Record;
using ManagedTls.Tls.Suites;

namespace ManagedTls.Tls.Handshake.Tls13;

/// <summary>
/// The TLS 1.3 secrets of one handshake after the ServerHello: the suite, the handshake secret stage and both
/// handshake traffic secrets. Handed from state to state until the application secrets are derived.
/// </summary>
internal sealed class Tls13TrafficSecrets
{
    private Tls13TrafficSecrets(TlsCipherSuiteInfo suite, Tls13HandshakeSecret handshakeSecret, byte[] clientHandshake, byte[] serverHandshake)
    {
        Suite = suite;
        HandshakeSecret = handshakeSecret;
        ClientHandshakeSecret = clientHandshake;
        ServerHandshakeSecret = serverHandshake;
    }

    internal TlsCipherSuiteInfo Suite { get; }

    internal HashAlgorithmId Hash => Suite.Hash;

    internal Tls13HandshakeSecret HandshakeSecret { get; }

    internal byte[] ClientHandshakeSecret { get; }

    internal byte[] ServerHandshakeSecret { get; }

    /// <summary>Derives the handshake traffic secrets from the (EC)DHE secret and the transcript through ServerHello.</summary>
    internal static Tls13TrafficSecrets Derive(HandshakeContext context, TlsCipherSuiteInfo suite, ReadOnlySpan<byte> sharedSecret)
    {
        using Tls13EarlySecret early = Tls13EarlySecret.Create(context.Crypto, suite.Hash, ReadOnlySpan<byte>.Empty);
        Tls13HandshakeSecret handshake = early.DeriveHandshakeSecret(sharedSecret);
        byte[] th = context.Transcript.GetCurrentHash();
        byte[] client = handshake.ClientHandshakeTrafficSecret(th);
        byte[] server = handshake.ServerHandshakeTrafficSecret(th);
        context.KeyLog(NssKeyLog.ClientHandshakeTrafficSecret, client);
        context.KeyLog(NssKeyLog.ServerHandshakeTrafficSecret, server);
        return new Tls13TrafficSecrets(suite, handshake, client, server);
    }

    /// <summary>Record protection for one traffic secret.</summary>
    internal static RecordProtection Protection(HandshakeContext context, TlsCipherSuiteInfo suite, ReadOnlySpan<byte> trafficSecret)
    {
        (byte[] key, byte[] iv) = Tls13Keys.TrafficKeys(context.Crypto, suite.Hash, suite.Aead!.Value, trafficSecret);
        try
        {
            return RecordProtection.CreateTls13(context.Crypto, suite, key, iv);
        }
        finally
        {
            SecretMemory.Zero(key);
            SecretMemory.Zero(iv);
        }
    }

    /// <summary>The verify_data for a Finished keyed by <paramref name="baseKey"/> over the current transcript.</summary>
    internal byte[] FinishedData(HandshakeContext context, ReadOnlySpan<byte> baseKey) =>
        Tls13Keys.FinishedVerifyData(context.Crypto, Hash, baseKey, context.Transcript.GetCurrentHash());

    /// <summary>Checks a received Finished (constant time); decrypt_error on mismatch (RFC 8446 §4.4.4).</summary>
    internal void CheckFinished(HandshakeContext context, ReadOnlySpan<byte> baseKey, ReadOnlySpan<byte> received)
    {
        byte[] expected = FinishedData(context, baseKey);
        if (!ConstantTime.FixedTimeEquals(expected, received))
        {
            throw new TlsException(TlsError.DecryptError, TlsAlertDescription.DecryptError, "RFC 8446 §4.4.4: the Finished verify_data is wrong");
        }
    }

    /// <summary>Derives the master secret and the application/exporter secrets from the transcript through server Finished.</summary>
    internal Tls13ApplicationSecrets DeriveApplication(HandshakeContext context)
    {
        Tls13MasterSecret master = HandshakeSecret.DeriveMasterSecret();
        byte[] th = context.Transcript.GetCurrentHash();
        byte[] client = master.ClientApplicationTrafficSecret0(th);
        byte[] server = master.ServerApplicationTrafficSecret0(th);
        byte[] exporter = master.ExporterMasterSecret(th);
        context.KeyLog(NssKeyLog.ClientTrafficSecret0, client);
        context.KeyLog(NssKeyLog.ServerTrafficSecret0, server);
        context.KeyLog(NssKeyLog.ExporterSecret, exporter);
        HandshakeSecret.Dispose();
        return new Tls13ApplicationSecrets(Suite, master, client, server, exporter);
    }
}

/// <summary>The TLS 1.3 application traffic secrets (current generation), the exporter and master secrets.</summary>
internal sealed class Tls13ApplicationSecrets
{
    internal Tls13ApplicationSecrets(TlsCipherSuiteInfo suite, Tls13MasterSecret master, byte[] client, byte[] server, byte[] exporter)
    {
        Suite = suite;
        Master = master;
        ClientSecret = client;
        ServerSecret = server;
        ExporterSecret = exporter;
    }

    internal TlsCipherSuiteInfo Suite { get; }

    internal Tls13MasterSecret Master { get; }

    internal byte[] ClientSecret { get; set; }

    internal byte[] ServerSecret { get; set; }

    internal byte[] ExporterSecret { get; }
}
