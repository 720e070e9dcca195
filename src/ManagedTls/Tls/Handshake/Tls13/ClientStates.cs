using ManagedTls.Tls.Messages;
using ManagedTls.X509;

namespace ManagedTls.Tls.Handshake.Tls13;

/// <summary>Client: handshake keys installed; waiting for EncryptedExtensions (RFC 8446 §4.3.1).</summary>
internal sealed class ExpectEncryptedExtensions : Tls13HandshakeState
{
    private readonly ClientHello _clientHello;
    private readonly Tls13TrafficSecrets _secrets;

    internal ExpectEncryptedExtensions(ClientHello clientHello, Tls13TrafficSecrets secrets)
    {
        _clientHello = clientHello;
        _secrets = secrets;
    }

    internal override string StateString => "SSLv3/TLS read server hello";

    internal override HandshakeState Handle(HandshakeContext context, HandshakeMessage message)
    {
        Expect(message, TlsHandshakeType.EncryptedExtensions);
        EncryptedExtensions extensions = EncryptedExtensions.Decode(message.Body);
        foreach (TlsExtension extension in extensions.Extensions)
        {
            // RFC 8446 §4.2: ServerHello-only extensions are illegal here; anything not offered is unsupported_extension.
            if (extension.Type is TlsExtensionType.KeyShare or TlsExtensionType.SupportedVersions or TlsExtensionType.PreSharedKey
                or TlsExtensionType.Cookie or TlsExtensionType.PskKeyExchangeModes or TlsExtensionType.SignatureAlgorithms)
            {
                throw TlsException.Illegal($"RFC 8446 §4.2: {extension.Type} is not allowed in EncryptedExtensions");
            }

            if (!TlsExtension.TryFind(_clientHello.Extensions, extension.Type, out _))
            {
                throw new TlsException(TlsError.UnsupportedExtension, TlsAlertDescription.UnsupportedExtension, $"RFC 8446 §4.2: EncryptedExtensions carries {extension.Type}, which was not offered");
            }
        }

        if (extensions.ApplicationProtocol is { } protocol)
        {
            if (_clientHello.ApplicationProtocols is null || Array.IndexOf(_clientHello.ApplicationProtocols, protocol) < 0)
            {
                throw TlsException.Illegal($"RFC 7301 §3.2: the server selected protocol \"{protocol}\", which was not offered");
            }

            context.Connection.NegotiatedApplicationProtocol = protocol;
        }

        context.Transcript.Add(message.Raw.Span);
        return new ExpectServerCertificateOrRequest(_secrets, null);
    }
}

/// <summary>Client: waiting for CertificateRequest or the server's Certificate (RFC 8446 §4.3.2, §4.4.2).</summary>
internal sealed class ExpectServerCertificateOrRequest : Tls13HandshakeState
{
    private readonly Tls13TrafficSecrets _secrets;
    private readonly CertificateRequest13? _request;

    internal ExpectServerCertificateOrRequest(Tls13TrafficSecrets secrets, CertificateRequest13? request)
    {
        _secrets = secrets;
        _request = request;
    }

    internal override string StateString => _request is null ? "TLSv1.3 read encrypted extensions" : "SSLv3/TLS read server certificate request";

    internal override HandshakeState Handle(HandshakeContext context, HandshakeMessage message)
    {
        if (message.Type == TlsHandshakeType.CertificateRequest && _request is null)
        {
            CertificateRequest13 request = CertificateRequest13.Decode(message.Body);
            if (request.Context.Length != 0)
            {
                throw TlsException.Illegal("RFC 8446 §4.3.2: certificate_request_context must be empty during the handshake");
            }

            context.Transcript.Add(message.Raw.Span);
            return new ExpectServerCertificateOrRequest(_secrets, request);
        }

        Expect(message, TlsHandshakeType.Certificate);
        CertificateMessage certificate = CertificateMessage.Decode(message.Body, isTls13: true);
        if (certificate.RequestContext.Length != 0)
        {
            throw TlsException.Illegal("RFC 8446 §4.4.2: a server Certificate must have an empty request context");
        }

        if (certificate.Entries.Count == 0)
        {
            throw TlsException.Decode("RFC 8446 §4.4.2.4: the server sent no certificate");
        }

        Certificate[] chain = Tls13Authentication.ParseChain(certificate);
        Tls13Authentication.ValidatePeer(context, chain, peerIsServer: true);
        context.Transcript.Add(message.Raw.Span);
        return new ExpectServerCertificateVerify(_secrets, _request, chain[0]);
    }
}

