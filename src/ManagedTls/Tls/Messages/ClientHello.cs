using ManagedTls.Tls.Messages.Extensions;
using ManagedTls.Tls.Wire;

namespace ManagedTls.Tls.Messages;

/// <summary>
/// ClientHello (RFC 8446 §4.1.2, RFC 5246 §7.4.1.2). Immutable; the extensions keep their wire order and the known
/// ones are parsed when decoding, so a malformed extension fails the message with decode_error.
/// </summary>
internal sealed class ClientHello : IHandshakeBody
{
    internal ClientHello(TlsProtocolVersion legacyVersion, byte[] random, byte[] sessionId, IReadOnlyList<TlsCipherSuite> cipherSuites, byte[] compressionMethods, IReadOnlyList<TlsExtension> extensions)
    {
        LegacyVersion = legacyVersion;
        Random = random;
        SessionId = sessionId;
        CipherSuites = cipherSuites;
        CompressionMethods = compressionMethods;
        Extensions = extensions;
        ParseExtensions();
    }

    public TlsHandshakeType Type => TlsHandshakeType.ClientHello;

    internal TlsProtocolVersion LegacyVersion { get; }

    internal byte[] Random { get; }

    internal byte[] SessionId { get; }

    internal IReadOnlyList<TlsCipherSuite> CipherSuites { get; }

    internal byte[] CompressionMethods { get; }

    internal IReadOnlyList<TlsExtension> Extensions { get; }

    internal string? ServerName { get; private set; }

    internal bool HasServerName { get; private set; }

    internal TlsNamedGroup[]? SupportedGroups { get; private set; }

    internal TlsSignatureScheme[]? SignatureAlgorithms { get; private set; }

    internal TlsSignatureScheme[]? SignatureAlgorithmsCert { get; private set; }

    internal ushort[]? SupportedVersions { get; private set; }

    internal KeyShareEntry[]? KeyShares { get; private set; }

    internal byte[]? Cookie { get; private set; }

    internal byte[]? PskKeyExchangeModes { get; private set; }

    internal byte[]? EcPointFormats { get; private set; }

    internal byte[]? RenegotiationInfo { get; private set; }

    internal bool ExtendedMasterSecret { get; private set; }

    internal string[]? ApplicationProtocols { get; private set; }

    internal ReadOnlyMemory<byte>? SessionTicket { get; private set; }

    internal bool HasPreSharedKey { get; private set; }

    internal bool HasEarlyData { get; private set; }

    /// <summary>Decodes the body (without the 4-byte handshake header).</summary>
    internal static ClientHello Decode(ReadOnlySpan<byte> body)
    {
        var reader = new TlsReader(body);
        var legacyVersion = (TlsProtocolVersion)reader.ReadUInt16();
        byte[] random = reader.ReadBytes(32).ToArray();
        byte[] sessionId = reader.ReadVector8(0, 32).ToArray();
        ReadOnlySpan<byte> suites = reader.ReadVector16(2, 0xFFFE);
        if ((suites.Length & 1) != 0)
        {
            throw TlsException.Decode("RFC 8446 §4.1.2: odd cipher_suites length");
        }

        var cipherSuites = new TlsCipherSuite[suites.Length / 2];
        for (int i = 0; i < cipherSuites.Length; i++)
        {
            cipherSuites[i] = (TlsCipherSuite)((suites[2 * i] << 8) | suites[(2 * i) + 1]);
        }

        byte[] compression = reader.ReadVector8(1, 255).ToArray();
        TlsExtension[] extensions = reader.IsEmpty ? [] : TlsExtension.DecodeBlock(ref reader);
        reader.ExpectEnd("ClientHello");
        return new ClientHello(legacyVersion, random, sessionId, cipherSuites, compression, extensions);
    }

    /// <inheritdoc/>
    public void EncodeBody(TlsWriter writer)
    {
        writer.WriteUInt16((ushort)LegacyVersion);
        writer.WriteBytes(Random);
        writer.WriteVector8(SessionId);
        using (writer.PushVector16())
        {
            foreach (TlsCipherSuite suite in CipherSuites)
            {
                writer.WriteUInt16((ushort)suite);
            }
        }

        writer.WriteVector8(CompressionMethods);
        if (Extensions.Count > 0)
        {
            TlsExtension.EncodeBlock(writer, Extensions);
        }
    }

    internal bool Offers(TlsCipherSuite suite)
    {
        foreach (TlsCipherSuite offered in CipherSuites)
        {
            if (offered == suite)
            {
                return true;
            }
        }

        return false;
    }

    private void ParseExtensions()
    {
        for (int i = 0; i < Extensions.Count; i++)
        {
            TlsExtension extension = Extensions[i];
            ReadOnlySpan<byte> data = extension.Data.Span;
            switch (extension.Type)
            {
                case TlsExtensionType.ServerName:
                    HasServerName = true;
                    ServerName = ServerNameExtension.Decode(data);
                    break;
                case TlsExtensionType.SupportedGroups:
                    SupportedGroups = UInt16ListExtension.DecodeGroups(data);
                    break;
                case TlsExtensionType.SignatureAlgorithms:
                    SignatureAlgorithms = UInt16ListExtension.DecodeSchemes(data, "signature_algorithms");
                    break;
                case TlsExtensionType.SignatureAlgorithmsCert:
                    SignatureAlgorithmsCert = UInt16ListExtension.DecodeSchemes(data, "signature_algorithms_cert");
                    break;
                case TlsExtensionType.SupportedVersions:
                    SupportedVersions = SupportedVersionsExtension.DecodeClient(data);
                    break;
                case TlsExtensionType.KeyShare:
                    KeyShares = KeyShareExtension.DecodeClient(data);
                    break;
                case TlsExtensionType.Cookie:
                    Cookie = OpaqueExtension.DecodeVector16(data, 1, "cookie");
                    break;
                case TlsExtensionType.PskKeyExchangeModes:
                    PskKeyExchangeModes = OpaqueExtension.DecodeVector8(data, 1, "psk_key_exchange_modes");
                    break;
                case TlsExtensionType.EcPointFormats:
                    EcPointFormats = OpaqueExtension.DecodeVector8(data, 1, "ec_point_formats");
                    break;
                case TlsExtensionType.RenegotiationInfo:
                    RenegotiationInfo = OpaqueExtension.DecodeVector8(data, 0, "renegotiation_info");
                    break;
                case TlsExtensionType.ExtendedMasterSecret:
                    OpaqueExtension.ExpectEmpty(data, "extended_master_secret");
                    ExtendedMasterSecret = true;
                    break;
                case TlsExtensionType.ApplicationLayerProtocolNegotiation:
                    ApplicationProtocols = AlpnExtension.Decode(data);
                    break;
                case TlsExtensionType.SessionTicket:
                    SessionTicket = extension.Data;
                    break;
                case TlsExtensionType.PreSharedKey:
                    if (i != Extensions.Count - 1)
                    {
                        throw TlsException.Illegal("RFC 8446 §4.2.11: pre_shared_key is not the last extension");
                    }

                    HasPreSharedKey = true;
                    break;
                case TlsExtensionType.EarlyData:
                    HasEarlyData = true;
                    break;
                default:
                    break; // RFC 8446 §4.2: unknown extensions are ignored by the server
            }
        }
    }
}
