using ManagedTls.Tls.Wire;

namespace ManagedTls.Tls.Messages;

/// <summary>A handshake message that can write its body (the part after the 4-byte header).</summary>
internal interface IHandshakeBody
{
    /// <summary>The handshake message type.</summary>
    TlsHandshakeType Type { get; }

    /// <summary>Writes the body.</summary>
    /// <param name="writer">The destination.</param>
    void EncodeBody(TlsWriter writer);
}
