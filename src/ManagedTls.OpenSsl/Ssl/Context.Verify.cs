using ManagedTls.X509;

namespace ManagedTls.OpenSsl;

/// <summary>Trust and peer verification: <c>set_verify</c>, <c>set_verify_depth</c>, <c>load_verify_locations</c>, <c>set_default_verify_paths</c>, <c>get_cert_store</c>, client CA lists.</summary>
public sealed partial class Context
{
    private readonly X509Store _store = new();
    private readonly List<X509Name> _clientCaNames = [];
    private VerifyMode _verifyMode = VerifyMode.None;
    private VerifyCallback? _verifyCallback;
    private int _verifyDepth = -1;

    /// <summary>
    /// Sets how the peer is verified (<c>set_verify</c>) and, optionally, a callback that sees every certificate's
    /// result and may override it (OpenSSL's <c>verify_callback</c>).
    /// </summary>
    /// <param name="mode">
    /// <see cref="VerifyMode.None"/> or <see cref="VerifyMode.Peer"/>, the latter optionally with
    /// <see cref="VerifyMode.FailIfNoPeerCert"/> and <see cref="VerifyMode.ClientOnce"/>.
    /// </param>
    /// <param name="callback">The callback, or null for OpenSSL's default (accept exactly what passed the checks).</param>
    public void SetVerify(VerifyMode mode, VerifyCallback? callback = null)
    {
        _verifyMode = mode;
        _verifyCallback = callback;
    }

    /// <summary>Sets the longest chain accepted (<c>set_verify_depth</c>): the number of CA certificates above the peer's.</summary>
    /// <param name="depth">The depth; negative means OpenSSL's default (100).</param>
    public void SetVerifyDepth(int depth) => _verifyDepth = depth;

    /// <summary>The verify mode set by <see cref="SetVerify"/> (<c>get_verify_mode</c>).</summary>
    /// <returns>The mode (<see cref="VerifyMode.None"/> for a new context).</returns>
    public VerifyMode GetVerifyMode() => _verifyMode;

    /// <summary>The verify depth set by <see cref="SetVerifyDepth"/> (<c>get_verify_depth</c>).</summary>
    /// <returns>The depth; -1 (unset, meaning 100) for a new context, as OpenSSL's.</returns>
    public int GetVerifyDepth() => _verifyDepth;

    /// <summary>The verify callback set by <see cref="SetVerify"/> (an addition; OpenSSL's <c>SSL_CTX_get_verify_callback</c>).</summary>
    /// <returns>The callback, or null.</returns>
    public VerifyCallback? GetVerifyCallback() => _verifyCallback;

    /// <summary>
    /// Adds trusted certificates from a PEM file and/or a hashed directory (<c>load_verify_locations</c>; OpenSSL's
    /// <c>SSL_CTX_load_verify_locations</c>, through the context's <see cref="X509Store"/>).
    /// </summary>
    /// <param name="cafile">A PEM file of CA certificates (and CRLs), or null.</param>
    /// <param name="capath">A directory in <c>openssl rehash</c> layout, or null.</param>
    /// <exception cref="SslException">Both are null, or the file cannot be read or holds no certificate (the store's entries).</exception>
    public void LoadVerifyLocations(string? cafile, string? capath = null)
    {
        try
        {
            _store.LoadLocations(cafile, capath);
        }
        catch (CryptoException e)
        {
            throw new SslException(e.Errors, e);
        }
    }

    /// <summary>Trusts the system's CA certificates (<c>set_default_verify_paths</c>; see <see cref="X509Store.SetDefaultPaths"/>).</summary>
    public void SetDefaultVerifyPaths() => _store.SetDefaultPaths();

    /// <summary>
    /// The context's certificate store (<c>get_cert_store</c>): trusted certificates added to it, its flags and its time
    /// apply to every connection made from the context afterwards.
    /// </summary>
    /// <returns>The store (the same object each time).</returns>
    public X509Store GetCertStore() => _store;

    /// <summary>
    /// Replaces the list of CA names a server sends when it asks for a client certificate (<c>set_client_ca_list</c>).
    /// </summary>
    /// <param name="certificateAuthorities">The names (copied).</param>
    public void SetClientCaList(IEnumerable<X509Name> certificateAuthorities)
    {
        ArgumentNullException.ThrowIfNull(certificateAuthorities);
        var names = new List<X509Name>();
        foreach (X509Name name in certificateAuthorities)
        {
            ArgumentNullException.ThrowIfNull(name, nameof(certificateAuthorities));
            names.Add(new X509Name(name));
        }

        _clientCaNames.Clear();
        _clientCaNames.AddRange(names);
    }

    /// <summary>Adds a CA certificate's subject to the client CA list (<c>add_client_ca</c>).</summary>
    /// <param name="certificateAuthority">The CA certificate.</param>
    public void AddClientCa(X509 certificateAuthority)
    {
        ArgumentNullException.ThrowIfNull(certificateAuthority);
        _clientCaNames.Add(new X509Name(certificateAuthority.GetSubject()));
    }

    /// <summary>
    /// Sets the client CA list to the subjects of the certificates in a PEM file (<c>load_client_ca</c>; OpenSSL's
    /// <c>SSL_load_client_CA_file</c>, which skips duplicates). It does not make them trusted.
    /// </summary>
    /// <param name="cafile">The PEM file.</param>
    /// <exception cref="SslException">The file cannot be read or holds no certificate.</exception>
    public void LoadClientCa(string cafile)
    {
        const string Function = "SSL_load_client_CA_file";
        byte[] data = ReadFile(cafile, Function);
        IReadOnlyList<Certificate> certificates;
        try
        {
            certificates = Certificate.LoadAll(data);
        }
        catch (Exception e) when (e is X509FormatException or Pem.PemException)
        {
            throw new SslException([new("PEM routines", "get_name", "no start line"), new(SslErrors.Ssl, Function, "PEM lib")], e);
        }

        if (certificates.Count == 0)
        {
            throw new SslException([new("PEM routines", "get_name", "no start line"), new(SslErrors.Ssl, Function, "PEM lib")]);
        }

        var names = new List<X509Name>();
        foreach (Certificate certificate in certificates)
        {
            var name = new X509Name(new X509(certificate).GetSubject());
            if (!names.Exists(n => n == name))
            {
                names.Add(name);
            }
        }

        _clientCaNames.Clear();
        _clientCaNames.AddRange(names);
    }

    /// <summary>The client CA names (copies), for <see cref="Connection.GetClientCaList"/>.</summary>
    internal IReadOnlyList<X509Name> ClientCaNames
    {
        get
        {
            var copy = new X509Name[_clientCaNames.Count];
            for (int i = 0; i < copy.Length; i++)
            {
                copy[i] = new X509Name(_clientCaNames[i]);
            }

            return copy;
        }
    }

    internal VerifyMode VerifyModeValue => _verifyMode;

    internal VerifyCallback? VerifyCallbackValue => _verifyCallback;

    internal int EffectiveVerifyDepth => _verifyDepth < 0 ? 100 : _verifyDepth;

    internal X509Store Store => _store;
}
