namespace ManagedTls.Tls;

/// <summary>
/// Why the engine failed a connection: one typed reason per decision point. Each <see cref="TlsException"/> carries
/// one of these next to the alert it sent (or received) and a message naming the RFC clause.
/// </summary>
public enum TlsError
{
    /// <summary>A wire structure was truncated, over-long or had trailing bytes (decode_error).</summary>
    Malformed,

    /// <summary>A length, count or size went past one of the engine's limits.</summary>
    LimitExceeded,

    /// <summary>A record was longer than the protocol allows (record_overflow, RFC 8446 §5.1/§5.2).</summary>
    RecordOverflow,

    /// <summary>A record failed authentication (bad_record_mac).</summary>
    BadRecordMac,

    /// <summary>A record of an unknown or unexpected content type, or an empty record where none is allowed.</summary>
    UnexpectedRecord,

    /// <summary>A handshake message arrived in a state that does not expect it (unexpected_message).</summary>
    UnexpectedMessage,

    /// <summary>A field had a value the protocol forbids here (illegal_parameter).</summary>
    IllegalParameter,

    /// <summary>A required extension was absent (missing_extension).</summary>
    MissingExtension,

    /// <summary>An extension appeared where it is not allowed or was not offered (unsupported_extension).</summary>
    UnsupportedExtension,

    /// <summary>No protocol version both sides accept (protocol_version).</summary>
    NoCommonVersion,

    /// <summary>No cipher suite both sides accept (handshake_failure).</summary>
    NoCommonCipherSuite,

    /// <summary>No key-exchange group both sides accept (handshake_failure).</summary>
    NoCommonGroup,

    /// <summary>No signature scheme both sides accept for the certificate (handshake_failure).</summary>
    NoCommonSignatureScheme,

    /// <summary>A key share was invalid (illegal_parameter) or the agreement failed.</summary>
    BadKeyShare,

    /// <summary>A downgrade sentinel was found in ServerHello.random (RFC 8446 §4.1.3).</summary>
    Downgrade,

    /// <summary>A Finished or CertificateVerify failed to verify (decrypt_error).</summary>
    DecryptError,

    /// <summary>The peer's certificate chain failed verification (bad_certificate, unknown_ca, ...).</summary>
    CertificateVerifyFailed,

    /// <summary>A certificate was required and none was sent (certificate_required / handshake_failure).</summary>
    CertificateRequired,

    /// <summary>The local configuration cannot run a handshake (no certificate for a server, no suites left, ...).</summary>
    Configuration,

    /// <summary>Renegotiation was attempted or its indication was wrong (RFC 5746).</summary>
    Renegotiation,

    /// <summary>The peer sent a fatal alert; <see cref="TlsException.Alert"/> is the alert received.</summary>
    PeerAlert,

    /// <summary>Application data was written after close_notify, or another operation on a closed connection.</summary>
    Closed,

    /// <summary>An internal invariant failed (internal_error).</summary>
    Internal,
}
