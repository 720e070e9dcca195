using ManagedTls.Crypto;
using ManagedTls.Tls.Messages;
using ManagedTls.Tls.Messages.Extensions;

namespace ManagedTls.Tls.Handshake;

/// <summary>Builds the client's ClientHello from the options (RFC 8446 §4.1.2; RFC 5246 §7.4.1.2 when offering TLS 1.2).</summary>
internal static class ClientHelloBuilder
{
    /// <summary>The versions this client offers, highest first.</summary>
    internal static List<TlsProtocolVersion> OfferedVersions(TlsOptions options)
    {
        var versions = new List<TlsProtocolVersion>(2);
        TlsProtocolVersion min = options.MinVersion < TlsProtocolVersion.Tls12 ? TlsProtocolVersion.Tls12 : options.MinVersion;
        TlsProtocolVersion max = options.MaxVersion == TlsProtocolVersion.None ? TlsProtocolVersion.Tls13 : options.MaxVersion;
        if (max >= TlsProtocolVersion.Tls13 && min <= TlsProtocolVersion.Tls13)
        {
            versions.Add(TlsProtocolVersion.Tls13);
        }

        if (max >= TlsProtocolVersion.Tls12 && min <= TlsProtocolVersion.Tls12)
        {
            versions.Add(TlsProtocolVersion.Tls12);
        }

        if (versions.Count == 0)
        {
            throw new TlsException(TlsError.Configuration, TlsAlertDescription.InternalError, $"no protocol version between {options.MinVersion} and {options.MaxVersion} is supported (TLS 1.2 and 1.3 only)");
        }

        return versions;
    }

    /// <summary>
    /// Builds a ClientHello. <paramref name="keyShares"/> receives the generated key pairs (first hello) or is reused
    /// (retry); retryGroup and cookie come from the HelloRetryRequest.
    /// </summary>
    internal static ClientHello Build(HandshakeContext context, IReadOnlyList<TlsProtocolVersion> versions, Dictionary<TlsNamedGroup, IKeyAgreement> keyShares, ClientHello? first, TlsNamedGroup? retryGroup, byte[]? cookie)
    {
        TlsClientOptions options = context.ClientOptions!;
        bool offer13 = versions.Contains(TlsProtocolVersion.Tls13);
        bool offer12 = versions.Contains(TlsProtocolVersion.Tls12);

        byte[] random;
        byte[] sessionId;
        if (first is null)
        {
            random = new byte[32];
            context.FillRandom(random);
            sessionId = [];
            if (offer13 && (options.Flags & TlsOptionFlags.NoMiddleboxCompatibility) == 0)
            {
                sessionId = new byte[32];
                context.FillRandom(sessionId);
            }
        }
        else
        {
            random = first.Random; // RFC 8446 §4.1.2: the second ClientHello repeats the first's fields
            sessionId = first.SessionId;
        }

        var suites = new List<TlsCipherSuite>();
        if (offer13)
        {
            suites.AddRange(options.Tls13CipherSuites);
        }

        if (offer12)
        {
            suites.AddRange(options.CipherSuites);
        }

        if (suites.Count == 0)
        {
            throw new TlsException(TlsError.Configuration, TlsAlertDescription.InternalError, "no cipher suite configured");
        }

        var groups = new List<TlsNamedGroup>();
        foreach (TlsNamedGroup group in options.Groups)
        {
            if (!offer12 && !KeyShareGenerator.IsSupported(group))
            {
                continue;
            }

            groups.Add(group);
        }

        var extensions = new List<TlsExtension>();
        string? sni = options.SendSni ? SniName(options.ServerName) : null;
        if (sni is not null)
        {
            extensions.Add(new TlsExtension(TlsExtensionType.ServerName, ServerNameExtension.Encode(sni)));
        }

        if (offer12)
        {
            extensions.Add(new TlsExtension(TlsExtensionType.RenegotiationInfo, OpaqueExtension.EncodeVector8([])));
        }

        extensions.Add(new TlsExtension(TlsExtensionType.SupportedGroups, UInt16ListExtension.EncodeGroups(groups)));
        if (offer12)
        {
            extensions.Add(new TlsExtension(TlsExtensionType.EcPointFormats, OpaqueExtension.EncodeVector8([0])));
            extensions.Add(new TlsExtension(TlsExtensionType.ExtendedMasterSecret, Array.Empty<byte>()));
        }

        if (options.ApplicationProtocols is { Count: > 0 } alpn)
        {
            extensions.Add(new TlsExtension(TlsExtensionType.ApplicationLayerProtocolNegotiation, AlpnExtension.Encode(alpn)));
        }

        if (offer13)
        {
            extensions.Add(new TlsExtension(TlsExtensionType.KeyShare, KeyShareExtension.EncodeClient(KeyShares(context, options, groups, keyShares, retryGroup))));
            var versionCodes = new List<ushort>();
            foreach (TlsProtocolVersion version in versions)
            {
                versionCodes.Add((ushort)version);
            }

            extensions.Add(new TlsExtension(TlsExtensionType.SupportedVersions, SupportedVersionsExtension.EncodeClient(versionCodes)));
        }

        extensions.Add(new TlsExtension(TlsExtensionType.SignatureAlgorithms, UInt16ListExtension.EncodeSchemes(options.SignatureSchemes)));
        if (offer13)
        {
            extensions.Add(new TlsExtension(TlsExtensionType.PskKeyExchangeModes, OpaqueExtension.EncodeVector8([(byte)TlsPskKeyExchangeMode.PskDheKe])));
        }

        if (cookie is not null)
        {
            extensions.Add(new TlsExtension(TlsExtensionType.Cookie, OpaqueExtension.EncodeVector16(cookie)));
        }

        IReadOnlyList<TlsExtension> final = options.ClientHelloExtensionsHook is { } hook ? hook(extensions) : extensions;
        return new ClientHello(TlsProtocolVersion.Tls12, random, sessionId, suites, [0], final);
    }

