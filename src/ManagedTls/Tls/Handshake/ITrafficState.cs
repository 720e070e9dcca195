namespace ManagedTls.Tls.Handshake;

/// <summary>What a connected state offers the connection beyond messages: key updates and exporters.</summary>
internal interface ITrafficState
{
    /// <summary>Queues a KeyUpdate and switches to the next sending key (TLS 1.3 only).</summary>
    void SendKeyUpdate(HandshakeContext context, bool requestPeerUpdate);

    /// <summary>Derives keying material (RFC 8446 §7.5 / RFC 5705).</summary>
    byte[] ExportKeyingMaterial(HandshakeContext context, string label, ReadOnlySpan<byte> exportContext, bool useContext, int length);
}
