using ManagedTls.Tls.Messages;
using ManagedTls.X509;

namespace ManagedTls.Tls.Handshake.Tls13;

/// <summary>Server: HelloRetryRequest sent; waiting for the second ClientHello (RFC 8446 §4.1.4).</summary>
internal sealed class ExpectSecondClientHello : Tls13HandshakeState
{
    private readonly Tls13RetryState _retry;

    internal ExpectSecondClientHello(Tls13RetryState retry) => _retry = retry;

    internal override string StateString => "SSLv3/TLS write hello retry request";

    internal override HandshakeState Handle(HandshakeContext context, HandshakeMessage message)
    {
        Expect(message, TlsHandshakeType.ClientHello);
        return Tls13ServerHandshake.HandleClientHello(context, ClientHello.Decode(message.Body), message, _retry);
    }
}

/// <summary>Server: certificate requested; waiting for the client's Certificate (RFC 8446 §4.4.2).</summary>
internal sealed class ExpectClientCertificate : Tls13HandshakeState
{
    private readonly Tls13TrafficSecrets _secrets;
    private readonly Tls13ApplicationSecrets _application;

    internal ExpectClientCertificate(Tls13TrafficSecrets secrets, Tls13ApplicationSecrets application)
    {
        _secrets = secrets;
        _application = application;
    }

    internal override string StateString => "SSLv3/TLS write finished";

    internal override HandshakeState Handle(HandshakeContext context, HandshakeMessage message)
    {
        Expect(message, TlsHandshakeType.Certificate);
        CertificateMessage certificate = CertificateMessage.Decode(message.Body, isTls13: true);
        if (certificate.RequestContext.Length != 0)
        {
            throw TlsException.Illegal("RFC 8446 §4.4.2: certificate_request_context differs from the CertificateRequest's");
        }

        if (certificate.Entries.Count == 0)
        {
            TlsVerifyMode mode = context.Options.VerifyMode;
            if ((mode & TlsVerifyMode.Peer) != 0 && (mode & TlsVerifyMode.FailIfNoPeerCertificate) != 0)
            {
                throw new TlsException(TlsError.CertificateRequired, TlsAlertDescription.CertificateRequired, "RFC 8446 §4.4.2.4: the client sent no certificate");
            }

            context.Transcript.Add(message.Raw.Span);
            return new ExpectClientFinished(_secrets, _application);
        }

        Certificate[] chain = Tls13Authentication.ParseChain(certificate);
        Tls13Authentication.ValidatePeer(context, chain, peerIsServer: false);
        context.Transcript.Add(message.Raw.Span);
        return new ExpectClientCertificateVerify(_secrets, _application, chain[0]);
    }
}

/// <summary>Server: waiting for the client's CertificateVerify (RFC 8446 §4.4.3).</summary>
internal sealed class ExpectClientCertificateVerify : Tls13HandshakeState
{
    private readonly Tls13TrafficSecrets _secrets;
    private readonly Tls13ApplicationSecrets _application;
    private readonly Certificate _leaf;

    internal ExpectClientCertificateVerify(Tls13TrafficSecrets secrets, Tls13ApplicationSecrets application, Certificate leaf)
    {
        _secrets = secrets;
        _application = application;
        _leaf = leaf;
    }

    internal override string StateString => "SSLv3/TLS read client certificate";

    internal override HandshakeState Handle(HandshakeContext context, HandshakeMessage message)
    {
        Expect(message, TlsHandshakeType.CertificateVerify);
        Tls13Authentication.VerifyCertificateVerify(context, CertificateVerify.Decode(message.Body), _leaf, peerIsServer: false);
        context.Transcript.Add(message.Raw.Span);
        return new ExpectClientFinished(_secrets, _application);
    }
}

/// <summary>Server: waiting for the client's Finished (RFC 8446 §4.4.4).</summary>
internal sealed class ExpectClientFinished : Tls13HandshakeState
{
    private readonly Tls13TrafficSecrets _secrets;
    private readonly Tls13ApplicationSecrets _application;

    internal ExpectClientFinished(Tls13TrafficSecrets secrets, Tls13ApplicationSecrets application)
    {
        _secrets = secrets;
        _application = application;
    }

    internal override string StateString => "SSLv3/TLS write finished";

    internal override HandshakeState Handle(HandshakeContext context, HandshakeMessage message)
    {
        Expect(message, TlsHandshakeType.Finished);
        Finished finished = Finished.Decode(message.Body, context.Transcript.HashSize);
        _secrets.CheckFinished(context, _secrets.ClientHandshakeSecret, finished.VerifyData);
        context.Connection.PeerFinished = finished.VerifyData;
        context.Transcript.Add(message.Raw.Span);
        context.Connection.MasterSecret = _application.Master.ResumptionMasterSecret(context.Transcript.GetCurrentHash());
        context.SetReadProtection(Tls13TrafficSecrets.Protection(context, _secrets.Suite, _application.ClientSecret));
        return new Tls13Connected(_application, isServer: true);
    }
}
