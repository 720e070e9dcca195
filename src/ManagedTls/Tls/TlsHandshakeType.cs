namespace ManagedTls.Tls;

/// <summary>TLS HandshakeType registry (IANA; RFC 8446 §4, RFC 5246 §7.4).</summary>
public enum TlsHandshakeType : byte
{
    /// <summary>hello_request (TLS 1.2 renegotiation request).</summary>
    HelloRequest = 0,

    /// <summary>client_hello.</summary>
    ClientHello = 1,

    /// <summary>server_hello (also carries HelloRetryRequest in TLS 1.3).</summary>
    ServerHello = 2,

    /// <summary>hello_verify_request (DTLS only).</summary>
    HelloVerifyRequest = 3,

    /// <summary>new_session_ticket.</summary>
    NewSessionTicket = 4,

    /// <summary>end_of_early_data (TLS 1.3).</summary>
    EndOfEarlyData = 5,

    /// <summary>encrypted_extensions (TLS 1.3).</summary>
    EncryptedExtensions = 8,

    /// <summary>certificate.</summary>
    Certificate = 11,

    /// <summary>server_key_exchange (TLS 1.2).</summary>
    ServerKeyExchange = 12,

    /// <summary>certificate_request.</summary>
    CertificateRequest = 13,

    /// <summary>server_hello_done (TLS 1.2).</summary>
    ServerHelloDone = 14,

    /// <summary>certificate_verify.</summary>
    CertificateVerify = 15,

    /// <summary>client_key_exchange (TLS 1.2).</summary>
    ClientKeyExchange = 16,

    /// <summary>finished.</summary>
    Finished = 20,

    /// <summary>certificate_status (RFC 6066 OCSP stapling, TLS 1.2).</summary>
    CertificateStatus = 22,

    /// <summary>key_update (TLS 1.3).</summary>
    KeyUpdate = 24,

    /// <summary>message_hash: the synthetic transcript entry after a HelloRetryRequest (RFC 8446 §4.4.1).</summary>
    MessageHash = 254,
}
