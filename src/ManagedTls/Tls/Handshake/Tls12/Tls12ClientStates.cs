using ManagedTls.Crypto;
using ManagedTls.Keys;
using ManagedTls.Tls.Messages;
using ManagedTls.Tls.Messages.Tls12;
using ManagedTls.Tls.Suites;
using ManagedTls.X509;

namespace ManagedTls.Tls.Handshake.Tls12;

/// <summary>Client: waiting for the server's Certificate (RFC 5246 §7.4.2).</summary>
internal sealed class ExpectServerCertificate : HandshakeState
{
    private readonly Tls12Session _session;

    internal ExpectServerCertificate(Tls12Session session) => _session = session;

    internal override string StateString => "SSLv3/TLS read server hello";

    internal override HandshakeState Handle(HandshakeContext context, HandshakeMessage message)
    {
        Expect(message, TlsHandshakeType.Certificate);
        Certificate[] chain = Tls12Session.ParseChain(message.Body);
        if (chain.Length == 0)
        {
            throw new TlsException(TlsError.CertificateVerifyFailed, TlsAlertDescription.DecodeError, "RFC 5246 §7.4.2: the server sent an empty certificate_list");
        }

        PublicKey key = Tls12Session.LeafKey(chain[0]);
        if (!Tls12Session.KeyFitsSuite(key.Algorithm, _session.Suite.Authentication))
        {
            throw new TlsException(TlsError.CertificateVerifyFailed, TlsAlertDescription.UnsupportedCertificate, $"RFC 5246 §7.4.2: a {key.Algorithm} certificate cannot authenticate {_session.Suite.IanaName}");
        }

        context.Connection.PeerCertificates = chain;
        PeerValidationResult result = PeerCertificateValidator.Validate(chain, context.Options, peerIsServer: true, context.ClientOptions?.ServerName);
        context.Connection.PeerVerifyResult = result.Result;
        context.Connection.VerifiedChain = result.VerifiedChain;
        _session.Add(context, message.Raw.Span);
        return new ExpectServerKeyExchange(_session, key);
    }
}

/// <summary>Client: waiting for ServerKeyExchange (RFC 5246 §7.4.3, RFC 8422 §5.4).</summary>
internal sealed class ExpectServerKeyExchange : HandshakeState
{
    private const int MinDhBits = 1024;

    // OpenSSL's OPENSSL_DH_MAX_MODULUS_BITS: a bigger server prime would make our exponentiation the server's weapon.
    private const int MaxDhBits = 10000;
    private readonly Tls12Session _session;
    private readonly PublicKey _serverKey;

    internal ExpectServerKeyExchange(Tls12Session session, PublicKey serverKey)
    {
        _session = session;
        _serverKey = serverKey;
    }

    internal override string StateString => "SSLv3/TLS read server certificate";

    internal override HandshakeState Handle(HandshakeContext context, HandshakeMessage message)
    {
        Expect(message, TlsHandshakeType.ServerKeyExchange);
        ServerKeyExchange exchange = ServerKeyExchange.Decode(message.Body, _session.Suite.KeyExchange);
        CheckSignature(context, exchange);

        IKeyAgreement ours;
        byte[] preMaster;
        if (exchange.KeyExchange == TlsKeyExchange.Ecdhe)
        {
            TlsNamedGroup group = exchange.Group!.Value;
            if (!context.Options.Groups.Contains(group) || !KeyShareGenerator.IsSupported(group))
            {
                throw TlsException.Illegal($"RFC 8422 §5.4: the server chose curve {group}, which we did not offer");
            }

            ours = KeyShareGenerator.Generate(context, group);
            preMaster = KeyShareGenerator.Agree(ours, exchange.PublicKey.Span);
            context.Connection.NegotiatedGroup = group;
        }
        else
        {
            ours = GenerateDh(context, exchange);
            preMaster = StripLeadingZeros(KeyShareGenerator.Agree(ours, exchange.PublicKey.Span));
            context.Connection.NegotiatedGroup = ours.Algorithm switch
            {
                KeyAgreementAlgorithmId.Ffdhe2048 => TlsNamedGroup.Ffdhe2048,
                KeyAgreementAlgorithmId.Ffdhe3072 => TlsNamedGroup.Ffdhe3072,
                KeyAgreementAlgorithmId.Ffdhe4096 => TlsNamedGroup.Ffdhe4096,
                KeyAgreementAlgorithmId.Ffdhe6144 => TlsNamedGroup.Ffdhe6144,
                KeyAgreementAlgorithmId.Ffdhe8192 => TlsNamedGroup.Ffdhe8192,
                _ => null,
            };
        }

        _session.Add(context, message.Raw.Span);
        context.Connection.PeerSignatureScheme = exchange.Scheme;
        return new ExpectServerHelloDone(_session, ours, preMaster, null);
    }

