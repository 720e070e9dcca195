using ManagedTls.Tls.Handshake.Tls12;
using ManagedTls.Tls.Handshake.Tls13;
using ManagedTls.Tls.Messages;

namespace ManagedTls.Tls.Handshake;

/// <summary>Server: waiting for the first ClientHello; negotiates the version and hands over to TLS 1.3 or 1.2.</summary>
internal sealed class ExpectClientHello : HandshakeState
{
    internal static readonly ExpectClientHello Instance = new();

    private ExpectClientHello()
    {
    }

    internal override string StateString => "before SSL initialization";

    internal override HandshakeState Handle(HandshakeContext context, HandshakeMessage message)
    {
        Expect(message, TlsHandshakeType.ClientHello);
        ClientHello hello = ClientHello.Decode(message.Body);
        List<TlsProtocolVersion> ours = ClientHelloBuilder.OfferedVersions(context.Options);
        TlsProtocolVersion version = ChooseVersion(hello, ours);

        // RFC 7507: a fallback retry below our best version is refused.
        if (hello.Offers(TlsCipherSuite.TLS_FALLBACK_SCSV) && version < ours[0])
        {
            throw new TlsException(TlsError.Downgrade, TlsAlertDescription.InappropriateFallback, "RFC 7507: TLS_FALLBACK_SCSV below the highest supported version");
        }

        context.Connection.ClientRandom = hello.Random;
        ApplyServerName(context, hello);
        if (version == TlsProtocolVersion.Tls13)
        {
            return Tls13ServerHandshake.HandleClientHello(context, hello, message, retry: null);
        }

        context.Connection.NegotiatedVersion = TlsProtocolVersion.Tls12;
        context.Transcript.Add(message.Raw.Span);
        return Tls12ServerHandshake.Start(context, hello, ours.Contains(TlsProtocolVersion.Tls13));
    }

    /// <summary>RFC 8446 §4.2.1 / Appendix D: supported_versions when present (unknown values ignored), else legacy_version.</summary>
    internal static TlsProtocolVersion ChooseVersion(ClientHello hello, List<TlsProtocolVersion> ours)
    {
        if (hello.SupportedVersions is { } offered)
        {
            foreach (TlsProtocolVersion candidate in ours)
            {
                if (Array.IndexOf(offered, (ushort)candidate) >= 0)
                {
                    return candidate;
                }
            }

            throw new TlsException(TlsError.NoCommonVersion, TlsAlertDescription.ProtocolVersion, "RFC 8446 §4.2.1: no common protocol version in supported_versions");
        }

        // Without the extension the client offers at most TLS 1.2; a higher legacy_version means "TLS 1.2 or better".
        if (hello.LegacyVersion >= TlsProtocolVersion.Tls12 && ours.Contains(TlsProtocolVersion.Tls12))
        {
            return TlsProtocolVersion.Tls12;
        }

        throw new TlsException(TlsError.NoCommonVersion, TlsAlertDescription.ProtocolVersion, $"client version 0x{(ushort)hello.LegacyVersion:x4} is not supported (TLS 1.2 and 1.3 only; RFC 8996)");
    }

    private static void ApplyServerName(HandshakeContext context, ClientHello hello)
    {
        context.Connection.ServerName = hello.ServerName;
        if (context.ServerOptions?.ServerNameCallback is { } callback && callback(hello.ServerName) is { } identity)
        {
            context.LocalIdentity = identity;
        }
    }
}
