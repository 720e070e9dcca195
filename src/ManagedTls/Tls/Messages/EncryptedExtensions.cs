using ManagedTls.Tls.Messages.Extensions;
using ManagedTls.Tls.Wire;

namespace ManagedTls.Tls.Messages;

/// <summary>EncryptedExtensions (RFC 8446 §4.3.1).</summary>
internal sealed class EncryptedExtensions : IHandshakeBody
{
    internal EncryptedExtensions(IReadOnlyList<TlsExtension> extensions)
    {
        Extensions = extensions;
        foreach (TlsExtension extension in extensions)
        {
            ReadOnlySpan<byte> data = extension.Data.Span;
            switch (extension.Type)
            {
                case TlsExtensionType.ServerName:
                    OpaqueExtension.ExpectEmpty(data, "server_name");
                    ServerNameAcknowledged = true;
                    break;
                case TlsExtensionType.ApplicationLayerProtocolNegotiation:
                    string[] protocols = AlpnExtension.Decode(data);
                    if (protocols.Length != 1)
                    {
                        throw TlsException.Illegal("RFC 7301 §3.1: the server selected more than one protocol");
                    }

                    ApplicationProtocol = protocols[0];
                    break;
                case TlsExtensionType.SupportedGroups:
                    SupportedGroups = UInt16ListExtension.DecodeGroups(data);
                    break;
                default:
                    break;
            }
        }
    }

    public TlsHandshakeType Type => TlsHandshakeType.EncryptedExtensions;

    internal IReadOnlyList<TlsExtension> Extensions { get; }

    internal bool ServerNameAcknowledged { get; }

    internal string? ApplicationProtocol { get; }

    internal TlsNamedGroup[]? SupportedGroups { get; }

    internal static EncryptedExtensions Decode(ReadOnlySpan<byte> body)
    {
        var reader = new TlsReader(body);
        TlsExtension[] extensions = TlsExtension.DecodeBlock(ref reader);
        reader.ExpectEnd("EncryptedExtensions");
        return new EncryptedExtensions(extensions);
    }

    /// <inheritdoc/>
    public void EncodeBody(TlsWriter writer) => TlsExtension.EncodeBlock(writer, Extensions);
}