    // RFC 5246 §8.1.2: leading zero bytes of Z are stripped before it is used as the premaster secret.
    internal static byte[] StripLeadingZeros(byte[] secret)
    {
        int i = 0;
        while (i < secret.Length - 1 && secret[i] == 0)
        {
            i++;
        }

        if (i == 0)
        {
            return secret;
        }

        byte[] stripped = secret[i..];
        SecretMemory.Zero(secret);
        return stripped;
    }

    private static IKeyAgreement GenerateDh(HandshakeContext context, ServerKeyExchange exchange)
    {
        ReadOnlySpan<byte> p = exchange.DhPrime!.Value.Span;
        ReadOnlySpan<byte> g = exchange.DhGenerator!.Value.Span;
        int bits = Magnitude.BitLength(p);
        if (bits < MinDhBits)
        {
            // OpenSSL 3 at security level 1: SSL_R_DH_KEY_TOO_SMALL.
            throw new TlsException(TlsError.IllegalParameter, TlsAlertDescription.HandshakeFailure, $"RFC 7919 §1: the server's {bits}-bit DH group is below {MinDhBits} bits");
        }

        if (bits > MaxDhBits)
        {
            throw new TlsException(TlsError.LimitExceeded, TlsAlertDescription.HandshakeFailure, $"RFC 5246 §7.4.3: the server's {bits}-bit DH group is above {MaxDhBits} bits");
        }

        KeyAgreementAlgorithmId? named = FfdheGroups.Identify(p, g);
        try
        {
            return context.Crypto.GenerateFiniteFieldDh(p, g, named is { } group ? FfdheGroups.PrivateExponentBits(group) : bits - 1);
        }
        catch (ArgumentException e)
        {
            throw new TlsException(TlsError.IllegalParameter, TlsAlertDescription.IllegalParameter, $"RFC 5246 §7.4.3: unusable DH parameters: {e.Message}", e);
        }
    }

    private void CheckSignature(HandshakeContext context, ServerKeyExchange exchange)
    {
        // RFC 5246 §7.4.3 / RFC 8422 §5.4: a scheme we offered, fitting the certificate key and the suite.
        if (!context.Options.SignatureSchemes.Contains(exchange.Scheme) || !TlsSignatures.IsUsable(exchange.Scheme, _serverKey, TlsProtocolVersion.Tls12))
        {
            throw TlsException.Illegal($"RFC 5246 §7.4.1.4.1: ServerKeyExchange signed with {exchange.Scheme}, which we did not offer or which does not fit the certificate");
        }

        byte[] content = ServerKeyExchange.SignedContent(_session.ClientRandom, _session.ServerRandom, exchange.Params.Span);
        if (!TlsSignatures.Verify(exchange.Scheme, _serverKey, content, exchange.Signature.Span))
        {
            throw new TlsException(TlsError.DecryptError, TlsAlertDescription.DecryptError, "RFC 5246 §7.4.3: the ServerKeyExchange signature does not verify");
        }
    }
}

/// <summary>Client: waiting for an optional CertificateRequest and ServerHelloDone; then sends the second flight.</summary>
internal sealed class ExpectServerHelloDone : HandshakeState
{
    private readonly Tls12Session _session;
    private readonly IKeyAgreement _ours;
    private readonly byte[] _preMaster;
    private readonly Tls12CertificateRequest? _request;

