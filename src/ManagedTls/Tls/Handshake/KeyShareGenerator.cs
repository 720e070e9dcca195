using ManagedTls.Crypto;

namespace ManagedTls.Tls.Handshake;

/// <summary>
/// (EC)DHE key shares for TLS 1.3: the private key always comes from <see cref="HandshakeContext.FillRandom"/>
/// so a recorded handshake can be replayed byte-exact.
/// </summary>
internal static class KeyShareGenerator
{
    /// <summary>Maps a named group to the provider's key agreement, or null when TLS 1.3 key shares cannot use it here.</summary>
    internal static KeyAgreementAlgorithmId? Algorithm(TlsNamedGroup group) => group switch
    {
        TlsNamedGroup.X25519 => KeyAgreementAlgorithmId.X25519,
        TlsNamedGroup.X448 => KeyAgreementAlgorithmId.X448,
        TlsNamedGroup.Secp256r1 => KeyAgreementAlgorithmId.EcdhP256,
        TlsNamedGroup.Secp384r1 => KeyAgreementAlgorithmId.EcdhP384,
        TlsNamedGroup.Secp521r1 => KeyAgreementAlgorithmId.EcdhP521,
        _ => null,
    };

    /// <summary>Whether a TLS 1.3 key share can be made for <paramref name="group"/>.</summary>
    internal static bool IsSupported(TlsNamedGroup group) => Algorithm(group) is not null;

    /// <summary>Generates a key pair for <paramref name="group"/> from the context's randomness.</summary>
    internal static IKeyAgreement Generate(HandshakeContext context, TlsNamedGroup group)
    {
        KeyAgreementAlgorithmId algorithm = Algorithm(group)
            ?? throw new TlsException(TlsError.NoCommonGroup, TlsAlertDescription.InternalError, $"no key share support for group {group}");
        int size = algorithm switch
        {
            KeyAgreementAlgorithmId.X25519 => 32,
            KeyAgreementAlgorithmId.X448 => 56,
            KeyAgreementAlgorithmId.EcdhP256 => 32,
            KeyAgreementAlgorithmId.EcdhP384 => 48,
            _ => 66,
        };
        byte[] scalar = new byte[size];
        try
        {
            for (int attempt = 0; attempt < 64; attempt++)
            {
                context.FillRandom(scalar);
                if (algorithm == KeyAgreementAlgorithmId.EcdhP521)
                {
                    scalar[0] &= 0x01; // 521 bits
                }

                try
                {
                    return context.Crypto.ImportKeyAgreement(algorithm, scalar);
                }
                catch (ArgumentException)
                {
                    // scalar out of [1, n-1]: draw again (probability about 2^-32 for the NIST curves)
                }
            }
        }
        finally
        {
            SecretMemory.Zero(scalar);
        }

        throw new TlsException(TlsError.Internal, TlsAlertDescription.InternalError, "could not draw a valid key share scalar");
    }

    /// <summary>Computes the shared secret with the peer's share; a bad share is illegal_parameter (RFC 8446 §4.2.8).</summary>
    internal static byte[] Agree(IKeyAgreement key, ReadOnlySpan<byte> peerShare)
    {
        byte[] secret = new byte[key.SharedSecretSize];
        bool ok;
        try
        {
            ok = key.TryDeriveSharedSecret(peerShare, secret);
        }
        catch (ArgumentException)
        {
            ok = false;
        }

        if (!ok)
        {
            throw new TlsException(TlsError.BadKeyShare, TlsAlertDescription.IllegalParameter, "RFC 8446 §4.2.8: the peer's key share is invalid");
        }

        return secret;
    }
}
