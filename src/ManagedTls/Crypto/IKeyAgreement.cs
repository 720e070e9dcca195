namespace ManagedTls.Crypto;

/// <summary>A key-agreement key pair (a TLS key share). Dispose to zero the private key.</summary>
public interface IKeyAgreement : IDisposable
{
    /// <summary>The group.</summary>
    KeyAgreementAlgorithmId Algorithm { get; }

    /// <summary>The public key as sent on the wire: RFC 7748 bytes, or an uncompressed SEC1 point for ECDH.</summary>
    ReadOnlySpan<byte> PublicKey { get; }

    /// <summary>The length of the shared secret in bytes.</summary>
    int SharedSecretSize { get; }

    /// <summary>Derives the shared secret with a peer's public key.</summary>
    /// <param name="peerPublicKey">The peer's public key in the same encoding as <see cref="PublicKey"/>.</param>
    /// <param name="sharedSecret">Exactly <see cref="SharedSecretSize"/> bytes; zeroed on failure.</param>
    /// <returns>
    /// False when the peer key is malformed, not on the curve, or yields the all-zero X25519/X448 secret
    /// (RFC 7748 §6.1; RFC 8446 §7.4.2 requires the check). The caller turns false into its alert.
    /// </returns>
    bool TryDeriveSharedSecret(ReadOnlySpan<byte> peerPublicKey, Span<byte> sharedSecret);
}
