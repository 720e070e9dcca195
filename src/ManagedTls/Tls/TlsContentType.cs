namespace ManagedTls.Tls;

/// <summary>TLS ContentType registry (IANA "TLS ContentType"; RFC 8446 §5.1).</summary>
public enum TlsContentType : byte
{
    /// <summary>Not a real content type: the value of a TLS 1.3 inner plaintext made only of padding.</summary>
    Invalid = 0,

    /// <summary>change_cipher_spec (RFC 5246 §7.1; in TLS 1.3 only the middlebox-compatibility record).</summary>
    ChangeCipherSpec = 20,

    /// <summary>alert (RFC 8446 §6).</summary>
    Alert = 21,

    /// <summary>handshake (RFC 8446 §4).</summary>
    Handshake = 22,

    /// <summary>application_data.</summary>
    ApplicationData = 23,

    /// <summary>heartbeat (RFC 6520); never accepted.</summary>
    Heartbeat = 24,
}
