using ManagedTls.Crypto;

namespace ManagedTls.Tls.KeySchedule;

/// <summary>
/// The first TLS 1.3 key-schedule stage: Early Secret = HKDF-Extract(0, PSK) (RFC 8446 §7.1). Offers the binder key,
/// the 0-RTT secrets, and the step to <see cref="Tls13HandshakeSecret"/>.
/// </summary>
internal sealed class Tls13EarlySecret : Tls13SecretStage
{
    private Tls13EarlySecret(ICryptoProvider provider, HashAlgorithmId hash, byte[] secret)
        : base(provider, hash, secret)
    {
    }

    /// <summary>Computes the early secret.</summary>
    /// <param name="provider">The primitive provider.</param>
    /// <param name="hash">The suite's hash.</param>
    /// <param name="psk">The PSK; empty for a full handshake (Hash.length zero bytes are used, RFC 8446 §7.1).</param>
    /// <returns>The stage; the caller disposes it.</returns>
    public static Tls13EarlySecret Create(ICryptoProvider provider, HashAlgorithmId hash, ReadOnlySpan<byte> psk)
    {
        ArgumentNullException.ThrowIfNull(provider);
        int size = HashAlgorithms.HashSize(hash);
        Span<byte> zeros = stackalloc byte[HashAlgorithms.MaxHashSize];
        zeros.Clear();
        byte[] secret = new byte[size];
        Hkdf.Extract(provider, hash, ReadOnlySpan<byte>.Empty, psk.IsEmpty ? zeros[..size] : psk, secret);
        return new Tls13EarlySecret(provider, hash, secret);
    }

    /// <summary>Handshake Secret = HKDF-Extract(Derive-Secret(Early, "derived", ""), (EC)DHE) (RFC 8446 §7.1).</summary>
    /// <param name="sharedSecret">The (EC)DHE shared secret; empty for psk_ke (Hash.length zeros are used).</param>
    /// <returns>The next stage; the caller disposes it.</returns>
    public Tls13HandshakeSecret DeriveHandshakeSecret(ReadOnlySpan<byte> sharedSecret)
    {
        Span<byte> zeros = stackalloc byte[HashAlgorithms.MaxHashSize];
        zeros.Clear();
        return new Tls13HandshakeSecret(Provider, Hash, ExtractNext(sharedSecret.IsEmpty ? zeros[..HashSize] : sharedSecret));
    }

    /// <summary>binder_key = Derive-Secret(Early, "ext binder" | "res binder", "") (RFC 8446 §7.1).</summary>
    /// <param name="resumption">True for a resumption PSK ("res binder"), false for an external one ("ext binder").</param>
    /// <returns>The binder key.</returns>
    public byte[] BinderKey(bool resumption) => DeriveWithEmptyTranscript(resumption ? "res binder" : "ext binder");

    /// <summary>client_early_traffic_secret = Derive-Secret(Early, "c e traffic", ClientHello).</summary>
    /// <param name="thClientHello">Transcript-Hash(ClientHello).</param>
    /// <returns>The secret.</returns>
    public byte[] ClientEarlyTrafficSecret(ReadOnlySpan<byte> thClientHello) => Derive("c e traffic", thClientHello);

    /// <summary>early_exporter_master_secret = Derive-Secret(Early, "e exp master", ClientHello).</summary>
    /// <param name="thClientHello">Transcript-Hash(ClientHello).</param>
    /// <returns>The secret.</returns>
    public byte[] EarlyExporterMasterSecret(ReadOnlySpan<byte> thClientHello) => Derive("e exp master", thClientHello);
}
