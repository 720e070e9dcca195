namespace ManagedTls.OpenSsl;

/// <summary>
/// pyOpenSSL's <c>SSL.OP_*</c> constants with OpenSSL 3.0's numeric values (64-bit, as <c>SSL_CTX_set_options</c> takes
/// them), for <see cref="Context.SetOptions"/>. Options that OpenSSL 3.0 defines as 0 (obsolete workarounds, SSLv2) are 0 here too.
/// </summary>
/// <remarks>
/// Options that change what ManagedTls does: the <c>NoTlsv1_*</c> version switches, <see cref="CipherServerPreference"/>,
/// <see cref="NoTicket"/>, <see cref="IgnoreUnexpectedEof"/>. The rest are accepted and reported back by
/// <see cref="Context.SetOptions"/>, as OpenSSL reports options it no longer acts on.
/// </remarks>
[Flags]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1069:Enums values should not be duplicated", Justification = "OpenSSL 3.0 defines the obsolete options as 0.")]
public enum SslOptions : ulong
{
    /// <summary>No option.</summary>
    None = 0,

    /// <summary><c>SSL_OP_NO_EXTENDED_MASTER_SECRET</c>: recorded; RFC 7627 is always used with TLS 1.2.</summary>
    NoExtendedMasterSecret = 1UL << 0,

    /// <summary><c>SSL_OP_CLEANSE_PLAINTEXT</c>: recorded.</summary>
    CleansePlaintext = 1UL << 1,

    /// <summary><c>SSL_OP_LEGACY_SERVER_CONNECT</c>: recorded; servers without RFC 5746 are still refused.</summary>
    LegacyServerConnect = 1UL << 2,

    /// <summary><c>SSL_OP_ENABLE_KTLS</c>: recorded (no kernel TLS in a managed library).</summary>
    EnableKtls = 1UL << 3,

    /// <summary><c>SSL_OP_TLSEXT_PADDING</c>: recorded.</summary>
    TlsextPadding = 1UL << 4,

    /// <summary><c>SSL_OP_SAFARI_ECDHE_ECDSA_BUG</c>: recorded.</summary>
    SafariEcdheEcdsaBug = 1UL << 6,

    /// <summary><c>SSL_OP_IGNORE_UNEXPECTED_EOF</c>: a transport EOF without close_notify reads as a clean close (<see cref="ZeroReturnException"/>) instead of <see cref="SysCallException"/>.</summary>
    IgnoreUnexpectedEof = 1UL << 7,

    /// <summary><c>SSL_OP_ALLOW_CLIENT_RENEGOTIATION</c>: recorded; renegotiation is refused.</summary>
    AllowClientRenegotiation = 1UL << 8,

    /// <summary><c>SSL_OP_DISABLE_TLSEXT_CA_NAMES</c>: recorded.</summary>
    DisableTlsextCaNames = 1UL << 9,

    /// <summary><c>SSL_OP_ALLOW_NO_DHE_KEX</c>: recorded (no PSK resumption yet).</summary>
    AllowNoDheKex = 1UL << 10,

    /// <summary><c>OP_DONT_INSERT_EMPTY_FRAGMENTS</c>: recorded (no CBC 1/n-1 splitting is ever done).</summary>
    DontInsertEmptyFragments = 1UL << 11,

    /// <summary><c>OP_NO_QUERY_MTU</c> (DTLS): recorded.</summary>
    NoQueryMtu = 1UL << 12,

    /// <summary><c>OP_COOKIE_EXCHANGE</c> (DTLS): recorded.</summary>
    CookieExchange = 1UL << 13,

    /// <summary><c>OP_NO_TICKET</c>: no session tickets.</summary>
    NoTicket = 1UL << 14,

    /// <summary><c>SSL_OP_CISCO_ANYCONNECT</c>: recorded.</summary>
    CiscoAnyConnect = 1UL << 15,

    /// <summary><c>SSL_OP_NO_SESSION_RESUMPTION_ON_RENEGOTIATION</c>: recorded.</summary>
    NoSessionResumptionOnRenegotiation = 1UL << 16,

    /// <summary><c>OP_NO_COMPRESSION</c>: set by default; compression is never negotiated.</summary>
    NoCompression = 1UL << 17,

    /// <summary><c>SSL_OP_ALLOW_UNSAFE_LEGACY_RENEGOTIATION</c>: recorded; renegotiation is refused.</summary>
    AllowUnsafeLegacyRenegotiation = 1UL << 18,

    /// <summary><c>SSL_OP_NO_ENCRYPT_THEN_MAC</c>: recorded.</summary>
    NoEncryptThenMac = 1UL << 19,

    /// <summary><c>SSL_OP_ENABLE_MIDDLEBOX_COMPAT</c>: set by default (TLS 1.3 middlebox-compatibility ChangeCipherSpec).</summary>
    EnableMiddleboxCompat = 1UL << 20,

    /// <summary><c>SSL_OP_PRIORITIZE_CHACHA</c>: recorded.</summary>
    PrioritizeChacha = 1UL << 21,

    /// <summary><c>OP_CIPHER_SERVER_PREFERENCE</c>: a server picks by its own cipher order rather than the client's.</summary>
    CipherServerPreference = 1UL << 22,

    /// <summary><c>OP_TLS_ROLLBACK_BUG</c>: recorded.</summary>
    TlsRollbackBug = 1UL << 23,