/// <summary>Client: waiting for the server's CertificateVerify (RFC 8446 §4.4.3).</summary>
internal sealed class ExpectServerCertificateVerify : Tls13HandshakeState
{
    private readonly Tls13TrafficSecrets _secrets;
    private readonly CertificateRequest13? _request;
    private readonly Certificate _leaf;

    internal ExpectServerCertificateVerify(Tls13TrafficSecrets secrets, CertificateRequest13? request, Certificate leaf)
    {
        _secrets = secrets;
        _request = request;
        _leaf = leaf;
    }

    internal override string StateString => "SSLv3/TLS read server certificate";

    internal override HandshakeState Handle(HandshakeContext context, HandshakeMessage message)
    {
        Expect(message, TlsHandshakeType.CertificateVerify);
        Tls13Authentication.VerifyCertificateVerify(context, CertificateVerify.Decode(message.Body), _leaf, peerIsServer: true);
        context.Transcript.Add(message.Raw.Span);
        return new ExpectServerFinished(_secrets, _request);
    }
}

/// <summary>Client: waiting for the server's Finished; then sends its own flight (RFC 8446 §4.4.4).</summary>
internal sealed class ExpectServerFinished : Tls13HandshakeState
{
    private readonly Tls13TrafficSecrets _secrets;
    private readonly CertificateRequest13? _request;

    internal ExpectServerFinished(Tls13TrafficSecrets secrets, CertificateRequest13? request)
    {
        _secrets = secrets;
        _request = request;
    }

    internal override string StateString => "TLSv1.3 read server certificate verify";

    internal override HandshakeState Handle(HandshakeContext context, HandshakeMessage message)
    {
        Expect(message, TlsHandshakeType.Finished);
        Finished finished = Finished.Decode(message.Body, context.Transcript.HashSize);
        _secrets.CheckFinished(context, _secrets.ServerHandshakeSecret, finished.VerifyData);
        context.Connection.PeerFinished = finished.VerifyData;
        context.Transcript.Add(message.Raw.Span);

        Tls13ApplicationSecrets application = _secrets.DeriveApplication(context);
        context.SetReadProtection(Tls13TrafficSecrets.Protection(context, _secrets.Suite, application.ServerSecret));

        if (_request is not null)
        {
            SendClientCertificate(context, _request);
        }

        byte[] verifyData = _secrets.FinishedData(context, _secrets.ClientHandshakeSecret);
        context.Send(new Finished(verifyData));
        context.Connection.LocalFinished = verifyData;
        context.Connection.MasterSecret = application.Master.ResumptionMasterSecret(context.Transcript.GetCurrentHash());
        context.SetWriteProtection(Tls13TrafficSecrets.Protection(context, _secrets.Suite, application.ClientSecret));
        return new Tls13Connected(application, isServer: false);
    }

    private static void SendClientCertificate(HandshakeContext context, CertificateRequest13 request)
    {
        TlsCertificateIdentity? identity = context.LocalIdentity;
        TlsSignatureScheme? scheme = identity is null
            ? null
            : TlsSignatures.Choose(request.SignatureAlgorithms, ToList(context.Options.SignatureSchemes), identity.Key, TlsProtocolVersion.Tls13);
        if (scheme is null)
        {
            // RFC 8446 §4.4.2: no suitable certificate → an empty Certificate message.
            Tls13Authentication.SendCertificate(context, null, request.Context);
            return;
        }

        Tls13Authentication.SendCertificate(context, identity, request.Context);
        context.Connection.LocalCertificate = identity;
        Tls13Authentication.SendCertificateVerify(context, scheme.Value, identity!.Key, server: false);
    }

    internal static IReadOnlyList<TlsSignatureScheme> ToList(IList<TlsSignatureScheme> schemes) =>
        schemes as IReadOnlyList<TlsSignatureScheme> ?? [.. schemes];
}
