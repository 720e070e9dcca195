using ManagedTls.Crypto;
using ManagedTls.Keys;
using ManagedTls.Tls.Messages;
using ManagedTls.Tls.Messages.Tls12;
using ManagedTls.X509;

namespace ManagedTls.Tls.Handshake.Tls12;

/// <summary>Server: waiting for the client's Certificate after a CertificateRequest (RFC 5246 §7.4.6).</summary>
internal sealed class ExpectClientCertificate : HandshakeState
{
    private readonly Tls12Session _session;
    private readonly IKeyAgreement _ours;

    internal ExpectClientCertificate(Tls12Session session, IKeyAgreement ours)
    {
        _session = session;
        _ours = ours;
    }

    internal override string StateString => "SSLv3/TLS write server done";

    internal override HandshakeState Handle(HandshakeContext context, HandshakeMessage message)
    {
        Expect(message, TlsHandshakeType.Certificate);
        Certificate[] chain = Tls12Session.ParseChain(message.Body);
        PublicKey? key = null;
        if (chain.Length == 0)
        {
            if ((context.Options.VerifyMode & TlsVerifyMode.FailIfNoPeerCertificate) != 0)
            {
                // OpenSSL: SSL_R_PEER_DID_NOT_RETURN_A_CERTIFICATE with handshake_failure.
                throw new TlsException(TlsError.CertificateRequired, TlsAlertDescription.HandshakeFailure, "RFC 5246 §7.4.6: the client sent no certificate and one is required");
            }
        }
        else
        {
            key = Tls12Session.LeafKey(chain[0]);
            context.Connection.PeerCertificates = chain;
            PeerValidationResult result = PeerCertificateValidator.Validate(chain, context.Options, peerIsServer: false, null);
            context.Connection.PeerVerifyResult = result.Result;
            context.Connection.VerifiedChain = result.VerifiedChain;
        }

        _session.Add(context, message.Raw.Span);
        return new ExpectClientKeyExchange(_session, _ours, key);
    }
}

/// <summary>Server: waiting for ClientKeyExchange (RFC 5246 §7.4.7).</summary>
internal sealed class ExpectClientKeyExchange : HandshakeState
{
    private readonly Tls12Session _session;
    private readonly IKeyAgreement _ours;
    private readonly PublicKey? _clientKey;

    internal ExpectClientKeyExchange(Tls12Session session, IKeyAgreement ours, PublicKey? clientKey)
    {
        _session = session;
        _ours = ours;
        _clientKey = clientKey;
    }

    internal override string StateString => "SSLv3/TLS write server done";

    internal override HandshakeState Handle(HandshakeContext context, HandshakeMessage message)
    {
        Expect(message, TlsHandshakeType.ClientKeyExchange);
        ClientKeyExchange exchange = ClientKeyExchange.Decode(message.Body, _session.Suite.KeyExchange);
        byte[] preMaster = KeyShareGenerator.Agree(_ours, exchange.ExchangeKeys.Span);
        _ours.Dispose();
        if (_session.Suite.KeyExchange == Suites.TlsKeyExchange.Dhe)
        {
            preMaster = ExpectServerKeyExchange.StripLeadingZeros(preMaster);
        }

        _session.Add(context, message.Raw.Span);
        _session.DeriveMasterSecret(context, preMaster);
        return _clientKey is null ? new ExpectClientChangeCipherSpec(_session) : new ExpectClientCertificateVerify(_session, _clientKey);
    }
}

/// <summary>Server: waiting for the client's CertificateVerify (RFC 5246 §7.4.8).</summary>
internal sealed class ExpectClientCertificateVerify : HandshakeState
{
    private readonly Tls12Session _session;
    private readonly PublicKey _clientKey;

    internal ExpectClientCertificateVerify(Tls12Session session, PublicKey clientKey)
    {
        _session = session;
        _clientKey = clientKey;
    }

    internal override string StateString => "SSLv3/TLS read client key exchange";

    internal override HandshakeState Handle(HandshakeContext context, HandshakeMessage message)
    {
        Expect(message, TlsHandshakeType.CertificateVerify);
        CertificateVerify verify = CertificateVerify.Decode(message.Body);
        if (!context.Options.SignatureSchemes.Contains(verify.Scheme) || !TlsSignatures.IsUsable(verify.Scheme, _clientKey, TlsProtocolVersion.Tls12))
        {
            throw TlsException.Illegal($"RFC 5246 §7.4.8: CertificateVerify uses {verify.Scheme}, which we did not request or which does not fit the certificate");
        }

        if (!TlsSignatures.Verify(verify.Scheme, _clientKey, _session.Messages, verify.Signature))
        {
            throw new TlsException(TlsError.DecryptError, TlsAlertDescription.DecryptError, "RFC 5246 §7.4.8: the CertificateVerify signature does not verify");
        }

        context.Connection.PeerSignatureScheme = verify.Scheme;
        _session.Add(context, message.Raw.Span);
        return new ExpectClientChangeCipherSpec(_session);
    }
}

/// <summary>Server: waiting for the client's ChangeCipherSpec.</summary>
internal sealed class ExpectClientChangeCipherSpec : HandshakeState
{
    private readonly Tls12Session _session;

    internal ExpectClientChangeCipherSpec(Tls12Session session) => _session = session;

    internal override string StateString => "SSLv3/TLS read client key exchange";

    internal override HandshakeState Handle(HandshakeContext context, HandshakeMessage message) =>
        throw TlsException.Unexpected($"RFC 5246 §7.1: {message.Type} received where the client's ChangeCipherSpec is expected");

    internal override HandshakeState HandleChangeCipherSpec(HandshakeContext context)
    {
        context.SetReadProtection(_session.Protection(context, clientWrite: true));
        return new ExpectClientFinished(_session);
    }
}

/// <summary>Server: waiting for the client's Finished; answers with ChangeCipherSpec and Finished.</summary>
internal sealed class ExpectClientFinished : HandshakeState
{
    private readonly Tls12Session _session;

    internal ExpectClientFinished(Tls12Session session) => _session = session;

    internal override string StateString => "SSLv3/TLS read change cipher spec";

    internal override HandshakeState Handle(HandshakeContext context, HandshakeMessage message)
    {
        Expect(message, TlsHandshakeType.Finished);
        _session.ReceiveFinished(context, message, fromClient: true);
        _session.SendChangeCipherSpecAndFinished(context, client: false);
        return new Tls12Connected(_session, isServer: true);
    }
}
