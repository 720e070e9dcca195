namespace ManagedTls.Tls.Handshake;

/// <summary>
/// One state of a handshake: a sealed <c>Expect*</c> class holding only what is valid at that point.
/// <see cref="Handle"/> consumes a message and returns the next state (which may be the same object).
/// </summary>
internal abstract class HandshakeState
{
    /// <summary>OpenSSL's <c>SSL_state_string_long</c> text for this point of the handshake.</summary>
    internal abstract string StateString { get; }

    /// <summary>Whether the handshake is complete (application data may flow).</summary>
    internal virtual bool IsConnected => false;

    /// <summary>
    /// TLS 1.3: whether one unprotected ChangeCipherSpec (0x01) may be received and dropped here
    /// (RFC 8446 §5: after the first ClientHello and before the peer's Finished).
    /// </summary>
    internal virtual bool AcceptsCompatibilityChangeCipherSpec => false;

    /// <summary>Processes one handshake message.</summary>
    /// <param name="context">The connection's handshake context.</param>
    /// <param name="message">The message (not yet added to the transcript).</param>
    /// <returns>The next state.</returns>
    /// <exception cref="TlsException">The message is malformed, unexpected or fails a check.</exception>
    internal abstract HandshakeState Handle(HandshakeContext context, HandshakeMessage message);

    /// <summary>TLS 1.2: processes a ChangeCipherSpec record; by default it is unexpected here.</summary>
    /// <param name="context">The connection's handshake context.</param>
    /// <returns>The next state.</returns>
    internal virtual HandshakeState HandleChangeCipherSpec(HandshakeContext context) =>
        throw TlsException.Unexpected($"ChangeCipherSpec received in state \"{StateString}\"");

    /// <summary>Throws unexpected_message unless <paramref name="message"/> has the type this state expects.</summary>
    private protected void Expect(HandshakeMessage message, TlsHandshakeType type)
    {
        if (message.Type != type)
        {
            throw TlsException.Unexpected($"{message.Type} received while expecting {type} (state \"{StateString}\")");
        }
    }
}
