using ManagedTls.Tls;
using ManagedTls.Tls.Suites;

namespace ManagedTls.OpenSsl;

/// <summary>OpenSSL's view of a cipher suite (<c>SSL_CIPHER_get_name</c>, <c>_get_bits</c>, <c>_get_version</c>) from the suite registry.</summary>
internal static class CipherNames
{
    /// <summary>OpenSSL's name: the IANA name for TLS 1.3 suites, OpenSSL's own (<c>ECDHE-RSA-AES128-GCM-SHA256</c>) otherwise.</summary>
    /// <param name="suite">The suite.</param>
    /// <returns>The name; the IANA enum name for a suite the registry does not know.</returns>
    public static string OpenSslName(TlsCipherSuite suite) => TlsCipherSuites.Find(suite)?.OpenSslName ?? suite.ToString();

    /// <summary>The secret bits (<c>SSL_CIPHER_get_bits</c>).</summary>
    /// <param name="suite">The suite.</param>
    /// <returns>The bits, or 0 when unknown.</returns>
    public static int Bits(TlsCipherSuite suite) => TlsCipherSuites.Find(suite)?.StrengthBits ?? 0;

    /// <summary>The protocol version the suite was introduced in (<c>SSL_CIPHER_get_version</c>).</summary>
    /// <param name="suite">The suite.</param>
    /// <returns>"TLSv1.3", "TLSv1.2", "TLSv1.0" or "SSLv3".</returns>
    public static string Version(TlsCipherSuite suite) => TlsCipherSuites.Find(suite)?.MinVersion switch
    {
        TlsProtocolVersion.Tls13 => "TLSv1.3",
        TlsProtocolVersion.Tls12 => "TLSv1.2",
        TlsProtocolVersion.Tls11 or TlsProtocolVersion.Tls10 => "TLSv1.0",
        TlsProtocolVersion.Ssl3 => "SSLv3",
        _ => "unknown",
    };
}