    internal ExpectServerHelloDone(Tls12Session session, IKeyAgreement ours, byte[] preMaster, Tls12CertificateRequest? request)
    {
        _session = session;
        _ours = ours;
        _preMaster = preMaster;
        _request = request;
    }

    internal override string StateString => "SSLv3/TLS read server key exchange";

    internal override HandshakeState Handle(HandshakeContext context, HandshakeMessage message)
    {
        if (message.Type == TlsHandshakeType.CertificateRequest && _request is null)
        {
            Tls12CertificateRequest request = Tls12CertificateRequest.Decode(message.Body);
            _session.Add(context, message.Raw.Span);
            return new ExpectServerHelloDone(_session, _ours, _preMaster, request);
        }

        Expect(message, TlsHandshakeType.ServerHelloDone);
        ServerHelloDone.Decode(message.Body);
        _session.Add(context, message.Raw.Span);

        (TlsCertificateIdentity Identity, TlsSignatureScheme Scheme)? signer = null;
        if (_request is not null)
        {
            signer = ChooseClientIdentity(context, _request);
            var entries = new List<CertificateEntry>();
            if (signer is { } chosen)
            {
                foreach (Certificate certificate in chosen.Identity.Chain)
                {
                    entries.Add(new CertificateEntry(certificate.RawData, []));
                }

                context.Connection.LocalCertificate = chosen.Identity;
            }

            _session.Send(context, new CertificateMessage(isTls13: false, [], entries));
        }

        _session.Send(context, ClientKeyExchange.Create(_session.Suite.KeyExchange, _ours.PublicKey));
        _ours.Dispose();
        _session.DeriveMasterSecret(context, _preMaster);

        if (signer is { } s)
        {
            byte[] signature = TlsSignatures.Sign(s.Scheme, s.Identity.Key, _session.Messages);
            _session.Send(context, new CertificateVerify(s.Scheme, signature));
        }

        _session.SendChangeCipherSpecAndFinished(context, client: true);
        return new ExpectServerChangeCipherSpec(_session);
    }

    private static (TlsCertificateIdentity, TlsSignatureScheme)? ChooseClientIdentity(HandshakeContext context, Tls12CertificateRequest request)
    {
        if (context.LocalIdentity is not { } identity)
        {
            return null;
        }

        TlsSignatureScheme? scheme = TlsSignatures.Choose(request.SignatureSchemes, [.. context.Options.SignatureSchemes], identity.Key, TlsProtocolVersion.Tls12);
        return scheme is { } chosen ? (identity, chosen) : null;
    }
}

/// <summary>Client: waiting for the server's ChangeCipherSpec.</summary>
internal sealed class ExpectServerChangeCipherSpec : HandshakeState
{
    private readonly Tls12Session _session;

    internal ExpectServerChangeCipherSpec(Tls12Session session) => _session = session;

    internal override string StateString => "SSLv3/TLS write finished";

    internal override HandshakeState Handle(HandshakeContext context, HandshakeMessage message) =>
        throw TlsException.Unexpected($"RFC 5246 §7.1: {message.Type} received where the server's ChangeCipherSpec is expected");

    internal override HandshakeState HandleChangeCipherSpec(HandshakeContext context)
    {
        context.SetReadProtection(_session.Protection(context, clientWrite: false));
        return new ExpectServerFinished(_session);
    }
}

/// <summary>Client: waiting for the server's Finished.</summary>
internal sealed class ExpectServerFinished : HandshakeState
{
    private readonly Tls12Session _session;

    internal ExpectServerFinished(Tls12Session session) => _session = session;

    internal override string StateString => "SSLv3/TLS read change cipher spec";

    internal override HandshakeState Handle(HandshakeContext context, HandshakeMessage message)
    {
        Expect(message, TlsHandshakeType.Finished);
        _session.ReceiveFinished(context, message, fromClient: false);
        return new Tls12Connected(_session, isServer: false);
    }
}
