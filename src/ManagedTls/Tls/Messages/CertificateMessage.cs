using ManagedTls.Tls.Wire;

namespace ManagedTls.Tls.Messages;

/// <summary>
/// Certificate in its TLS 1.3 form (RFC 8446 §4.4.2: request context + entries with extensions) or its TLS 1.2 form
/// (RFC 5246 §7.4.2: a list of DER certificates).
/// </summary>
internal sealed class CertificateMessage : IHandshakeBody
{
    internal CertificateMessage(bool isTls13, byte[] requestContext, IReadOnlyList<CertificateEntry> entries)
    {
        IsTls13 = isTls13;
        RequestContext = requestContext;
        Entries = entries;
    }

    public TlsHandshakeType Type => TlsHandshakeType.Certificate;

    internal bool IsTls13 { get; }

    internal byte[] RequestContext { get; }

    internal IReadOnlyList<CertificateEntry> Entries { get; }

    internal static CertificateMessage Decode(ReadOnlySpan<byte> body, bool isTls13)
    {
        var reader = new TlsReader(body);
        byte[] context = isTls13 ? reader.ReadVector8().ToArray() : [];
        TlsReader list = reader.ReadNested24();
        reader.ExpectEnd("Certificate");
        var entries = new List<CertificateEntry>();
        while (!list.IsEmpty)
        {
            byte[] der = list.ReadVector24(1, 0xFFFFFF).ToArray();
            IReadOnlyList<TlsExtension> extensions = isTls13 ? TlsExtension.DecodeBlock(ref list) : [];
            entries.Add(new CertificateEntry(der, extensions));
        }

        return new CertificateMessage(isTls13, context, entries);
    }

    /// <inheritdoc/>
    public void EncodeBody(TlsWriter writer)
    {
        if (IsTls13)
        {
            writer.WriteVector8(RequestContext);
        }

        using (writer.PushVector24())
        {
            foreach (CertificateEntry entry in Entries)
            {
                writer.WriteVector24(entry.CertificateData.Span);
                if (IsTls13)
                {
                    TlsExtension.EncodeBlock(writer, entry.Extensions);
                }
            }
        }
    }
}
