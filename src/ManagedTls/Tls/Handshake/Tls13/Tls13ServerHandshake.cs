using ManagedTls.Crypto;
using ManagedTls.Tls.Messages;
using ManagedTls.Tls.Messages.Extensions;
using ManagedTls.Tls.Suites;

namespace ManagedTls.Tls.Handshake.Tls13;

/// <summary>What the server remembers between its HelloRetryRequest and the second ClientHello (RFC 8446 §4.1.4).</summary>
internal sealed record Tls13RetryState(ClientHello FirstHello, TlsCipherSuite Suite, TlsNamedGroup? Group, byte[]? Cookie);

/// <summary>Server: TLS 1.3 from the ClientHello to the server's Finished (RFC 8446 §4.1–§4.4).</summary>
internal static class Tls13ServerHandshake
{
    internal static HandshakeState HandleClientHello(HandshakeContext context, ClientHello hello, HandshakeMessage message, Tls13RetryState? retry)
    {
        TlsServerOptions options = context.ServerOptions!;
        if (hello.CompressionMethods.Length != 1 || hello.CompressionMethods[0] != 0)
        {
            throw TlsException.Illegal("RFC 8446 §4.1.2: legacy_compression_methods must be exactly [null]");
        }

        if (retry is not null)
        {
            CheckSecondHello(retry, hello);
        }

        TlsCipherSuite suite = retry?.Suite ?? ChooseSuite(options, hello);
        TlsCipherSuiteInfo suiteInfo = Tls13Suites.Get(suite);

        // RFC 8446 §9.2: without PSK, a TLS 1.3 ClientHello must carry these.
        if (hello.SupportedGroups is null || hello.KeyShares is null)
        {
            throw new TlsException(TlsError.MissingExtension, TlsAlertDescription.MissingExtension, "RFC 8446 §9.2: ClientHello without supported_groups / key_share");
        }

        if (hello.SignatureAlgorithms is null)
        {
            throw new TlsException(TlsError.MissingExtension, TlsAlertDescription.MissingExtension, "RFC 8446 §9.2: ClientHello without signature_algorithms");
        }

        TlsCertificateIdentity identity = context.LocalIdentity
            ?? throw new TlsException(TlsError.Configuration, TlsAlertDescription.HandshakeFailure, "the server has no certificate");
        TlsSignatureScheme scheme = TlsSignatures.Choose(hello.SignatureAlgorithms, ExpectServerFinished.ToList(context.Options.SignatureSchemes), identity.Key, TlsProtocolVersion.Tls13)
            ?? throw new TlsException(TlsError.NoCommonSignatureScheme, TlsAlertDescription.HandshakeFailure, "RFC 8446 §4.4.2.2: no signature scheme fits both the client's list and the server key");

        string? alpn = ChooseAlpn(options, hello);
        KeyShareEntry? share = ChooseKeyShare(options, hello, retry, out TlsNamedGroup? retryGroup);
        bool wantCookie = retry is null && options.RequireHelloRetryCookie;
        if (share is null || wantCookie)
        {
            if (retry is not null)
            {
                throw TlsException.Illegal("RFC 8446 §4.1.4: the second ClientHello still lacks an acceptable key share");
            }

            return SendHelloRetryRequest(context, hello, message, suite, suiteInfo, share is null ? retryGroup : null, wantCookie);
        }

        // ServerHello.
        if (retry is null)
        {
            context.Transcript.SetHash(suiteInfo.Hash);
        }

        context.Transcript.Add(message.Raw.Span);
        TlsConnection connection = context.Connection;
        connection.NegotiatedVersion = TlsProtocolVersion.Tls13;
        connection.NegotiatedCipherSuite = suite;
        connection.NegotiatedGroup = share.Value.Group;
        connection.NegotiatedApplicationProtocol = alpn;
        connection.SessionId = hello.SessionId.Length > 0 ? hello.SessionId : null;

        byte[] shared;
        byte[] serverShare;
        using (IKeyAgreement key = KeyShareGenerator.Generate(context, share.Value.Group))
        {
            serverShare = key.PublicKey.ToArray();
            shared = KeyShareGenerator.Agree(key, share.Value.KeyExchange.Span);
        }

        byte[] random = new byte[32];
        context.FillRandom(random);
        connection.ServerRandom = random;
        var serverHello = new ServerHello(TlsProtocolVersion.Tls12, random, hello.SessionId, suite, 0,
        [
            new TlsExtension(TlsExtensionType.SupportedVersions, SupportedVersionsExtension.EncodeServer(TlsProtocolVersion.Tls13)),
            new TlsExtension(TlsExtensionType.KeyShare, KeyShareExtension.EncodeServer(new KeyShareEntry(share.Value.Group, serverShare))),
        ]);
        context.Send(serverHello);
        Tls13TrafficSecrets secrets;
        try
        {
            secrets = Tls13TrafficSecrets.Derive(context, suiteInfo, shared);
        }
        finally
        {
            SecretMemory.Zero(shared);
        }

        SendCompatibilityCcs(context, hello);
        context.Record.IsTls13 = true;
        context.SetWriteProtection(Tls13TrafficSecrets.Protection(context, suiteInfo, secrets.ServerHandshakeSecret));
        return SendServerFlight(context, hello, secrets, identity, scheme, alpn);
    }

