using ManagedTls.Tls.Messages;
using ManagedTls.Tls.Suites;
using ManagedTls.Tls.Wire;

namespace ManagedTls.Tls.Messages.Tls12;

/// <summary>
/// TLS 1.2 ClientKeyExchange: the client's ECDHE point (RFC 8422 §5.7, <c>opaque point&lt;1..2^8-1&gt;</c>), its DHE
/// Yc (RFC 5246 §7.4.7.2, <c>opaque dh_Yc&lt;1..2^16-1&gt;</c>) or the RSA-encrypted premaster secret (§7.4.7.1,
/// <c>opaque&lt;0..2^16-1&gt;</c>). Immutable.
/// </summary>
internal sealed class ClientKeyExchange : IHandshakeBody
{
    /// <inheritdoc/>
    public TlsHandshakeType Type => TlsHandshakeType.ClientKeyExchange;

    private ClientKeyExchange(TlsKeyExchange keyExchange, byte[] exchangeKeys)
    {
        KeyExchange = keyExchange;
        ExchangeKeys = exchangeKeys;
    }

    /// <summary>The key exchange this message belongs to.</summary>
    public TlsKeyExchange KeyExchange { get; }

    /// <summary>The point, Yc, or the encrypted premaster secret.</summary>
    public ReadOnlyMemory<byte> ExchangeKeys { get; }

    /// <summary>Builds the message.</summary>
    /// <param name="keyExchange">Ecdhe, Dhe or Rsa.</param>
    /// <param name="exchangeKeys">The client's public value or the encrypted premaster secret.</param>
    /// <returns>The message.</returns>
    /// <exception cref="ArgumentException">The value does not fit its vector.</exception>
    public static ClientKeyExchange Create(TlsKeyExchange keyExchange, ReadOnlySpan<byte> exchangeKeys)
    {
        int max = keyExchange == TlsKeyExchange.Ecdhe ? byte.MaxValue : ushort.MaxValue;
        if (exchangeKeys.Length > max || (exchangeKeys.IsEmpty && keyExchange != TlsKeyExchange.Rsa))
        {
            throw new ArgumentException($"a {keyExchange} ClientKeyExchange value must be 1..{max} bytes", nameof(exchangeKeys));
        }

        return new ClientKeyExchange(keyExchange, exchangeKeys.ToArray());
    }

    /// <summary>Decodes a ClientKeyExchange body.</summary>
    /// <param name="body">The body.</param>
    /// <param name="keyExchange">The negotiated key exchange.</param>
    /// <returns>The message.</returns>
    /// <exception cref="TlsException">decode_error.</exception>
    public static ClientKeyExchange Decode(ReadOnlySpan<byte> body, TlsKeyExchange keyExchange)
    {
        var reader = new TlsReader(body);
        byte[] value = keyExchange switch
        {
            TlsKeyExchange.Ecdhe => reader.ReadVector8(1, byte.MaxValue).ToArray(),
            TlsKeyExchange.Dhe => reader.ReadVector16(1, ushort.MaxValue).ToArray(),
            TlsKeyExchange.Rsa => reader.ReadVector16().ToArray(),
            _ => throw TlsException.Unexpected($"RFC 5246 §7.4.7: no ClientKeyExchange form for {keyExchange}"),
        };
        reader.ExpectEnd("ClientKeyExchange");
        return new ClientKeyExchange(keyExchange, value);
    }

    /// <inheritdoc/>
    public void EncodeBody(TlsWriter writer) => Encode(writer);

    /// <summary>Writes the body.</summary>
    /// <param name="writer">The destination.</param>
    public void Encode(TlsWriter writer)
    {
        if (KeyExchange == TlsKeyExchange.Ecdhe)
        {
            writer.WriteVector8(ExchangeKeys.Span);
        }
        else
        {
            writer.WriteVector16(ExchangeKeys.Span);
        }
    }

    /// <summary>The whole handshake message.</summary>
    /// <returns>The bytes.</returns>
    public byte[] ToMessage() => Tls12HandshakeFraming.Frame(TlsHandshakeType.ClientKeyExchange, Encode);
}
