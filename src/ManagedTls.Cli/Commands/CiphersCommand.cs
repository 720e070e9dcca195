using System.Globalization;
using ManagedTls.Tls;
using ManagedTls.Tls.Suites;

namespace ManagedTls.Cli;

/// <summary>
/// <c>mtls ciphers</c>: evaluates an OpenSSL cipher string and a TLS 1.3 ciphersuites list and prints the result as
/// OpenSSL 3.0's <c>openssl ciphers</c> does (same flags, order, <c>-v</c>/<c>-V</c>/<c>-stdname</c> lines and
/// <c>-s</c> filtering by protocol version and security level).
/// </summary>
/// <remarks>
/// Only the suites this library knows are listed (<see cref="TlsCipherSuites.All"/>): where openssl also prints
/// Camellia, ARIA, DSS, PSK, SRP or TLS 1.2 CCM suites, mtls prints the same output without them. A listed suite is
/// not necessarily implemented: CBC, static-RSA and CCM suites are known (names, strings) but never negotiated.
/// <c>-psk</c> and <c>-srp</c> are accepted and change nothing (no PSK or SRP suites are known); the provider
/// options are not offered. <c>-ciphersuites</c> takes TLS 1.3 names only.
/// </remarks>
internal sealed class CiphersCommand : ICommand
{
    public string Name => "ciphers";

    public string Summary => "List the cipher suites a cipher string selects";

    public int Run(ReadOnlySpan<string> args, CommandContext context)
    {
        bool verbose = false, hexIds = false, standardNames = false, supportedOnly = false;
        string? convert = null, ciphersuites = null;
        TlsProtocolVersion? pinned = null;
        var options = new OptionSet(Name, "[cipher]")
            .Section("General")
            .Section("Output")
            .Flag("v", "Verbose listing of the SSL/TLS ciphers", () => verbose = true)
            .Flag("V", "Even more verbose", () => verbose = hexIds = true)
            .Flag("stdname", "Show standard cipher names", () => standardNames = true)
            .Value("convert", "val", "Convert standard name into OpenSSL name", v => convert = v)
            .Section("Cipher specification")
            .Flag("s", "Only supported ciphers", () => supportedOnly = true)
            .Flag("tls1", "Ciphers compatible with TLS1", () => pinned = TlsProtocolVersion.Tls10)
            .Flag("tls1_1", "Ciphers compatible with TLS1.1", () => pinned = TlsProtocolVersion.Tls11)
            .Flag("tls1_2", "Ciphers compatible with TLS1.2", () => pinned = TlsProtocolVersion.Tls12)
            .Flag("tls1_3", "Ciphers compatible with TLS1.3", () => pinned = TlsProtocolVersion.Tls13)
            .Flag("psk", "Include ciphersuites requiring PSK", () => { })
            .Flag("srp", "(deprecated) Include ciphersuites requiring SRP", () => { })
            .Value("ciphersuites", "val", "Configure the TLSv1.3 ciphersuites to use", v => ciphersuites = v)
            .Parameter("cipher", "Cipher string to decode (optional)");
        options.Parse(args, context.Error);
        if (options.HelpRequested)
        {
            return 0;
        }

        if (options.Positionals.Count > 1)
        {
            context.Error.WriteLine($"{Name}: Use -help for summary.");
            return 1;
        }

        if (convert is not null)
        {
            TlsCipherSuiteInfo? named = TlsCipherSuites.FindByName(convert);
            context.Out.WriteLine($"OpenSSL cipher name: {(named is not null && named.IanaName == convert ? named.OpenSslName : "(NONE)")}");
            return 0;
        }

        IReadOnlyList<TlsCipherSuite> tls13;
        try
        {
            tls13 = ciphersuites is null ? TlsCipherSuites.DefaultTls13 : OpenSslCipherString.ParseTls13(ciphersuites);
        }
        catch (TlsCipherStringException e)
        {
            context.Error.WriteLine("Error setting TLSv1.3 ciphersuites");
            context.Error.WriteLine($"{Name}: {e.Message}");
            return 1;
        }

        IReadOnlyList<TlsCipherSuite> tls12;
        int? securityLevel;
        try
        {
            tls12 = OpenSslCipherString.Parse(options.Positionals.Count == 1 ? options.Positionals[0] : "DEFAULT", out securityLevel);
        }
        catch (TlsCipherStringException e)
        {
            context.Error.WriteLine("Error in cipher list");
            context.Error.WriteLine($"{Name}: {e.Message}");
            return 1;
        }

        var selected = new List<TlsCipherSuiteInfo>(tls13.Count + tls12.Count);
        foreach (TlsCipherSuite suite in tls13)
        {
            Add(selected, suite, supportedOnly, pinned, securityLevel ?? 1);
        }

        foreach (TlsCipherSuite suite in tls12)
        {
            Add(selected, suite, supportedOnly, pinned, securityLevel ?? 1);
        }

        Print(context.Out, selected, verbose || standardNames, hexIds, standardNames);
        return 0;
    }

    /// <summary>Adds the suite unless <c>-s</c> is given and the suite is outside the pinned version or below the security level (SSL_get1_supported_ciphers).</summary>
    private static void Add(List<TlsCipherSuiteInfo> selected, TlsCipherSuite suite, bool supportedOnly, TlsProtocolVersion? pinned, int securityLevel)
    {
        TlsCipherSuiteInfo info = TlsCipherSuites.Get(suite);
        if (supportedOnly)
        {
            if (pinned is { } version && (info.MinVersion > version || info.MaxVersion < version))
            {
                return;
            }

            if (!info.IsAllowedAtSecurityLevel(securityLevel))
            {
                return;
            }
        }

        selected.Add(info);
    }

    private static void Print(TextWriter output, List<TlsCipherSuiteInfo> selected, bool lines, bool hexIds, bool standardNames)
    {
        if (!lines)
        {
            for (int i = 0; i < selected.Count; i++)
            {
                if (i != 0)
                {
                    output.Write(':');
                }

                output.Write(selected[i].OpenSslName);
            }

            output.Write('\n');
            return;
        }

        foreach (TlsCipherSuiteInfo info in selected)
        {
            if (hexIds)
            {
                int id = (ushort)info.Suite;
                output.Write(string.Create(CultureInfo.InvariantCulture, $"          0x{id >> 8:X2},0x{id & 0xFF:X2} - "));
            }

            if (standardNames)
            {
                output.Write($"{info.IanaName,-45} - ");
            }

            output.Write(info.Description);
            output.Write('\n');
        }
    }
}