    /// <summary><c>SSL_OP_NO_ANTI_REPLAY</c>: recorded (no early data).</summary>
    NoAntiReplay = 1UL << 24,

    /// <summary><c>OP_NO_SSLv3</c>: SSL 3.0 is never negotiated anyway (RFC 7568).</summary>
    NoSslv3 = 1UL << 25,

    /// <summary><c>OP_NO_TLSv1</c>: TLS 1.0 is never negotiated anyway (RFC 8996).</summary>
    NoTlsv1 = 1UL << 26,

    /// <summary><c>OP_NO_TLSv1_2</c>: do not negotiate TLS 1.2.</summary>
    NoTlsv1_2 = 1UL << 27,

    /// <summary><c>OP_NO_TLSv1_1</c>: TLS 1.1 is never negotiated anyway (RFC 8996).</summary>
    NoTlsv1_1 = 1UL << 28,

    /// <summary><c>OP_NO_TLSv1_3</c>: do not negotiate TLS 1.3.</summary>
    NoTlsv1_3 = 1UL << 29,

    /// <summary><c>SSL_OP_NO_RENEGOTIATION</c>: renegotiation is always refused.</summary>
    NoRenegotiation = 1UL << 30,

    /// <summary><c>SSL_OP_CRYPTOPRO_TLSEXT_BUG</c>: recorded.</summary>
    CryptoproTlsextBug = 1UL << 31,

    /// <summary><c>OP_ALL</c>: OpenSSL 3.0's bug-workaround set (0x80000854).</summary>
    All = (1UL << 31) | (1UL << 11) | (1UL << 2) | (1UL << 4) | (1UL << 6),

    /// <summary><c>OP_NO_SSLv2</c>: 0 in OpenSSL 3.0 (obsolete); accepted, no effect.</summary>
    NoSslv2 = 0,

    /// <summary><c>OP_SINGLE_DH_USE</c>: 0 in OpenSSL 3.0 (obsolete); accepted, no effect.</summary>
    SingleDhUse = 0,

    /// <summary><c>OP_SINGLE_ECDH_USE</c>: 0 in OpenSSL 3.0 (obsolete); accepted, no effect.</summary>
    SingleEcdhUse = 0,

    /// <summary><c>OP_EPHEMERAL_RSA</c>: 0 in OpenSSL 3.0 (obsolete); accepted, no effect.</summary>
    EphemeralRsa = 0,

    /// <summary><c>OP_MICROSOFT_SESS_ID_BUG</c>: 0 in OpenSSL 3.0 (obsolete); accepted, no effect.</summary>
    MicrosoftSessIdBug = 0,

    /// <summary><c>OP_NETSCAPE_CHALLENGE_BUG</c>: 0 in OpenSSL 3.0 (obsolete); accepted, no effect.</summary>
    NetscapeChallengeBug = 0,

    /// <summary><c>OP_NETSCAPE_REUSE_CIPHER_CHANGE_BUG</c>: 0 in OpenSSL 3.0 (obsolete); accepted, no effect.</summary>
    NetscapeReuseCipherChangeBug = 0,

    /// <summary><c>OP_SSLREF2_REUSE_CERT_TYPE_BUG</c>: 0 in OpenSSL 3.0 (obsolete); accepted, no effect.</summary>
    Sslref2ReuseCertTypeBug = 0,

    /// <summary><c>OP_MICROSOFT_BIG_SSLV3_BUFFER</c>: 0 in OpenSSL 3.0 (obsolete); accepted, no effect.</summary>
    MicrosoftBigSslv3Buffer = 0,

    /// <summary><c>OP_MSIE_SSLV2_RSA_PADDING</c>: 0 in OpenSSL 3.0 (obsolete); accepted, no effect.</summary>
    MsieSslv2RsaPadding = 0,

    /// <summary><c>OP_SSLEAY_080_CLIENT_DH_BUG</c>: 0 in OpenSSL 3.0 (obsolete); accepted, no effect.</summary>
    Ssleay080ClientDhBug = 0,

    /// <summary><c>OP_TLS_D5_BUG</c>: 0 in OpenSSL 3.0 (obsolete); accepted, no effect.</summary>
    TlsD5Bug = 0,

    /// <summary><c>OP_TLS_BLOCK_PADDING_BUG</c>: 0 in OpenSSL 3.0 (obsolete); accepted, no effect.</summary>
    TlsBlockPaddingBug = 0,

    /// <summary><c>OP_PKCS1_CHECK_1</c>: 0 in OpenSSL 3.0 (obsolete); accepted, no effect.</summary>
    Pkcs1Check1 = 0,

    /// <summary><c>OP_PKCS1_CHECK_2</c>: 0 in OpenSSL 3.0 (obsolete); accepted, no effect.</summary>
    Pkcs1Check2 = 0,

    /// <summary><c>OP_NETSCAPE_CA_DN_BUG</c>: 0 in OpenSSL 3.0 (obsolete); accepted, no effect.</summary>
    NetscapeCaDnBug = 0,

    /// <summary><c>OP_NETSCAPE_DEMO_CIPHER_CHANGE_BUG</c>: 0 in OpenSSL 3.0 (obsolete); accepted, no effect.</summary>
    NetscapeDemoCipherChangeBug = 0,
}
