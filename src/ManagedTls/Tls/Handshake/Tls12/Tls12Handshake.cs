using ManagedTls.Crypto;
using ManagedTls.Keys;
using ManagedTls.Tls.Messages;
using ManagedTls.Tls.Messages.Extensions;
using ManagedTls.Tls.Messages.Tls12;
using ManagedTls.Tls.Suites;
using ManagedTls.X509;

namespace ManagedTls.Tls.Handshake.Tls12;

// OWNED BY wt/tls12 — this file is the agreed hand-off point; core13 only calls it. Keep the signatures.

/// <summary>Where a client hands over to TLS 1.2 after the ServerHello.</summary>
internal static class Tls12ClientHandshake
{
    /// <summary>
    /// Continues a client handshake once <paramref name="serverHello"/> selected TLS 1.2. Already done by the caller:
    /// the ServerHello decoded; version checked (0x0303, no supported_versions); the RFC 8446 §4.1.3 downgrade
    /// sentinel checked; <see cref="TlsConnection.NegotiatedVersion"/> set to TLS 1.2, ServerRandom and ClientRandom
    /// set; the transcript holds ClientHello and ServerHello with no hash chosen yet. Done here: the suite, compression
    /// and extension checks (RFC 5746 renegotiation_info, RFC 7627 extended_master_secret, ALPN), then the states.
    /// </summary>
    /// <returns>The state expecting the server Certificate.</returns>
    internal static HandshakeState Start(HandshakeContext context, ClientHello clientHello, ServerHello serverHello)
    {
        context.Record.ExpectedReadVersion = TlsProtocolVersion.Tls12; // RFC 5246 §6.2.1, from here on
        TlsCipherSuiteInfo? info = TlsCipherSuites.Find(serverHello.CipherSuite);
        if (!clientHello.Offers(serverHello.CipherSuite) || !Tls12Session.IsUsableTls12Suite(info))
        {
            throw TlsException.Illegal($"RFC 5246 §7.4.1.3: the server chose cipher suite {serverHello.CipherSuite}, which we did not offer for TLS 1.2");
        }

        if (serverHello.CompressionMethod != 0)
        {
            throw TlsException.Illegal("RFC 5246 §7.4.1.3: the server chose a compression method we did not offer");
        }

        foreach (TlsExtension extension in serverHello.Extensions)
        {
            if (!Offered(clientHello, extension.Type) || extension.Type is TlsExtensionType.SupportedVersions or TlsExtensionType.KeyShare)
            {
                throw new TlsException(TlsError.UnsupportedExtension, TlsAlertDescription.UnsupportedExtension, $"RFC 5246 §7.4.1.4: the ServerHello carries {extension.Type}, which we did not offer");
            }
        }

        // RFC 5746 §3.4: an initial handshake needs an empty renegotiation_info; like OpenSSL 3 (no
        // SSL_OP_LEGACY_SERVER_CONNECT) we refuse servers that do not support secure renegotiation at all.
        if (serverHello.RenegotiationInfo is not { Length: 0 })
        {
            throw new TlsException(TlsError.Renegotiation, TlsAlertDescription.HandshakeFailure, serverHello.RenegotiationInfo is null
                ? "RFC 5746 §3.4: the server does not support secure renegotiation (no renegotiation_info)"
                : "RFC 5746 §3.4: renegotiated_connection is not empty in an initial handshake");
        }

        bool ems = serverHello.ExtendedMasterSecret;
        if (!ems && context.Options.RequireExtendedMasterSecret)
        {
            throw new TlsException(TlsError.MissingExtension, TlsAlertDescription.HandshakeFailure, "RFC 7627 §5.2: the server did not negotiate the extended master secret");
        }

        if (serverHello.SessionId.Length > 0 && serverHello.SessionId.AsSpan().SequenceEqual(clientHello.SessionId))
        {
            throw TlsException.Illegal("RFC 5246 §7.4.1.3: the server resumes a session we never had");
        }

        if (serverHello.ApplicationProtocols is [string protocol])
        {
            if (context.Options.ApplicationProtocols is not { } ours || !ours.Contains(protocol))
            {
                throw TlsException.Illegal($"RFC 7301 §3.2: the server selected ALPN \"{protocol}\", which we did not offer");
            }

            context.Connection.NegotiatedApplicationProtocol = protocol;
        }

        context.Transcript.SetHash(info!.Hash);
        context.Connection.NegotiatedCipherSuite = info.Suite;
        context.Connection.SessionId = serverHello.SessionId;
        var session = new Tls12Session(info, clientHello.Random, serverHello.Random, ems);
        session.Remember(HandshakeContext.Encode(clientHello));
        session.Remember(HandshakeContext.Encode(serverHello));
        return new ExpectServerCertificate(session);
    }

