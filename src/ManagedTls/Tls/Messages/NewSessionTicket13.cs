using ManagedTls.Tls.Wire;

namespace ManagedTls.Tls.Messages;

/// <summary>NewSessionTicket in its TLS 1.3 form (RFC 8446 §4.6.1). Parsed and validated; resumption is not offered.</summary>
internal sealed class NewSessionTicket13
{
    private NewSessionTicket13(uint lifetime, uint ageAdd, byte[] nonce, byte[] ticket, IReadOnlyList<TlsExtension> extensions)
    {
        Lifetime = lifetime;
        AgeAdd = ageAdd;
        Nonce = nonce;
        Ticket = ticket;
        Extensions = extensions;
    }

    internal uint Lifetime { get; }

    internal uint AgeAdd { get; }

    internal byte[] Nonce { get; }

    internal byte[] Ticket { get; }

    internal IReadOnlyList<TlsExtension> Extensions { get; }

    internal static NewSessionTicket13 Decode(ReadOnlySpan<byte> body)
    {
        var reader = new TlsReader(body);
        uint lifetime = reader.ReadUInt32();
        uint ageAdd = reader.ReadUInt32();
        byte[] nonce = reader.ReadVector8().ToArray();
        byte[] ticket = reader.ReadVector16(1, 0xFFFF).ToArray();
        TlsExtension[] extensions = TlsExtension.DecodeBlock(ref reader);
        reader.ExpectEnd("NewSessionTicket");
        if (lifetime > 604800)
        {
            throw TlsException.Illegal("RFC 8446 §4.6.1: ticket_lifetime over seven days");
        }

        return new NewSessionTicket13(lifetime, ageAdd, nonce, ticket, extensions);
    }
}