    /// <summary>The SNI name to send: none for IP addresses (RFC 6066 §3), no trailing dot.</summary>
    internal static string? SniName(string? serverName)
    {
        if (string.IsNullOrEmpty(serverName) || System.Net.IPAddress.TryParse(serverName, out _))
        {
            return null;
        }

        return serverName.TrimEnd('.');
    }

    private static List<KeyShareEntry> KeyShares(HandshakeContext context, TlsClientOptions options, List<TlsNamedGroup> groups, Dictionary<TlsNamedGroup, IKeyAgreement> keyShares, TlsNamedGroup? retryGroup)
    {
        if (retryGroup is { } only)
        {
            foreach (IKeyAgreement old in keyShares.Values)
            {
                old.Dispose();
            }

            keyShares.Clear();
            keyShares[only] = KeyShareGenerator.Generate(context, only);
        }
        else
        {
            IEnumerable<TlsNamedGroup> wanted = options.KeyShareGroups ?? FirstSupported(groups);
            foreach (TlsNamedGroup group in wanted)
            {
                if (KeyShareGenerator.IsSupported(group) && !keyShares.ContainsKey(group))
                {
                    keyShares[group] = KeyShareGenerator.Generate(context, group);
                }
            }
        }

        var entries = new List<KeyShareEntry>(keyShares.Count);
        foreach (KeyValuePair<TlsNamedGroup, IKeyAgreement> pair in keyShares)
        {
            entries.Add(new KeyShareEntry(pair.Key, pair.Value.PublicKey.ToArray()));
        }

        return entries;
    }

    private static List<TlsNamedGroup> FirstSupported(List<TlsNamedGroup> groups)
    {
        foreach (TlsNamedGroup group in groups)
        {
            if (KeyShareGenerator.IsSupported(group))
            {
                return [group];
            }
        }

        throw new TlsException(TlsError.Configuration, TlsAlertDescription.InternalError, "no TLS 1.3 key share group configured");
    }
}
