using System.Globalization;
using System.Text;
using ManagedTls.Asn1;
using ManagedTls.Keys;
using ManagedTls.Net;
using ManagedTls.Tls;
using ManagedTls.Tls.Suites;
using ManagedTls.X509;
using ManagedTls.X509.Verification;

namespace ManagedTls.Cli;

/// <summary>
/// The text <c>openssl s_client</c>/<c>s_server</c> print about a connection (apps/s_client.c <c>print_stuff</c>,
/// apps/lib/s_cb.c <c>print_ssl_summary</c>, <c>ssl_print_tmp_key</c>, <c>ssl_print_sigalgs</c>), from a
/// <see cref="TlsStream"/>'s negotiated parameters.
/// </summary>
internal static class TlsText
{
    /// <summary>SSL_get_version: "TLSv1.3", "TLSv1.2".</summary>
    public static string Protocol(TlsProtocolVersion version) => version switch
    {
        TlsProtocolVersion.Tls13 => "TLSv1.3",
        TlsProtocolVersion.Tls12 => "TLSv1.2",
        TlsProtocolVersion.Tls11 => "TLSv1.1",
        TlsProtocolVersion.Tls10 => "TLSv1",
        TlsProtocolVersion.Ssl3 => "SSLv3",
        _ => "unknown",
    };

    /// <summary>SSL_CIPHER_get_name: OpenSSL's name ("ECDHE-ECDSA-AES128-GCM-SHA256"; TLS 1.3 suites keep the IANA name).</summary>
    public static string Cipher(TlsCipherSuite suite) =>
        suite == TlsCipherSuite.TLS_NULL_WITH_NULL_NULL ? "(NONE)" : TlsCipherSuites.Find(suite)?.OpenSslName ?? suite.ToString();

    /// <summary>ssl_print_tmp_key's text after "Server Temp Key: ".</summary>
    public static string? TempKey(TlsNamedGroup? group) => group switch
    {
        null => null,
        TlsNamedGroup.X25519 => "X25519, 253 bits",
        TlsNamedGroup.X448 => "X448, 448 bits",
        TlsNamedGroup.Secp256r1 => "ECDH, prime256v1, 256 bits",
        TlsNamedGroup.Secp384r1 => "ECDH, secp384r1, 384 bits",
        TlsNamedGroup.Secp521r1 => "ECDH, secp521r1, 521 bits",
        TlsNamedGroup.Ffdhe2048 => "DH, 2048 bits",
        TlsNamedGroup.Ffdhe3072 => "DH, 3072 bits",
        TlsNamedGroup.Ffdhe4096 => "DH, 4096 bits",
        TlsNamedGroup.Ffdhe6144 => "DH, 6144 bits",
        TlsNamedGroup.Ffdhe8192 => "DH, 8192 bits",
        _ => group.ToString(),
    };

    /// <summary>The digest of a signature scheme as "Peer signing digest" names it (null for EdDSA).</summary>
    public static string? SigningDigest(TlsSignatureScheme scheme) => scheme switch
    {
        TlsSignatureScheme.Ed25519 or TlsSignatureScheme.Ed448 => null,
        TlsSignatureScheme.RsaPkcs1Sha1 or TlsSignatureScheme.EcdsaSha1 or TlsSignatureScheme.DsaSha1 => "SHA1",
        TlsSignatureScheme.RsaPkcs1Sha224 or TlsSignatureScheme.EcdsaSha224 => "SHA224",
        TlsSignatureScheme.RsaPkcs1Sha384 or TlsSignatureScheme.EcdsaSecp384r1Sha384 or TlsSignatureScheme.RsaPssRsaeSha384 or TlsSignatureScheme.RsaPssPssSha384 => "SHA384",
        TlsSignatureScheme.RsaPkcs1Sha512 or TlsSignatureScheme.EcdsaSecp521r1Sha512 or TlsSignatureScheme.RsaPssRsaeSha512 or TlsSignatureScheme.RsaPssPssSha512 => "SHA512",
        _ => "SHA256",
    };

    /// <summary>The "Peer signature type" name.</summary>
    public static string SignatureType(TlsSignatureScheme scheme) => scheme switch
    {
        TlsSignatureScheme.Ed25519 => "Ed25519",
        TlsSignatureScheme.Ed448 => "Ed448",
        TlsSignatureScheme.RsaPssRsaeSha256 or TlsSignatureScheme.RsaPssRsaeSha384 or TlsSignatureScheme.RsaPssRsaeSha512
            or TlsSignatureScheme.RsaPssPssSha256 or TlsSignatureScheme.RsaPssPssSha384 or TlsSignatureScheme.RsaPssPssSha512 => "RSA-PSS",
        TlsSignatureScheme.DsaSha1 => "DSA",
        TlsSignatureScheme.RsaPkcs1Sha1 or TlsSignatureScheme.RsaPkcs1Sha224 or TlsSignatureScheme.RsaPkcs1Sha256
            or TlsSignatureScheme.RsaPkcs1Sha384 or TlsSignatureScheme.RsaPkcs1Sha512 => "RSA",
        _ => "ECDSA",
    };

