using ManagedTls.Tls;
using ManagedTls.Tls.Suites;

namespace ManagedTls.OpenSsl;

/// <summary>Cipher lists: <c>set_cipher_list</c> (TLS 1.2, OpenSSL cipher-string syntax) and <c>set_ciphersuites</c> (TLS 1.3).</summary>
public sealed partial class Context
{
    /// <summary>
    /// Sets the TLS 1.2 cipher suites from an OpenSSL cipher string (<c>set_cipher_list</c>): names
    /// (<c>ECDHE-RSA-AES128-GCM-SHA256</c>), aliases (<c>HIGH</c>, <c>ECDHE</c>, <c>AESGCM</c>, <c>DEFAULT</c>...),
    /// <c>!</c>/<c>-</c>/<c>+</c> prefixes, <c>@STRENGTH</c> and <c>@SECLEVEL=n</c>, joined by <c>:</c>. TLS 1.3
    /// suites are set by <see cref="SetCiphersuites"/> and are not affected.
    /// </summary>
    /// <param name="cipherList">The cipher string.</param>
    /// <exception cref="SslException">
    /// Nothing matches: <c>("SSL routines", "SSL_CTX_set_cipher_list", "no cipher match")</c>; a malformed string:
    /// <c>"invalid command"</c>.
    /// </exception>
    /// <remarks>
    /// The list keeps every suite the string selects, as OpenSSL's does (<see cref="Connection.GetCipherList"/> shows
    /// them); a handshake offers only the ones ManagedTls implements.
    /// </remarks>
    public void SetCipherList(string cipherList)
    {
        ArgumentNullException.ThrowIfNull(cipherList);
        try
        {
            _tls12Suites = [.. OpenSslCipherString.Parse(cipherList)];
        }
        catch (TlsCipherStringException e)
        {
            throw new SslException(SslErrors.Ssl, "SSL_CTX_set_cipher_list", e.IsInvalidCommand ? "invalid command" : "no cipher match", e);
        }
    }

    /// <summary>
    /// Sets the TLS 1.3 cipher suites (<c>set_ciphersuites</c>): a colon-separated list of TLS 1.3 names in preference
    /// order, e.g. <c>TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256</c>.
    /// </summary>
    /// <param name="ciphersuites">The list.</param>
    /// <remarks>An empty string turns TLS 1.3 suites off, as in OpenSSL.</remarks>
    /// <exception cref="SslException">A non-empty list names no known TLS 1.3 suite: <c>("SSL routines", "SSL_CTX_set_ciphersuites", "no cipher match")</c>.</exception>
    public void SetCiphersuites(string ciphersuites)
    {
        ArgumentNullException.ThrowIfNull(ciphersuites);
        try
        {
            _tls13Suites = [.. OpenSslCipherString.ParseTls13(ciphersuites)];
        }
        catch (TlsCipherStringException e)
        {
            throw new SslException(SslErrors.Ssl, "SSL_CTX_set_ciphersuites", "no cipher match", e);
        }
    }

    /// <summary>The suites to hand the engine: the implemented ones of <paramref name="suites"/>, in order.</summary>
    /// <param name="suites">The configured suites.</param>
    /// <returns>The implemented ones.</returns>
    internal static List<TlsCipherSuite> Implemented(IReadOnlyList<TlsCipherSuite> suites)
    {
        var result = new List<TlsCipherSuite>(suites.Count);
        foreach (TlsCipherSuite suite in suites)
        {
            if (TlsCipherSuites.Find(suite) is { IsImplemented: true })
            {
                result.Add(suite);
            }
        }

        return result;
    }

    /// <summary>The cipher names in OpenSSL's order: TLS 1.3 suites first, then TLS 1.2 (what <see cref="Connection.GetCipherList"/> reports).</summary>
    /// <returns>The names.</returns>
    internal IReadOnlyList<string> CipherNameList()
    {
        IReadOnlyList<TlsCipherSuite> tls13 = _tls13Suites ?? TlsCipherSuites.DefaultTls13;
        IReadOnlyList<TlsCipherSuite> tls12 = _tls12Suites ?? TlsCipherSuites.DefaultTls12;
        var names = new List<string>(tls13.Count + tls12.Count);
        foreach (TlsCipherSuite suite in tls13)
        {
            names.Add(CipherNames.OpenSslName(suite));
        }

        foreach (TlsCipherSuite suite in tls12)
        {
            names.Add(CipherNames.OpenSslName(suite));
        }

        return names;
    }
}
