using ManagedTls.Tls.Wire;

namespace ManagedTls.Tls.Messages.Tls12;

/// <summary>Wraps a TLS 1.2 handshake body in its header (RFC 5246 §7.4: msg_type, uint24 length).</summary>
internal static class Tls12HandshakeFraming
{
    /// <summary>Writes <c>type || uint24(length) || body</c>, the form that is sent and added to the transcript.</summary>
    /// <param name="type">The handshake type.</param>
    /// <param name="writeBody">Writes the body.</param>
    /// <returns>The whole message.</returns>
    public static byte[] Frame(TlsHandshakeType type, Action<TlsWriter> writeBody)
    {
        using var writer = new TlsWriter();
        writer.WriteUInt8((byte)type);
        using (writer.PushVector24())
        {
            writeBody(writer);
        }

        return writer.ToArray();
    }
}
