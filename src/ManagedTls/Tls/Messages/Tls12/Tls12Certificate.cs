using ManagedTls.Tls.Messages;
using ManagedTls.Tls.Wire;

namespace ManagedTls.Tls.Messages.Tls12;

/// <summary>
/// TLS 1.2 Certificate (RFC 5246 §7.4.2): <c>ASN.1Cert certificate_list&lt;0..2^24-1&gt;</c>, each
/// <c>opaque ASN.1Cert&lt;1..2^24-1&gt;</c>, sender's certificate first. Holds the DER; parsing the certificates is
/// the state's job (a bad certificate is bad_certificate, not decode_error). Immutable.
/// </summary>
internal sealed class Tls12Certificate : IHandshakeBody
{
    /// <inheritdoc/>
    public TlsHandshakeType Type => TlsHandshakeType.Certificate;

    /// <summary>Creates the message.</summary>
    /// <param name="certificates">DER certificates, leaf first (empty = no certificate, client only).</param>
    public Tls12Certificate(IReadOnlyList<ReadOnlyMemory<byte>> certificates) => Certificates = certificates;

    /// <summary>The DER certificates, leaf first.</summary>
    public IReadOnlyList<ReadOnlyMemory<byte>> Certificates { get; }

    /// <summary>Decodes a Certificate body.</summary>
    /// <param name="body">The body.</param>
    /// <returns>The message.</returns>
    /// <exception cref="TlsException">decode_error.</exception>
    public static Tls12Certificate Decode(ReadOnlySpan<byte> body)
    {
        var reader = new TlsReader(body);
        TlsReader list = reader.ReadNested24();
        reader.ExpectEnd("Certificate");
        var certificates = new List<ReadOnlyMemory<byte>>();
        while (!list.IsEmpty)
        {
            certificates.Add(list.ReadVector24(1, (1 << 24) - 1).ToArray());
        }

        return new Tls12Certificate(certificates);
    }

    /// <inheritdoc/>
    public void EncodeBody(TlsWriter writer) => Encode(writer);

    /// <summary>Writes the body.</summary>
    /// <param name="writer">The destination.</param>
    public void Encode(TlsWriter writer)
    {
        using (writer.PushVector24())
        {
            foreach (ReadOnlyMemory<byte> certificate in Certificates)
            {
                writer.WriteVector24(certificate.Span);
            }
        }
    }

    /// <summary>The whole handshake message.</summary>
    /// <returns>The bytes.</returns>
    public byte[] ToMessage() => Tls12HandshakeFraming.Frame(TlsHandshakeType.Certificate, Encode);
}
