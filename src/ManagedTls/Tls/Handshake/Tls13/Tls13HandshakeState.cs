namespace ManagedTls.Tls.Handshake.Tls13;

/// <summary>A TLS 1.3 state before the peer's Finished: one unprotected compatibility ChangeCipherSpec may arrive (RFC 8446 §5).</summary>
internal abstract class Tls13HandshakeState : HandshakeState
{
    internal override bool AcceptsCompatibilityChangeCipherSpec => true;
}
