using ManagedTls.Crypto;

namespace ManagedTls.Tls.KeySchedule;

/// <summary>
/// The second TLS 1.3 key-schedule stage (RFC 8446 §7.1): the handshake traffic secrets, and the step to
/// <see cref="Tls13MasterSecret"/>.
/// </summary>
internal sealed class Tls13HandshakeSecret : Tls13SecretStage
{
    internal Tls13HandshakeSecret(ICryptoProvider provider, HashAlgorithmId hash, byte[] secret)
        : base(provider, hash, secret)
    {
    }

    /// <summary>client_handshake_traffic_secret = Derive-Secret(Handshake, "c hs traffic", ClientHello...ServerHello).</summary>
    /// <param name="thClientHelloToServerHello">Transcript-Hash(ClientHello...ServerHello).</param>
    /// <returns>The secret.</returns>
    public byte[] ClientHandshakeTrafficSecret(ReadOnlySpan<byte> thClientHelloToServerHello) => Derive("c hs traffic", thClientHelloToServerHello);

    /// <summary>server_handshake_traffic_secret = Derive-Secret(Handshake, "s hs traffic", ClientHello...ServerHello).</summary>
    /// <param name="thClientHelloToServerHello">Transcript-Hash(ClientHello...ServerHello).</param>
    /// <returns>The secret.</returns>
    public byte[] ServerHandshakeTrafficSecret(ReadOnlySpan<byte> thClientHelloToServerHello) => Derive("s hs traffic", thClientHelloToServerHello);

    /// <summary>Master Secret = HKDF-Extract(Derive-Secret(Handshake, "derived", ""), 0) (RFC 8446 §7.1).</summary>
    /// <returns>The next stage; the caller disposes it.</returns>
    public Tls13MasterSecret DeriveMasterSecret()
    {
        Span<byte> zeros = stackalloc byte[HashAlgorithms.MaxHashSize];
        zeros.Clear();
        return new Tls13MasterSecret(Provider, Hash, ExtractNext(zeros[..HashSize]));
    }
}