    private static HandshakeState SendServerFlight(HandshakeContext context, ClientHello hello, Tls13TrafficSecrets secrets, TlsCertificateIdentity identity, TlsSignatureScheme scheme, string? alpn)
    {
        var extensions = new List<TlsExtension>();
        if (hello.ServerName is not null)
        {
            extensions.Add(new TlsExtension(TlsExtensionType.ServerName, Array.Empty<byte>()));
        }

        if (alpn is not null)
        {
            extensions.Add(new TlsExtension(TlsExtensionType.ApplicationLayerProtocolNegotiation, AlpnExtension.Encode([alpn])));
        }

        context.Send(new EncryptedExtensions(extensions));

        bool requestCertificate = (context.Options.VerifyMode & TlsVerifyMode.Peer) != 0;
        if (requestCertificate)
        {
            context.Send(new CertificateRequest13([],
            [
                new TlsExtension(TlsExtensionType.SignatureAlgorithms, UInt16ListExtension.EncodeSchemes(context.Options.SignatureSchemes)),
            ]));
        }

        Tls13Authentication.SendCertificate(context, identity, []);
        context.Connection.LocalCertificate = identity;
        Tls13Authentication.SendCertificateVerify(context, scheme, identity.Key, server: true);
        byte[] verifyData = secrets.FinishedData(context, secrets.ServerHandshakeSecret);
        context.Send(new Finished(verifyData));
        context.Connection.LocalFinished = verifyData;

        Tls13ApplicationSecrets application = secrets.DeriveApplication(context);
        context.SetWriteProtection(Tls13TrafficSecrets.Protection(context, secrets.Suite, application.ServerSecret));
        context.SetReadProtection(Tls13TrafficSecrets.Protection(context, secrets.Suite, secrets.ClientHandshakeSecret));
        return requestCertificate
            ? new ExpectClientCertificate(secrets, application)
            : new ExpectClientFinished(secrets, application);
    }

    private static HandshakeState SendHelloRetryRequest(HandshakeContext context, ClientHello hello, HandshakeMessage message, TlsCipherSuite suite, TlsCipherSuiteInfo suiteInfo, TlsNamedGroup? group, bool withCookie)
    {
        var extensions = new List<TlsExtension>
        {
            new(TlsExtensionType.SupportedVersions, SupportedVersionsExtension.EncodeServer(TlsProtocolVersion.Tls13)),
        };
        if (group is { } selected)
        {
            extensions.Add(new TlsExtension(TlsExtensionType.KeyShare, KeyShareExtension.EncodeRetry(selected)));
        }

        byte[]? cookie = null;
        if (withCookie)
        {
            cookie = new byte[32];
            context.FillRandom(cookie);
            extensions.Add(new TlsExtension(TlsExtensionType.Cookie, OpaqueExtension.EncodeVector16(cookie)));
        }

        context.Connection.HelloRetryRequested = true;
        context.Transcript.SetHash(suiteInfo.Hash);
        context.Transcript.Add(message.Raw.Span);
        context.Transcript.ReplaceWithMessageHash();
        context.Send(new ServerHello(TlsProtocolVersion.Tls12, ServerHello.HelloRetryRequestRandom.ToArray(), hello.SessionId, suite, 0, extensions));
        SendCompatibilityCcs(context, hello);
        return new ExpectSecondClientHello(new Tls13RetryState(hello, suite, group, cookie));
    }

    private static void SendCompatibilityCcs(HandshakeContext context, ClientHello hello)
    {
        // RFC 8446 Appendix D.4: a server answering a compatibility-mode client sends one CCS after its first hello.
        if (hello.SessionId.Length > 0 && !context.CompatibilityCcsSent && (context.Options.Flags & TlsOptionFlags.NoMiddleboxCompatibility) == 0)
        {
            context.SendChangeCipherSpec();
            context.CompatibilityCcsSent = true;
        }
    }

