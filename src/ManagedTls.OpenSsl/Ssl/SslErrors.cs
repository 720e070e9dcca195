using ManagedTls.Tls;

namespace ManagedTls.OpenSsl;

/// <summary>
/// Translates failures into <see cref="SslException"/>s whose entries read like the OpenSSL error queue pyOpenSSL
/// shows for the same event: reason strings are OpenSSL 3.0's (<c>openssl errstr</c>), function names OpenSSL 1.1's
/// (OpenSSL 3 no longer records them), as in <see cref="CryptoErrors"/>. The lower-layer exception stays attached
/// as the inner exception, with the precise reason and RFC clause.
/// </summary>
internal static class SslErrors
{
    /// <summary>OpenSSL's library name for libssl errors.</summary>
    public const string Ssl = "SSL routines";

    /// <summary>A file that cannot be opened: the three entries OpenSSL queues (fopen, BIO_new_file, the SSL function's "system lib").</summary>
    /// <param name="function">The SSL function, e.g. <c>SSL_CTX_use_certificate_file</c>.</param>
    /// <param name="inner">The I/O failure.</param>
    public static SslException FileOpen(string function, Exception inner) => new(
        [
            new("system library", "fopen", inner is FileNotFoundException or DirectoryNotFoundException ? "No such file or directory" : "Permission denied"),
            new("BIO routines", "BIO_new_file", inner is FileNotFoundException or DirectoryNotFoundException ? "no such file" : "system lib"),
            new(Ssl, function, "system lib"),
        ],
        inner);

    /// <summary>A certificate or key that does not load: the crypto entries followed by the SSL function's "PEM lib"/"ASN1 lib".</summary>
    /// <param name="e">The crypto-layer failure.</param>
    /// <param name="function">The SSL function.</param>
    /// <param name="pem">True for PEM input.</param>
    public static SslException FromCrypto(CryptoException e, string function, bool pem)
    {
        var entries = new List<OpenSslErrorEntry>(e.Errors) { new(Ssl, function, pem ? "PEM lib" : "ASN1 lib") };
        return new SslException(entries, e);
    }

    /// <summary>An engine failure, as SSL_get_error's SSL_ERROR_SSL with OpenSSL's reason for the same event.</summary>
    /// <param name="e">The engine's sticky failure.</param>
    /// <param name="isServer">Which side failed (names the state-machine function).</param>
    public static SslException FromTls(TlsException e, bool isServer)
    {
        if (e.Error == TlsError.PeerAlert)
        {
            return new SslException(Ssl, "ssl3_read_bytes", AlertReason(e.Alert), e);
        }

        (string function, string reason) = e.Error switch
        {
            TlsError.CertificateVerifyFailed => (isServer ? "tls_process_client_certificate" : "tls_post_process_server_certificate", "certificate verify failed"),
            TlsError.CertificateRequired => ("tls_process_client_certificate", "peer did not return a certificate"),
            TlsError.NoCommonCipherSuite => ("tls_post_process_client_hello", "no shared cipher"),
            TlsError.NoCommonVersion => (isServer ? "tls_early_post_process_client_hello" : "tls_process_server_hello", "unsupported protocol"),
            TlsError.NoCommonGroup => ("tls_parse_ctos_key_share", "no suitable key share"),
            TlsError.NoCommonSignatureScheme => ("tls_choose_sigalg", "no suitable signature algorithm"),
            TlsError.BadKeyShare => ("tls_parse_stoc_key_share", "bad key share"),
            TlsError.Downgrade => ("tls_process_server_hello", "inappropriate fallback"),
            TlsError.DecryptError => ("tls_process_cert_verify", "bad signature"),
            TlsError.BadRecordMac => ("ssl3_get_record", "decryption failed or bad record mac"),
            TlsError.RecordOverflow => ("ssl3_get_record", "packet length too long"),
            TlsError.UnexpectedRecord => ("ssl3_get_record", "unexpected record"),
            TlsError.UnexpectedMessage => ("read_state_machine", "unexpected message"),
            TlsError.Malformed => ("read_state_machine", "length mismatch"),
            TlsError.LimitExceeded => ("tls_get_message_header", "excessive message size"),
            TlsError.IllegalParameter or TlsError.MissingExtension => ("tls_collect_extensions", "bad extension"),
            TlsError.UnsupportedExtension => ("tls_collect_extensions", "unsolicited extension"),
            TlsError.Renegotiation => ("ssl3_read_bytes", "no renegotiation"),
            TlsError.Closed => ("ssl3_write_bytes", "protocol is shutdown"),
            TlsError.Configuration => ("tls_setup_handshake", "no protocols available"),
            _ => ("ossl_statem_fatal", "internal error"),
        };
        return new SslException(Ssl, function, reason, e);
    }

    /// <summary>OpenSSL's reason text for a received alert (<c>SSL_AD_REASON_OFFSET + alert</c>).</summary>
    /// <param name="alert">The alert.</param>
    /// <returns>E.g. "tlsv1 alert unknown ca".</returns>
    public static string AlertReason(TlsAlertDescription alert) => (int)alert switch
    {
        10 => "sslv3 alert unexpected message",
        20 => "sslv3 alert bad record mac",
        21 => "tlsv1 alert decryption failed",
        22 => "tlsv1 alert record overflow",
        30 => "sslv3 alert decompression failure",
        40 => "sslv3 alert handshake failure",
        41 => "sslv3 alert no certificate",
        42 => "sslv3 alert bad certificate",
        43 => "sslv3 alert unsupported certificate",
        44 => "sslv3 alert certificate revoked",
        45 => "sslv3 alert certificate expired",
        46 => "sslv3 alert certificate unknown",
        47 => "sslv3 alert illegal parameter",
        48 => "tlsv1 alert unknown ca",
        49 => "tlsv1 alert access denied",
        50 => "tlsv1 alert decode error",
        51 => "tlsv1 alert decrypt error",
        60 => "tlsv1 alert export restriction",
        70 => "tlsv1 alert protocol version",
        71 => "tlsv1 alert insufficient security",
        80 => "tlsv1 alert internal error",
        86 => "tlsv1 alert inappropriate fallback",
        90 => "tlsv1 alert user cancelled",
        100 => "tlsv1 alert no renegotiation",
        109 => "tlsv13 alert missing extension",
        110 => "tlsv1 unsupported extension",
        111 => "tlsv1 certificate unobtainable",
        112 => "tlsv1 unrecognized name",
        113 => "tlsv1 bad certificate status response",
        114 => "tlsv1 bad certificate hash value",
        115 => "tlsv1 alert unknown psk identity",
        116 => "tlsv13 alert certificate required",
        120 => "tlsv1 alert no application protocol",
        int other => $"tlsv1 alert {other}",
    };
}
