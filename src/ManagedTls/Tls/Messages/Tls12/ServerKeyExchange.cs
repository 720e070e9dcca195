using ManagedTls.Tls.Messages;
using ManagedTls.Tls.Suites;
using ManagedTls.Tls.Wire;

namespace ManagedTls.Tls.Messages.Tls12;

/// <summary>
/// TLS 1.2 ServerKeyExchange for ECDHE (RFC 8422 §5.4) and DHE (RFC 5246 §7.4.3): the ephemeral parameters and a
/// signature with an explicit SignatureAndHashAlgorithm over <c>client_random || server_random || params</c>.
/// Immutable; <see cref="Params"/> keeps the raw parameter bytes that were signed.
/// </summary>
internal sealed class ServerKeyExchange : IHandshakeBody
{
    /// <inheritdoc/>
    public TlsHandshakeType Type => TlsHandshakeType.ServerKeyExchange;

    /// <summary>ECCurveType named_curve (RFC 8422 §5.4); explicit curves are refused.</summary>
    public const byte NamedCurve = 3;

    private ServerKeyExchange(TlsKeyExchange keyExchange, byte[] rawParams, TlsNamedGroup? group, byte[] publicKey, byte[]? prime, byte[]? generator, TlsSignatureScheme scheme, byte[] signature)
    {
        KeyExchange = keyExchange;
        Params = rawParams;
        Group = group;
        PublicKey = publicKey;
        DhPrime = prime;
        DhGenerator = generator;
        Scheme = scheme;
        Signature = signature;
    }

    /// <summary><see cref="TlsKeyExchange.Ecdhe"/> or <see cref="TlsKeyExchange.Dhe"/>.</summary>
    public TlsKeyExchange KeyExchange { get; }

    /// <summary>The ServerECDHParams / ServerDHParams exactly as sent (the signed part after the randoms).</summary>
    public ReadOnlyMemory<byte> Params { get; }

    /// <summary>ECDHE: the named curve.</summary>
    public TlsNamedGroup? Group { get; }

    /// <summary>The server's ephemeral public value: the EC point, or dh_Ys.</summary>
    public ReadOnlyMemory<byte> PublicKey { get; }

    /// <summary>DHE: dh_p.</summary>
    public ReadOnlyMemory<byte>? DhPrime { get; }

    /// <summary>DHE: dh_g.</summary>
    public ReadOnlyMemory<byte>? DhGenerator { get; }

    /// <summary>The SignatureAndHashAlgorithm.</summary>
    public TlsSignatureScheme Scheme { get; }

    /// <summary>The signature.</summary>
    public ReadOnlyMemory<byte> Signature { get; }

    /// <summary>Builds an ECDHE ServerKeyExchange.</summary>
    /// <param name="group">The curve.</param>
    /// <param name="point">The public point (or X25519/X448 bytes).</param>
    /// <param name="scheme">The signature scheme.</param>
    /// <param name="signature">The signature over the randoms and <see cref="EcdheParams"/>.</param>
    /// <returns>The message.</returns>
    public static ServerKeyExchange CreateEcdhe(TlsNamedGroup group, ReadOnlySpan<byte> point, TlsSignatureScheme scheme, ReadOnlySpan<byte> signature) =>
        new(TlsKeyExchange.Ecdhe, EcdheParams(group, point), group, point.ToArray(), null, null, scheme, signature.ToArray());

    /// <summary>Builds a DHE ServerKeyExchange.</summary>
    /// <param name="prime">dh_p.</param>
    /// <param name="generator">dh_g.</param>
    /// <param name="publicValue">dh_Ys.</param>
    /// <param name="scheme">The signature scheme.</param>
    /// <param name="signature">The signature over the randoms and <see cref="DheParams"/>.</param>
    /// <returns>The message.</returns>
    public static ServerKeyExchange CreateDhe(ReadOnlySpan<byte> prime, ReadOnlySpan<byte> generator, ReadOnlySpan<byte> publicValue, TlsSignatureScheme scheme, ReadOnlySpan<byte> signature) =>
        new(TlsKeyExchange.Dhe, DheParams(prime, generator, publicValue), null, publicValue.ToArray(), prime.ToArray(), generator.ToArray(), scheme, signature.ToArray());

