using ManagedTls.Tls;
using ManagedTls.X509;
using ManagedTls.X509.Verification;

namespace ManagedTls.OpenSsl;

/// <summary>Turns the context's settings into the engine's <see cref="TlsOptions"/> for one connection.</summary>
public sealed partial class Context
{
    private TlsCipherSuite[]? _tls12Suites;
    private TlsCipherSuite[]? _tls13Suites;

    /// <summary>Builds client options for <paramref name="connection"/>.</summary>
    /// <param name="connection">The connection the callbacks report.</param>
    /// <param name="hooks">Where callback failures are parked for the facade to rethrow.</param>
    /// <returns>The options.</returns>
    /// <exception cref="SslException">No protocol version is left ("no protocols available").</exception>
    internal TlsClientOptions BuildClientOptions(Connection connection, ConnectionHooks hooks)
    {
        var options = new TlsClientOptions();
        Fill(options, connection, hooks, isServer: false);
        if (connection.RequestedServerName is { } name)
        {
            options.ServerName = name;
        }
        else
        {
            options.SendSni = false;
        }

        return options;
    }

    /// <summary>Builds server options for <paramref name="connection"/>.</summary>
    /// <param name="connection">The connection the callbacks report.</param>
    /// <param name="hooks">Where callback failures are parked for the facade to rethrow.</param>
    /// <returns>The options.</returns>
    /// <exception cref="SslException">No protocol version is left ("no protocols available").</exception>
    internal TlsServerOptions BuildServerOptions(Connection connection, ConnectionHooks hooks)
    {
        var options = new TlsServerOptions();
        Fill(options, connection, hooks, isServer: true);
        if (_servernameCallback is { } callback)
        {
            options.ServerNameCallback = name =>
            {
                connection.ReceivedServerName = name;
                hooks.Run(() => callback(connection));

                // The callback may have switched the connection to another context (set_context): present its identity.
                return connection.GetContext().Identity is { } identity ? ToIdentity(identity) : null;
            };
        }

        return options;
    }

    private static TlsCertificateIdentity ToIdentity((Certificate Leaf, IReadOnlyList<Certificate> Chain, Keys.PrivateKey Key) identity)
    {
        var chain = new List<Certificate>(identity.Chain.Count + 1) { identity.Leaf };
        chain.AddRange(identity.Chain);
        return new TlsCertificateIdentity(chain, identity.Key);
    }

    private (TlsProtocolVersion Min, TlsProtocolVersion Max) VersionRange()
    {
        // Below TLS 1.2 nothing is implemented (RFC 8996): a lower minimum acts as TLS 1.2, a lower maximum leaves nothing.
        bool allow12 = (_options & SslOptions.NoTlsv1_2) == 0
            && _minVersion <= SslVersion.Tls1_2
            && (_maxVersion is SslVersion.Any or >= SslVersion.Tls1_2);
        bool allow13 = _method != SslMethod.Tlsv1_2
            && (_options & SslOptions.NoTlsv1_3) == 0
            && (_maxVersion is SslVersion.Any or >= SslVersion.Tls1_3);
        return (allow12, allow13) switch
        {
            (true, true) => (TlsProtocolVersion.Tls12, TlsProtocolVersion.Tls13),
            (true, false) => (TlsProtocolVersion.Tls12, TlsProtocolVersion.Tls12),
            (false, true) => (TlsProtocolVersion.Tls13, TlsProtocolVersion.Tls13),
            _ => throw new SslException(SslErrors.Ssl, "ssl_get_min_max_version", "no protocols available"),
        };
    }

    private void Fill(TlsOptions options, Connection connection, ConnectionHooks hooks, bool isServer)
    {
        (options.MinVersion, options.MaxVersion) = VersionRange();
        if (_tls12Suites is not null)
        {
            options.CipherSuites = Implemented(_tls12Suites);
        }

        if (_tls13Suites is not null)
        {
            options.Tls13CipherSuites = Implemented(_tls13Suites);
        }

        if (_groups is not null)
        {
            options.Groups = new List<TlsNamedGroup>(_groups);
        }

        if (Identity is { } identity)
        {
            options.Certificate = ToIdentity(identity);
        }

        options.TrustStore = _store.BuildTrustStore();
        options.Verification = _store.BuildOptions();
        options.VerifyMode = (TlsVerifyMode)((int)_verifyMode & 0x7);
        options.VerifyDepth = EffectiveVerifyDepth;
        options.VerifyCallback = BuildVerifyCallback(connection, hooks, isServer);
        options.Flags = BuildFlags();

        IReadOnlyList<string>? alpn = connection.AlpnProtocols ?? _alpnProtocols;
        if (alpn is not null)
        {
            options.ApplicationProtocols = new List<string>(alpn);
        }

        if (_keylogCallback is { } keylog)
        {
            options.KeyLogCallback = line => hooks.Run(() => keylog(connection, line));
        }

        options.DhParameters = _dhParameters;
    }

    private TlsOptionFlags BuildFlags()
    {
        TlsOptionFlags flags = TlsOptionFlags.NoCompression | TlsOptionFlags.NoRenegotiation;
        if ((_options & SslOptions.CipherServerPreference) != 0)
        {
            flags |= TlsOptionFlags.CipherServerPreference;
        }

        if ((_options & SslOptions.NoTicket) != 0)
        {
            flags |= TlsOptionFlags.NoTicket;
        }

        if ((_options & SslOptions.IgnoreUnexpectedEof) != 0)
        {
            flags |= TlsOptionFlags.IgnoreUnexpectedEof;
        }

        if ((_options & SslOptions.EnableMiddleboxCompat) == 0)
        {
            flags |= TlsOptionFlags.NoMiddleboxCompatibility;
        }

        return flags;
    }

    private TlsVerifyCallback BuildVerifyCallback(Connection connection, ConnectionHooks hooks, bool isServer)
    {
        VerifyCallback? user = _verifyCallback;
        return (preverifyOk, context) =>
        {
            // pyOpenSSL never checks host names (set_tlsext_host_name only sends SNI); the engine checks one whenever a
            // client sets a server name, so that one error is forgiven here. Users check names themselves (service_identity).
            if (!isServer && context.Error == X509VerifyError.HostnameMismatch)
            {
                return true;
            }

            if (user is null)
            {
                return preverifyOk;
            }

            bool result = false;
            hooks.Run(() => result = user(connection, new X509(context.Certificate), (int)context.Error, context.Depth, preverifyOk ? 1 : 0));
            return result;
        };
    }
}
