namespace ManagedTls.Tls.Suites;

/// <summary>The key exchange a cipher suite names (OpenSSL's "Kx=" column).</summary>
public enum TlsKeyExchange
{
    /// <summary>TLS 1.3: the suite does not fix the key exchange (negotiated through key_share; "Kx=any").</summary>
    Any,

    /// <summary>Ephemeral elliptic-curve Diffie-Hellman (RFC 8422; "Kx=ECDH").</summary>
    Ecdhe,

    /// <summary>Ephemeral finite-field Diffie-Hellman (RFC 5246, RFC 7919 groups; "Kx=DH").</summary>
    Dhe,

    /// <summary>Static RSA key transport, without forward secrecy (RFC 5246 §7.4.7.1; "Kx=RSA").</summary>
    Rsa,
}
