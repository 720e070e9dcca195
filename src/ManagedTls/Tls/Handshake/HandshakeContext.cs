using ManagedTls.Crypto;
using ManagedTls.Random;
using ManagedTls.Tls.KeySchedule;
using ManagedTls.Tls.Messages;
using ManagedTls.Tls.Record;
using ManagedTls.Tls.Wire;

namespace ManagedTls.Tls.Handshake;

/// <summary>
/// What every handshake state may use: the options, the record layer, the transcript, randomness and the
/// connection whose negotiated results the states fill in. Owned by one <see cref="TlsConnection"/>.
/// </summary>
internal sealed class HandshakeContext : IDisposable
{
    internal HandshakeContext(TlsConnection connection, TlsOptions options, bool isServer, RecordLayer record)
    {
        Connection = connection;
        Options = options;
        IsServer = isServer;
        Record = record;
        Crypto = options.Crypto;
        Transcript = new TranscriptHash(options.Crypto);
        LocalIdentity = options.Certificate;
    }

    /// <summary>The connection whose negotiated properties the states set.</summary>
    internal TlsConnection Connection { get; }

    /// <summary>The options (shared type).</summary>
    internal TlsOptions Options { get; }

    /// <summary>The client options, or null on a server.</summary>
    internal TlsClientOptions? ClientOptions => Options as TlsClientOptions;

    /// <summary>The server options, or null on a client.</summary>
    internal TlsServerOptions? ServerOptions => Options as TlsServerOptions;

    /// <summary>Whether this end is the server.</summary>
    internal bool IsServer { get; }

    /// <summary>The record layer: write handshake records, switch protection.</summary>
    internal RecordLayer Record { get; }

    /// <summary>The handshake transcript. States add messages themselves, at the point the protocol needs.</summary>
    internal TranscriptHash Transcript { get; private set; }

    /// <summary>The primitive provider.</summary>
    internal ICryptoProvider Crypto { get; }

    /// <summary>The identity this end presents (the server's may be replaced by the SNI callback).</summary>
    internal TlsCertificateIdentity? LocalIdentity { get; set; }

    /// <summary>Set when the read protection changed while handling a message (RFC 8446 §5.1 checks).</summary>
    internal bool ReadKeyChanged { get; set; }

    /// <summary>Whether this end already sent its middlebox-compatibility ChangeCipherSpec.</summary>
    internal bool CompatibilityCcsSent { get; set; }

    /// <summary>Fills <paramref name="destination"/> from the options' random source or the secure source.</summary>
    internal void FillRandom(Span<byte> destination)
    {
        if (Options.RandomSource is { } source)
        {
            source(destination);
        }
        else
        {
            SecureRandomSource.Fill(destination);
        }
    }

    /// <summary>Encodes a handshake message with its header, adds it to the transcript and queues it.</summary>
    /// <returns>The message with its header.</returns>
    internal byte[] Send(IHandshakeBody message, bool addToTranscript = true)
    {
        byte[] raw = Encode(message);
        if (addToTranscript)
        {
            Transcript.Add(raw);
        }

        Record.Write(TlsContentType.Handshake, raw);
        return raw;
    }

    /// <summary>Encodes a handshake message with its 4-byte header.</summary>
    internal static byte[] Encode(IHandshakeBody message)
    {
        using var writer = new TlsWriter(512);
        writer.WriteUInt8((byte)message.Type);
        using (writer.PushVector24())
        {
            message.EncodeBody(writer);
        }

        return writer.ToArray();
    }

    /// <summary>Queues one ChangeCipherSpec record (TLS 1.2, or TLS 1.3 middlebox compatibility).</summary>
    internal void SendChangeCipherSpec() => Record.Write(TlsContentType.ChangeCipherSpec, [1]);

    /// <summary>Switches the read protection (and notes it for the §5.1 check).</summary>
    internal void SetReadProtection(RecordProtection? protection)
    {
        Record.SetReadProtection(protection);
        ReadKeyChanged = true;
    }

    /// <summary>Switches the write protection.</summary>
    internal void SetWriteProtection(RecordProtection? protection) => Record.SetWriteProtection(protection);

    /// <summary>Writes one NSS key log line when a key log callback is set.</summary>
    internal void KeyLog(string label, ReadOnlySpan<byte> secret)
    {
        if (Options.KeyLogCallback is { } callback && Connection.ClientRandom is { } clientRandom)
        {
            callback(NssKeyLog.Format(label, clientRandom, secret));
        }
    }

    /// <inheritdoc/>
    public void Dispose() => Transcript.Dispose();
}