    /// <summary>OpenSSL's reason text for an alert received from the peer ("tlsv1 alert unknown ca").</summary>
    public static string AlertReason(TlsAlertDescription alert) => alert switch
    {
        TlsAlertDescription.UnexpectedMessage => "sslv3 alert unexpected message",
        TlsAlertDescription.BadRecordMac => "sslv3 alert bad record mac",
        TlsAlertDescription.HandshakeFailure => "sslv3 alert handshake failure",
        TlsAlertDescription.BadCertificate => "sslv3 alert bad certificate",
        TlsAlertDescription.UnsupportedCertificate => "sslv3 alert unsupported certificate",
        TlsAlertDescription.CertificateRevoked => "sslv3 alert certificate revoked",
        TlsAlertDescription.CertificateExpired => "sslv3 alert certificate expired",
        TlsAlertDescription.CertificateUnknown => "sslv3 alert certificate unknown",
        TlsAlertDescription.IllegalParameter => "sslv3 alert illegal parameter",
        TlsAlertDescription.UnknownCa => "tlsv1 alert unknown ca",
        TlsAlertDescription.AccessDenied => "tlsv1 alert access denied",
        TlsAlertDescription.DecodeError => "tlsv1 alert decode error",
        TlsAlertDescription.DecryptError => "tlsv1 alert decrypt error",
        TlsAlertDescription.ProtocolVersion => "tlsv1 alert protocol version",
        TlsAlertDescription.InsufficientSecurity => "tlsv1 alert insufficient security",
        TlsAlertDescription.InternalError => "tlsv1 alert internal error",
        TlsAlertDescription.InappropriateFallback => "tlsv1 alert inappropriate fallback",
        TlsAlertDescription.UnrecognizedName => "tlsv1 unrecognized name",
        TlsAlertDescription.CertificateRequired => "tlsv13 alert certificate required",
        TlsAlertDescription.NoApplicationProtocol => "tlsv1 alert no application protocol",
        TlsAlertDescription.MissingExtension => "tlsv13 alert missing extension",
        _ => "tlsv1 alert " + alert.ToString().ToLowerInvariant(),
    };

    /// <summary>One line describing a failed handshake, shaped like OpenSSL's error-queue line.</summary>
    public static string Failure(TlsException e) => e.IsPeerAlert
        ? $"error:SSL routines::{AlertReason(e.Alert)}:SSL alert number {(int)e.Alert}"
        : e.Error == TlsError.CertificateVerifyFailed
            ? $"error:SSL routines::certificate verify failed ({e.Message})"
            : $"error:SSL routines::{e.Message} (sent alert {(int)e.Alert}: {e.Alert})";

    /// <summary>The callback s_client/s_server install (apps/lib/s_cb.c <c>verify_callback</c>): it prints each depth.</summary>
    public static TlsVerifyCallback VerifyCallback(TextWriter error, bool quiet, bool returnError) => (ok, context) =>
    {
        if (!ok || !quiet)
        {
            error.WriteLine($"depth={context.Depth} {context.Certificate.Subject}");
        }

        if (!ok)
        {
            error.WriteLine($"verify error:num={(int)context.Error}:{context.Error.GetMessage()}");
        }

        bool result = ok || !returnError;
        if (!ok || !quiet)
        {
            error.WriteLine($"verify return:{(result ? 1 : 0)}");
        }

        error.Flush();
        return result;
    };

    /// <summary>print_stuff's chain listing: " 0 s:...", "   i:...", "   a:PKEY: ...", "   v:NotBefore: ...".</summary>
    public static void AppendChain(StringBuilder text, IReadOnlyList<Certificate> chain)
    {
        for (int i = 0; i < chain.Count; i++)
        {
            Certificate c = chain[i];
            text.Append(CultureInfo.InvariantCulture, $"{i,2} s:{c.Subject}\n   i:{c.Issuer}\n");
            string keyName = ShortName(c.PublicKeyAlgorithm.Oid);
            int bits = c.TryGetPublicKey(out PublicKey? key, out _) ? key.Bits : 0;
            text.Append(CultureInfo.InvariantCulture, $"   a:PKEY: {keyName}, {bits} (bit); sigalg: {ShortName(c.SignatureAlgorithm.Oid)}\n");
            text.Append(CultureInfo.InvariantCulture, $"   v:NotBefore: {OpenSslText.FormatTime(c.NotBefore)}; NotAfter: {OpenSslText.FormatTime(c.NotAfter)}\n");
        }
    }

    /// <summary>The bits of a certificate's public key (0 when it cannot be decoded).</summary>
    public static int KeyBits(Certificate certificate) => certificate.TryGetPublicKey(out PublicKey? key, out _) ? key.Bits : 0;

    /// <summary>SSL_SESSION_print's block.</summary>
    public static void AppendSession(StringBuilder text, TlsStream tls, DateTimeOffset start)
    {
        TlsConnection c = tls.Connection!;
        bool tls13 = c.NegotiatedVersion == TlsProtocolVersion.Tls13;
        text.Append("SSL-Session:\n");
        text.Append("    Protocol  : ").Append(Protocol(c.NegotiatedVersion)).Append('\n');
        text.Append("    Cipher    : ").Append(Cipher(c.NegotiatedCipherSuite)).Append('\n');
        text.Append("    Session-ID: ").Append(c.SessionId is null ? string.Empty : Convert.ToHexString(c.SessionId)).Append('\n');
        text.Append("    Session-ID-ctx: \n");
        if (c.MasterSecret is not null)
        {
            text.Append(tls13 ? "    Resumption PSK: " : "    Master-Key: ").Append(Convert.ToHexString(c.MasterSecret)).Append('\n');
        }

        text.Append("    PSK identity: None\n    PSK identity hint: None\n    SRP username: None\n");
        text.Append(CultureInfo.InvariantCulture, $"    Start Time: {start.ToUnixTimeSeconds()}\n    Timeout   : 7200 (sec)\n");
        text.Append(CultureInfo.InvariantCulture, $"    Verify return code: {(int)c.PeerVerifyResult} ({c.PeerVerifyResult.GetMessage()})\n");
        if (tls13)
        {
            text.Append("    Extended master secret: no\n    Max Early Data: 0\n");
        }
    }

    private static string ShortName(string oid) => OidRegistry.TryGetByDotted(oid, out OidInfo? info) ? info.ShortName : oid;
}
