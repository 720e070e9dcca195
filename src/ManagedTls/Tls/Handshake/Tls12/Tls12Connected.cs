using ManagedTls.Tls.KeySchedule;

namespace ManagedTls.Tls.Handshake.Tls12;

/// <summary>
/// TLS 1.2 after both Finished messages: application data flows; renegotiation is refused with a no_renegotiation
/// warning (RFC 5746 §4.2 / §4.4 allow declining), and keying material is exported per RFC 5705.
/// </summary>
internal sealed class Tls12Connected : HandshakeState, ITrafficState
{
    private readonly Tls12Session _session;
    private readonly bool _isServer;

    internal Tls12Connected(Tls12Session session, bool isServer)
    {
        _session = session;
        _isServer = isServer;
    }

    internal override string StateString => "SSL negotiation finished successfully";

    internal override bool IsConnected => true;

    internal override HandshakeState Handle(HandshakeContext context, HandshakeMessage message)
    {
        bool renegotiation = _isServer ? message.Type == TlsHandshakeType.ClientHello : message.Type == TlsHandshakeType.HelloRequest;
        if (!renegotiation)
        {
            throw TlsException.Unexpected($"RFC 5246 §7.4: {message.Type} after the handshake");
        }

        if (!context.Connection.SentCloseNotify)
        {
            context.Record.Write(TlsContentType.Alert, [(byte)TlsAlertLevel.Warning, (byte)TlsAlertDescription.NoRenegotiation]);
        }

        return this;
    }

    public void SendKeyUpdate(HandshakeContext context, bool requestPeerUpdate) =>
        throw new InvalidOperationException("KeyUpdate exists only in TLS 1.3.");

    public byte[] ExportKeyingMaterial(HandshakeContext context, string label, ReadOnlySpan<byte> exportContext, bool useContext, int length)
    {
        byte[] output = new byte[length];
        Tls12Prf.Export(context.Crypto, _session.Suite.Hash, _session.MasterSecret!, _session.ClientRandom, _session.ServerRandom, label, exportContext, useContext, output);
        return output;
    }
}
