using ManagedTls.Tls.Messages.Extensions;
using ManagedTls.Tls.Wire;

namespace ManagedTls.Tls.Messages;

/// <summary>
/// ServerHello and HelloRetryRequest (RFC 8446 §4.1.3, §4.1.4; RFC 5246 §7.4.1.3). A HelloRetryRequest is a
/// ServerHello whose random is the SHA-256 of "HelloRetryRequest".
/// </summary>
internal sealed class ServerHello : IHandshakeBody
{
    /// <summary>The special random of a HelloRetryRequest (RFC 8446 §4.1.3).</summary>
    internal static ReadOnlySpan<byte> HelloRetryRequestRandom =>
    [
        0xCF, 0x21, 0xAD, 0x74, 0xE5, 0x9A, 0x61, 0x11, 0xBE, 0x1D, 0x8C, 0x02, 0x1E, 0x65, 0xB8, 0x91,
        0xC2, 0xA2, 0x11, 0x16, 0x7A, 0xBB, 0x8C, 0x5E, 0x07, 0x9E, 0x09, 0xE2, 0xC8, 0xA8, 0x33, 0x9C,
    ];

    /// <summary>The last 8 bytes of a TLS 1.3 server's random when it negotiates TLS 1.2 (RFC 8446 §4.1.3).</summary>
    internal static ReadOnlySpan<byte> DowngradeTls12 => [0x44, 0x4F, 0x57, 0x4E, 0x47, 0x52, 0x44, 0x01];

    /// <summary>The last 8 bytes of the server random when it negotiates TLS 1.1 or below.</summary>
    internal static ReadOnlySpan<byte> DowngradeTls11 => [0x44, 0x4F, 0x57, 0x4E, 0x47, 0x52, 0x44, 0x00];

    internal ServerHello(TlsProtocolVersion legacyVersion, byte[] random, byte[] sessionId, TlsCipherSuite cipherSuite, byte compressionMethod, IReadOnlyList<TlsExtension> extensions)
    {
        LegacyVersion = legacyVersion;
        Random = random;
        SessionId = sessionId;
        CipherSuite = cipherSuite;
        CompressionMethod = compressionMethod;
        Extensions = extensions;
        IsHelloRetryRequest = random.AsSpan().SequenceEqual(HelloRetryRequestRandom);
        ParseExtensions();
    }

    public TlsHandshakeType Type => TlsHandshakeType.ServerHello;

    internal TlsProtocolVersion LegacyVersion { get; }

    internal byte[] Random { get; }

    internal byte[] SessionId { get; }

    internal TlsCipherSuite CipherSuite { get; }

    internal byte CompressionMethod { get; }

    internal IReadOnlyList<TlsExtension> Extensions { get; }

    internal bool IsHelloRetryRequest { get; }

    /// <summary>The supported_versions selection, or null when absent (then the version is <see cref="LegacyVersion"/>).</summary>
    internal TlsProtocolVersion? SelectedVersion { get; private set; }

    /// <summary>ServerHello: the server's key share.</summary>
    internal KeyShareEntry? KeyShare { get; private set; }

    /// <summary>HelloRetryRequest: the group the client must use.</summary>
    internal TlsNamedGroup? SelectedGroup { get; private set; }

    internal byte[]? Cookie { get; private set; }

    internal byte[]? RenegotiationInfo { get; private set; }

    internal bool ExtendedMasterSecret { get; private set; }

    internal byte[]? EcPointFormats { get; private set; }

    internal string[]? ApplicationProtocols { get; private set; }

    internal bool SessionTicket { get; private set; }

    /// <summary>The version this hello selects: supported_versions when present, else legacy_version.</summary>
    internal TlsProtocolVersion Version => SelectedVersion ?? LegacyVersion;

    /// <summary>Decodes the body (without the 4-byte handshake header).</summary>
    internal static ServerHello Decode(ReadOnlySpan<byte> body)
    {
        var reader = new TlsReader(body);
        var legacyVersion = (TlsProtocolVersion)reader.ReadUInt16();
        byte[] random = reader.ReadBytes(32).ToArray();
        byte[] sessionId = reader.ReadVector8(0, 32).ToArray();
        var suite = (TlsCipherSuite)reader.ReadUInt16();
        byte compression = reader.ReadUInt8();
        TlsExtension[] extensions = reader.IsEmpty ? [] : TlsExtension.DecodeBlock(ref reader);
        reader.ExpectEnd("ServerHello");
        return new ServerHello(legacyVersion, random, sessionId, suite, compression, extensions);
    }

    /// <inheritdoc/>
    public void EncodeBody(TlsWriter writer)
    {
        writer.WriteUInt16((ushort)LegacyVersion);
        writer.WriteBytes(Random);
        writer.WriteVector8(SessionId);
        writer.WriteUInt16((ushort)CipherSuite);
        writer.WriteUInt8(CompressionMethod);
        if (Extensions.Count > 0)
        {
            TlsExtension.EncodeBlock(writer, Extensions);
        }
    }

    private void ParseExtensions()
    {
        foreach (TlsExtension extension in Extensions)
        {
            ReadOnlySpan<byte> data = extension.Data.Span;
            switch (extension.Type)
            {
                case TlsExtensionType.SupportedVersions:
                    SelectedVersion = SupportedVersionsExtension.DecodeServer(data);
                    break;
                case TlsExtensionType.KeyShare:
                    if (IsHelloRetryRequest)
                    {
                        SelectedGroup = KeyShareExtension.DecodeRetry(data);
                    }
                    else
                    {
                        KeyShare = KeyShareExtension.DecodeServer(data);
                    }

                    break;
                case TlsExtensionType.Cookie:
                    Cookie = OpaqueExtension.DecodeVector16(data, 1, "cookie");
                    break;
                case TlsExtensionType.RenegotiationInfo:
                    RenegotiationInfo = OpaqueExtension.DecodeVector8(data, 0, "renegotiation_info");
                    break;
                case TlsExtensionType.ExtendedMasterSecret:
                    OpaqueExtension.ExpectEmpty(data, "extended_master_secret");
                    ExtendedMasterSecret = true;
                    break;
                case TlsExtensionType.EcPointFormats:
                    EcPointFormats = OpaqueExtension.DecodeVector8(data, 1, "ec_point_formats");
                    break;
                case TlsExtensionType.ApplicationLayerProtocolNegotiation:
                    ApplicationProtocols = AlpnExtension.Decode(data);
                    if (ApplicationProtocols.Length != 1)
                    {
                        throw TlsException.Illegal("RFC 7301 §3.1: the server selected more than one protocol");
                    }

                    break;
                case TlsExtensionType.SessionTicket:
                    OpaqueExtension.ExpectEmpty(data, "session_ticket");
                    SessionTicket = true;
                    break;
                default:
                    break; // the client state checks every extension against what it offered
            }
        }
    }
}