    private static bool Offered(ClientHello clientHello, TlsExtensionType type)
    {
        foreach (TlsExtension extension in clientHello.Extensions)
        {
            if (extension.Type == type)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>Where a server hands over to TLS 1.2 after the ClientHello.</summary>
internal static class Tls12ServerHandshake
{
    private const ushort FfdheFirst = 0x0100;
    private const ushort FfdheLast = 0x01FF;

    /// <summary>
    /// Continues a server handshake once version negotiation picked TLS 1.2 for <paramref name="clientHello"/>.
    /// Already done by the caller: ClientHello decoded; TLS 1.2 chosen; SNI applied; ClientRandom set; the transcript
    /// holds the ClientHello. Done here: suite, group and signature choice; ServerHello (with the downgrade sentinel
    /// when TLS 1.3 was enabled), Certificate, ServerKeyExchange, CertificateRequest when verifying the peer, and
    /// ServerHelloDone.
    /// </summary>
    /// <returns>The state expecting the client's Certificate or ClientKeyExchange.</returns>
    internal static HandshakeState Start(HandshakeContext context, ClientHello clientHello, bool tls13Enabled)
    {
        TlsOptions options = context.Options;
        if (Array.IndexOf(clientHello.CompressionMethods, (byte)0) < 0)
        {
            throw TlsException.Illegal("RFC 5246 §7.4.1.2: the client does not offer the null compression method");
        }

        // RFC 5746 §3.6: the SCSV or an empty renegotiation_info signals secure renegotiation support.
        bool secureRenegotiation = clientHello.Offers(TlsCipherSuite.TLS_EMPTY_RENEGOTIATION_INFO_SCSV) || clientHello.RenegotiationInfo is not null;
        if (clientHello.RenegotiationInfo is { Length: > 0 })
        {
            throw new TlsException(TlsError.Renegotiation, TlsAlertDescription.HandshakeFailure, "RFC 5746 §3.6: renegotiated_connection is not empty in an initial handshake");
        }

        bool ems = clientHello.ExtendedMasterSecret && !options.IgnoreExtendedMasterSecret;
        if (!ems && options.RequireExtendedMasterSecret)
        {
            throw new TlsException(TlsError.MissingExtension, TlsAlertDescription.HandshakeFailure, "RFC 7627 §5.3: the client did not offer the extended master secret");
        }

        TlsCertificateIdentity identity = context.LocalIdentity
            ?? throw new TlsException(TlsError.Configuration, TlsAlertDescription.HandshakeFailure, "a TLS server needs a certificate and key");
        Choice choice = ChooseSuite(context, clientHello, identity)
            ?? throw new TlsException(TlsError.NoCommonCipherSuite, TlsAlertDescription.HandshakeFailure, "RFC 5246 §7.4.1.3: no TLS 1.2 cipher suite, group and signature scheme in common with the client");

        string? alpn = ChooseAlpn(options, clientHello);
        byte[] random = new byte[32];
        context.FillRandom(random);
        if (tls13Enabled)
        {
            ServerHello.DowngradeTls12.CopyTo(random.AsSpan(24)); // RFC 8446 §4.1.3
        }

        byte[] sessionId = new byte[32];
        context.FillRandom(sessionId);

        var extensions = new List<TlsExtension>();
        if (secureRenegotiation)
        {
            extensions.Add(new TlsExtension(TlsExtensionType.RenegotiationInfo, OpaqueExtension.EncodeVector8([])));
        }

        if (choice.Info.KeyExchange == TlsKeyExchange.Ecdhe && clientHello.EcPointFormats is not null)
        {
            extensions.Add(new TlsExtension(TlsExtensionType.EcPointFormats, OpaqueExtension.EncodeVector8([0])));
        }

        if (ems)
        {
            extensions.Add(new TlsExtension(TlsExtensionType.ExtendedMasterSecret, Array.Empty<byte>()));
        }

        if (alpn is not null)
        {
            extensions.Add(new TlsExtension(TlsExtensionType.ApplicationLayerProtocolNegotiation, AlpnExtension.Encode([alpn])));
        }

        TlsConnection connection = context.Connection;
        connection.ServerRandom = random;
        connection.SessionId = sessionId;
        connection.NegotiatedCipherSuite = choice.Info.Suite;
        connection.NegotiatedApplicationProtocol = alpn;
        connection.LocalCertificate = identity;
        context.Transcript.SetHash(choice.Info.Hash);
        var session = new Tls12Session(choice.Info, clientHello.Random, random, ems);
        session.Remember(HandshakeContext.Encode(clientHello));

        session.Send(context, new ServerHello(TlsProtocolVersion.Tls12, random, sessionId, choice.Info.Suite, 0, extensions));
        var entries = new List<CertificateEntry>();
        foreach (Certificate certificate in identity.Chain)
        {
            entries.Add(new CertificateEntry(certificate.RawData, []));
        }

        session.Send(context, new CertificateMessage(isTls13: false, [], entries));
        IKeyAgreement key = SendServerKeyExchange(context, session, choice, identity.Key);

        bool requestCertificate = (options.VerifyMode & TlsVerifyMode.Peer) != 0;
        if (requestCertificate)
        {
            session.Send(context, new Tls12CertificateRequest([Tls12CertificateRequest.RsaSign, Tls12CertificateRequest.EcdsaSign], [.. options.SignatureSchemes], []));
        }

        session.Add(context, ServerHelloDone.Message);
        context.Record.Write(TlsContentType.Handshake, ServerHelloDone.Message);
        return requestCertificate ? new ExpectClientCertificate(session, key) : new ExpectClientKeyExchange(session, key, null);
    }

    private static IKeyAgreement SendServerKeyExchange(HandshakeContext context, Tls12Session session, Choice choice, PrivateKey signingKey)
    {
        IKeyAgreement key;
        byte[] parameters;
        if (choice.Info.KeyExchange == TlsKeyExchange.Ecdhe)
        {
            key = KeyShareGenerator.Generate(context, choice.Group!.Value);
            parameters = ServerKeyExchange.EcdheParams(choice.Group.Value, key.PublicKey);
            context.Connection.NegotiatedGroup = choice.Group;
        }
        else
        {
            DhParameters dh = choice.Dh!;
            int bits = dh.NamedGroup is { } named ? FfdheGroups.PrivateExponentBits(named) : dh.PrivateValueLength ?? (dh.Bits - 1);
            key = context.Crypto.GenerateFiniteFieldDh(dh.Prime.Span, dh.Generator.Span, bits);
            parameters = ServerKeyExchange.DheParams(dh.Prime.Span, dh.Generator.Span, key.PublicKey);
            context.Connection.NegotiatedGroup = choice.Group;
        }

        byte[] signature = TlsSignatures.Sign(choice.Scheme, signingKey, ServerKeyExchange.SignedContent(session.ClientRandom, session.ServerRandom, parameters));
        ServerKeyExchange message = choice.Info.KeyExchange == TlsKeyExchange.Ecdhe
            ? ServerKeyExchange.CreateEcdhe(choice.Group!.Value, key.PublicKey, choice.Scheme, signature)
            : ServerKeyExchange.CreateDhe(choice.Dh!.Prime.Span, choice.Dh.Generator.Span, key.PublicKey, choice.Scheme, signature);
        session.Send(context, message);
        return key;
    }

    private sealed record Choice(TlsCipherSuiteInfo Info, TlsSignatureScheme Scheme, TlsNamedGroup? Group, DhParameters? Dh);

    private static Choice? ChooseSuite(HandshakeContext context, ClientHello clientHello, TlsCertificateIdentity identity)
    {
        TlsOptions options = context.Options;
        bool serverPreference = (options.Flags & TlsOptionFlags.CipherServerPreference) != 0;
        IReadOnlyList<TlsCipherSuite> first = serverPreference ? [.. options.CipherSuites] : clientHello.CipherSuites;
        IReadOnlyList<TlsCipherSuite> second = serverPreference ? clientHello.CipherSuites : [.. options.CipherSuites];

        // RFC 5246 §7.4.1.4.1: without signature_algorithms the client supports {sha1, rsa} and {sha1, ecdsa}.
        IReadOnlyList<TlsSignatureScheme> peerSchemes = clientHello.SignatureAlgorithms ?? [TlsSignatureScheme.RsaPkcs1Sha1, TlsSignatureScheme.EcdsaSha1];
        TlsSignatureScheme? scheme = TlsSignatures.Choose(peerSchemes, [.. options.SignatureSchemes], identity.Key, TlsProtocolVersion.Tls12);
        if (scheme is null)
        {
            return null;
        }

        foreach (TlsCipherSuite suite in first)
        {
            TlsCipherSuiteInfo? info = TlsCipherSuites.Find(suite);
            if (!second.Contains(suite) || !Tls12Session.IsUsableTls12Suite(info) || !Tls12Session.KeyFitsSuite(identity.Key.Algorithm, info!.Authentication)
                || !CertificateCurveOffered(identity.Key, clientHello))
            {
                continue;
            }

            if (info.KeyExchange == TlsKeyExchange.Ecdhe && ChooseEcGroup(options, clientHello, serverPreference) is { } group)
            {
                return new Choice(info, scheme.Value, group, null);
            }

            if (info.KeyExchange == TlsKeyExchange.Dhe && ChooseDh(options, clientHello) is { } dh)
            {
                return new Choice(info, scheme.Value, dh.Group, dh.Parameters);
            }
        }

        return null;
    }

    // RFC 8422 §5.1 / §5.3: in TLS 1.2 supported_groups also bounds the curve of an ECDSA certificate (OpenSSL's
    // client refuses others with "wrong curve").
    private static bool CertificateCurveOffered(PrivateKey key, ClientHello clientHello)
    {
        if (key.PublicKey is not EcPublicKey ec || clientHello.SupportedGroups is not { } groups)
        {
            return true;
        }

        TlsNamedGroup? group = ec.Curve.Name switch
        {
            "prime256v1" => TlsNamedGroup.Secp256r1,
            "secp384r1" => TlsNamedGroup.Secp384r1,
            "secp521r1" => TlsNamedGroup.Secp521r1,
            _ => null,
        };
        return group is { } g && Array.IndexOf(groups, g) >= 0;
    }

    private static TlsNamedGroup? ChooseEcGroup(TlsOptions options, ClientHello clientHello, bool serverPreference)
    {
        // RFC 8422 §4: a client without supported_groups supports at least secp256r1.
        IReadOnlyList<TlsNamedGroup> client = clientHello.SupportedGroups ?? [TlsNamedGroup.Secp256r1];
        IReadOnlyList<TlsNamedGroup> ours = [.. options.Groups];
        IReadOnlyList<TlsNamedGroup> first = serverPreference ? ours : client;
        IReadOnlyList<TlsNamedGroup> second = serverPreference ? client : ours;
        foreach (TlsNamedGroup group in first)
        {
            if (KeyShareGenerator.IsSupported(group) && second.Contains(group))
            {
                return group;
            }
        }

        return null;
    }

    private static (TlsNamedGroup? Group, DhParameters Parameters)? ChooseDh(TlsOptions options, ClientHello clientHello)
    {
        bool clientListsFfdhe = false;
        foreach (TlsNamedGroup group in clientHello.SupportedGroups ?? [])
        {
            clientListsFfdhe |= (ushort)group is >= FfdheFirst and <= FfdheLast;
        }

        if (!clientListsFfdhe)
        {
            DhParameters loaded = options.DhParameters ?? DhParameters.Ffdhe2048;
            return (GroupOf(loaded), loaded);
        }

        // RFC 7919 §4: the client named its groups; use the first of ours it supports, or no DHE suite at all.
        foreach (TlsNamedGroup group in options.Groups)
        {
            if (clientHello.SupportedGroups!.Contains(group) && Parameters(group) is { } parameters)
            {
                return (group, parameters);
            }
        }

        return null;
    }

    private static DhParameters? Parameters(TlsNamedGroup group) => group switch
    {
        TlsNamedGroup.Ffdhe2048 => DhParameters.Ffdhe2048,
        TlsNamedGroup.Ffdhe3072 => DhParameters.Ffdhe3072,
        TlsNamedGroup.Ffdhe4096 => DhParameters.Ffdhe4096,
        TlsNamedGroup.Ffdhe6144 => DhParameters.Ffdhe6144,
        TlsNamedGroup.Ffdhe8192 => DhParameters.Ffdhe8192,
        _ => null,
    };

    private static TlsNamedGroup? GroupOf(DhParameters parameters) => parameters.NamedGroup switch
    {
        KeyAgreementAlgorithmId.Ffdhe2048 => TlsNamedGroup.Ffdhe2048,
        KeyAgreementAlgorithmId.Ffdhe3072 => TlsNamedGroup.Ffdhe3072,
        KeyAgreementAlgorithmId.Ffdhe4096 => TlsNamedGroup.Ffdhe4096,
        KeyAgreementAlgorithmId.Ffdhe6144 => TlsNamedGroup.Ffdhe6144,
        KeyAgreementAlgorithmId.Ffdhe8192 => TlsNamedGroup.Ffdhe8192,
        _ => null,
    };

    private static string? ChooseAlpn(TlsOptions options, ClientHello clientHello)
    {
        if (options.ApplicationProtocols is not { Count: > 0 } ours || clientHello.ApplicationProtocols is not { } offered)
        {
            return null;
        }

        foreach (string protocol in ours)
        {
            if (Array.IndexOf(offered, protocol) >= 0)
            {
                return protocol;
            }
        }

        throw new TlsException(TlsError.IllegalParameter, TlsAlertDescription.NoApplicationProtocol, "RFC 7301 §3.2: no application protocol in common");
    }
}
