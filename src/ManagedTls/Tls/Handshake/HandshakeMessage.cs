namespace ManagedTls.Tls.Handshake;

/// <summary>One complete handshake message as received: its type, the whole encoding (header + body) and the body.</summary>
internal readonly struct HandshakeMessage
{
    internal HandshakeMessage(TlsHandshakeType type, ReadOnlyMemory<byte> messageWithHeader)
    {
        Type = type;
        Raw = messageWithHeader;
    }

    /// <summary>The handshake type.</summary>
    internal TlsHandshakeType Type { get; }

    /// <summary>The message with its 4-byte header, as added to the transcript.</summary>
    internal ReadOnlyMemory<byte> Raw { get; }

    /// <summary>The body (after the 4-byte header).</summary>
    internal ReadOnlySpan<byte> Body => Raw.Span.Slice(4);
}