    private static void CheckSecondHello(Tls13RetryState retry, ClientHello hello)
    {
        // RFC 8446 §4.1.2: the second ClientHello repeats the first, except key_share, cookie, early_data and padding.
        if (!hello.Random.AsSpan().SequenceEqual(retry.FirstHello.Random) || !hello.SessionId.AsSpan().SequenceEqual(retry.FirstHello.SessionId))
        {
            throw TlsException.Illegal("RFC 8446 §4.1.2: the second ClientHello changed random or legacy_session_id");
        }

        if (!hello.Offers(retry.Suite))
        {
            throw TlsException.Illegal("RFC 8446 §4.1.4: the second ClientHello no longer offers the selected cipher suite");
        }

        if (hello.SupportedVersions is null || Array.IndexOf(hello.SupportedVersions, (ushort)TlsProtocolVersion.Tls13) < 0)
        {
            throw TlsException.Illegal("RFC 8446 §4.1.4: the second ClientHello no longer offers TLS 1.3");
        }

        if (retry.Cookie is not null && (hello.Cookie is null || !hello.Cookie.AsSpan().SequenceEqual(retry.Cookie)))
        {
            throw TlsException.Illegal("RFC 8446 §4.2.2: the second ClientHello does not echo the cookie");
        }

        if (retry.Cookie is null && hello.Cookie is not null)
        {
            throw new TlsException(TlsError.UnsupportedExtension, TlsAlertDescription.UnsupportedExtension, "RFC 8446 §4.2.2: cookie sent but none was requested");
        }

        if (retry.Group is { } group && (hello.KeyShares is not { Length: 1 } shares || shares[0].Group != group))
        {
            throw TlsException.Illegal("RFC 8446 §4.2.8: the second ClientHello must carry exactly one key share, for the selected group");
        }
    }

    private static TlsCipherSuite ChooseSuite(TlsServerOptions options, ClientHello hello)
    {
        bool serverOrder = (options.Flags & TlsOptionFlags.CipherServerPreference) != 0;
        if (serverOrder)
        {
            foreach (TlsCipherSuite ours in options.Tls13CipherSuites)
            {
                if (hello.Offers(ours) && Tls13Suites.IsSupported(ours))
                {
                    return ours;
                }
            }
        }
        else
        {
            foreach (TlsCipherSuite theirs in hello.CipherSuites)
            {
                if (options.Tls13CipherSuites.Contains(theirs) && Tls13Suites.IsSupported(theirs))
                {
                    return theirs;
                }
            }
        }

        throw new TlsException(TlsError.NoCommonCipherSuite, TlsAlertDescription.HandshakeFailure, "RFC 8446 §4.1.1: no common TLS 1.3 cipher suite");
    }

    /// <summary>
    /// Picks the client key share to use, or null with <paramref name="retryGroup"/> set to the group to ask for in a
    /// HelloRetryRequest (RFC 8446 §4.1.1, §4.2.8).
    /// </summary>
    private static KeyShareEntry? ChooseKeyShare(TlsServerOptions options, ClientHello hello, Tls13RetryState? retry, out TlsNamedGroup? retryGroup)
    {
        retryGroup = null;
        TlsNamedGroup[] clientGroups = hello.SupportedGroups!;
        KeyShareEntry[] shares = hello.KeyShares!;
        TlsNamedGroup? preferred = null;
        foreach (TlsNamedGroup ours in options.Groups)
        {
            if (KeyShareGenerator.IsSupported(ours) && Array.IndexOf(clientGroups, ours) >= 0)
            {
                preferred = ours;
                break;
            }
        }

        if (preferred is null)
        {
            throw new TlsException(TlsError.NoCommonGroup, TlsAlertDescription.HandshakeFailure, "RFC 8446 §4.1.1: no common key exchange group");
        }

        foreach (KeyShareEntry share in shares)
        {
            // RFC 8446 §4.2.8: each share must be for a group the client also lists in supported_groups.
            if (Array.IndexOf(clientGroups, share.Group) < 0)
            {
                throw TlsException.Illegal($"RFC 8446 §4.2.8: key share for group {share.Group}, which supported_groups does not list");
            }
        }

        if (options.PreferServerGroupOrder || retry is not null)
        {
            foreach (KeyShareEntry share in shares)
            {
                if (share.Group == (retry?.Group ?? preferred.Value))
                {
                    return share;
                }
            }

            if (retry is not null && retry.Group is null)
            {
                return FirstAcceptable(options, shares);
            }

            retryGroup = preferred;
            return null;
        }

        KeyShareEntry? acceptable = FirstAcceptable(options, shares);
        if (acceptable is null)
        {
            retryGroup = preferred;
        }

        return acceptable;
    }

    private static KeyShareEntry? FirstAcceptable(TlsServerOptions options, KeyShareEntry[] shares)
    {
        foreach (KeyShareEntry share in shares)
        {
            if (KeyShareGenerator.IsSupported(share.Group) && options.Groups.Contains(share.Group))
            {
                return share;
            }
        }

        return null;
    }

    private static string? ChooseAlpn(TlsServerOptions options, ClientHello hello)
    {
        if (options.ApplicationProtocols is not { Count: > 0 } ours || hello.ApplicationProtocols is null)
        {
            return null;
        }

        foreach (string protocol in ours)
        {
            if (Array.IndexOf(hello.ApplicationProtocols, protocol) >= 0)
            {
                return protocol;
            }
        }

        throw new TlsException(TlsError.IllegalParameter, TlsAlertDescription.NoApplicationProtocol, "RFC 7301 §3.2: no protocol in common with the client's ALPN list");
    }
}
