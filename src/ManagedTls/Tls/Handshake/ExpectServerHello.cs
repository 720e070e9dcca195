using ManagedTls.Crypto;
using ManagedTls.Tls.Handshake.Tls12;
using ManagedTls.Tls.Handshake.Tls13;
using ManagedTls.Tls.Messages;

namespace ManagedTls.Tls.Handshake;

/// <summary>Client: the ClientHello is sent; waiting for ServerHello or HelloRetryRequest, where TLS 1.2 and 1.3 part ways.</summary>
internal sealed class ExpectServerHello : HandshakeState
{
    private readonly ClientHello _clientHello;
    private readonly List<TlsProtocolVersion> _versions;
    private readonly Dictionary<TlsNamedGroup, IKeyAgreement> _keyShares;
    private readonly ServerHello? _retry;

    private ExpectServerHello(ClientHello clientHello, List<TlsProtocolVersion> versions, Dictionary<TlsNamedGroup, IKeyAgreement> keyShares, ServerHello? retry)
    {
        _clientHello = clientHello;
        _versions = versions;
        _keyShares = keyShares;
        _retry = retry;
    }

    internal override string StateString => "SSLv3/TLS write client hello";

    // RFC 8446 §5: after a HelloRetryRequest the server may send its compatibility ChangeCipherSpec.
    internal override bool AcceptsCompatibilityChangeCipherSpec => _retry is not null;

    /// <summary>Builds and sends the first ClientHello.</summary>
    internal static HandshakeState Start(HandshakeContext context)
    {
        List<TlsProtocolVersion> versions = ClientHelloBuilder.OfferedVersions(context.Options);
        var keyShares = new Dictionary<TlsNamedGroup, IKeyAgreement>();
        ClientHello hello = ClientHelloBuilder.Build(context, versions, keyShares, first: null, retryGroup: null, cookie: null);
        context.Record.LegacyWriteVersion = TlsProtocolVersion.Tls10; // RFC 8446 §5.1: 0x0301 for the first ClientHello
        context.Send(hello);
        context.Record.LegacyWriteVersion = TlsProtocolVersion.Tls12;
        context.Connection.ClientRandom = hello.Random;
        context.Connection.ServerName = ClientHelloBuilder.SniName(context.ClientOptions!.ServerName);
        return new ExpectServerHello(hello, versions, keyShares, retry: null);
    }

    internal override HandshakeState Handle(HandshakeContext context, HandshakeMessage message)
    {
        Expect(message, TlsHandshakeType.ServerHello);
        ServerHello hello = ServerHello.Decode(message.Body);
        TlsProtocolVersion version = NegotiatedVersion(hello);
        if (version == TlsProtocolVersion.Tls12)
        {
            return HandOffToTls12(context, hello, message);
        }

        CheckTls13Hello(hello);
        if (hello.IsHelloRetryRequest)
        {
            return HandleHelloRetryRequest(context, hello, message);
        }

        return Tls13ClientHandshake.HandleServerHello(context, _clientHello, hello, message, _keyShares, _retry);
    }

    private TlsProtocolVersion NegotiatedVersion(ServerHello hello)
    {
        if (hello.SelectedVersion is { } selected)
        {
            // RFC 8446 §4.2.1: the server must select a version the client offered, and only TLS 1.3+ uses the extension.
            if (selected != TlsProtocolVersion.Tls13 || !_versions.Contains(TlsProtocolVersion.Tls13))
            {
                throw TlsException.Illegal($"RFC 8446 §4.2.1: the server selected version 0x{(ushort)selected:x4}, which was not offered");
            }

            if (hello.LegacyVersion != TlsProtocolVersion.Tls12)
            {
                throw TlsException.Illegal("RFC 8446 §4.1.3: legacy_version of a TLS 1.3 ServerHello must be 0x0303");
            }

            return TlsProtocolVersion.Tls13;
        }

        if (hello.IsHelloRetryRequest)
        {
            throw new TlsException(TlsError.MissingExtension, TlsAlertDescription.MissingExtension, "RFC 8446 §4.1.4: HelloRetryRequest without supported_versions");
        }

        if (_retry is not null)
        {
            throw TlsException.Illegal("RFC 8446 §4.1.4: a ServerHello after HelloRetryRequest must select TLS 1.3");
        }

        if (hello.LegacyVersion != TlsProtocolVersion.Tls12 || !_versions.Contains(TlsProtocolVersion.Tls12))
        {
            throw new TlsException(TlsError.NoCommonVersion, TlsAlertDescription.ProtocolVersion, $"the server selected version 0x{(ushort)hello.LegacyVersion:x4}, which is not offered (TLS 1.2 and 1.3 only; RFC 8996)");
        }

        // RFC 8446 §4.1.3: a TLS 1.3 client that negotiates TLS 1.2 checks for the downgrade sentinels.
        if (_versions.Contains(TlsProtocolVersion.Tls13))
        {
            ReadOnlySpan<byte> tail = hello.Random.AsSpan(24);
            if (tail.SequenceEqual(ServerHello.DowngradeTls12) || tail.SequenceEqual(ServerHello.DowngradeTls11))
            {
                throw new TlsException(TlsError.Downgrade, TlsAlertDescription.IllegalParameter, "RFC 8446 §4.1.3: the server random carries a downgrade sentinel");
            }
        }

        return TlsProtocolVersion.Tls12;
    }

