using ManagedTls.Crypto;
using ManagedTls.Tls.Messages;
using ManagedTls.Tls.Suites;

namespace ManagedTls.Tls.Handshake.Tls13;

/// <summary>Client: processing of a TLS 1.3 ServerHello (RFC 8446 §4.1.3), which installs the handshake keys.</summary>
internal static class Tls13ClientHandshake
{
    internal static HandshakeState HandleServerHello(HandshakeContext context, ClientHello clientHello, ServerHello hello, HandshakeMessage message, Dictionary<TlsNamedGroup, IKeyAgreement> keyShares, ServerHello? retry)
    {
        KeyShareEntry share = hello.KeyShare
            ?? throw new TlsException(TlsError.MissingExtension, TlsAlertDescription.MissingExtension, "RFC 8446 §4.2.8: ServerHello without key_share (no PSK was offered)");
        if (!keyShares.TryGetValue(share.Group, out IKeyAgreement? key))
        {
            throw TlsException.Illegal($"RFC 8446 §4.2.8: the server's key share is for group {share.Group}, for which no share was sent");
        }

        if (retry?.SelectedGroup is { } selected && selected != share.Group)
        {
            throw TlsException.Illegal("RFC 8446 §4.2.8: the ServerHello key share differs from the group the HelloRetryRequest selected");
        }

        TlsCipherSuiteInfo suite = Tls13Suites.Get(hello.CipherSuite);
        TlsConnection connection = context.Connection;
        connection.NegotiatedVersion = TlsProtocolVersion.Tls13;
        connection.NegotiatedCipherSuite = hello.CipherSuite;
        connection.NegotiatedGroup = share.Group;
        connection.ServerRandom = hello.Random;
        connection.SessionId = hello.SessionId.Length > 0 ? hello.SessionId : null;

        byte[] shared = KeyShareGenerator.Agree(key, share.KeyExchange.Span);
        foreach (IKeyAgreement pair in keyShares.Values)
        {
            pair.Dispose();
        }

        context.Transcript.SetHash(suite.Hash);
        context.Transcript.Add(message.Raw.Span);
        Tls13TrafficSecrets secrets;
        try
        {
            secrets = Tls13TrafficSecrets.Derive(context, suite, shared);
        }
        finally
        {
            SecretMemory.Zero(shared);
        }

        context.Record.IsTls13 = true;
        context.SetReadProtection(Tls13TrafficSecrets.Protection(context, suite, secrets.ServerHandshakeSecret));

        // RFC 8446 Appendix D.4: in compatibility mode the client's ChangeCipherSpec precedes anything it encrypts.
        // The client handshake key is installed now, so an alert about the server's flight reaches the server under
        // the key it reads with.
        if (clientHello.SessionId.Length > 0 && !context.CompatibilityCcsSent)
        {
            context.SendChangeCipherSpec();
            context.CompatibilityCcsSent = true;
        }

        context.SetWriteProtection(Tls13TrafficSecrets.Protection(context, suite, secrets.ClientHandshakeSecret));
        return new ExpectEncryptedExtensions(clientHello, secrets);
    }
}

/// <summary>The TLS 1.3 cipher suites this engine implements.</summary>
internal static class Tls13Suites
{
    /// <summary>The registry entry of a TLS 1.3 suite that we implement; illegal_parameter otherwise.</summary>
    internal static TlsCipherSuiteInfo Get(TlsCipherSuite suite)
    {
        TlsCipherSuiteInfo? info = TlsCipherSuites.Find(suite);
        if (info is null || !info.IsTls13 || !info.IsImplemented || info.Aead is null)
        {
            throw TlsException.Illegal($"cipher suite {suite} is not a TLS 1.3 suite this implementation supports");
        }

        return info;
    }

    /// <summary>Whether <paramref name="suite"/> is a TLS 1.3 suite we implement.</summary>
    internal static bool IsSupported(TlsCipherSuite suite) =>
        TlsCipherSuites.Find(suite) is { IsTls13: true, IsImplemented: true, Aead: not null };
}
