using System.Text;
using ManagedTls.Keys;
using ManagedTls.Tls.Messages;
using ManagedTls.X509;
using ManagedTls.X509.Verification;

namespace ManagedTls.Tls.Handshake.Tls13;

/// <summary>Certificate, CertificateVerify and Finished, the parts both TLS 1.3 endpoints share (RFC 8446 §4.4).</summary>
internal static class Tls13Authentication
{
    private static readonly byte[] s_serverContext = Encoding.ASCII.GetBytes("TLS 1.3, server CertificateVerify");
    private static readonly byte[] s_clientContext = Encoding.ASCII.GetBytes("TLS 1.3, client CertificateVerify");

    /// <summary>The content covered by a CertificateVerify signature (RFC 8446 §4.4.3).</summary>
    internal static byte[] SignedContent(bool server, ReadOnlySpan<byte> transcriptHash)
    {
        byte[] label = server ? s_serverContext : s_clientContext;
        byte[] content = new byte[64 + label.Length + 1 + transcriptHash.Length];
        content.AsSpan(0, 64).Fill(0x20);
        label.CopyTo(content, 64);
        transcriptHash.CopyTo(content.AsSpan(64 + label.Length + 1));
        return content;
    }

    /// <summary>Sends Certificate for <paramref name="identity"/> (or an empty one when null).</summary>
    internal static void SendCertificate(HandshakeContext context, TlsCertificateIdentity? identity, byte[] requestContext)
    {
        var entries = new List<CertificateEntry>();
        if (identity is not null)
        {
            foreach (Certificate certificate in identity.Chain)
            {
                entries.Add(new CertificateEntry(certificate.RawData, []));
            }
        }

        context.Send(new CertificateMessage(isTls13: true, requestContext, entries));
    }

    /// <summary>Signs the transcript so far and sends CertificateVerify.</summary>
    internal static void SendCertificateVerify(HandshakeContext context, TlsSignatureScheme scheme, PrivateKey key, bool server)
    {
        byte[] content = SignedContent(server, context.Transcript.GetCurrentHash());
        byte[] signature;
        try
        {
            signature = TlsSignatures.Sign(scheme, key, content);
        }
        catch (Exception e) when (e is not TlsException)
        {
            throw new TlsException(TlsError.Internal, TlsAlertDescription.InternalError, $"signing CertificateVerify with {scheme} failed: {e.Message}", e);
        }

        context.Send(new CertificateVerify(scheme, signature));
    }

    /// <summary>Parses the certificates of a received Certificate message (bad_certificate when one does not parse).</summary>
    internal static Certificate[] ParseChain(CertificateMessage message)
    {
        var chain = new Certificate[message.Entries.Count];
        for (int i = 0; i < chain.Length; i++)
        {
            try
            {
                chain[i] = Certificate.Load(message.Entries[i].CertificateData.Span);
            }
            catch (X509FormatException e)
            {
                throw new TlsException(TlsError.CertificateVerifyFailed, TlsAlertDescription.BadCertificate, $"RFC 8446 §4.4.2: certificate {i} does not parse: {e.Message}", e);
            }
        }

        return chain;
    }

    /// <summary>Checks a received CertificateVerify against the peer's leaf key and the transcript so far.</summary>
    internal static void VerifyCertificateVerify(HandshakeContext context, CertificateVerify verify, Certificate leaf, bool peerIsServer)
    {
        // RFC 8446 §4.4.3: the scheme must be one we offered, and usable with the key in TLS 1.3 (no PKCS#1 v1.5).
        bool offered = false;
        foreach (TlsSignatureScheme scheme in context.Options.SignatureSchemes)
        {
            offered |= scheme == verify.Scheme;
        }

        PublicKey key;
        try
        {
            key = leaf.GetPublicKey();
        }
        catch (Exception e) when (e is not TlsException)
        {
            throw new TlsException(TlsError.CertificateVerifyFailed, TlsAlertDescription.BadCertificate, $"the peer certificate's public key is unusable: {e.Message}", e);
        }

        if (!offered || !TlsSignatures.IsUsable(verify.Scheme, key, TlsProtocolVersion.Tls13))
        {
            throw TlsException.Illegal($"RFC 8446 §4.4.3: CertificateVerify uses {verify.Scheme}, which was not offered or does not fit the certificate key");
        }

        byte[] content = SignedContent(peerIsServer, context.Transcript.GetCurrentHash());
        bool ok;
        try
        {
            ok = TlsSignatures.Verify(verify.Scheme, key, content, verify.Signature);
        }
        catch (Exception e) when (e is not TlsException)
        {
            ok = false;
        }

        if (!ok)
        {
            throw new TlsException(TlsError.DecryptError, TlsAlertDescription.DecryptError, "RFC 8446 §4.4.3: the CertificateVerify signature does not verify");
        }

        context.Connection.PeerSignatureScheme = verify.Scheme;
    }

    /// <summary>
    /// Validates the peer chain (trust, purpose, host name) and records the result on the connection — also when it
    /// fails, as OpenSSL's SSL_get_verify_result does — then enforces it when the verify mode says so.
    /// </summary>
    internal static void ValidatePeer(HandshakeContext context, Certificate[] chain, bool peerIsServer)
    {
        TlsOptions options = context.Options;
        context.Connection.PeerCertificates = chain;
        string? hostName = peerIsServer ? context.ClientOptions?.ServerName : null;
        TlsVerifyCallback? callback = options.VerifyCallback;
        var settings = new PeerValidationSettings
        {
            TrustStore = options.TrustStore,
            Verification = options.Verification,
            FailOnError = false,
            VerifyDepth = options.VerifyDepth,
            Time = options.TimeProvider.GetUtcNow(),
            Callback = callback is null
                ? null
                : (ok, certificate, depth, error, built) => callback(ok, new TlsVerifyContext(certificate, depth, error, built)),
        };
        PeerValidationResult result = PeerCertificateValidator.Validate(chain, settings, peerIsServer, hostName);
        context.Connection.PeerVerifyResult = result.Result;
        context.Connection.VerifiedChain = result.VerifiedChain;
        if (result.VerifiedChain is null && (options.VerifyMode & TlsVerifyMode.Peer) != 0)
        {
            throw new TlsException(
                TlsError.CertificateVerifyFailed,
                PeerCertificateValidator.AlertFor(result.Result),
                $"RFC 8446 §4.4.2.4: {(peerIsServer ? "server" : "client")} certificate verify failed: {result.Result.GetMessage()} (error {(int)result.Result})");
        }
    }
}
