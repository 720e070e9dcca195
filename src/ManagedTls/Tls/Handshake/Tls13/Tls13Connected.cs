using ManagedTls.Tls.KeySchedule;
using ManagedTls.Tls.Messages;

namespace ManagedTls.Tls.Handshake.Tls13;

/// <summary>
/// TLS 1.3 after the handshake: application data flows; KeyUpdate (RFC 8446 §4.6.3) both ways and, on a client,
/// NewSessionTicket (§4.6.1, parsed and ignored: resumption is not offered). Anything else is unexpected_message.
/// </summary>
internal sealed class Tls13Connected : HandshakeState, ITrafficState
{
    private readonly Tls13ApplicationSecrets _secrets;
    private readonly bool _isServer;

    internal Tls13Connected(Tls13ApplicationSecrets secrets, bool isServer)
    {
        _secrets = secrets;
        _isServer = isServer;
    }

    internal override string StateString => "SSL negotiation finished successfully";

    internal override bool IsConnected => true;

    internal override HandshakeState Handle(HandshakeContext context, HandshakeMessage message)
    {
        switch (message.Type)
        {
            case TlsHandshakeType.KeyUpdate:
                KeyUpdate update = KeyUpdate.Decode(message.Body);
                UpdateReadKey(context);
                if (update.Request == TlsKeyUpdateRequest.UpdateRequested && !context.Connection.SentCloseNotify)
                {
                    SendKeyUpdate(context, requestPeerUpdate: false);
                }

                return this;
            case TlsHandshakeType.NewSessionTicket when !_isServer:
                _ = NewSessionTicket13.Decode(message.Body);
                return this;
            default:
                throw TlsException.Unexpected($"RFC 8446 §4.6: {message.Type} after the handshake");
        }
    }

    /// <inheritdoc/>
    public void SendKeyUpdate(HandshakeContext context, bool requestPeerUpdate)
    {
        context.Send(new KeyUpdate(requestPeerUpdate ? TlsKeyUpdateRequest.UpdateRequested : TlsKeyUpdateRequest.UpdateNotRequested), addToTranscript: false);
        if (_isServer)
        {
            _secrets.ServerSecret = Next(context, _secrets.ServerSecret);
            context.SetWriteProtection(Tls13TrafficSecrets.Protection(context, _secrets.Suite, _secrets.ServerSecret));
        }
        else
        {
            _secrets.ClientSecret = Next(context, _secrets.ClientSecret);
            context.SetWriteProtection(Tls13TrafficSecrets.Protection(context, _secrets.Suite, _secrets.ClientSecret));
        }
    }

    /// <inheritdoc/>
    public byte[] ExportKeyingMaterial(HandshakeContext context, string label, ReadOnlySpan<byte> exportContext, bool useContext, int length)
    {
        byte[] output = new byte[length];
        Tls13Keys.Export(context.Crypto, _secrets.Suite.Hash, _secrets.ExporterSecret, label, useContext ? exportContext : [], output);
        return output;
    }

    private void UpdateReadKey(HandshakeContext context)
    {
        if (_isServer)
        {
            _secrets.ClientSecret = Next(context, _secrets.ClientSecret);
            context.SetReadProtection(Tls13TrafficSecrets.Protection(context, _secrets.Suite, _secrets.ClientSecret));
        }
        else
        {
            _secrets.ServerSecret = Next(context, _secrets.ServerSecret);
            context.SetReadProtection(Tls13TrafficSecrets.Protection(context, _secrets.Suite, _secrets.ServerSecret));
        }
    }

    private byte[] Next(HandshakeContext context, byte[] secret)
    {
        byte[] next = Tls13Keys.NextTrafficSecret(context.Crypto, _secrets.Suite.Hash, secret);
        Array.Clear(secret);
        return next;
    }
}
