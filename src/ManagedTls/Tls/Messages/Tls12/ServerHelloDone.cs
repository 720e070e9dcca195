namespace ManagedTls.Tls.Messages.Tls12;

/// <summary>TLS 1.2 ServerHelloDone (RFC 5246 §7.4.5): an empty body.</summary>
internal static class ServerHelloDone
{
    /// <summary>The whole message: type 14, length 0.</summary>
    public static ReadOnlySpan<byte> Message => [(byte)TlsHandshakeType.ServerHelloDone, 0, 0, 0];

    /// <summary>Checks a ServerHelloDone body.</summary>
    /// <param name="body">The body.</param>
    /// <exception cref="TlsException">decode_error when the body is not empty.</exception>
    public static void Decode(ReadOnlySpan<byte> body)
    {
        if (!body.IsEmpty)
        {
            throw TlsException.Decode($"RFC 5246 §7.4.5: ServerHelloDone carries {body.Length} byte(s); it must be empty");
        }
    }
}
