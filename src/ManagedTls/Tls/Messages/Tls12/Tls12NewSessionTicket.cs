using ManagedTls.Tls.Messages;
using ManagedTls.Tls.Wire;

namespace ManagedTls.Tls.Messages.Tls12;

/// <summary>
/// TLS 1.2 NewSessionTicket (RFC 5077 §3.3): <c>uint32 ticket_lifetime_hint; opaque ticket&lt;0..2^16-1&gt;</c>.
/// The client accepts and ignores it (no ticket resumption). Immutable.
/// </summary>
internal sealed class Tls12NewSessionTicket : IHandshakeBody
{
    /// <inheritdoc/>
    public TlsHandshakeType Type => TlsHandshakeType.NewSessionTicket;

    /// <summary>Creates the message.</summary>
    /// <param name="lifetimeHint">Seconds.</param>
    /// <param name="ticket">The opaque ticket.</param>
    public Tls12NewSessionTicket(uint lifetimeHint, ReadOnlyMemory<byte> ticket)
    {
        LifetimeHint = lifetimeHint;
        Ticket = ticket;
    }

    /// <summary>The lifetime hint in seconds.</summary>
    public uint LifetimeHint { get; }

    /// <summary>The ticket.</summary>
    public ReadOnlyMemory<byte> Ticket { get; }

    /// <summary>Decodes the body.</summary>
    /// <param name="body">The body.</param>
    /// <returns>The message.</returns>
    /// <exception cref="TlsException">decode_error.</exception>
    public static Tls12NewSessionTicket Decode(ReadOnlySpan<byte> body)
    {
        var reader = new TlsReader(body);
        uint hint = reader.ReadUInt32();
        byte[] ticket = reader.ReadVector16().ToArray();
        reader.ExpectEnd("NewSessionTicket");
        return new Tls12NewSessionTicket(hint, ticket);
    }

    /// <inheritdoc/>
    public void EncodeBody(TlsWriter writer) => Encode(writer);

    /// <summary>Writes the body.</summary>
    /// <param name="writer">The destination.</param>
    public void Encode(TlsWriter writer)
    {
        writer.WriteUInt32(LifetimeHint);
        writer.WriteVector16(Ticket.Span);
    }

    /// <summary>The whole handshake message.</summary>
    /// <returns>The bytes.</returns>
    public byte[] ToMessage() => Tls12HandshakeFraming.Frame(TlsHandshakeType.NewSessionTicket, Encode);
}