    /// <summary>Encodes ServerECDHParams (RFC 8422 §5.4).</summary>
    /// <param name="group">The curve.</param>
    /// <param name="point">The public point.</param>
    /// <returns>The encoding.</returns>
    public static byte[] EcdheParams(TlsNamedGroup group, ReadOnlySpan<byte> point)
    {
        using var writer = new TlsWriter();
        writer.WriteUInt8(NamedCurve);
        writer.WriteUInt16((ushort)group);
        writer.WriteVector8(point);
        return writer.ToArray();
    }

    /// <summary>Encodes ServerDHParams (RFC 5246 §7.4.3).</summary>
    /// <param name="prime">dh_p.</param>
    /// <param name="generator">dh_g.</param>
    /// <param name="publicValue">dh_Ys.</param>
    /// <returns>The encoding.</returns>
    public static byte[] DheParams(ReadOnlySpan<byte> prime, ReadOnlySpan<byte> generator, ReadOnlySpan<byte> publicValue)
    {
        using var writer = new TlsWriter();
        writer.WriteVector16(prime);
        writer.WriteVector16(generator);
        writer.WriteVector16(publicValue);
        return writer.ToArray();
    }

    /// <summary>The bytes the signature covers: <c>client_random || server_random || params</c>.</summary>
    /// <param name="clientRandom">ClientHello.random.</param>
    /// <param name="serverRandom">ServerHello.random.</param>
    /// <param name="rawParams">The parameters as encoded.</param>
    /// <returns>The signed content.</returns>
    public static byte[] SignedContent(ReadOnlySpan<byte> clientRandom, ReadOnlySpan<byte> serverRandom, ReadOnlySpan<byte> rawParams)
    {
        byte[] content = new byte[clientRandom.Length + serverRandom.Length + rawParams.Length];
        clientRandom.CopyTo(content);
        serverRandom.CopyTo(content.AsSpan(clientRandom.Length));
        rawParams.CopyTo(content.AsSpan(clientRandom.Length + serverRandom.Length));
        return content;
    }

    /// <summary>Decodes a ServerKeyExchange body.</summary>
    /// <param name="body">The body (after the handshake header).</param>
    /// <param name="keyExchange">The negotiated suite's key exchange (the message is not self-describing).</param>
    /// <returns>The message.</returns>
    /// <exception cref="TlsException">decode_error on malformed input; illegal_parameter for an explicit curve.</exception>
    public static ServerKeyExchange Decode(ReadOnlySpan<byte> body, TlsKeyExchange keyExchange)
    {
        var reader = new TlsReader(body);
        int start = reader.Remaining;
        TlsNamedGroup? group = null;
        byte[]? prime = null;
        byte[]? generator = null;
        byte[] publicKey;
        if (keyExchange == TlsKeyExchange.Ecdhe)
        {
            byte curveType = reader.ReadUInt8();
            if (curveType != NamedCurve)
            {
                throw TlsException.Illegal($"RFC 8422 §5.4: ECCurveType {curveType} is not named_curve");
            }

            group = (TlsNamedGroup)reader.ReadUInt16();
            publicKey = reader.ReadVector8(1, 255).ToArray();
        }
        else if (keyExchange == TlsKeyExchange.Dhe)
        {
            prime = reader.ReadVector16(1, ushort.MaxValue).ToArray();
            generator = reader.ReadVector16(1, ushort.MaxValue).ToArray();
            publicKey = reader.ReadVector16(1, ushort.MaxValue).ToArray();
        }
        else
        {
            throw TlsException.Unexpected($"RFC 5246 §7.4.3: no ServerKeyExchange is sent for {keyExchange} key exchange");
        }

        byte[] rawParams = body[..(start - reader.Remaining)].ToArray();
        var scheme = (TlsSignatureScheme)reader.ReadUInt16();
        byte[] signature = reader.ReadVector16().ToArray();
        reader.ExpectEnd("ServerKeyExchange");
        return new ServerKeyExchange(keyExchange, rawParams, group, publicKey, prime, generator, scheme, signature);
    }

    /// <inheritdoc/>
    public void EncodeBody(TlsWriter writer) => Encode(writer);

    /// <summary>Writes the body.</summary>
    /// <param name="writer">The destination.</param>
    public void Encode(TlsWriter writer)
    {
        writer.WriteBytes(Params.Span);
        writer.WriteUInt16((ushort)Scheme);
        writer.WriteVector16(Signature.Span);
    }

    /// <summary>The whole handshake message (header and body).</summary>
    /// <returns>The bytes.</returns>
    public byte[] ToMessage() => Tls12HandshakeFraming.Frame(TlsHandshakeType.ServerKeyExchange, Encode);
}