    private HandshakeState HandOffToTls12(HandshakeContext context, ServerHello hello, HandshakeMessage message)
    {
        foreach (IKeyAgreement key in _keyShares.Values)
        {
            key.Dispose();
        }

        context.Connection.NegotiatedVersion = TlsProtocolVersion.Tls12;
        context.Connection.ServerRandom = hello.Random;
        context.Transcript.Add(message.Raw.Span);
        return Tls12ClientHandshake.Start(context, _clientHello, hello);
    }

    private void CheckTls13Hello(ServerHello hello)
    {
        // RFC 8446 §4.1.3: legacy_session_id_echo must echo ours; compression must be null.
        if (!hello.SessionId.AsSpan().SequenceEqual(_clientHello.SessionId))
        {
            throw TlsException.Illegal("RFC 8446 §4.1.3: legacy_session_id_echo differs from the ClientHello's session id");
        }

        if (hello.CompressionMethod != 0)
        {
            throw TlsException.Illegal("RFC 8446 §4.1.3: legacy_compression_method must be 0");
        }

        bool offered = false;
        foreach (TlsCipherSuite suite in context13Suites(_clientHello))
        {
            offered |= suite == hello.CipherSuite;
        }

        if (!offered)
        {
            throw TlsException.Illegal($"RFC 8446 §4.1.3: the server selected cipher suite {hello.CipherSuite}, which was not offered");
        }

        if (_retry is not null && _retry.CipherSuite != hello.CipherSuite)
        {
            throw TlsException.Illegal("RFC 8446 §4.1.4: the ServerHello cipher suite differs from the HelloRetryRequest's");
        }

        // RFC 8446 §4.2: only supported_versions, key_share, pre_shared_key (and cookie in an HRR) may appear.
        foreach (TlsExtension extension in hello.Extensions)
        {
            bool allowed = extension.Type is TlsExtensionType.SupportedVersions or TlsExtensionType.KeyShare
                || (hello.IsHelloRetryRequest && extension.Type == TlsExtensionType.Cookie);
            if (!allowed)
            {
                throw new TlsException(TlsError.UnsupportedExtension, TlsAlertDescription.UnsupportedExtension, $"RFC 8446 §4.2: unexpected extension {extension.Type} in ServerHello");
            }
        }

        static IEnumerable<TlsCipherSuite> context13Suites(ClientHello clientHello)
        {
            foreach (TlsCipherSuite suite in clientHello.CipherSuites)
            {
                if (((ushort)suite >> 8) == 0x13)
                {
                    yield return suite;
                }
            }
        }
    }

    private HandshakeState HandleHelloRetryRequest(HandshakeContext context, ServerHello retry, HandshakeMessage message)
    {
        if (_retry is not null)
        {
            throw TlsException.Unexpected("RFC 8446 §4.1.4: a second HelloRetryRequest");
        }

        // RFC 8446 §4.1.4: the HRR must change something, and a selected group must be offered but not yet shared.
        if (retry.SelectedGroup is null && retry.Cookie is null)
        {
            throw TlsException.Illegal("RFC 8446 §4.1.4: a HelloRetryRequest that would not change the ClientHello");
        }

        if (retry.SelectedGroup is { } group)
        {
            bool offered = _clientHello.SupportedGroups is { } groups && Array.IndexOf(groups, group) >= 0;
            if (!offered || _keyShares.ContainsKey(group) || !KeyShareGenerator.IsSupported(group))
            {
                throw TlsException.Illegal($"RFC 8446 §4.2.8: HelloRetryRequest selected group {group}, which was not offered or already had a share");
            }
        }

        context.Connection.HelloRetryRequested = true;
        context.Transcript.SetHash(Tls13Suites.Get(retry.CipherSuite).Hash);
        context.Transcript.ReplaceWithMessageHash(); // the transcript holds ClientHello1 (added when sent)
        context.Transcript.Add(message.Raw.Span);

        // Middlebox compatibility (RFC 8446 Appendix D.4): the client's ChangeCipherSpec precedes its second flight.
        if (_clientHello.SessionId.Length > 0 && !context.CompatibilityCcsSent)
        {
            context.SendChangeCipherSpec();
            context.CompatibilityCcsSent = true;
        }

        ClientHello second = ClientHelloBuilder.Build(context, _versions, _keyShares, _clientHello, retry.SelectedGroup, retry.Cookie);
        context.Send(second);
        return new ExpectServerHello(second, _versions, _keyShares, retry);
    }
}
