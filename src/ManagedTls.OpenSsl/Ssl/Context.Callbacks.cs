using System.Text;
using ManagedTls.Keys;
using ManagedTls.Tls;

namespace ManagedTls.OpenSsl;

/// <summary>Key exchange and extensions: <c>set_tmp_ecdh</c>, <c>load_tmp_dh</c>, <c>set_alpn_protos</c>, <c>set_tlsext_servername_callback</c>, <c>set_keylog_callback</c>.</summary>
public sealed partial class Context
{
    private TlsNamedGroup[]? _groups;
    private DhParameters? _dhParameters;
    private string[]? _alpnProtocols;
    private ServernameCallback? _servernameCallback;
    private KeylogCallback? _keylogCallback;

    /// <summary>
    /// Restricts ECDHE to one curve (<c>set_tmp_ecdh</c>): since OpenSSL 1.1.0 this sets the group list to that curve
    /// alone, for TLS 1.2 and TLS 1.3 alike (X25519 is then not offered either).
    /// </summary>
    /// <param name="curve">A curve from <see cref="Crypto.GetEllipticCurves"/> or <see cref="Crypto.GetEllipticCurve"/>.</param>
    public void SetTmpEcdh(EllipticCurve curve)
    {
        ArgumentNullException.ThrowIfNull(curve);
        _groups = [curve.Group];
    }

    /// <summary>
    /// Loads Diffie-Hellman parameters for TLS 1.2 DHE key exchange (<c>load_tmp_dh</c>): a PEM <c>DH PARAMETERS</c>
    /// block as <c>openssl dhparam</c> writes (PKCS#3 DHParameter). Without them a server uses the RFC 7919 group the
    /// client offers, or ffdhe2048.
    /// </summary>
    /// <param name="dhfile">The file's path.</param>
    /// <exception cref="SslException">The file cannot be read, holds no DH parameters, or they are malformed or unusable (p even or under 512 bits, g out of range).</exception>
    public void LoadTmpDh(string dhfile)
    {
        const string Function = "SSL_CTX_set_tmp_dh";
        byte[] data = ReadFile(dhfile, Function);

        // PEM_read_bio_DHparams: PEM only (DhParameters.Load would also take DER).
        if (data.AsSpan().IndexOf("-----BEGIN"u8) < 0)
        {
            throw new SslException([new("PEM routines", "get_name", "no start line"), new(SslErrors.Ssl, Function, "dh lib")]);
        }

        try
        {
            _dhParameters = DhParameters.Load(data);
        }
        catch (KeyFormatException e)
        {
            OpenSslErrorEntry first = e.Reason switch
            {
                KeyFormatError.NoKeyFound => new("PEM routines", "get_name", "no start line"),
                KeyFormatError.MalformedDer => new("asn1 encoding routines", "asn1_item_embed_d2i", "nested asn1 error"),
                _ => new("DH routines", "DH_check_params_ex", "invalid parameters"),
            };
            throw new SslException([first, new(SslErrors.Ssl, Function, "dh lib")], e);
        }
    }

    /// <summary>
    /// Sets the protocols a client offers with ALPN (<c>set_alpn_protos</c>), most preferred first; on a server (an
    /// addition) the protocols it accepts, in its order of preference.
    /// </summary>
    /// <param name="protos">The protocol names, e.g. <c>["h2", "http/1.1"]</c>; each 1 to 255 bytes of UTF-8.</param>
    /// <exception cref="ArgumentException">A name is empty or longer than 255 bytes.</exception>
    public void SetAlpnProtos(IEnumerable<string> protos) => _alpnProtocols = CheckAlpn(protos);

    /// <summary>
    /// Sets the server-name callback (<c>set_tlsext_servername_callback</c>): a server calls it when a ClientHello
    /// arrives, before choosing its certificate.
    /// </summary>
    /// <param name="callback">The callback.</param>
    public void SetTlsextServernameCallback(ServernameCallback callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        _servernameCallback = callback;
    }

    /// <summary>Sets the key-logging callback (<c>set_keylog_callback</c>): each secret, as an NSS key log line.</summary>
    /// <param name="callback">The callback.</param>
    public void SetKeylogCallback(KeylogCallback callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        _keylogCallback = callback;
    }

    /// <summary>The groups set by <see cref="SetTmpEcdh"/>, or null for the defaults.</summary>
    internal IReadOnlyList<TlsNamedGroup>? Groups => _groups;

    /// <summary>The parameters loaded by <see cref="LoadTmpDh"/>, or null.</summary>
    internal DhParameters? TmpDh => _dhParameters;

    internal IReadOnlyList<string>? AlpnProtocols => _alpnProtocols;

    internal ServernameCallback? ServernameCallbackValue => _servernameCallback;

    internal KeylogCallback? KeylogCallbackValue => _keylogCallback;

    internal static string[] CheckAlpn(IEnumerable<string> protos)
    {
        ArgumentNullException.ThrowIfNull(protos);
        var list = new List<string>();
        foreach (string proto in protos)
        {
            ArgumentNullException.ThrowIfNull(proto, nameof(protos));
            int length = Encoding.UTF8.GetByteCount(proto);
            if (length is 0 or > 255)
            {
                throw new ArgumentException("ALPN protocol names must be 1 to 255 bytes long (RFC 7301 §3.1)", nameof(protos));
            }

            list.Add(proto);
        }

        return [.. list];
    }
}
