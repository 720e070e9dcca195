using ManagedTls.Crypto;
using ManagedTls.X509.Verification;

namespace ManagedTls.Tls;

/// <summary>
/// Configuration shared by TLS clients and servers. Read once when a <see cref="TlsConnection"/> is created; later
/// changes do not affect connections already created.
/// </summary>
public abstract partial class TlsOptions
{
    private protected TlsOptions()
    {
    }

    /// <summary>The lowest protocol version accepted (default TLS 1.2; older versions are refused by design).</summary>
    public TlsProtocolVersion MinVersion { get; set; } = TlsProtocolVersion.Tls12;

    /// <summary>The highest protocol version offered or accepted (default TLS 1.3).</summary>
    public TlsProtocolVersion MaxVersion { get; set; } = TlsProtocolVersion.Tls13;

    /// <summary>TLS 1.2 cipher suites in preference order (default: AEAD suites with forward secrecy).</summary>
    public IList<TlsCipherSuite> CipherSuites { get; set; } = new List<TlsCipherSuite>(TlsDefaults.Tls12CipherSuites);

    /// <summary>TLS 1.3 cipher suites in preference order (default OpenSSL's: AES-256-GCM, ChaCha20-Poly1305, AES-128-GCM).</summary>
    public IList<TlsCipherSuite> Tls13CipherSuites { get; set; } = new List<TlsCipherSuite>(TlsDefaults.Tls13CipherSuites);

    /// <summary>Key exchange groups in preference order (default X25519, P-256, X448, P-384, P-521, then the RFC 7919 groups).</summary>
    public IList<TlsNamedGroup> Groups { get; set; } = new List<TlsNamedGroup>(TlsDefaults.Groups);

    /// <summary>Signature schemes accepted and used, in preference order.</summary>
    public IList<TlsSignatureScheme> SignatureSchemes { get; set; } = new List<TlsSignatureScheme>(TlsDefaults.SignatureSchemes);

    /// <summary>The certificate chain and key presented to the peer (required for a server).</summary>
    public TlsCertificateIdentity? Certificate { get; set; }

    /// <summary>Trust anchors used to verify the peer; null = no anchors (verification then fails with an unknown issuer).</summary>
    public TrustStore? TrustStore { get; set; }

    /// <summary>Extra verification settings (time, depth, flags); null = defaults.</summary>
    public VerificationOptions? Verification { get; set; }

    /// <summary>Whether and how the peer certificate is requested and enforced.</summary>
    public TlsVerifyMode VerifyMode { get; set; }

    /// <summary>Called for each certificate of the peer chain (OpenSSL verify_callback semantics).</summary>
    public TlsVerifyCallback? VerifyCallback { get; set; }

    /// <summary>The longest peer chain accepted (OpenSSL's verify depth; default 100).</summary>
    public int VerifyDepth { get; set; } = 100;

    /// <summary>Behaviour switches.</summary>
    public TlsOptionFlags Flags { get; set; }

    /// <summary>The primitive provider.</summary>
    public ICryptoProvider Crypto { get; set; } = CryptoProviders.Default;

    /// <summary>The clock used for certificate validity.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// Source of every random byte the handshake uses (hello randoms, session ids, key-share private keys);
    /// null = the process's secure random source. Tests inject one to replay recorded transcripts.
    /// </summary>
    public Action<Span<byte>>? RandomSource { get; set; }

    /// <summary>The largest handshake message accepted, in bytes (default 128 KiB).</summary>
    public int MaxHandshakeMessageSize { get; set; } = 131072;

    /// <summary>Receives NSS key log lines (<c>SSLKEYLOGFILE</c> format) as secrets are derived.</summary>
    public Action<string>? KeyLogCallback { get; set; }

    /// <summary>ALPN protocol names offered (client) or supported in preference order (server); null = no ALPN.</summary>
    public IList<string>? ApplicationProtocols { get; set; }

    /// <summary>Test hook: the number of records after which a key is considered worn out (default: the RFC 8446 §5.5 limits).</summary>
    public ulong? KeyUpdateAfterRecords { get; set; }
}
